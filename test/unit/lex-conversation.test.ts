import { readFileSync } from "node:fs";
import {
  BedrockRuntimeClient,
  ConverseCommand,
  type ConverseCommandInput,
  type ConverseCommandOutput,
  ThrottlingException,
} from "@aws-sdk/client-bedrock-runtime";
import {
  EventBridgeClient,
  PutEventsCommand,
  type PutEventsCommandInput,
  type PutEventsCommandOutput,
  type PutEventsRequestEntry,
} from "@aws-sdk/client-eventbridge";
import { mockClient } from "aws-sdk-client-mock";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { HandoffRequested, LeadQualificationUpdated } from "../../contracts/events/catalog.js";
import { LexV2Response } from "../../contracts/lex-v2.js";
import { BedrockLanguageModel } from "../../functions/adapters/bedrock-language-model.js";
import { EventBridgePublisher } from "../../functions/adapters/eventbridge-publisher.js";
import { InMemoryPendingEvents } from "../../functions/adapters/in-memory.js";
import { answerLex, type LexConversationDependencies } from "../../functions/application/lex-conversation.js";
import { MAX_TURN_CHARS } from "../../functions/application/take-turn.js";
import { CampaignRegistry, defaultCampaign } from "../../functions/domain/campaigns.js";
import { FALLBACK_REASONS } from "../../functions/domain/fallback-handoff.js";
import type { LeadProfile } from "../../functions/ports/state-store.js";
import { InMemoryStateStore } from "../support/in-memory-state-store.js";

const eventBridge = mockClient(EventBridgeClient);
const bedrock = mockClient(BedrockRuntimeClient);

const NOW = new Date("2026-03-02T10:15:00.000Z");
const FALLBACK_QUEUE = "baton-fallback-closers";
const FALLBACK_LINE = "One moment, I'm connecting you with a colleague.";
const MODEL_LINE = "Thanks, that helps. Who else would weigh in on a decision like this?";
const MAX_SILENT_TURNS = 3;

type FixtureName = "dialog-code-hook-speech.json" | "fallback-intent-text.json" | "dtmf-only.json";

/** A Lex V2 code hook event as the AWS documentation shows it (test/fixtures/lex). */
interface LexEvent {
  inputMode: string;
  sessionId: string;
  inputTranscript: string;
  sessionState: { sessionAttributes: Record<string, string>; originatingRequestId?: string };
  [field: string]: unknown;
}

const FIXTURES: Record<FixtureName, LexEvent> = {
  "dialog-code-hook-speech.json": load("dialog-code-hook-speech.json"),
  "fallback-intent-text.json": load("fallback-intent-text.json"),
  "dtmf-only.json": load("dtmf-only.json"),
};

function load(name: FixtureName): LexEvent {
  return JSON.parse(readFileSync(new URL(`../fixtures/lex/${name}`, import.meta.url), "utf8"));
}

/** A fresh copy of a fixture with the transcript and session attributes changed. */
function lexEvent(
  name: FixtureName,
  changes: { inputTranscript?: string; attributes?: Record<string, string>; requestId?: string } = {},
): LexEvent {
  const event = structuredClone(FIXTURES[name]);
  if (changes.inputTranscript !== undefined) event.inputTranscript = changes.inputTranscript;
  if (changes.attributes) {
    event.sessionState.sessionAttributes = { ...event.sessionState.sessionAttributes, ...changes.attributes };
  }
  if (changes.requestId) event.sessionState.originatingRequestId = changes.requestId;
  return event;
}

/** Converse response in the documented shape. */
function converseAnswer(text: string): ConverseCommandOutput {
  return {
    $metadata: { httpStatusCode: 200 },
    output: { message: { role: "assistant" as const, content: [{ text }] } },
    stopReason: "end_turn",
    usage: { inputTokens: 398, outputTokens: 19, totalTokens: 417 },
    metrics: { latencyMs: 585 },
  };
}

