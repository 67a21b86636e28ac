import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import {
  BedrockRuntimeClient,
  ConverseCommand,
  type ConverseCommandOutput,
} from "@aws-sdk/client-bedrock-runtime";
import { type AttributeValue, DynamoDBClient, GetItemCommand } from "@aws-sdk/client-dynamodb";
import {
  EventBridgeClient,
  PutEventsCommand,
  type PutEventsCommandInput,
  type PutEventsCommandOutput,
  type PutEventsRequestEntry,
} from "@aws-sdk/client-eventbridge";
import { unmarshall } from "@aws-sdk/util-dynamodb";
import type { DynamoDBRecord, DynamoDBStreamEvent } from "aws-lambda";
import { mockClient } from "aws-sdk-client-mock";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { HandoffRequested } from "../../contracts/events/catalog.js";
import { LexV2Response } from "../../contracts/lex-v2.js";
import { Transcript } from "../../contracts/transcript.js";
import { BedrockLanguageModel } from "../../functions/adapters/bedrock-language-model.js";
import { DynamoDbStateStore } from "../../functions/adapters/dynamodb-state-store.js";
import { EventBridgePublisher } from "../../functions/adapters/eventbridge-publisher.js";
import { InMemoryPendingEvents } from "../../functions/adapters/in-memory.js";
import { outboxImagesFromStream } from "../../functions/adapters/outbox-stream-records.js";
import { contactKey, createStateTable } from "../../functions/adapters/state-table.js";
import { answerLex, type LexConversationDependencies } from "../../functions/application/lex-conversation.js";
import { relayOutbox } from "../../functions/application/relay-outbox.js";
import { CampaignRegistry, defaultCampaign } from "../../functions/domain/campaigns.js";
import type { StateStore, StoredContact } from "../../functions/ports/state-store.js";
import { type DynamoDbLocal, startDynamoDbLocal } from "../support/dynamodb-local.js";

const TABLE = "baton-conversation-turn-test";
const CREDENTIALS = { accessKeyId: "local", secretAccessKey: "local" };
const MODEL_LINE = "Thanks, that helps. What's the main thing you'd want it to fix?";
/** A labeled call from the corpus that ends in a handoff (on its customer turn 9, trigger qualified). */
const CORPUS_CALL = "c-003";

const eventBridge = mockClient(EventBridgeClient);
const bedrock = mockClient(BedrockRuntimeClient);

let local: DynamoDbLocal;
/** Every DynamoDB request sent through `countedClient`, by command name, in order. */
const dynamoDbRequests: string[] = [];
let countedClient: DynamoDBClient;

beforeAll(async () => {
  local = await startDynamoDbLocal();
  await createStateTable(local.client, TABLE);
  countedClient = new DynamoDBClient({
    endpoint: local.endpoint,
    region: "local",
    credentials: CREDENTIALS,
    maxAttempts: 3,
  });
  // Below the retry middleware, so each HTTP round trip is counted, retries included.
  countedClient.middlewareStack.add(
    (next, context) => async (args) => {
      dynamoDbRequests.push(context.commandName ?? "unknown");
      return next(args);
    },
    { step: "finalizeRequest", priority: "low", name: "countDynamoDbRoundTrips" },
  );
});

afterAll(async () => {
  countedClient?.destroy();
  await local?.stop();
});

interface LexEvent {
  inputTranscript: string;
  transcriptions: Array<{ transcription: string }>;
  interpretations: Array<{ sentimentResponse?: unknown }>;
  sessionState: { sessionAttributes: Record<string, string>; originatingRequestId?: string };
  [field: string]: unknown;
}

const SPEECH_EVENT: LexEvent = JSON.parse(
  readFileSync(new URL("../fixtures/lex/dialog-code-hook-speech.json", import.meta.url), "utf8"),
);

