import type { Campaign } from "../../contracts/campaign.js";
import { HandoffRequested, type HandoffRequestedDetail } from "../../contracts/events/catalog.js";
import { deterministicEventId, SCHEMA_VERSION } from "../../contracts/events/define-event.js";
import type { QualificationState } from "../../contracts/qualification-state.js";
import type { ScreenPop } from "../../contracts/screen-pop.js";
import { buildScreenPop } from "./screen-pop.js";
import type { DomainEvent } from "./turn-events.js";

/** Why the call path gave the caller to a human without the engine deciding it. */
export type FallbackCause = "invalid_event" | "no_input" | "unknown_campaign" | "system_error" | "too_slow";

/**
 * What the closer reads as "why now": plain words, never an error message (errors go to logs and metrics).
 * Each says what the closer can rely on and what to do first.
 */
export const FALLBACK_REASONS: Record<FallbackCause, string> = {
  invalid_event:
    "The AI assistant could not follow this call, so it came straight to you. Ask how you can help.",
  no_input:
    "The caller's answers were not coming through to the AI assistant, so it came straight to you. Check the line, then ask how you can help.",
  unknown_campaign:
    "This call came in for a campaign the AI assistant does not know, so it came straight to you. Ask how you can help.",
  system_error:
    "The AI assistant had a technical problem, so the call came straight to you. Anything listed as confirmed still stands; ask how you can help.",
  too_slow:
    "The AI assistant was too slow to answer, so the call came straight to you rather than keep the caller waiting. Anything listed as confirmed still stands.",
};

export interface FallbackFacts {
  contactId: string;
  campaignId: string;
  leadId?: string | undefined;
  queue: string;
  cause: FallbackCause;
  /** The contact's state as last known (read or computed this turn), when there is one. */
  state?: QualificationState | undefined;
  campaign?: Campaign | undefined;
  /** Customer turns so far (the session counter), when no state is known. */
  customerTurns: number;
  /** The customer's words this turn, already redacted. */
  lastCustomerText?: string | undefined;
  occurredAt: string;
}

export interface FallbackHandoff {
  event: DomainEvent;
  screenPop: ScreenPop;
  reason: string;
}

/**
 * The `Handoff.Requested` of a handoff the engine did not decide. Its id is the contact's one handoff id,
 * so a consumer that already has the engine's handoff for this contact drops it as a duplicate.
 */
export function fallbackHandoff(facts: FallbackFacts): FallbackHandoff {
  const reason = FALLBACK_REASONS[facts.cause];
  const screenPop = fallbackScreenPop(facts, reason);
  const detail: HandoffRequestedDetail = {
    meta: {
      id: deterministicEventId(HandoffRequested.detailType, facts.contactId, "handoff"),
      schemaVersion: SCHEMA_VERSION,
      occurredAt: facts.occurredAt,
      contactId: facts.contactId,
      campaignId: facts.campaignId,
      ...(facts.leadId ? { leadId: facts.leadId } : {}),
    },
    trigger: "system_fallback",
    queue: facts.queue,
    turn: screenPop.decidedAtTurn,
    reasons: [reason],
    screenPop,
  };
  return {
    event: {
      id: detail.meta.id,
      source: HandoffRequested.source,
      detailType: HandoffRequested.detailType,
      detail,
    },
    screenPop,
    reason,
  };
}

function fallbackScreenPop(facts: FallbackFacts, reason: string): ScreenPop {
  const { state, campaign } = facts;
  if (state && campaign) {
    const pop = buildScreenPop(state, campaign, {
      status: "handed_off",
      trigger: "system_fallback",
      turn: Math.max(0, state.nextTurn - 1),
      reasons: [reason],
    });
    return { ...pop, summary: `${pop.summary} ${reason}`, urgency: "high" };
  }
  const turn = Math.max(0, facts.customerTurns);
  return {
    contactId: facts.contactId,
    ...(facts.leadId ? { leadId: facts.leadId } : {}),
    campaignId: facts.campaignId,
    trigger: "system_fallback",
    decidedAtTurn: turn,
    summary: reason,
    opener: "Thanks for holding, I'm picking up your call now. How can I help?",
    confirmed: [],
    missing: campaign ? campaign.slots.filter((slot) => slot.required).map((slot) => slot.label) : [],
    intentTags: [],
    tone: { label: "neutral", trend: "steady", sarcasm: false },
    urgency: "high",
    objections: [],
    reasons: [reason],
    transcript: facts.lastCustomerText ? [{ turn, speaker: "customer", text: facts.lastCustomerText }] : [],
  };
}
