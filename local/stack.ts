import { randomUUID } from "node:crypto";
import { mkdir } from "node:fs/promises";
import type { IncomingMessage, ServerResponse } from "node:http";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { busRules, type RuleTarget } from "../contracts/bus-rules.js";
import type { Campaign } from "../contracts/campaign.js";
import { DynamoDbStateStore } from "../functions/adapters/dynamodb-state-store.js";
import { ScriptedLanguageModel } from "../functions/adapters/scripted-language-model.js";
import { createStateTable } from "../functions/adapters/state-table.js";
import type { LexConversationDependencies } from "../functions/application/lex-conversation.js";
import { CampaignRegistry, defaultCampaign } from "../functions/domain/campaigns.js";
import type { Persona } from "./api/persona-api.js";
import { LocalBus, type TargetHandler } from "./bus/local-bus.js";
import { PendingEventsFile } from "./bus/pending-events-file.js";
import { CallService } from "./calls/call-service.js";
import { CallStore } from "./calls/call-store.js";
import { runPersona } from "./calls/persona-runner.js";
import { DeskStore } from "./desk/desk-store.js";
import { handbackScheduler } from "./desk/handback-scheduler.js";
import { handoffRouter } from "./desk/handoff-router.js";
import { crmSyncLogger, handoffKpiLogger } from "./desk/logging-targets.js";
import { type LocalDynamoDb, startLocalDynamoDb } from "./dynamodb/local-dynamodb.js";
import { describeProblem, loadPersonas } from "./persona/load-personas.js";
import { acquireDataLock, type DataLock } from "./support/data-lock.js";
import type { Log } from "./support/log.js";
import { showPath } from "./support/show-path.js";
import { handleRequest } from "./web/api-routes.js";
import { sendJson } from "./web/http-json.js";
import { type ListeningServer, listen } from "./web/http-server.js";
import { SseHub } from "./web/sse-hub.js";
import { buildWebAssets } from "./web/web-assets.js";

export const STATE_TABLE_NAME = "baton-state";
export const CALL_TABLE_NAME = "baton-local-calls";
export const DEFAULT_PERSONA_DIR = fileURLToPath(new URL("./personas/", import.meta.url));

export interface LocalStackOptions {
  /** Everything the runtime keeps: DynamoDB Local's files, the desk, dead letters, unmatched events. */
  dataDir: string;
  /** 0 picks a free port (tests, demo, bench). */
  port: number;
  host?: string;
  log: Log;
  personaDir?: string;
  /** Default pause between persona lines when a persona runs from the console. */
  paceMs?: number;
  campaigns?: readonly Campaign[];
  /** Bus backoff base; tests shorten it. */
  busBaseDelayMs?: number;
  /**
   * The call path's turn deadline (default 3,000 ms, as deployed). Tests that check what the engine decides
   * raise it, so a machine slowed by other work cannot turn their calls into deadline fallbacks.
   */
  turnDeadlineMs?: number;
}

export interface LocalStack {
  url: string;
  port: number;
  dataDir: string;
  bus: LocalBus;
  desk: DeskStore;
  calls: CallService;
  campaigns: CampaignRegistry;
  personas: () => Promise<Awaited<ReturnType<typeof loadPersonas>>>;
  /** Runs a persona into a call and resolves when it is done (the console starts it without waiting). */
  playPersona: (callId: string, persona: Persona, paceMs?: number) => Promise<void>;
  stop(): Promise<void>;
}

/**
 * The whole pipeline on one machine: DynamoDB Local (Baton's state table plus the local call sessions),
 * the local bus with the deployed rule patterns, the desk's targets, the conversation-turn code (fed
 * real Lex V2 events by the call service), and the web server for the console and the agent desk.
 */
