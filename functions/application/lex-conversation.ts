import type { Campaign } from "../../contracts/campaign.js";
import {
  ignoredLexHints,
  type LexV2Event,
  LexV2Event as LexV2EventSchema,
  type LexV2Response,
} from "../../contracts/lex-v2.js";
import type { Sentiment } from "../../contracts/transcript.js";
import type { CallerFacts } from "../domain/screen-pop.js";
import { describeIssue } from "../domain/transcript-file.js";
import { type TurnDependencies, type TurnRequest, takeTurn } from "./take-turn.js";
import type { TurnReply } from "./turn-reply.js";

/** Session attributes the contact flow sets (from `$.ContactId` and the contact's attributes) and reads. */
export const SESSION = {
  contactId: "contactId",
  leadId: "leadId",
  campaignId: "campaignId",
  /** Who is on the line, for the closer's screen pop (the flow sets them from the contact and the lead). */
  customerName: "customerName",
  customerPhone: "customerPhone",
  company: "company",
  direction: "direction",
  turn: "baton_turn",
  handoff: "handoff",
  trigger: "handoff_trigger",
  queue: "handoff_queue",
  outcome: "baton_outcome",
  endReason: "baton_end_reason",
  silence: "baton_silence",
  published: "baton_published",
} as const;

export interface LexConversationDependencies extends TurnDependencies {
  defaultCampaignId: string;
  /** Queue for a handoff when even the campaign is unknown. */
  fallbackQueue: string;
  fallbackLine: string;
  /** Consecutive empty or unusable inputs before the caller goes to a human. */
  maxSilentTurns: number;
  log: (level: "info" | "warn" | "error", message: string, details: Record<string, unknown>) => void;
  count: (metric: "SystemFallback" | "Handoff" | "ModelFallback" | "Reprompt", value?: number) => void;
}

/**
 * The Lex V2 code hook: any event in, always a valid Lex response out. Every failure on the way
 * (bad event, unknown campaign, DynamoDB down, a bug) becomes a handoff with trigger `system_fallback`,
 * so the flow transfers the caller instead of dropping them.
 */
export async function answerLex(deps: LexConversationDependencies, raw: unknown): Promise<LexV2Response> {
  const parsed = LexV2EventSchema.safeParse(raw);
  if (!parsed.success) {
    const { message } = describeIssue(parsed.error);
    return fallback(deps, undefined, `invalid Lex event: ${message}`);
  }
  const event = parsed.data;
  const ignored = ignoredLexHints(raw);
  if (ignored.length > 0) deps.log("warn", "Lex hints that did not parse were ignored", { ignored });
  try {
    const request = toTurnRequest(event, deps.defaultCampaignId);
    const silence = Number(event.sessionState.sessionAttributes?.[SESSION.silence] ?? "0") || 0;
    if (isUnusable(request)) {
      if (silence + 1 >= deps.maxSilentTurns) return fallback(deps, event, "no usable input from the caller");
      deps.count("Reprompt");
      return reprompt(deps, event, silence + 1);
    }
    const { reply, publishedVersion } = await takeTurn(deps, request);
    if (reply.lineSource === "script" && reply.action === "continue") deps.count("ModelFallback");
    if (reply.action === "handoff") deps.count("Handoff");
    return toLexResponse(event, reply, publishedVersion);
  } catch (error) {
    return fallback(deps, event, error instanceof Error ? `${error.name}: ${error.message}` : String(error));
  }
}

function toTurnRequest(event: LexV2Event, defaultCampaignId: string): TurnRequest {
  const attributes = event.sessionState.sessionAttributes ?? {};
  const contactId = nonEmpty(attributes[SESSION.contactId]) ?? event.sessionId;
  const interpretation = event.interpretations?.[0];
  const sentiment = interpretation?.sentimentResponse;
  const text = event.inputTranscript ?? "";
  return {
    contactId,
    leadId: nonEmpty(attributes[SESSION.leadId]),
    campaignId: nonEmpty(attributes[SESSION.campaignId]) ?? defaultCampaignId,
    caller: callerFacts(attributes),
    turnKey:
      event.sessionState.originatingRequestId ??
      `${event.sessionId}:${attributes[SESSION.turn] ?? "0"}:${text}`,
    text,
    inputMode: event.inputMode,
    sentiment: sentiment ? toSentiment(sentiment) : undefined,
    publishedVersion: Number.parseInt(attributes[SESSION.published] ?? "", 10) || undefined,
    nlu:
      interpretation?.nluConfidence !== undefined
        ? { intent: interpretation.intent.name, confidence: interpretation.nluConfidence }
        : undefined,
  };
}

