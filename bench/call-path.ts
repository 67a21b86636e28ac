import { performance } from "node:perf_hooks";
import { GetItemCommand, PutItemCommand } from "@aws-sdk/client-dynamodb";
import { HandoffRequested } from "../contracts/events/catalog.js";
import { DynamoDbStateStore } from "../functions/adapters/dynamodb-state-store.js";
import { InMemoryPendingEvents } from "../functions/adapters/in-memory.js";
import { ScriptedLanguageModel } from "../functions/adapters/scripted-language-model.js";
import { createStateTable } from "../functions/adapters/state-table.js";
import {
  answerLex,
  type LexConversationDependencies,
  SESSION,
} from "../functions/application/lex-conversation.js";
import { CampaignRegistry, defaultCampaign } from "../functions/domain/campaigns.js";
import type { BusEvent, EventPublisher } from "../functions/ports/event-publisher.js";
import { startDynamoDbLocal } from "../test/support/dynamodb-local.js";
import { lexTurnEvent } from "./lex-events.js";

/** Counts what the call path puts on the bus, by detail type and id. */
class CountingPublisher implements EventPublisher {
  readonly published: BusEvent[] = [];
  async publish(events: readonly BusEvent[]) {
    this.published.push(...events);
    return { failed: [] };
  }
}

const CALL = [
  "sure, go ahead",
  "we need to replace our old pbx, it keeps dropping calls",
  "hmm, not sure yet",
  "around 20k for the year",
  "me and my business partner decide together",
  "ideally in about six weeks",
  "what about support hours",
  "ok that makes sense",
  "how does porting work",
  "good to know",
  "can i talk to a real person now please",
];

export interface CallPathFigures {
  roundTripsPerTurn: number;
  handlerMicrosPerTurn: number;
  bareMicrosPerPair: number;
  ratio: number;
  concurrent: {
    calls: number;
    turnsPerCall: number;
    /** Turns neither written to the contact's state nor answered by moving the caller to a person. */
    lostTurns: number;
    /**
     * Turns not written whose every delivery was answered with a system_fallback transfer (past the deadline):
     * the caller was moved to a person. Connect would send that contact no more turns; the bench goes on.
     */
    transferredUnwritten: number;
    contactsHandedOff: number;
    duplicateHandoffIds: number;
    handoffPublishes: number;
    turnsPerSecond: number;
    /** Deliveries that ran past their deadline (the handler's own count): answered if written, else transferred. */
    deadlineTransfers: number;
    /** Deliveries that ended in a system_fallback transfer, the unwritten late ones among them. */
    systemFallbacks: number;
  };
}

