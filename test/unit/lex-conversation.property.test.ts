import { readFileSync } from "node:fs";
import { BedrockRuntimeClient, ConverseCommand } from "@aws-sdk/client-bedrock-runtime";
import { EventBridgeClient, PutEventsCommand, type PutEventsCommandInput } from "@aws-sdk/client-eventbridge";
import { mockClient } from "aws-sdk-client-mock";
import fc from "fast-check";
import { beforeEach, describe, expect, it } from "vitest";
import { LexV2Event, LexV2Response } from "../../contracts/lex-v2.js";
import { BedrockLanguageModel } from "../../functions/adapters/bedrock-language-model.js";
import { EventBridgePublisher } from "../../functions/adapters/eventbridge-publisher.js";
import { InMemoryPendingEvents } from "../../functions/adapters/in-memory.js";
import { answerLex, type LexConversationDependencies } from "../../functions/application/lex-conversation.js";
import { CampaignRegistry, defaultCampaign } from "../../functions/domain/campaigns.js";
import { wellFormed } from "../../functions/domain/unicode.js";
import { InMemoryStateStore } from "../support/in-memory-state-store.js";

const eventBridge = mockClient(EventBridgeClient);
const bedrock = mockClient(BedrockRuntimeClient);

const FIXTURE_NAMES = [
  "dialog-code-hook-speech.json",
  "fallback-intent-text.json",
  "dtmf-only.json",
] as const;
const FIXTURES: unknown[] = FIXTURE_NAMES.map((name) =>
  JSON.parse(readFileSync(new URL(`../fixtures/lex/${name}`, import.meta.url), "utf8")),
);

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Path = ReadonlyArray<string | number>;

function dependencies(): LexConversationDependencies {
  return {
    stateStore: new InMemoryStateStore(),
    publisher: new EventBridgePublisher({
      client: new EventBridgeClient({ region: "eu-west-1" }),
      eventBusName: "baton",
      sleep: async () => {},
    }),
    languageModel: new BedrockLanguageModel({
      client: new BedrockRuntimeClient({ region: "eu-west-1" }),
      modelId: "anthropic.claude-3-haiku-20240307-v1:0",
      deadlineMs: 1_000,
    }),
    campaigns: new CampaignRegistry([defaultCampaign]),
    clock: () => new Date("2026-03-02T10:15:00.000Z"),
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

/*
 * Object keys are never "": an event whose session attributes hold an empty key is echoed into a response
 * that LexV2Response rejects (reported separately; Lex itself does not send empty keys).
 */
function withoutEmptyKeys(value: unknown): Json {
  if (Array.isArray(value)) return value.map(withoutEmptyKeys);
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(
      Object.entries(value).map(([key, inner]) => [key === "" ? "_" : key, withoutEmptyKeys(inner)]),
    );
  }
  return value as Json;
}

const json: fc.Arbitrary<Json> = fc.jsonValue({ maxDepth: 4 }).map(withoutEmptyKeys);

const hostileString = fc.oneof(
  fc.string({ unit: "grapheme", maxLength: 60 }),
  fc.string({ unit: "binary", maxLength: 60 }),
  fc.constantFrom(
    "",
    " ",
    "\u0000",
    "\uD800",
    "🙂🙃".repeat(50),
    "‮right-to-left override",
    "0",
    "*0",
    "NaN",
    "-1",
    "1e309",
    "__proto__",
    "constructor",
    "<speak>hi</speak>",
    "' OR 1=1 --",
  ),
  fc
    .tuple(
      fc.constantFrom("a", "é", "漢", "👍🏽", "can I talk to a person "),
      fc.integer({ min: 1_000, max: 6_000 }),
    )
    .map(([unit, times]) => unit.repeat(times)),
);

const nestedGarbage: fc.Arbitrary<Json> = fc
  .tuple(json, fc.integer({ min: 1, max: 60 }))
  .map(([inner, depth]) => {
    let value: Json = inner;
    for (let level = 0; level < depth; level++) value = level % 2 === 0 ? [value] : { nested: value };
    return value;
  });

type Mutation =
  | { kind: "delete"; at: number }
  | { kind: "replace"; at: number; value: Json }
  | { kind: "add"; at: number; key: string; value: Json };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant("delete" as const), at: fc.nat() }),
  fc.record({
    kind: fc.constant("replace" as const),
    at: fc.nat(),
    value: fc.oneof(
      json,
      hostileString,
      nestedGarbage,
      fc.constantFrom<Json>(null, true, 0, -1, 1.5, 1e308, [], {}),
    ),
  }),
  fc.record({
    kind: fc.constant("add" as const),
    at: fc.nat(),
    key: fc.oneof(fc.string({ minLength: 1, maxLength: 12 }), fc.constantFrom("contactId", "baton_silence")),
    value: fc.oneof(json, hostileString),
  }),
);

/** Every path into the value, the root excluded. */
function pathsOf(value: unknown, prefix: Path = []): Path[] {
  if (value === null || typeof value !== "object") return [];
  const keys: Array<string | number> = Array.isArray(value)
    ? value.map((_, index) => index)
    : Object.keys(value);
  return keys.flatMap((key) => {
    const path = [...prefix, key];
    return [path, ...pathsOf((value as Record<string | number, unknown>)[key], path)];
  });
}

