import {
  BedrockRuntimeClient,
  ConverseCommand,
  type ConverseCommandOutput,
  ThrottlingException,
} from "@aws-sdk/client-bedrock-runtime";
import { DynamoDBClient, GetItemCommand } from "@aws-sdk/client-dynamodb";
import {
  EventBridgeClient,
  PutEventsCommand,
  type PutEventsCommandInput,
  type PutEventsCommandOutput,
} from "@aws-sdk/client-eventbridge";
import { SendMessageCommand, type SendMessageCommandInput, SQSClient } from "@aws-sdk/client-sqs";
import { unmarshall } from "@aws-sdk/util-dynamodb";
import { mockClient } from "aws-sdk-client-mock";
import { lexTurnEvent } from "../../bench/lex-events.js";
import { HandoffRequested } from "../../contracts/events/catalog.js";
import { LexV2Response } from "../../contracts/lex-v2.js";
import { BedrockLanguageModel } from "../../functions/adapters/bedrock-language-model.js";
import { CALL_PATH_LIMITS, clientSettings } from "../../functions/adapters/call-path-clients.js";
import { DynamoDbStateStore } from "../../functions/adapters/dynamodb-state-store.js";
import { EventBridgePublisher } from "../../functions/adapters/eventbridge-publisher.js";
import { PendingEventsMessage, SqsPendingEvents } from "../../functions/adapters/sqs-pending-events.js";
import { contactKey, createStateTable } from "../../functions/adapters/state-table.js";
import { answerLex, type LexConversationDependencies } from "../../functions/application/lex-conversation.js";
import { CampaignRegistry, defaultCampaign } from "../../functions/domain/campaigns.js";
import { startDynamoDbLocal } from "./dynamodb-local.js";
import { type FaultPlan, type FaultProxy, startFaultProxy } from "./fault-proxy.js";

/** How a dependency behaves during the faulty turn. */
export interface Scenario {
  name: string;
  /** Requests of the faulty turn, counted from 0. */
  dynamodb: FaultPlan;
  eventBridge: "ok" | "refuse" | "partial" | "hang";
  bedrock: "ok" | "throttle" | "hang";
  sqs: "ok" | "refuse";
}

export interface ScenarioResult {
  name: string;
  calls: number;
  validReplies: number;
  handoffs: number;
  /** Handoffs whose `Handoff.Requested` is on the bus, in the pending-events queue or pending on the item. */
  handoffsDelivered: number;
  /** Events written to a contact's outbox (or produced by a fallback) that are nowhere now. */
  lostEvents: number;
  /** Events neither published nor kept, whose only copy is the error log (the last resort). */
  eventsOnlyInLog: number;
  /** A second `Handoff.Requested` id for one contact. */
  handoffsUnderNewId: number;
  /** Places (bus, queue, model, logs, replies, the item) where a card number or SSN appeared. */
  piiExposures: number;
  /** Faulty-turn reply times. */
  replyMs: number[];
}

const TABLE = "baton-fault-matrix";
const CREDENTIALS = { accessKeyId: "local", secretAccessKey: "local" };
export const TURN_DEADLINE_MS = 3_000;

/** The faulty turn says a card number and an SSN; even calls ask for a person, odd ones give a budget. */
const FIRST_TURN = "we're growing and our receptionist can't keep up with calls";
const FAULTY_TURNS = [
  "can I talk to a real person please, my card is 4111 1111 1111 1111 and my social is 123-45-6789",
  "we have about 500 a month set aside, my card number is 4111 1111 1111 1111, social 123-45-6789",
];
const PII = /4111[ -]?1111|123-45-6789|41111111/;

const pass: FaultPlan = () => "pass";