export async function callPathFigures(): Promise<CallPathFigures> {
  const local = await startDynamoDbLocal();
  try {
    const tableName = "baton-bench";
    await createStateTable(local.client, tableName);
    let sends = 0;
    local.client.middlewareStack.add(
      (next) => async (args) => {
        sends += 1;
        return next(args);
      },
      { step: "initialize", name: "countRoundTrips" },
    );
    const publisher = new CountingPublisher();
    const counted = new Map<string, number>();
    const deps: LexConversationDependencies = {
      stateStore: new DynamoDbStateStore({ client: local.client, tableName }),
      publisher,
      languageModel: new ScriptedLanguageModel(),
      campaigns: new CampaignRegistry([defaultCampaign]),
      clock: () => new Date(),
      ttlDays: 1,
      defaultCampaignId: defaultCampaign.id,
      fallbackQueue: defaultCampaign.routes.system_fallback,
      fallbackLine: defaultCampaign.script.handoff,
      maxSilentTurns: 3,
      pendingEvents: new InMemoryPendingEvents(),
      turnDeadlineMs: 3_000,
      log: () => undefined,
      count: (metric) => counted.set(metric, (counted.get(metric) ?? 0) + 1),
    };
    /** Plays a call; returns how many of its turns were answered only with a system_fallback transfer. */
    const runCall = async (contactId: string, turns: number, duplicateEvery = 0): Promise<number> => {
      let attributes: Record<string, string> = { contactId, campaignId: defaultCampaign.id };
      let transferredOnly = 0;
      for (let t = 0; t < turns; t++) {
        const event = lexTurnEvent({
          sessionId: `session-${contactId}`,
          text: CALL[t % CALL.length] ?? "ok",
          requestId: `${contactId}-${t}`,
          sessionAttributes: attributes,
        });
        const deliveries = duplicateEvery > 0 && t % duplicateEvery === 0 ? 2 : 1;
        const responses = await Promise.all(Array.from({ length: deliveries }, () => answerLex(deps, event)));
        const [response] = responses;
        if (!response) throw new Error("no response");
        const fallback = (answer: typeof response) =>
          answer.sessionState.sessionAttributes[SESSION.trigger] === "system_fallback";
        if (responses.every(fallback)) transferredOnly += 1;
        attributes = response.sessionState.sessionAttributes;
      }
      return transferredOnly;
    };

    // 1. Round trips: one call, turn by turn.
    await runCall("warmup", 5);
    sends = 0;
    await runCall("round-trips", 10);
    const roundTripsPerTurn = sends / 10;

    // 2. Handler time per turn against a bare consistent GetItem + conditional PutItem of the same item.
    const sample = await local.client.send(
      new GetItemCommand({
        TableName: tableName,
        Key: { pk: { S: "CONTACT#round-trips" }, sk: { S: "STATE" } },
      }),
    );
    const item = sample.Item ?? {};
    const bare = async (n: number): Promise<number> => {
      const started = performance.now();
      for (let i = 0; i < n; i++) {
        const key = { pk: { S: `CONTACT#bare-${i % 20}` }, sk: { S: "STATE" } };
        const current = await local.client.send(
          new GetItemCommand({ TableName: tableName, Key: key, ConsistentRead: true }),
        );
        const version = Number(current.Item?.version?.N ?? "0");
        await local.client.send(
          new PutItemCommand({
            TableName: tableName,
            Item: { ...item, ...key, version: { N: String(version + 1) } },
            ConditionExpression: "attribute_not_exists(pk) OR version = :v",
            ExpressionAttributeValues: { ":v": { N: String(version) } },
          }),
        );
      }
      return ((performance.now() - started) * 1000) / n;
    };
    const handler = async (calls: number, round: number): Promise<number> => {
      const started = performance.now();
      for (let c = 0; c < calls; c++) await runCall(`ratio-${round}-${c}`, 10);
      return ((performance.now() - started) * 1000) / (calls * 10);
    };
    await bare(50);
    const bareRuns = [await bare(200), await bare(200)];
    const handlerRuns = [await handler(20, 1), await handler(20, 2)];
    const bareMicrosPerPair = Math.min(...bareRuns);
    const handlerMicrosPerTurn = Math.min(...handlerRuns);

    // 3. 200 calls of 20 turns at once; every fifth turn delivered twice at the same moment (a Lex retry).
    publisher.published.length = 0;
    counted.clear();
    const calls = 200;
    const turnsPerCall = 20;
    const started = performance.now();
    const transferred = await Promise.all(
      Array.from({ length: calls }, (_, c) => runCall(`load-${c}`, turnsPerCall, 5)),
    );
    const seconds = (performance.now() - started) / 1000;
    const store = new DynamoDbStateStore({ client: local.client, tableName });
    let lostTurns = 0;
    let transferredUnwritten = 0;
    for (let c = 0; c < calls; c++) {
      const stored = await store.loadContact(`load-${c}`);
      const unwritten = turnsPerCall - (stored?.state.customerTurns ?? 0);
      // A late transfer whose write still landed is no unwritten turn: per call, not summed across calls.
      const moved = Math.min(unwritten, transferred[c] ?? 0);
      transferredUnwritten += moved;
      lostTurns += unwritten - moved;
    }
    const handoffs = publisher.published.filter((event) => event.detailType === HandoffRequested.detailType);
    const idsByContact = new Map<string, Set<string>>();
    for (const event of handoffs) {
      const contact = event.id.split(":")[1] ?? "";
      idsByContact.set(contact, (idsByContact.get(contact) ?? new Set()).add(event.id));
    }
    const duplicateHandoffIds = [...idsByContact.values()].reduce((n, ids) => n + ids.size - 1, 0);
    return {
      roundTripsPerTurn,
      handlerMicrosPerTurn,
      bareMicrosPerPair,
      ratio: handlerMicrosPerTurn / bareMicrosPerPair,
      concurrent: {
        calls,
        turnsPerCall,
        lostTurns,
        transferredUnwritten,
        contactsHandedOff: idsByContact.size,
        duplicateHandoffIds,
        handoffPublishes: handoffs.length,
        turnsPerSecond: Math.round((calls * turnsPerCall) / seconds),
        deadlineTransfers: counted.get("TurnDeadline") ?? 0,
        systemFallbacks: counted.get("SystemFallback") ?? 0,
      },
    };
  } finally {
    await local.stop();
  }
}