function containerAt(root: unknown, path: Path): Record<string | number, unknown> | undefined {
  let current: unknown = root;
  for (const key of path) {
    if (current === null || typeof current !== "object") return undefined;
    current = (current as Record<string | number, unknown>)[key];
  }
  return current !== null && typeof current === "object"
    ? (current as Record<string | number, unknown>)
    : undefined;
}

function mutate(fixture: unknown, mutations: readonly Mutation[]): unknown {
  const event = structuredClone(fixture);
  for (const change of mutations) {
    const paths = pathsOf(event);
    const path = paths[change.at % Math.max(paths.length, 1)];
    if (!path) continue;
    const parent = containerAt(event, path.slice(0, -1));
    const key = path.at(-1);
    if (!parent || key === undefined) continue;
    if (change.kind === "delete") {
      if (Array.isArray(parent) && typeof key === "number") parent.splice(key, 1);
      else delete parent[key];
    } else if (change.kind === "replace") {
      parent[key] = change.value;
    } else {
      const target = containerAt(event, path);
      if (target && !Array.isArray(target)) target[change.key] = change.value;
    }
  }
  return event;
}

const mutatedFixture = fc
  .tuple(fc.constantFrom(...FIXTURES), fc.array(mutation, { minLength: 1, maxLength: 5 }))
  .map(([fixture, mutations]) => mutate(fixture, mutations));

/** A valid event with hostile values where the schema allows any string. */
const hostileValidEvent = fc
  .record({
    fixture: fc.constantFrom(...FIXTURES),
    inputTranscript: hostileString,
    contactId: fc.option(hostileString, { nil: undefined }),
    silence: fc.option(hostileString, { nil: undefined }),
    published: fc.option(hostileString, { nil: undefined }),
    requestId: fc.option(hostileString, { nil: undefined }),
  })
  .map(({ fixture, inputTranscript, contactId, silence, published, requestId }) => {
    const event = structuredClone(fixture) as {
      inputTranscript: string;
      sessionState: { sessionAttributes: Record<string, string>; originatingRequestId?: string };
    };
    event.inputTranscript = inputTranscript;
    const attributes = event.sessionState.sessionAttributes;
    if (contactId === undefined) delete attributes.contactId;
    else attributes.contactId = contactId;
    if (silence !== undefined) attributes.baton_silence = silence;
    if (published !== undefined) attributes.baton_published = published;
    if (requestId === undefined) delete event.sessionState.originatingRequestId;
    else event.sessionState.originatingRequestId = requestId;
    return event;
  });

async function neverThrowsAndAnswersLex(deps: LexConversationDependencies, raw: unknown): Promise<void> {
  const response = await answerLex(deps, raw);
  const checked = LexV2Response.safeParse(response);
  expect(checked.error).toBeUndefined();
  const event = LexV2Event.safeParse(raw);
  const contactId = event.success ? event.data.sessionState.sessionAttributes?.contactId : undefined;
  if (contactId !== undefined) {
    // Kept, less lone surrogates: Lex takes well-formed UTF-16 only.
    expect(response.sessionState.sessionAttributes.contactId).toBe(wellFormed(contactId));
  }
  expect(JSON.stringify(response)).toBe(wellFormed(JSON.stringify(response)));
}

describe("answerLex under malformed and hostile events (property-based)", () => {
  beforeEach(() => {
    eventBridge.reset();
    bedrock.reset();
    eventBridge.on(PutEventsCommand).callsFake(async (input: PutEventsCommandInput) => ({
      $metadata: { httpStatusCode: 200 },
      FailedEntryCount: 0,
      Entries: (input.Entries ?? []).map((_, index) => ({ EventId: `event-${index}` })),
    }));
    bedrock.on(ConverseCommand).resolves({
      $metadata: { httpStatusCode: 200 },
      output: {
        message: { role: "assistant", content: [{ text: "Got it. What's the main thing to fix?" }] },
      },
      stopReason: "end_turn",
      usage: { inputTokens: 300, outputTokens: 12, totalTokens: 312 },
      metrics: { latencyMs: 420 },
    });
  });

  it("answers any JSON value with a valid Lex response and never throws", async () => {
    // Prepare
    const deps = dependencies();
    // Act
    const property = fc.asyncProperty(json, (raw) => neverThrowsAndAnswersLex(deps, raw));
    // Assess
    await fc.assert(property, { numRuns: 300 });
  });

  it("answers mutated fixtures (deleted fields, wrong types, huge strings, unicode, nesting)", async () => {
    // Prepare
    const deps = dependencies();
    let parsedAsEvents = 0;
    // Act
    const property = fc.asyncProperty(mutatedFixture, async (raw) => {
      if (LexV2Event.safeParse(raw).success) parsedAsEvents += 1;
      await neverThrowsAndAnswersLex(deps, raw);
    });
    // Assess
    await fc.assert(property, { numRuns: 300 });
    // Both kinds were exercised: events Baton reads and events it rejects.
    expect(parsedAsEvents).toBeGreaterThan(10);
    expect(parsedAsEvents).toBeLessThan(300);
  });

  it("keeps the contactId of valid events with hostile transcripts and attributes", async () => {
    // Prepare
    const deps = dependencies();
    // Act
    const property = fc.asyncProperty(hostileValidEvent, async (raw) => {
      expect(LexV2Event.safeParse(raw).success).toBe(true);
      await neverThrowsAndAnswersLex(deps, raw);
    });
    // Assess
    await fc.assert(property, { numRuns: 200 });
  });
});