/** The matrix the issue asks for: DynamoDB closed, hung and killed mid-request; the bus, the model and the queue failing. */
export const SCENARIOS: Scenario[] = [
  { name: "healthy", dynamodb: pass, eventBridge: "ok", bedrock: "ok", sqs: "ok" },
  { name: "dynamodb closed", dynamodb: () => "refuse", eventBridge: "ok", bedrock: "ok", sqs: "ok" },
  { name: "dynamodb hung", dynamodb: () => "hang", eventBridge: "ok", bedrock: "ok", sqs: "ok" },
  {
    name: "dynamodb dies mid-write",
    dynamodb: (n) => (n === 0 ? "pass" : n === 1 ? "cut" : "refuse"),
    eventBridge: "ok",
    bedrock: "ok",
    sqs: "ok",
  },
  {
    name: "dynamodb write answer lost",
    dynamodb: (n) => (n === 1 ? "cut" : "pass"),
    eventBridge: "ok",
    bedrock: "ok",
    sqs: "ok",
  },
  { name: "putevents refused", dynamodb: pass, eventBridge: "refuse", bedrock: "ok", sqs: "ok" },
  { name: "putevents partial", dynamodb: pass, eventBridge: "partial", bedrock: "ok", sqs: "ok" },
  { name: "putevents hung", dynamodb: pass, eventBridge: "hang", bedrock: "ok", sqs: "ok" },
  {
    name: "dynamodb closed + putevents refused",
    dynamodb: () => "refuse",
    eventBridge: "refuse",
    bedrock: "ok",
    sqs: "ok",
  },
  { name: "bedrock throttled", dynamodb: pass, eventBridge: "ok", bedrock: "throttle", sqs: "ok" },
  { name: "bedrock hung", dynamodb: pass, eventBridge: "ok", bedrock: "hang", sqs: "ok" },
  {
    name: "dynamodb + putevents + sqs down",
    dynamodb: () => "refuse",
    eventBridge: "refuse",
    bedrock: "ok",
    sqs: "refuse",
  },
];

export interface FaultMatrix {
  run(scenario: Scenario, calls: number): Promise<ScenarioResult>;
  stop(): Promise<void>;
}