/** A speech turn as Lex sends it: the fixture with this turn's words, session attributes and request id. */
function speechTurn(
  text: string,
  attributes: Record<string, string>,
  options: { requestId?: string; sentiment?: Transcript["turns"][number]["sentiment"] } = {},
): LexEvent {
  const event = structuredClone(SPEECH_EVENT);
  event.inputTranscript = text;
  event.transcriptions = [{ ...event.transcriptions[0], transcription: text }];
  const [top, ...others] = event.interpretations;
  const scores = options.sentiment?.scores;
  const complete =
    scores &&
    [scores.positive, scores.negative, scores.neutral, scores.mixed].every((score) => score !== undefined);
  const sentimentResponse = options.sentiment
    ? { sentiment: options.sentiment.label, ...(complete ? { sentimentScore: scores } : {}) }
    : undefined;
  const { sentimentResponse: _fixtureSentiment, ...interpretation } = top ?? {};
  event.interpretations = [
    { ...interpretation, ...(sentimentResponse ? { sentimentResponse } : {}) },
    ...others,
  ];
  event.sessionState.sessionAttributes = attributes;
  event.sessionState.originatingRequestId = options.requestId ?? randomUUID();
  return event;
}

/** The attributes the Connect flow sets before the first turn. */
function firstAttributes(contactId: string, leadId: string): Record<string, string> {
  return { contactId, leadId, campaignId: "default" };
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

/** PutEvents response in the documented shape; entries whose detail type `fails` get InternalFailure. */
function putEventsAnswer(
  input: PutEventsCommandInput,
  fails: (detailType: string) => boolean = () => false,
): PutEventsCommandOutput {
  const results = (input.Entries ?? []).map((entry, index) =>
    fails(entry.DetailType ?? "")
      ? { ErrorCode: "InternalFailure", ErrorMessage: "Internal service error." }
      : { EventId: `9a8b7c6d-5e4f-4a3b-8c2d-${String(index).padStart(12, "0")}` },
  );
  return {
    $metadata: { httpStatusCode: 200 },
    FailedEntryCount: results.filter((result) => "ErrorCode" in result).length,
    Entries: results,
  };
}

function sentEntries(): PutEventsRequestEntry[] {
  return eventBridge.commandCalls(PutEventsCommand).flatMap((call) => call.args[0].input.Entries ?? []);
}

function handoffIds(entries: readonly PutEventsRequestEntry[]): string[] {
  return entries
    .filter((entry) => entry.DetailType === HandoffRequested.detailType)
    .map((entry) => HandoffRequested.detail.parse(JSON.parse(entry.Detail ?? "null")).meta.id);
}

function publisher(): EventBridgePublisher {
  return new EventBridgePublisher({
    client: new EventBridgeClient({ region: "eu-west-1" }),
    eventBusName: "baton",
    sleep: async () => {},
  });
}

function dependencies(stateStore: StateStore): LexConversationDependencies {
  return {
    stateStore,
    publisher: publisher(),
    languageModel: new BedrockLanguageModel({
      client: new BedrockRuntimeClient({ region: "eu-west-1" }),
      modelId: "anthropic.claude-3-haiku-20240307-v1:0",
      deadlineMs: 1_000,
    }),
    campaigns: new CampaignRegistry([defaultCampaign]),
    // The real clock: DynamoDB Local deletes items whose TTL (clock + ttlDays) has passed, even mid-call.
    clock: () => new Date(),
    ttlDays: 90,
    defaultCampaignId: "default",
    fallbackQueue: "baton-fallback-closers",
    fallbackLine: "One moment, I'm connecting you with a colleague.",
    maxSilentTurns: 3,
    pendingEvents: new InMemoryPendingEvents(),
    // What the engine decides, not how fast: a loaded machine must not turn these turns into fallbacks.
    turnDeadlineMs: 60_000,
    log: () => {},
    count: () => {},
  };
}

function store(): DynamoDbStateStore {
  return new DynamoDbStateStore({ client: countedClient, tableName: TABLE });
}

async function answer(deps: LexConversationDependencies, event: unknown) {
  return LexV2Response.parse(await answerLex(deps, event));
}

/** The contact item exactly as DynamoDB holds it (AttributeValue form). */
async function rawContactItem(contactId: string): Promise<Record<string, AttributeValue>> {
  const { pk, sk } = contactKey(contactId);
  const { Item } = await local.client.send(
    new GetItemCommand({ TableName: TABLE, Key: { pk: { S: pk }, sk: { S: sk } }, ConsistentRead: true }),
  );
  if (!Item) throw new Error(`no item for contact ${contactId}`);
  return Item;
}

type StreamImage = NonNullable<NonNullable<DynamoDBRecord["dynamodb"]>["NewImage"]>;

/** A DynamoDB stream event (NEW_AND_OLD_IMAGES) carrying the item as its new image. */
function streamEventOf(item: Record<string, AttributeValue>, sequenceNumber: string): DynamoDBStreamEvent {
  // The SDK's AttributeValue and the Lambda event's differ only in how binary values are typed.
  const image = item as StreamImage;
  return {
    Records: [
      {
        eventID: `f0e1d2c3b4a5968778695a4b3c2d1e0f-${sequenceNumber}`,
        eventName: "MODIFY",
        eventVersion: "1.1",
        eventSource: "aws:dynamodb",
        awsRegion: "eu-west-1",
        dynamodb: {
          ApproximateCreationDateTime: 1_772_446_500,
          Keys: Object.fromEntries(Object.entries(image).filter(([name]) => name === "pk" || name === "sk")),
          NewImage: image,
          SequenceNumber: sequenceNumber,
          SizeBytes: 4_096,
          StreamViewType: "NEW_AND_OLD_IMAGES",
        },
        eventSourceARN: `arn:aws:dynamodb:eu-west-1:123456789012:table/${TABLE}/stream/2026-03-02T10:00:00.000`,
      },
    ],
  };
}

function corpusCall(id: string): Transcript {
  const lines = readFileSync(new URL("../corpus/conversations.jsonl", import.meta.url), "utf8").split("\n");
  const line = lines.find((text) => text.includes(`"id": "${id}"`) || text.includes(`"id":"${id}"`));
  if (!line) throw new Error(`corpus call ${id} not found`);
  return Transcript.parse(JSON.parse(line));
}

/** The store's read of a contact, waiting until `parties` reads are in flight: both sides of a race read first. */
function withReadBarrier(inner: StateStore, parties: number): StateStore {
  let waiting: Array<() => void> = [];
  let remaining = parties;
  return {
    loadContact: async (contactId) => {
      const contact = await inner.loadContact(contactId);
      if (remaining > 0) {
        remaining -= 1;
        await new Promise<void>((resolve) => {
          waiting.push(resolve);
          if (remaining === 0) {
            for (const release of waiting) release();
            waiting = [];
          }
        });
      }
      return contact;
    },
    loadLead: (leadId) => inner.loadLead(leadId),
    commitTurn: (commit) => inner.commitTurn(commit),
    markUnpublished: (contactId, version, ids) => inner.markUnpublished(contactId, version, ids),
    clearUnpublished: (contactId, version, ids) => inner.clearUnpublished(contactId, version, ids),
  };
}

describe("the conversation turn against DynamoDB Local (EventBridge and Bedrock mocked)", () => {
  beforeEach(() => {
    eventBridge.reset();
    bedrock.reset();
    eventBridge
      .on(PutEventsCommand)
      .callsFake(async (input: PutEventsCommandInput) => putEventsAnswer(input));
    bedrock.on(ConverseCommand).resolves(converseAnswer(MODEL_LINE));
    dynamoDbRequests.length = 0;
  });

  it("replays a whole call turn by turn and hands off on the labeled turn, two round trips a turn", async () => {
    // Prepare
    const call = corpusCall(CORPUS_CALL);
    const labeled = call.labels?.handoffTurn;
    if (labeled === null || labeled === undefined) throw new Error(`${CORPUS_CALL} has no labeled handoff`);
    const contactId = `contact-${randomUUID()}`;
    const deps = dependencies(store());
    let aiLine = "";
    // The model speaks the call's own AI lines, so the state reads each answer against the right question.
    bedrock.on(ConverseCommand).callsFake(async () => converseAnswer(aiLine));
    let attributes = firstAttributes(contactId, `lead-${randomUUID()}`);
    const outcomes: Array<{ turn: number; type: string; handoff: string | undefined }> = [];
    const requestsPerTurn: string[][] = [];
    // Act
    for (const [index, turn] of call.turns.entries()) {
      if (turn.speaker !== "customer") continue;
      aiLine = call.turns.slice(index + 1).find((next) => next.speaker !== "customer")?.text ?? "Okay.";
      const before = dynamoDbRequests.length;
      const response = await answer(deps, speechTurn(turn.text, attributes, { sentiment: turn.sentiment }));
      requestsPerTurn.push(dynamoDbRequests.slice(before));
      // Lex hands the session attributes back on the next turn.
      attributes = response.sessionState.sessionAttributes;
      outcomes.push({
        turn: index,
        type: response.sessionState.dialogAction.type,
        handoff: attributes.handoff,
      });
      if (response.sessionState.dialogAction.type === "Close") break;
    }
    // Assess
    const last = outcomes.at(-1);
    expect(last).toEqual({ turn: labeled, type: "Close", handoff: "true" });
    expect(outcomes.slice(0, -1).every((outcome) => outcome.type === "ElicitIntent")).toBe(true);
    expect(outcomes.slice(0, -1).every((outcome) => outcome.handoff === "false")).toBe(true);
    expect(attributes).toMatchObject({
      handoff_trigger: call.labels?.trigger,
      handoff_queue: defaultCampaign.routes.qualified,
      baton_trigger: call.labels?.trigger,
    });
    expect(new Set(handoffIds(sentEntries()))).toEqual(new Set([`Handoff.Requested:${contactId}:handoff`]));
    const item = unmarshall(await rawContactItem(contactId));
    expect(item.version).toBe(outcomes.length);
    expect(item.state.outcome).toMatchObject({ status: "handed_off", trigger: call.labels?.trigger });
    expect(
      Object.fromEntries(
        Object.entries(item.state.slots as Record<string, { value: string }>).map(([n, s]) => [n, s.value]),
      ),
    ).toEqual(call.labels?.slots);
    // One consistent read and one conditional write a turn; the first turn also reads the lead, and the
    // handoff turn clears its pending outbox once the events are on the bus.
    const [first, ...rest] = requestsPerTurn;
    const handoffTurn = rest.pop();
    expect(first).toEqual(["GetItemCommand", "GetItemCommand", "TransactWriteItemsCommand"]);
    for (const requests of rest) {
      expect(requests).toHaveLength(2);
      expect(requests[0]).toBe("GetItemCommand");
      expect(["PutItemCommand", "TransactWriteItemsCommand"]).toContain(requests[1]);
    }
    expect(handoffTurn).toEqual(["GetItemCommand", "TransactWriteItemsCommand", "UpdateItemCommand"]);
  });

  it("applies a turn delivered twice in parallel once, answers both the same, each confirms its own publish", async () => {
    // Prepare
    const contactId = `contact-${randomUUID()}`;
    const inner = store();
    const opening = await answer(
      dependencies(inner),
      speechTurn(
        "we're growing and our receptionist can't keep up with calls",
        firstAttributes(contactId, `lead-${randomUUID()}`),
      ),
    );
    const before = await inner.loadContact(contactId);
    const deps = dependencies(withReadBarrier(inner, 2));
    const event = speechTurn("can I talk to a real person please", opening.sessionState.sessionAttributes);
    eventBridge.resetHistory();
    dynamoDbRequests.length = 0;
    // Act
    const [first, second] = await Promise.all([answer(deps, event), answer(deps, event)]);
    // Assess
    const requests = [...dynamoDbRequests];
    const after = await inner.loadContact(contactId);
    expect(first).toEqual(second);
    expect(first.sessionState.sessionAttributes).toMatchObject({
      handoff: "true",
      handoff_trigger: "customer_request",
    });
    expect(after?.version).toBe((before?.version ?? 0) + 1);
    expect(after?.state.customerTurns).toBe((before?.state.customerTurns ?? 0) + 1);
    expect(after?.lastTurnKey).toBe(event.sessionState.originatingRequestId);
    // The copy that lost the race cannot know the winner published (it may have died first): it publishes
    // the stored outbox again under the same id before confirming, so a consumer sees one handoff.
    expect(handoffIds(sentEntries())).toEqual([
      `Handoff.Requested:${contactId}:handoff`,
      `Handoff.Requested:${contactId}:handoff`,
    ]);
    expect(first.sessionState.sessionAttributes.baton_published).toBe(String(after?.version));
    // Both read version 1 and tried to write: one write lost its condition and re-read; the winner then
    // cleared its pending handoff event.
    expect(requests.filter((name) => name !== "GetItemCommand" && name !== "UpdateItemCommand")).toHaveLength(
      2,
    );
    expect(requests.filter((name) => name === "UpdateItemCommand")).toHaveLength(1);
    expect(requests.filter((name) => name === "GetItemCommand")).toHaveLength(3);
  });

  it("returns the stored answer to a retried turn and leaves the state unchanged", async () => {
    // Prepare
    const contactId = `contact-${randomUUID()}`;
    const inner = store();
    const deps = dependencies(inner);
    const event = speechTurn(
      "we have maybe five hundred a month set aside for it",
      firstAttributes(contactId, `lead-${randomUUID()}`),
    );
    bedrock
      .on(ConverseCommand)
      .resolvesOnce(converseAnswer(MODEL_LINE))
      .resolves(converseAnswer("A different line."));
    const firstAnswer = await answer(deps, event);
    const stored: StoredContact | null = await inner.loadContact(contactId);
    const rawBefore = await rawContactItem(contactId);
    dynamoDbRequests.length = 0;
    // Act
    const retried = await answer(deps, structuredClone(event));
    // Assess
    const requests = [...dynamoDbRequests];
    expect(retried).toEqual(firstAnswer);
    expect(retried.messages?.[0]?.content).toBe(MODEL_LINE);
    expect(bedrock.commandCalls(ConverseCommand)).toHaveLength(1);
    expect(await inner.loadContact(contactId)).toEqual(stored);
    expect(await rawContactItem(contactId)).toEqual(rawBefore);
    expect(stored).toMatchObject({ version: 1, state: { customerTurns: 1 } });
    expect(requests).toEqual(["GetItemCommand"]);
  });

  it("keeps a handoff PutEvents refused on the item and the stream relay delivers it once", async () => {
    // Prepare
    const contactId = `contact-${randomUUID()}`;
    const inner = store();
    eventBridge
      .on(PutEventsCommand)
      .callsFake(async (input: PutEventsCommandInput) =>
        putEventsAnswer(input, (detailType) => detailType === HandoffRequested.detailType),
      );
    const handoffId = `Handoff.Requested:${contactId}:handoff`;
    // Act
    const response = await answer(
      dependencies(inner),
      speechTurn("can I talk to a real person please", firstAttributes(contactId, `lead-${randomUUID()}`)),
    );
    const marked = await rawContactItem(contactId);
    eventBridge.reset();
    eventBridge
      .on(PutEventsCommand)
      .callsFake(async (input: PutEventsCommandInput) => putEventsAnswer(input));
    const relay = { publisher: publisher(), stateStore: inner };
    const firstPass = outboxImagesFromStream(streamEventOf(marked, "100000000000000000000001"));
    const stillFailing = await relayOutbox(
      relay,
      firstPass.images.map((entry) => entry.image),
    );
    const cleared = await rawContactItem(contactId);
    // The stream also delivers the relay's own update: nothing is left to send.
    const secondPass = outboxImagesFromStream(streamEventOf(cleared, "100000000000000000000002"));
    await relayOutbox(
      relay,
      secondPass.images.map((entry) => entry.image),
    );
    // Assess
    expect(response.sessionState.sessionAttributes).toMatchObject({ handoff: "true", baton_published: "" });
    expect(marked.unpublished).toEqual({ SS: [handoffId] });
    expect(stillFailing).toEqual([]);
    expect(secondPass.images).toEqual([]);
    const relayed = sentEntries();
    expect(handoffIds(relayed)).toEqual([handoffId]);
    expect(relayed).toHaveLength(1);
    expect(cleared.unpublished).toBeUndefined();
    expect(cleared.version).toEqual(marked.version);
  });

  it("transfers the caller when DynamoDB cannot be reached", async () => {
    // Prepare
    const unreachable = new DynamoDBClient({
      endpoint: "http://127.0.0.1:1",
      region: "local",
      credentials: CREDENTIALS,
      maxAttempts: 1,
    });
    const deps = dependencies(new DynamoDbStateStore({ client: unreachable, tableName: TABLE }));
    const event = speechTurn(
      "we have maybe five hundred a month set aside for it",
      firstAttributes(`contact-${randomUUID()}`, "lead-1"),
    );
    // Act
    const response = await answer(deps, event).finally(() => unreachable.destroy());
    // Assess
    expect(response.sessionState.dialogAction.type).toBe("Close");
    expect(response.sessionState.sessionAttributes).toMatchObject({
      handoff: "true",
      handoff_trigger: "system_fallback",
      handoff_queue: defaultCampaign.routes.system_fallback,
      baton_outcome: "handoff",
    });
    expect(response.messages?.[0]?.content).toBe(defaultCampaign.script.handoff);
    // The handoff still reaches the bus: the router, the KPIs and the screen pop see it.
    expect(handoffIds(sentEntries())).toEqual([
      `Handoff.Requested:${event.sessionState.sessionAttributes.contactId}:handoff`,
    ]);
    expect(bedrock.commandCalls(ConverseCommand)).toHaveLength(0);
  });
});