export async function startLocalStack(options: LocalStackOptions): Promise<LocalStack> {
  const { log, dataDir } = options;
  const host = options.host ?? "127.0.0.1";
  const campaignList = options.campaigns ?? [defaultCampaign];
  const registry = new CampaignRegistry(campaignList);
  const shown = showPath(dataDir);
  const cleanups: Array<() => Promise<void>> = [];
  const cleanUp = async () => {
    for (const cleanup of cleanups.reverse()) await cleanup().catch(() => {});
  };

  await mkdir(dataDir, { recursive: true });
  const lock: DataLock = await acquireDataLock(dataDir, `http://localhost:${options.port}`);
  cleanups.push(() => lock.release());
  try {
    // The port first: a second runtime finds out at once, before anything else starts.
    let ready: ((request: IncomingMessage, response: ServerResponse) => void) | undefined;
    const server: ListeningServer = await listen(
      (request, response) => {
        if (ready) ready(request, response);
        else answerWhileStarting(request, response);
      },
      options.port,
      host,
    );
    cleanups.push(() => server.close());
    await lock.update(server.url);
    log.info(`web server listening on ${server.url} (starting the rest)`);

    const assetsBuilt = buildWebAssets();
    // Awaited after DynamoDB starts; marked handled now so an early failure is not an unhandled rejection.
    assetsBuilt.catch(() => {});
    log.info(`DynamoDB Local: starting, data in ${join(shown, "dynamodb")}`);
    const started = Date.now();
    const dynamo: LocalDynamoDb = await startLocalDynamoDb({ dataDir: join(dataDir, "dynamodb"), log });
    cleanups.push(() => dynamo.stop());
    await createStateTable(dynamo.client, STATE_TABLE_NAME);
    const callStore = await CallStore.create(dynamo.client, CALL_TABLE_NAME);
    log.info(
      `DynamoDB Local: ready on ${dynamo.endpoint} in ${((Date.now() - started) / 1000).toFixed(1)} s`,
    );

    const desk = await DeskStore.open(join(dataDir, "desk.json"), log);
    cleanups.push(() => desk.flush());
    const hub = new SseHub();
    cleanups.push(async () => hub.close());
    const clock = () => new Date();

    let bus: LocalBus | undefined;
    const publisher = {
      publish: (events: Parameters<LocalBus["publish"]>[0]) => requireBus(bus).publish(events),
    };
    const targets: Record<RuleTarget, TargetHandler> = {
      "handoff-router": handoffRouter({ desk, publisher, clock, log }),
      "handback-scheduler": handbackScheduler({ desk, clock, log }),
      "handoff-kpi": handoffKpiLogger(log),
      "crm-sync-example": crmSyncLogger(log),
    };
    bus = new LocalBus({
      // One definition, two uses: the CDK app deploys these same rules.
      rules: busRules(campaignList),
      targets,
      dataDir,
      log,
      ...(options.busBaseDelayMs !== undefined ? { baseDelayMs: options.busBaseDelayMs } : {}),
    });
    const localBus = bus;
    cleanups.push(() => localBus.settled());
    log.info(`local bus: ${localBus.rules.length} rules from contracts/bus-rules.ts`);

    const conversation: LexConversationDependencies = {
      stateStore: new DynamoDbStateStore({ client: dynamo.client, tableName: STATE_TABLE_NAME }),
      publisher: localBus,
      languageModel: new ScriptedLanguageModel(),
      pendingEvents: new PendingEventsFile(join(dataDir, "pending-events.jsonl")),
      campaigns: registry,
      clock,
      ttlDays: 90,
      turnDeadlineMs: options.turnDeadlineMs ?? 3_000,
      defaultCampaignId: defaultCampaign.id,
      fallbackQueue: defaultCampaign.routes.system_fallback ?? "baton-closers",
      fallbackLine: defaultCampaign.script.handoff,
      maxSilentTurns: 3,
      onPublishFailure: (ids, contactId) =>
        log.warn(`call path: ${contactId} could not publish ${ids.join(", ")}`),
      log: (level, message, details) => log[level](`call path: ${message} ${JSON.stringify(details)}`),
      count: () => {},
    };
    const calls = new CallService({
      store: callStore,
      conversation,
      campaigns: registry,
      clock,
      newId: randomUUID,
    });

    desk.onChange((change) => hub.broadcast("desk", change));
    calls.onChange((call) => hub.broadcast("call", { callId: call.callId, status: call.status }));

    const personaDir = options.personaDir ?? DEFAULT_PERSONA_DIR;
    const personas = () => loadPersonas(personaDir);
    const initial = await personas();
    for (const problem of initial.problems) log.warn(describeProblem(problem));
    log.info(`personas: ${initial.personas.map((persona) => persona.id).join(", ") || "none"}`);

    const runs = new Set<Promise<void>>();
    const abort = new AbortController();
    cleanups.push(async () => {
      abort.abort();
      await Promise.allSettled([...runs]);
    });
    const playPersona = (callId: string, persona: Persona, paceMs?: number): Promise<void> => {
      const run = runPersona(calls, callId, persona, {
        paceMs: paceMs ?? options.paceMs ?? 0,
        signal: abort.signal,
      }).then(
        () => {},
        (error: unknown) =>
          log.error(`persona ${persona.id} in ${callId}: ${error instanceof Error ? error.message : error}`),
      );
      runs.add(run);
      void run.finally(() => runs.delete(run));
      return run;
    };

    const assets = await assetsBuilt;
    ready = (request, response) =>
      void handleRequest(
        {
          calls,
          desk,
          deskActions: { desk, publisher: localBus, clock },
          campaigns: campaignList,
          personas,
          startPersona: (callId, persona, paceMs) => void playPersona(callId, persona, paceMs),
          bus: localBus,
          hub,
          assets,
          log,
        },
        request,
        response,
      );

    return {
      url: server.url,
      port: server.port,
      dataDir,
      bus: localBus,
      desk,
      calls,
      campaigns: registry,
      personas,
      playPersona,
      stop: async () => {
        // No new requests first; then personas, deliveries and writes finish before DynamoDB stops.
        await server.close();
        await cleanUp();
      },
    };
  } catch (error) {
    await cleanUp();
    throw error;
  }
}

function requireBus(bus: LocalBus | undefined): LocalBus {
  if (!bus) throw new Error("the local bus is not started yet");
  return bus;
}

/**
 * Before the rest is up: a page asked for gets a page that reloads itself (not JSON), the live-update
 * stream ends at once with a retry hint (so the browser reconnects instead of giving up), the API 503.
 */
function answerWhileStarting(request: IncomingMessage, response: ServerResponse): void {
  const path = (request.url ?? "/").split("?")[0] ?? "/";
  if (path === "/api/events") {
    response.writeHead(200, {
      "content-type": "text/event-stream; charset=utf-8",
      "cache-control": "no-store",
    });
    response.end("retry: 1000\n\n");
    return;
  }
  if (path.startsWith("/api/")) {
    sendJson(response, 503, { error: "Baton is starting, try again in a moment" });
    return;
  }
  response.writeHead(503, {
    "content-type": "text/html; charset=utf-8",
    "retry-after": "1",
    "cache-control": "no-store",
  });
  response.end(STARTING_PAGE);
}

const STARTING_PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta http-equiv="refresh" content="1"><title>Baton is starting</title></head>
<body style="font-family: system-ui, sans-serif; padding: 2rem"><main><h1>Baton is starting</h1>
<p>DynamoDB Local and the bus are starting; this page reloads by itself in a moment.</p></main></body></html>
`;