/** DynamoDB Local behind the fault proxy, EventBridge, Bedrock and SQS mocked at the SDK boundary. */
export async function startFaultMatrix(): Promise<FaultMatrix> {
  const local = await startDynamoDbLocal();
  await createStateTable(local.client, TABLE);
  const port = Number(new URL(local.endpoint).port);
  const proxy: FaultProxy = await startFaultProxy({ host: "127.0.0.1", port });
  // The handler's own limits: timeouts and bounded retries.
  const dynamodb = new DynamoDBClient({
    ...clientSettings(CALL_PATH_LIMITS.dynamodb),
    endpoint: proxy.endpoint,
    region: "local",
    credentials: CREDENTIALS,
  });
  const eventBridge = mockClient(EventBridgeClient);
  const bedrock = mockClient(BedrockRuntimeClient);
  const sqs = mockClient(SQSClient);

  const run = async (scenario: Scenario, calls: number): Promise<ScenarioResult> => {
    const onBus: string[] = [];
    const inQueue: string[] = [];
    const exposures: string[] = [];
    const logs: string[] = [];
    let faulty = false;
    eventBridge.reset();
    bedrock.reset();
    sqs.reset();
    eventBridge.on(PutEventsCommand).callsFake(async (input: PutEventsCommandInput) => {
      exposures.push(JSON.stringify(input));
      const mode = faulty ? scenario.eventBridge : "ok";
      if (mode === "hang") return new Promise<never>(() => {});
      if (mode === "refuse") throw Object.assign(new Error("Internal error"), { name: "InternalException" });
      return putEventsAnswer(input, mode === "partial", onBus);
    });
    bedrock.on(ConverseCommand).callsFake(async (input: unknown) => {
      exposures.push(JSON.stringify(input));
      const mode = faulty ? scenario.bedrock : "ok";
      if (mode === "hang") return new Promise<never>(() => {});
      if (mode === "throttle")
        throw new ThrottlingException({ message: "Too many requests", $metadata: { httpStatusCode: 429 } });
      return converseAnswer("Thanks, that helps. What's the main thing you'd want it to fix?");
    });
    sqs.on(SendMessageCommand).callsFake(async (input: SendMessageCommandInput) => {
      exposures.push(JSON.stringify(input));
      if (faulty && scenario.sqs === "refuse")
        throw Object.assign(new Error("Service unavailable"), { name: "ServiceUnavailable" });
      const message = PendingEventsMessage.parse(JSON.parse(input.MessageBody ?? "null"));
      inQueue.push(...message.events.map((event) => event.id));
      return { $metadata: { httpStatusCode: 200 }, MessageId: `m-${inQueue.length}` };
    });
    const deps = dependencies(dynamodb, (line) => logs.push(line));

    const result: ScenarioResult = {
      name: scenario.name,
      calls,
      validReplies: 0,
      handoffs: 0,
      handoffsDelivered: 0,
      lostEvents: 0,
      eventsOnlyInLog: 0,
      handoffsUnderNewId: 0,
      piiExposures: 0,
      replyMs: [],
    };
    const contacts: Array<{ contactId: string; handoff: boolean; confirmed: string; fallbackIds: string[] }> =
      [];
    const slug = scenario.name.replace(/\W+/g, "-");
    for (let call = 0; call < calls; call += 1) {
      const contactId = `fault-${slug}-${call}-${Date.now()}`;
      proxy.setPlan(pass);
      faulty = false;
      const opening = await answerLex(
        deps,
        lexTurnEvent({
          sessionId: `s-${contactId}`,
          text: FIRST_TURN,
          requestId: `${contactId}-1`,
          sessionAttributes: { contactId, campaignId: defaultCampaign.id, leadId: `lead-${contactId}` },
        }),
      );
      proxy.resetCounts();
      proxy.setPlan(scenario.dynamodb);
      faulty = true;
      const text = FAULTY_TURNS[call % FAULTY_TURNS.length] ?? "";
      const started = performance.now();
      const raw = await answerLex(
        deps,
        lexTurnEvent({
          sessionId: `s-${contactId}`,
          text,
          requestId: `${contactId}-2`,
          sessionAttributes: opening.sessionState.sessionAttributes,
        }),
      );
      result.replyMs.push(performance.now() - started);
      faulty = false;
      proxy.setPlan(pass);
      exposures.push(JSON.stringify(raw));
      const reply = LexV2Response.safeParse(raw);
      const attributes = raw.sessionState.sessionAttributes;
      const valid =
        reply.success &&
        (raw.messages?.[0]?.content ?? "").length > 0 &&
        (raw.sessionState.dialogAction.type === "ElicitIntent" ||
          (raw.sessionState.dialogAction.type === "Close" && attributes.handoff !== undefined));
      if (valid) result.validReplies += 1;
      const handoff = attributes.handoff === "true";
      if (handoff) result.handoffs += 1;
      contacts.push({
        contactId,
        handoff,
        confirmed: attributes.baton_published ?? "",
        fallbackIds: handoff ? [`${HandoffRequested.detailType}:${contactId}:handoff`] : [],
      });
    }

    const lastResort = logs.filter((line) => line.includes("neither published nor kept")).join("\n");
    // Everything the turns wrote, read with a healthy client.
    for (const contact of contacts) {
      const { pk, sk } = contactKey(contact.contactId);
      const { Item } = await local.client.send(
        new GetItemCommand({ TableName: TABLE, Key: { pk: { S: pk }, sk: { S: sk } }, ConsistentRead: true }),
      );
      const item = Item ? unmarshall(Item) : undefined;
      if (item) exposures.push(JSON.stringify(item));
      const outbox = ((item?.outbox ?? []) as Array<{ id: string }>).map((entry) => entry.id);
      const pending = new Set<string>(item?.unpublished ? [...(item.unpublished as Set<string>)] : []);
      // A continue turn the reply did not confirm is carried into the next turn's write.
      const carried =
        item && contact.confirmed !== String(item.version) ? new Set(outbox) : new Set<string>();
      const delivered = (id: string) =>
        onBus.includes(id) ||
        inQueue.includes(id) ||
        pending.has(id) ||
        (!contact.handoff && carried.has(id));
      const mustDeliver = new Set([...outbox, ...contact.fallbackIds]);
      const undelivered = [...mustDeliver].filter((id) => !delivered(id));
      const logged = undelivered.filter((id) => lastResort.includes(JSON.stringify(id)));
      result.eventsOnlyInLog += logged.length;
      result.lostEvents += undelivered.length - logged.length;
      if (contact.handoff && contact.fallbackIds.every(delivered)) result.handoffsDelivered += 1;
      const handoffIds = new Set(
        [...onBus, ...inQueue, ...outbox].filter(
          (id) => id.startsWith(`${HandoffRequested.detailType}:`) && id.includes(contact.contactId),
        ),
      );
      if (handoffIds.size > 1) result.handoffsUnderNewId += handoffIds.size - 1;
    }
    result.piiExposures = [...exposures, ...logs].filter((text) => PII.test(text)).length;
    return result;
  };

  return {
    run,
    stop: async () => {
      eventBridge.restore();
      bedrock.restore();
      sqs.restore();
      dynamodb.destroy();
      await proxy.close();
      await local.stop();
    },
  };
}