/** PutEvents response in the documented shape: one result per entry, by position. */
function putEventsAccepted(input: PutEventsCommandInput): PutEventsCommandOutput {
  return {
    $metadata: { httpStatusCode: 200 },
    FailedEntryCount: 0,
    Entries: (input.Entries ?? []).map((_, index) => ({
      EventId: `6f3a2c1e-0b9d-4e8f-a7c6-${String(index).padStart(12, "0")}`,
    })),
  };
}

function sentEntries(): PutEventsRequestEntry[] {
  return eventBridge.commandCalls(PutEventsCommand).flatMap((call) => call.args[0].input.Entries ?? []);
}

function converseInputs(): ConverseCommandInput[] {
  return bedrock.commandCalls(ConverseCommand).map((call) => call.args[0].input);
}

function question(slot: string): string {
  const found = defaultCampaign.slots.find((candidate) => candidate.name === slot);
  if (!found) throw new Error(`the default campaign has no slot ${slot}`);
  return found.question;
}

function setup() {
  const stateStore = new InMemoryStateStore();
  const pendingEvents = new InMemoryPendingEvents();
  const log = vi.fn<LexConversationDependencies["log"]>();
  const count = vi.fn<LexConversationDependencies["count"]>();
  const deps: LexConversationDependencies = {
    stateStore,
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
    clock: () => NOW,
    ttlDays: 90,
    defaultCampaignId: "default",
    fallbackQueue: FALLBACK_QUEUE,
    fallbackLine: FALLBACK_LINE,
    maxSilentTurns: MAX_SILENT_TURNS,
    pendingEvents,
    // What the engine decides, not how fast: a loaded machine must not turn these turns into fallbacks.
    turnDeadlineMs: 60_000,
    log,
    count,
  };
  /** Every answer must be a response Lex accepts. */
  const answer = async (event: unknown) => LexV2Response.parse(await answerLex(deps, event));
  return { deps, stateStore, pendingEvents, log, count, answer };
}