/** Connect's `InitiationMethod` or a plain word; anything else is left out rather than guessed. */
function callerFacts(attributes: Record<string, string>): CallerFacts {
  const direction = nonEmpty(attributes[SESSION.direction])?.toLowerCase();
  const facts: CallerFacts = {
    name: nonEmpty(attributes[SESSION.customerName]),
    phone: nonEmpty(attributes[SESSION.customerPhone]),
    company: nonEmpty(attributes[SESSION.company]),
    direction:
      direction === "inbound" || direction === "outbound" || direction === "callback" ? direction : undefined,
  };
  return Object.fromEntries(Object.entries(facts).filter(([, value]) => value !== undefined));
}

function toSentiment(
  response: NonNullable<NonNullable<LexV2Event["interpretations"]>[number]["sentimentResponse"]>,
): Sentiment {
  const scores = response.sentimentScore;
  return {
    label: response.sentiment,
    ...(scores
      ? {
          scores: {
            positive: scores.positive,
            negative: scores.negative,
            neutral: scores.neutral,
            mixed: scores.mixed,
          },
        }
      : {}),
  };
}

/** Silence, or keypad digits other than 0 (the operator): nothing to read. */
function isUnusable(request: TurnRequest): boolean {
  const text = request.text.trim();
  if (request.inputMode === "DTMF") return !/^[*#]?0$/.test(text);
  return text.length === 0;
}

function toLexResponse(
  event: LexV2Event,
  reply: TurnReply,
  publishedVersion: number | undefined,
): LexV2Response {
  const attributes: Record<string, string> = {
    ...carriedAttributes(event),
    [SESSION.published]: publishedVersion === undefined ? "" : String(publishedVersion),
    [SESSION.turn]: String(reply.customerTurns),
    [SESSION.silence]: "0",
    [SESSION.handoff]: reply.action === "handoff" ? "true" : "false",
    [SESSION.outcome]: reply.action,
  };
  if (reply.action === "continue") return elicit(event, attributes, reply.line);
  if (reply.action === "handoff") {
    Object.assign(attributes, reply.attributes, {
      [SESSION.trigger]: reply.trigger ?? "system_fallback",
      [SESSION.queue]: reply.queue ?? "",
    });
  }
  if (reply.endReason) attributes[SESSION.endReason] = reply.endReason;
  return close(event, attributes, reply.line);
}

function reprompt(deps: LexConversationDependencies, event: LexV2Event, silence: number): LexV2Response {
  const campaign = tryCampaign(deps, event);
  const line = campaign
    ? "Sorry, I didn't catch that. Could you say that again?"
    : "Sorry, I didn't catch that.";
  return elicit(event, { ...carriedAttributes(event), [SESSION.silence]: String(silence) }, line);
}

function fallback(
  deps: LexConversationDependencies,
  event: LexV2Event | undefined,
  reason: string,
): LexV2Response {
  deps.log("error", "conversation turn failed; transferring the caller to a human", {
    reason,
    sessionId: event?.sessionId,
  });
  deps.count("SystemFallback");
  const campaign = event ? tryCampaign(deps, event) : undefined;
  const attributes: Record<string, string> = {
    ...carriedAttributes(event),
    [SESSION.handoff]: "true",
    [SESSION.trigger]: "system_fallback",
    [SESSION.queue]: campaign?.routes.system_fallback ?? deps.fallbackQueue,
    [SESSION.outcome]: "handoff",
    baton_reasons: reason.slice(0, 500),
  };
  return close(event, attributes, campaign?.script.handoff ?? deps.fallbackLine);
}

function tryCampaign(deps: LexConversationDependencies, event: LexV2Event): Campaign | undefined {
  const id = nonEmpty(event.sessionState.sessionAttributes?.[SESSION.campaignId]) ?? deps.defaultCampaignId;
  return deps.campaigns.has(id) ? deps.campaigns.get(id) : undefined;
}

function elicit(event: LexV2Event, sessionAttributes: Record<string, string>, line: string): LexV2Response {
  return {
    sessionState: { dialogAction: { type: "ElicitIntent" }, sessionAttributes },
    messages: [{ contentType: "PlainText", content: line }],
    ...(event.requestAttributes ? { requestAttributes: event.requestAttributes } : {}),
  };
}

function close(
  event: LexV2Event | undefined,
  sessionAttributes: Record<string, string>,
  line: string,
): LexV2Response {
  const intentName =
    event?.sessionState.intent?.name ?? event?.interpretations?.[0]?.intent.name ?? "FallbackIntent";
  return {
    sessionState: {
      dialogAction: { type: "Close" },
      intent: { name: intentName, state: "Fulfilled" },
      sessionAttributes,
    },
    messages: [{ contentType: "PlainText", content: line }],
  };
}

function nonEmpty(value: string | undefined): string | undefined {
  return value !== undefined && value.trim().length > 0 ? value.trim() : undefined;
}

/** Session attributes go back to Lex as they came, less keys Lex would reject. */
function carriedAttributes(event: LexV2Event | undefined): Record<string, string> {
  const attributes = event?.sessionState.sessionAttributes ?? {};
  return Object.fromEntries(Object.entries(attributes).filter(([key]) => key.trim().length > 0));
}
