import { RouteTrigger } from "../../contracts/campaign.js";
import type { LexV2Event } from "../../contracts/lex-v2.js";
import { LexV2Response } from "../../contracts/lex-v2.js";
import type { SentimentLabel } from "../../contracts/transcript.js";
import { EndReason } from "../../contracts/turn-signals.js";
import {
  answerLex,
  type LexConversationDependencies,
  SESSION,
} from "../../functions/application/lex-conversation.js";
import type { CampaignRegistry } from "../../functions/domain/campaigns.js";
import type { CallOutcome, CallRecord, CallStatus } from "../api/call-api.js";
import type { PersonaCustomer } from "../api/persona-api.js";
import { KeyedQueue } from "../support/keyed-queue.js";
import type { CallStore } from "./call-store.js";
import { lexEventForTurn } from "./lex-event.js";

export interface CallServiceDependencies {
  store: CallStore;
  /** The conversation-turn Lambda's dependencies: DynamoDB state store, local bus, scripted model. */
  conversation: LexConversationDependencies;
  campaigns: CampaignRegistry;
  clock: () => Date;
  newId: () => string;
}

export class UnknownCallError extends Error {
  override readonly name = "UnknownCallError";
  constructor(readonly callId: string) {
    super(`no call ${callId}`);
  }
}

export class CallEndedError extends Error {
  override readonly name = "CallEndedError";
  constructor(readonly call: CallRecord) {
    super(`call ${call.callId} has ended (${call.status}); start a new one`);
  }
}

export interface LexExchange {
  callId: string;
  event: LexV2Event;
  response: LexV2Response;
}

export interface TurnInput {
  text: string;
  turnId: string;
  inputMode: "Text" | "Speech";
  sentiment?: SentimentLabel | undefined;
}

/** Transcript lines kept per call; a console call is minutes long, this is a guard, not a feature. */
const MAX_LINES = 400;
const KEPT_TURN_IDS = 100;

/**
 * The local stand-in for Amazon Connect + Lex V2 around the conversation-turn code hook: each customer
 * line becomes a real Lex V2 event, `answerLex` (the deployed handler's code) answers it, and the
 * answer's session attributes become the next event's, exactly as Lex carries them.
 */
export class CallService {
  private readonly queue = new KeyedQueue();
  private readonly listeners = new Set<(call: CallRecord) => void>();
  private readonly exchanges = new Set<(exchange: LexExchange) => void>();

  constructor(private readonly deps: CallServiceDependencies) {}

  async start(input: {
    campaignId: string;
    personaId?: string | undefined;
    customer?: PersonaCustomer | undefined;
  }): Promise<CallRecord> {
    const campaign = this.deps.campaigns.get(input.campaignId);
    const now = this.deps.clock().toISOString();
    const contactId = this.deps.newId();
    const leadId = `lead-${this.deps.newId().slice(0, 8)}`;
    const call: CallRecord = {
      callId: contactId,
      contactId,
      leadId,
      campaignId: campaign.id,
      ...(input.personaId ? { personaId: input.personaId } : {}),
      status: "active",
      // What the contact flow sets before the bot speaks (from $.ContactId and the contact's attributes).
      sessionAttributes: {
        [SESSION.contactId]: contactId,
        [SESSION.leadId]: leadId,
        [SESSION.campaignId]: campaign.id,
        // The console's caller dials in; the flow would take these from the contact and the lead.
        [SESSION.direction]: "inbound",
        ...(input.customer?.name ? { [SESSION.customerName]: input.customer.name } : {}),
        ...(input.customer?.phone ? { [SESSION.customerPhone]: input.customer.phone } : {}),
        ...(input.customer?.company ? { [SESSION.company]: input.customer.company } : {}),
      },
      transcript: [{ speaker: "ai", text: campaign.script.greeting, at: now }],
      turnIds: [],
      startedAt: now,
      updatedAt: now,
    };
    await this.deps.store.put(call);
    this.changed(call);
    return call;
  }

  async get(callId: string): Promise<CallRecord> {
    const call = await this.deps.store.get(callId);
    if (!call) throw new UnknownCallError(callId);
    return call;
  }

  recent(limit = 20): Promise<CallRecord[]> {
    return this.deps.store.recent(limit);
  }