describe("answerLex (Lex V2 code hook) with the EventBridge and Bedrock adapters", () => {
  beforeEach(() => {
    eventBridge.reset();
    bedrock.reset();
    eventBridge.on(PutEventsCommand).callsFake(putEventsAccepted);
    bedrock.on(ConverseCommand).resolves(converseAnswer(MODEL_LINE));
  });

  it("keeps the AI talking with the model's line: ElicitIntent, handoff=false", async () => {
    // Prepare
    const { answer, stateStore } = setup();
    const event = lexEvent("dialog-code-hook-speech.json");
    // Act
    const response = await answer(event);
    // Assess
    expect(response.sessionState.dialogAction).toEqual({ type: "ElicitIntent" });
    expect(response.messages).toEqual([{ contentType: "PlainText", content: MODEL_LINE }]);
    expect(response.sessionState.sessionAttributes).toMatchObject({
      ...event.sessionState.sessionAttributes,
      handoff: "false",
      baton_outcome: "continue",
      baton_turn: "1",
      baton_silence: "0",
      baton_published: "1",
    });
    expect(response.requestAttributes).toEqual({ "x-amz-lex:channels:platform": "Connect" });
    expect(converseInputs()).toHaveLength(1);
    expect(converseInputs()[0]?.modelId).toBe("anthropic.claude-3-haiku-20240307-v1:0");
    const contact = stateStore.peekContact("b2c4e6f8-1a3c-4e5a-8b7d-9f0e1d2c3b4a");
    expect(contact).toMatchObject({ version: 1, lastTurnKey: "7d1f0c52-2b7e-4b8e-a1c4-6f3d9e2a8b01" });
    expect(contact?.state.lastAiLine).toBe(MODEL_LINE);
  });

  it("publishes Lead.QualificationUpdated when the turn fills a slot", async () => {
    // Prepare
    const { answer } = setup();
    const event = lexEvent("dialog-code-hook-speech.json");
    // Act
    await answer(event);
    // Assess
    const entries = sentEntries();
    expect(entries.map((entry) => entry.DetailType)).toEqual(["Lead.QualificationUpdated"]);
    expect(entries[0]).toMatchObject({ EventBusName: "baton", Source: LeadQualificationUpdated.source });
    const detail = LeadQualificationUpdated.detail.parse(JSON.parse(entries[0]?.Detail ?? "null"));
    expect(detail.changed).toEqual([expect.objectContaining({ slot: "budget", value: "500/mo" })]);
    expect(detail.meta).toMatchObject({
      contactId: "b2c4e6f8-1a3c-4e5a-8b7d-9f0e1d2c3b4a",
      leadId: "lead-000417",
      campaignId: "default",
      occurredAt: NOW.toISOString(),
    });
    expect(detail.missing).toEqual(["authority", "need", "timeline"]);
  });

  it("speaks the campaign's question for the next missing slot when Bedrock throttles", async () => {
    // Prepare
    const { answer, count } = setup();
    bedrock
      .on(ConverseCommand)
      .rejects(new ThrottlingException({ message: "Too many requests, please wait.", $metadata: {} }));
    // Act
    const response = await answer(lexEvent("dialog-code-hook-speech.json"));
    // Assess
    expect(response.sessionState.dialogAction.type).toBe("ElicitIntent");
    // Budget was just given, so the next missing slot is the decision maker.
    expect(response.messages).toEqual([{ contentType: "PlainText", content: question("authority") }]);
    expect(response.sessionState.sessionAttributes).toMatchObject({ handoff: "false" });
    expect(count).toHaveBeenCalledWith("ModelFallback");
  });

  it("hands a request for a person to the closers: Close, Fulfilled, screen pop, one Handoff.Requested", async () => {
    // Prepare
    const { answer, count } = setup();
    const contactId = "b2c4e6f8-1a3c-4e5a-8b7d-9f0e1d2c3b4a";
    const event = lexEvent("dialog-code-hook-speech.json", {
      inputTranscript: "can I just talk to a real person please",
    });
    // Act
    const response = await answer(event);
    // Assess
    expect(response.sessionState.dialogAction).toEqual({ type: "Close" });
    expect(response.sessionState.intent).toEqual({ name: "QualifyLead", state: "Fulfilled" });
    expect(response.messages).toEqual([
      { contentType: "PlainText", content: defaultCampaign.script.handoff },
    ]);
    const attributes = response.sessionState.sessionAttributes;
    expect(attributes).toMatchObject({
      contactId,
      leadId: "lead-000417",
      campaignId: "default",
      handoff: "true",
      handoff_trigger: "customer_request",
      handoff_queue: defaultCampaign.routes.customer_request,
      baton_outcome: "handoff",
      baton_trigger: "customer_request",
      baton_urgency: "high",
      baton_missing: "Budget, Decision maker, Need, Timeline",
      baton_intents: "asked_for_person",
    });
    expect(attributes.baton_summary).toContain("Asked for a person");
    expect(attributes.baton_ask).toBe("Wants to speak to a real person");
    expect(attributes.baton_opener).toContain("you're through to a person now");
    const entries = sentEntries();
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      EventBusName: "baton",
      Source: HandoffRequested.source,
      DetailType: "Handoff.Requested",
    });
    const detail = HandoffRequested.detail.parse(JSON.parse(entries[0]?.Detail ?? "null"));
    expect(detail.meta.id).toBe(`Handoff.Requested:${contactId}:handoff`);
    expect(detail).toMatchObject({ trigger: "customer_request", queue: "baton-closers", turn: 0 });
    expect(detail.screenPop).toMatchObject({ contactId, leadId: "lead-000417", trigger: "customer_request" });
    expect(converseInputs()).toHaveLength(0);
    expect(count).toHaveBeenCalledWith("Handoff");
  });

  it("ends a do-not-call turn with the closing line and baton_outcome=end, and flags the lead", async () => {
    // Prepare
    const { answer, stateStore } = setup();
    const event = lexEvent("dialog-code-hook-speech.json", {
      inputTranscript: "take me off your list and stop calling this number",
    });
    // Act
    const response = await answer(event);
    // Assess
    expect(response.sessionState.dialogAction).toEqual({ type: "Close" });
    expect(response.sessionState.intent?.state).toBe("Fulfilled");
    expect(response.messages).toEqual([{ contentType: "PlainText", content: defaultCampaign.script.end }]);
    expect(response.sessionState.sessionAttributes).toMatchObject({
      handoff: "false",
      baton_outcome: "end",
      baton_end_reason: "do_not_call",
    });
    expect(response.sessionState.sessionAttributes).not.toHaveProperty("handoff_trigger");
    expect(sentEntries().map((entry) => entry.DetailType)).not.toContain("Handoff.Requested");
    expect(stateStore.peekLead("lead-000417")?.doNotCall).toBe(true);
  });

  it("keys the state by sessionId when the flow did not set the contactId attribute", async () => {
    // Prepare
    const { answer, stateStore } = setup();
    const event = lexEvent("fallback-intent-text.json");
    const { contactId: _contactId, ...withoutContact } = event.sessionState.sessionAttributes;
    event.sessionState.sessionAttributes = withoutContact;
    // Act
    const response = await answer(event);
    // Assess
    expect(response.sessionState.sessionAttributes.handoff).toBe("false");
    expect(response.sessionState.sessionAttributes).not.toHaveProperty("contactId");
    const stored = stateStore.peekContact(event.sessionId);
    expect(stored?.state.contactId).toBe(event.sessionId);
    expect(stateStore.peekContact("0f1e2d3c-4b5a-4968-8776-a5b4c3d2e1f0")).toBeUndefined();
  });

  it("puts who is calling, as the flow passes it, on the closer's screen pop", async () => {
    // Prepare: the session attributes the outbound AI flow sets on a follow-up call.
    const { answer } = setup();
    const event = lexEvent("dialog-code-hook-speech.json", {
      inputTranscript: "can I just talk to a real person please",
      attributes: {
        customerPhone: "+15555550123",
        direction: "callback",
        previousContactId: "0f1e2d3c-4b5a-4968-8776-655443322110",
      },
    });
    // Act
    const response = await answer(event);
    // Assess
    expect(response.sessionState.sessionAttributes).toMatchObject({
      baton_customer_phone: "+15555550123",
      baton_direction: "callback",
      baton_previous_contact: "0f1e2d3c-4b5a-4968-8776-655443322110",
    });
  });

  it("transfers the caller (system_fallback, fallback queue) when the campaign is unknown", async () => {
    // Prepare
    const { answer, stateStore, count, log } = setup();
    const event = lexEvent("dialog-code-hook-speech.json", {
      attributes: { campaignId: "spring-promo-2031" },
    });
    // Act
    const response = await answer(event);
    // Assess
    expect(response.sessionState.dialogAction.type).toBe("Close");
    expect(response.messages).toEqual([{ contentType: "PlainText", content: FALLBACK_LINE }]);
    expect(response.sessionState.sessionAttributes).toMatchObject({
      campaignId: "spring-promo-2031",
      handoff: "true",
      handoff_trigger: "system_fallback",
      handoff_queue: FALLBACK_QUEUE,
      baton_outcome: "handoff",
    });
    // The closer reads plain words; the campaign id is in the log.
    expect(response.sessionState.sessionAttributes.baton_reasons).toBe(FALLBACK_REASONS.unknown_campaign);
    expect(stateStore.calls).toEqual([]);
    const [handoff, ...others] = sentEntries();
    expect(others).toEqual([]);
    expect(HandoffRequested.detail.parse(JSON.parse(handoff?.Detail ?? "null"))).toMatchObject({
      trigger: "system_fallback",
      queue: FALLBACK_QUEUE,
      meta: { campaignId: "spring-promo-2031" },
    });
    expect(count).toHaveBeenCalledWith("SystemFallback");
    expect(log).toHaveBeenCalledWith(
      "error",
      expect.any(String),
      expect.objectContaining({ cause: "unknown_campaign", campaignId: "spring-promo-2031" }),
    );
  });

  it("transfers the caller instead of throwing when the state store fails", async () => {
    // Prepare
    const { deps, stateStore, count, log } = setup();
    const failure = Object.assign(new Error("Requested resource not found"), {
      name: "ResourceNotFoundException",
    });
    stateStore.failNext("loadContact", failure);
    // Act
    const response = await answerLex(deps, lexEvent("dialog-code-hook-speech.json"));
    // Assess
    expect(LexV2Response.safeParse(response).success).toBe(true);
    expect(response.sessionState.dialogAction.type).toBe("Close");
    expect(response.sessionState.sessionAttributes).toMatchObject({
      handoff: "true",
      handoff_trigger: "system_fallback",
      handoff_queue: defaultCampaign.routes.system_fallback,
    });
    // The error goes to the log; the closer reads plain words.
    expect(response.sessionState.sessionAttributes.baton_reasons).toBe(FALLBACK_REASONS.system_error);
    expect(JSON.stringify(response)).not.toContain("ResourceNotFoundException");
    expect(log).toHaveBeenCalledWith(
      "error",
      expect.any(String),
      expect.objectContaining({ error: "ResourceNotFoundException: Requested resource not found" }),
    );
    expect(response.messages?.[0]).toMatchObject({ content: defaultCampaign.script.handoff });
    expect(count).toHaveBeenCalledWith("SystemFallback");
  });

  it.each([
    ["an empty object", {}],
    ["null", null],
    ["a string", "hello"],
    ["an array", [1, 2, 3]],
    ["an event without sessionState", { ...lexEvent("fallback-intent-text.json"), sessionState: undefined }],
  ])("answers %s with a valid Close response and system_fallback", async (_case, raw) => {
    // Prepare
    const { answer, stateStore } = setup();
    // Act
    const response = await answer(raw);
    // Assess
    expect(response.sessionState.dialogAction.type).toBe("Close");
    expect(response.sessionState.intent).toEqual({ name: "FallbackIntent", state: "Fulfilled" });
    expect(response.sessionState.sessionAttributes).toMatchObject({
      handoff: "true",
      handoff_trigger: "system_fallback",
      handoff_queue: FALLBACK_QUEUE,
    });
    expect(response.sessionState.sessionAttributes.baton_reasons).toBe(FALLBACK_REASONS.invalid_event);
    expect(stateStore.calls).toEqual([]);
    // Even a handoff nobody can name reaches the bus, under an id stable for the same payload.
    const [handoff] = sentEntries();
    expect(HandoffRequested.detail.parse(JSON.parse(handoff?.Detail ?? "null"))).toMatchObject({
      trigger: "system_fallback",
      queue: FALLBACK_QUEUE,
      reasons: [FALLBACK_REASONS.invalid_event],
    });
  });

  it("reprompts on an empty transcript and transfers after maxSilentTurns silences", async () => {
    // Prepare
    const { answer, stateStore } = setup();
    const silent = (attributes: Record<string, string>, n: number) =>
      lexEvent("fallback-intent-text.json", {
        inputTranscript: "",
        attributes,
        requestId: `silence-${n}`,
      });
    let attributes = lexEvent("fallback-intent-text.json").sessionState.sessionAttributes;
    const responses = [];
    // Act
    for (let n = 1; n <= MAX_SILENT_TURNS; n++) {
      const response = await answer(silent(attributes, n));
      responses.push(response);
      attributes = response.sessionState.sessionAttributes;
    }
    // Assess
    const [first, second, last] = responses;
    expect(first?.sessionState.dialogAction.type).toBe("ElicitIntent");
    expect(first?.messages?.[0]?.content).toBe("Sorry, I didn't catch that. Could you say that again?");
    expect(first?.sessionState.sessionAttributes.baton_silence).toBe("1");
    expect(second?.sessionState.dialogAction.type).toBe("ElicitIntent");
    expect(second?.sessionState.sessionAttributes.baton_silence).toBe("2");
    expect(last?.sessionState.dialogAction.type).toBe("Close");
    expect(last?.sessionState.sessionAttributes).toMatchObject({
      handoff: "true",
      handoff_trigger: "system_fallback",
      handoff_queue: defaultCampaign.routes.system_fallback,
    });
    expect(stateStore.calls).toEqual([]);
  });

  it("resets the silence count once the caller speaks", async () => {
    // Prepare
    const { answer } = setup();
    const silence = await answer(lexEvent("fallback-intent-text.json", { inputTranscript: "  " }));
    const spoken = lexEvent("fallback-intent-text.json", {
      attributes: silence.sessionState.sessionAttributes,
    });
    // Act
    const response = await answer(spoken);
    // Assess
    expect(silence.sessionState.sessionAttributes.baton_silence).toBe("1");
    expect(response.sessionState.sessionAttributes.baton_silence).toBe("0");
  });

  it("treats DTMF 0 as a request for a person", async () => {
    // Prepare
    const { answer } = setup();
    const event = lexEvent("dtmf-only.json", { inputTranscript: "0" });
    // Act
    const response = await answer(event);
    // Assess
    expect(response.sessionState.dialogAction.type).toBe("Close");
    expect(response.sessionState.sessionAttributes).toMatchObject({
      handoff: "true",
      handoff_trigger: "customer_request",
      handoff_queue: defaultCampaign.routes.customer_request,
    });
    expect(sentEntries().map((entry) => entry.DetailType)).toEqual(["Handoff.Requested"]);
  });

  it("reprompts on any other DTMF digit without taking a turn", async () => {
    // Prepare
    const { answer, stateStore } = setup();
    const event = lexEvent("dtmf-only.json");
    // Act
    const response = await answer(event);
    // Assess
    expect(event.inputTranscript).toBe("2");
    expect(response.sessionState.dialogAction.type).toBe("ElicitIntent");
    expect(response.messages?.[0]?.content).toMatch(/^Sorry, I didn't catch that\./);
    expect(response.sessionState.sessionAttributes).toMatchObject({
      contactId: "c0ffee00-1234-4abc-9def-0123456789ab",
      baton_silence: "1",
    });
    expect(stateStore.calls).toEqual([]);
    expect(sentEntries()).toEqual([]);
  });

  it("answers a 12 KB transcript, reading only the first part of it", async () => {
    // Prepare
    const { answer, stateStore } = setup();
    const sentence = "we need to replace our old phone system and the landlines before the move. ";
    const text = sentence.repeat(Math.ceil(12_288 / sentence.length));
    const event = lexEvent("fallback-intent-text.json", { inputTranscript: text });
    // Act
    const response = await answer(event);
    // Assess
    expect(text.length).toBeGreaterThan(12_000);
    expect(text.length).toBeGreaterThan(MAX_TURN_CHARS);
    expect(response.sessionState.dialogAction.type).toBe("ElicitIntent");
    expect(response.messages).toEqual([{ contentType: "PlainText", content: MODEL_LINE }]);
    const stored = stateStore.peekContact("0f1e2d3c-4b5a-4968-8776-a5b4c3d2e1f0");
    const customerTurn = stored?.state.recent.find((turn) => turn.speaker === "customer");
    expect(customerTurn?.text.length).toBeLessThanOrEqual(500);
    expect(stored?.state.slots.need?.value).toBe("replace_phone_system");
  });

  it("hands a Spanish-speaking caller to a human", async () => {
    // Prepare
    const { answer } = setup();
    const event = lexEvent("fallback-intent-text.json", {
      inputTranscript: "hola, no hablo inglés, quiero hablar con alguien por favor",
    });
    // Act
    const response = await answer(event);
    // Assess
    expect(response.sessionState.dialogAction.type).toBe("Close");
    expect(response.sessionState.sessionAttributes).toMatchObject({
      handoff: "true",
      handoff_trigger: "system_fallback",
      handoff_queue: defaultCampaign.routes.system_fallback,
    });
    expect(response.sessionState.sessionAttributes.baton_reasons).toContain("language");
    expect(sentEntries().map((entry) => entry.DetailType)).toEqual(["Handoff.Requested"]);
    expect(converseInputs()).toHaveLength(0);
  });

  describe("a callback for a lead an earlier call qualified in part", () => {
    const lead: LeadProfile = {
      leadId: "lead-000417",
      campaignId: "default",
      slots: {
        budget: { value: "500/mo", turn: 3, confidence: 0.9, quote: "about 500 a month", corrected: false },
        authority: {
          value: "decision_maker",
          turn: 5,
          confidence: 0.85,
          quote: "it's my call",
          corrected: false,
        },
      },
      lastContactId: "a1a1a1a1-0000-4000-8000-000000000001",
      doNotCall: false,
      expiresAt: 1_900_000_000,
    };
    const callback = () =>
      lexEvent("dialog-code-hook-speech.json", {
        inputTranscript: "yes, this is a good time",
        attributes: { contactId: "d4d4d4d4-0000-4000-8000-000000000002", leadId: lead.leadId },
      });

    it("sends the confirmed slots as never-ask and asks the next missing one", async () => {
      // Prepare
      const { answer, stateStore } = setup();
      stateStore.seedLead(lead);
      // A model that follows the instructions: it asks the first question it is told is still to learn.
      bedrock.on(ConverseCommand).callsFake(async (input: ConverseCommandInput) => {
        const system = input.system?.[0]?.text ?? "";
        const firstToLearn = /Still to learn[^\n]*\n- [^:]+: "([^"]+)"/.exec(system)?.[1];
        return converseAnswer(firstToLearn ?? "(nothing left to ask)");
      });
      // Act
      const response = await answer(callback());
      // Assess
      const system = converseInputs()[0]?.system?.[0]?.text ?? "";
      expect(system).toContain("never ask about these again");
      expect(system).toContain("- Budget: 500/mo");
      expect(system).toContain("- Decision maker: decision_maker");
      expect(system).not.toContain(question("budget"));
      expect(system).not.toContain(question("authority"));
      expect(system).toContain("never greet");
      const line = response.messages?.[0]?.content ?? "";
      expect(line).toBe(question("need"));
      expect(response.sessionState.dialogAction.type).toBe("ElicitIntent");
      const stored = stateStore.peekContact("d4d4d4d4-0000-4000-8000-000000000002");
      expect(stored?.state).toMatchObject({ resumed: true, leadId: lead.leadId });
      expect(stored?.state.slots).toMatchObject({ budget: { value: "500/mo" } });
    });

    it("resumes without re-asking when the script speaks instead of the model", async () => {
      // Prepare
      const { answer, stateStore } = setup();
      stateStore.seedLead(lead);
      bedrock
        .on(ConverseCommand)
        .rejects(new ThrottlingException({ message: "Rate exceeded", $metadata: {} }));
      // Act
      const response = await answer(callback());
      // Assess
      const line = response.messages?.[0]?.content ?? "";
      expect(line).toBe(`${defaultCampaign.script.resume} ${question("need")}`);
      expect(line).not.toContain(question("budget"));
      expect(line).not.toContain(question("authority"));
      expect(line).not.toContain(defaultCampaign.script.greeting);
    });
  });
});