function dependencies(dynamodb: DynamoDBClient, log: (line: string) => void): LexConversationDependencies {
  return {
    stateStore: new DynamoDbStateStore({ client: dynamodb, tableName: TABLE }),
    publisher: new EventBridgePublisher({
      client: new EventBridgeClient({ region: "eu-west-1", credentials: CREDENTIALS }),
      eventBusName: "baton",
      maxAttempts: 2,
    }),
    languageModel: new BedrockLanguageModel({
      client: new BedrockRuntimeClient({ region: "eu-west-1", credentials: CREDENTIALS }),
      modelId: "anthropic.claude-3-haiku-20240307-v1:0",
      deadlineMs: 1_500,
    }),
    pendingEvents: new SqsPendingEvents({
      client: new SQSClient({ region: "eu-west-1", credentials: CREDENTIALS }),
      queueUrl: "https://sqs.eu-west-1.amazonaws.com/123456789012/baton-pending-events",
    }),
    campaigns: new CampaignRegistry([defaultCampaign]),
    // The real clock: DynamoDB Local deletes items whose TTL has passed.
    clock: () => new Date(),
    ttlDays: 1,
    turnDeadlineMs: TURN_DEADLINE_MS,
    defaultCampaignId: defaultCampaign.id,
    fallbackQueue: defaultCampaign.routes.system_fallback,
    fallbackLine: defaultCampaign.script.handoff,
    maxSilentTurns: 3,
    log: (level, message, details) => log(`${level} ${message} ${safeJson(details)}`),
    count: () => {},
  };
}

function safeJson(value: unknown): string {
  try {
    return JSON.stringify(value);
  } catch {
    return String(value);
  }
}

/** PutEvents in the documented shape; `partial` fails every Handoff.Requested entry with InternalFailure. */
function putEventsAnswer(
  input: PutEventsCommandInput,
  partial: boolean,
  onBus: string[],
): PutEventsCommandOutput {
  const results = (input.Entries ?? []).map((entry, index) => {
    if (partial && entry.DetailType === HandoffRequested.detailType)
      return { ErrorCode: "InternalFailure", ErrorMessage: "Internal service error." };
    const detail = JSON.parse(entry.Detail ?? "{}") as { meta?: { id?: string } };
    if (detail.meta?.id) onBus.push(detail.meta.id);
    return { EventId: `7c1d2e3f-4a5b-4c6d-8e7f-${String(index).padStart(12, "0")}` };
  });
  return {
    $metadata: { httpStatusCode: 200 },
    FailedEntryCount: results.filter((result) => "ErrorCode" in result).length,
    Entries: results,
  };
}

function converseAnswer(text: string): ConverseCommandOutput {
  return {
    $metadata: { httpStatusCode: 200 },
    output: { message: { role: "assistant" as const, content: [{ text }] } },
    stopReason: "end_turn",
    usage: { inputTokens: 402, outputTokens: 21, totalTokens: 423 },
    metrics: { latencyMs: 612 },
  };
}

/** The p-th percentile (nearest rank) of the times. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
}