  /** One customer turn. `applied` is false when this turn id was already answered (a resend). */
  say(callId: string, input: TurnInput): Promise<{ call: CallRecord; applied: boolean }> {
    return this.queue.run(callId, async () => {
      const call = await this.get(callId);
      if (call.turnIds.includes(input.turnId)) return { call, applied: false };
      if (call.status !== "active") throw new CallEndedError(call);
      const event = lexEventForTurn({
        sessionId: call.contactId,
        text: input.text,
        inputMode: input.inputMode,
        sessionAttributes: call.sessionAttributes,
        requestId: input.turnId,
        sentiment: input.sentiment,
      });
      // The reply contract is strict: a reply Lex would reject fails here, loudly, as it would in AWS.
      const response = LexV2Response.parse(await answerLex(this.deps.conversation, event));
      for (const listener of this.exchanges) listener({ callId, event, response });
      const attributes = response.sessionState.sessionAttributes;
      const closed = response.sessionState.dialogAction.type === "Close";
      const line = response.messages?.find((message) => message.content)?.content ?? "";
      const customerTurns = call.transcript.filter((entry) => entry.speaker === "customer").length + 1;
      const outcome = closed ? outcomeOf(attributes, customerTurns) : undefined;
      const at = this.deps.clock().toISOString();
      const next: CallRecord = {
        ...call,
        status: outcome ? STATUS_OF[outcome.action] : "active",
        sessionAttributes: attributes,
        transcript: [
          ...call.transcript,
          { speaker: "customer" as const, text: input.text, at },
          ...(line ? [{ speaker: "ai" as const, text: line, at }] : []),
        ].slice(-MAX_LINES),
        turnIds: [...call.turnIds, input.turnId].slice(-KEPT_TURN_IDS),
        ...(outcome ? { outcome } : {}),
        updatedAt: at,
      };
      await this.deps.store.put(next);
      this.changed(next);
      return { call: next, applied: true };
    });
  }

  /**
   * The customer hangs up. A call still with the AI ends there (Lex is never asked again); a handed-off
   * call keeps its outcome and records when the customer left. Hanging up twice is one hang-up.
   */
  hangUp(callId: string): Promise<{ call: CallRecord; applied: boolean }> {
    return this.queue.run(callId, async () => {
      const call = await this.get(callId);
      if (call.hungUpAt) return { call, applied: false };
      const at = this.deps.clock().toISOString();
      const customerTurns = call.transcript.filter((entry) => entry.speaker === "customer").length;
      const next: CallRecord = {
        ...call,
        ...(call.status === "active"
          ? { status: "ended" as const, outcome: { action: "end" as const, customerTurns } }
          : {}),
        hungUpAt: at,
        updatedAt: at,
      };
      await this.deps.store.put(next);
      this.changed(next);
      return { call: next, applied: true };
    });
  }

  onChange(listener: (call: CallRecord) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Every Lex V2 event sent to the code hook and its answer, for tracing a call turn by turn. */
  onExchange(listener: (exchange: LexExchange) => void): () => void {
    this.exchanges.add(listener);
    return () => this.exchanges.delete(listener);
  }

  private changed(call: CallRecord): void {
    for (const listener of this.listeners) listener(call);
  }
}

const STATUS_OF: Record<CallOutcome["action"], CallStatus> = {
  handoff: "handed_off",
  nurture: "nurture",
  end: "ended",
};

/** What the contact flow would branch on after Lex closed the intent. */
function outcomeOf(attributes: Record<string, string>, countedTurns: number): CallOutcome {
  const declared = attributes[SESSION.outcome];
  const action =
    attributes[SESSION.handoff] === "true"
      ? "handoff"
      : declared === "nurture" || declared === "end"
        ? declared
        : "handoff";
  const trigger = RouteTrigger.safeParse(attributes[SESSION.trigger]);
  const endReason = EndReason.safeParse(attributes[SESSION.endReason]);
  return {
    action,
    ...(action === "handoff" && trigger.success ? { trigger: trigger.data } : {}),
    ...(action === "handoff" && attributes[SESSION.queue] ? { queue: attributes[SESSION.queue] } : {}),
    ...(action === "end" && endReason.success ? { endReason: endReason.data } : {}),
    // Not SESSION.turn: the session's own counter is kept apart from the screen pop's `baton_decided_turn`.
    customerTurns: countedTurns,
  };
}
