import { createHash } from "node:crypto";
import type { Campaign } from "../../contracts/campaign.js";
import {
  ignoredLexHints,
  type LexV2Event,
  LexV2Event as LexV2EventSchema,
  type LexV2Response,
} from "../../contracts/lex-v2.js";
import type { Sentiment } from "../../contracts/transcript.js";
import * as z from "../../contracts/zod.js";
import { type FallbackCause, fallbackHandoff } from "../domain/fallback-handoff.js";
import { redactSensitive } from "../domain/redact.js";
import { type CallerFacts, screenPopAttributes } from "../domain/screen-pop.js";
import type { DomainEvent } from "../domain/turn-events.js";
import { wellFormed } from "../domain/unicode.js";
import { describeIssue } from "../domain/zod-issue.js";
import type { BusEvent } from "../ports/event-publisher.js";
import type { PendingEvents } from "../ports/pending-events.js";
import { type Delivery, type DeliveryLimits, publishOrKeep } from "./deliver-events.js";
import { type TurnDependencies, type TurnProgress, type TurnRequest, takeTurn } from "./take-turn.js";
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
  previousContactId: "previousContactId",
  turn: "baton_turn",
  handoff: "handoff",
  trigger: "handoff_trigger",
  queue: "handoff_queue",
  outcome: "baton_outcome",
  endReason: "baton_end_reason",
  silence: "baton_silence",
  published: "baton_published",
} as const;

/** The screen pop's customer turn of the handoff (contact attribute the flow shows as "decided at turn"). */
const DECIDED_TURN = "baton_decided_turn";

export interface LexConversationDependencies extends TurnDependencies {
  defaultCampaignId: string;
  /** Queue for a handoff when even the campaign is unknown. */
  fallbackQueue: string;
  fallbackLine: string;
  /** Consecutive empty or unusable inputs before the caller goes to a human. */
  maxSilentTurns: number;
  /** Where a fallback handoff goes when the bus will not take it (SQS in AWS). */
  pendingEvents: PendingEvents;
  /** Lex must have its answer within this, whatever fails: well under Lex's and the flow's limits. */
  turnDeadlineMs: number;
  /** The turn's deadline as a signal; tests pass their own to end a turn at a chosen moment. */
  deadlineSignal?: ((ms: number) => AbortSignal) | undefined;
  log: (level: "info" | "warn" | "error", message: string, details: Record<string, unknown>) => void;
  count: (metric: CallPathMetric, value?: number) => void;
}

export type CallPathMetric =
  | "SystemFallback"
  | "Handoff"
  | "ModelFallback"
  | "Reprompt"
  | "Redaction"
  | "TurnDeadline"
  | "FallbackHandoffKept"
  | "FallbackHandoffLost";

/** Kept back from the turn's deadline for the fallback: the bus, then the pending-events queue. */
export const FALLBACK_LIMITS: DeliveryLimits = { publishMs: 500, keepMs: 400 };
const FALLBACK_RESERVE_MS = FALLBACK_LIMITS.publishMs + FALLBACK_LIMITS.keepMs + 100;
const MIN_TURN_BUDGET_MS = 300;

/** The turn itself stopped short of its deadline, so a fallback still has time to reach the bus. */
export function turnBudgetMs(turnDeadlineMs: number): number {
  return Math.max(MIN_TURN_BUDGET_MS, turnDeadlineMs - FALLBACK_RESERVE_MS);
}

class TurnDeadlineExceeded extends Error {
  override readonly name = "TurnDeadlineExceeded";
}

interface FallbackContext {
  cause: FallbackCause;
  error?: unknown;
  event?: LexV2Event | undefined;
  raw?: unknown;
  request?: TurnRequest | undefined;
  progress?: TurnProgress | undefined;
}

/**
 * The Lex V2 code hook: any event in, always a valid Lex response out, within the turn's deadline.
 * 1. the customer's words are redacted (card numbers, SSNs, bank numbers) before anything else sees them;
 * 2. the turn runs (functions/application/take-turn.ts) against a deadline;
 * 3. every failure on the way (bad event, unknown campaign, DynamoDB down or hung, a bug, the deadline)
 *    becomes a handoff with trigger `system_fallback`: the flow transfers the caller instead of dropping
 *    them, and `Handoff.Requested` goes to the bus or, failing that, to the pending-events queue.
 */
export async function answerLex(deps: LexConversationDependencies, raw: unknown): Promise<LexV2Response> {
  const startedAt = deps.clock().getTime();
  const parsed = LexV2EventSchema.safeParse(raw);
  if (!parsed.success) {
    return fallback(deps, { cause: "invalid_event", error: describeIssue(parsed.error).message, raw });
  }
  const event = parsed.data;
  const ignored = ignoredLexHints(raw);
  if (ignored.length > 0) deps.log("warn", "Lex hints that did not parse were ignored", { ignored });
  const progress: TurnProgress = {};
  let request: TurnRequest | undefined;
  try {
    request = toTurnRequest(event, deps);
    if (!deps.campaigns.has(request.campaignId)) {
      return await fallback(deps, { cause: "unknown_campaign", event, request });
    }
    const silence = Number(event.sessionState.sessionAttributes?.[SESSION.silence] ?? "0") || 0;
    if (isUnusable(request)) {
      if (silence + 1 >= deps.maxSilentTurns)
        return await fallback(deps, { cause: "no_input", event, request });
      deps.count("Reprompt");
      return reprompt(deps, event, silence + 1);
    }
    const budgetMs = turnBudgetMs(deps.turnDeadlineMs);
    const signal = deps.deadlineSignal?.(budgetMs) ?? AbortSignal.timeout(budgetMs);
    const turn = takeTurn(deps, request, { signal, deadlineAt: startedAt + budgetMs, progress });
    const { reply, publishedVersion } = await untilAborted(turn, signal);
    if (reply.lineSource === "script" && reply.action === "continue") deps.count("ModelFallback");
    if (reply.action === "handoff") deps.count("Handoff");
    return toLexResponse(event, reply, publishedVersion);
  } catch (error) {
    const late = error instanceof TurnDeadlineExceeded;
    if (late) deps.count("TurnDeadline");
    const committed = progress.committed;
    if (late && committed) {
      // The turn is written and its answer stands; only the publish is late. Its events go to the bus or
      // the pending-events queue now, and stay on the item for the next turn or the relay as well.
      deps.log("warn", "turn out of time after its write; answering it and keeping its events", {
        contactId: committed.next.contactId,
        version: committed.next.version,
      });
      await deliver(deps, committed.next.outbox, committed.next.contactId);
      return toLexResponse(event, committed.reply, undefined);
    }
    return fallback(deps, { cause: late ? "too_slow" : "system_error", error, event, request, progress });
  }
}

/** The turn's answer, or TurnDeadlineExceeded when the signal fires first; the turn is left to settle alone. */
function untilAborted<T>(work: Promise<T>, signal: AbortSignal): Promise<T> {
  // A turn that fails after its deadline has nobody left to tell.
  work.catch(() => {});
  if (signal.aborted) return Promise.reject(new TurnDeadlineExceeded("the turn ran out of time"));
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(new TurnDeadlineExceeded("the turn ran out of time"));
    signal.addEventListener("abort", onAbort, { once: true });
    work.then(
      (value) => {
        signal.removeEventListener("abort", onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener("abort", onAbort);
        reject(error);
      },
    );
  });
}

async function deliver(
  deps: LexConversationDependencies,
  events: readonly BusEvent[],
  contactId: string,
): Promise<Delivery> {
  const delivery = await publishOrKeep(deps, events, FALLBACK_LIMITS);
  const ids = events.map((entry) => entry.id);
  if (delivery.outcome === "kept") {
    deps.count("FallbackHandoffKept");
    deps.log("warn", "events kept in the pending-events queue for its relay", {
      contactId,
      ids,
      publishError: delivery.publishError,
    });
  } else if (delivery.outcome === "lost") {
    deps.count("FallbackHandoffLost");
    // The last copy: the events (redacted) in full, so an operator can replay them from the log.
    deps.log("error", "events could be neither published nor kept", {
      contactId,
      events,
      publishError: delivery.publishError,
      keepError: delivery.keepError,
    });
  }
  return delivery;
}

function toTurnRequest(event: LexV2Event, deps: LexConversationDependencies): TurnRequest {
  const attributes = carriedAttributes(event);
  const contactId = nonEmpty(attributes[SESSION.contactId]) ?? event.sessionId;
  const interpretation = event.interpretations?.[0];
  const sentiment = interpretation?.sentimentResponse;
  // Before state, events, logs, the screen pop or the model see the words.
  const redacted = redactSensitive(wellFormed(event.inputTranscript ?? ""));
  if (redacted.kinds.length > 0) {
    deps.count("Redaction", redacted.kinds.length);
    deps.log("info", "sensitive numbers redacted from the customer's turn", {
      contactId,
      kinds: redacted.kinds,
    });
  }
  const text = redacted.text;
  return {
    contactId,
    leadId: nonEmpty(attributes[SESSION.leadId]),
    campaignId: nonEmpty(attributes[SESSION.campaignId]) ?? deps.defaultCampaignId,
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
    previousContactId: nonEmpty(attributes[SESSION.previousContactId]),
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
      // Counted like `baton_turn` (customer turns), not as an index into the transcript.
      [DECIDED_TURN]: String(reply.customerTurns),
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

async function fallback(deps: LexConversationDependencies, context: FallbackContext): Promise<LexV2Response> {
  const { cause, event, request, progress } = context;
  const identity = identify(deps, context);
  // An event Baton cannot read names no campaign it can trust: the fallback queue takes it.
  const campaign =
    event && deps.campaigns.has(identity.campaignId) ? deps.campaigns.get(identity.campaignId) : undefined;
  // Errors go to logs and metrics only; the closer reads a plain reason.
  deps.log("error", "conversation turn failed; transferring the caller to a human", {
    cause,
    error: errorText(context.error),
    sessionId: event?.sessionId,
    contactId: identity.contactId,
    campaignId: identity.campaignId,
  });
  deps.count("SystemFallback");
  const queue = campaign?.routes.system_fallback ?? deps.fallbackQueue;
  const sessionTurns = Number.parseInt(event?.sessionState.sessionAttributes?.[SESSION.turn] ?? "", 10) || 0;
  const handoff = fallbackHandoff({
    ...identity,
    queue,
    cause,
    state: progress?.state,
    campaign,
    customerTurns: sessionTurns + 1,
    lastCustomerText: request?.text,
    occurredAt: deps.clock().toISOString(),
  });
  // A turn written (or sent to be written) but never confirmed on the bus goes with the handoff.
  const written = progress?.committed?.next ?? progress?.attempted;
  const carried = (written?.outbox ?? []).filter((entry) => entry.id !== handoff.event.id);
  await deliver(deps, [toBusEvent(handoff.event), ...carried], identity.contactId);
  const attributes: Record<string, string> = {
    ...carriedAttributes(event),
    ...screenPopAttributes(handoff.screenPop),
    [SESSION.handoff]: "true",
    [SESSION.trigger]: "system_fallback",
    [SESSION.queue]: queue,
    [SESSION.outcome]: "handoff",
    [SESSION.published]: "",
    [DECIDED_TURN]: String(sessionTurns + 1),
    baton_reasons: handoff.reason,
  };
  return close(event, attributes, campaign?.script.handoff ?? deps.fallbackLine);
}

/** Who the call is, as far as anything says: the request, the event, or the raw payload. */
function identify(
  deps: LexConversationDependencies,
  { event, request, raw }: FallbackContext,
): { contactId: string; campaignId: string; leadId?: string | undefined } {
  if (request)
    return { contactId: request.contactId, campaignId: request.campaignId, leadId: request.leadId };
  const attributes = event ? carriedAttributes(event) : rawAttributes(raw);
  const sessionId = event?.sessionId ?? rawSessionId(raw);
  return {
    contactId: nonEmpty(attributes[SESSION.contactId]) ?? nonEmpty(sessionId) ?? unidentified(raw),
    campaignId: nonEmpty(attributes[SESSION.campaignId]) ?? deps.defaultCampaignId,
    leadId: nonEmpty(attributes[SESSION.leadId]),
  };
}

function rawAttributes(raw: unknown): Record<string, string> {
  const attributes = z
    .object({ sessionState: z.object({ sessionAttributes: z.record(z.string(), z.unknown()) }) })
    .safeParse(raw);
  if (!attributes.success) return {};
  return Object.fromEntries(
    Object.entries(attributes.data.sessionState.sessionAttributes).flatMap(([key, value]) =>
      typeof value === "string" && key.length <= 128 ? [[key, wellFormed(value).slice(0, 256)]] : [],
    ),
  );
}

function rawSessionId(raw: unknown): string | undefined {
  const parsed = z.object({ sessionId: z.string().check(z.maxLength(256)) }).safeParse(raw);
  return parsed.success ? wellFormed(parsed.data.sessionId) : undefined;
}

/** A stable id for an event that names no contact: the same payload retried is the same handoff. */
function unidentified(raw: unknown): string {
  let text: string;
  try {
    text = JSON.stringify(raw) ?? String(raw);
  } catch {
    text = String(raw);
  }
  return `unidentified-${createHash("sha256").update(wellFormed(text)).digest("hex").slice(0, 16)}`;
}

function errorText(error: unknown): string | undefined {
  if (error === undefined) return undefined;
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

function toBusEvent(event: DomainEvent): BusEvent {
  return {
    id: event.id,
    source: event.source,
    detailType: event.detailType,
    detail: JSON.stringify(event.detail),
  };
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

/** Session attributes go back to Lex as they came, less keys Lex would reject and lone surrogates. */
function carriedAttributes(event: LexV2Event | undefined): Record<string, string> {
  const attributes = event?.sessionState.sessionAttributes ?? {};
  return Object.fromEntries(
    Object.entries(attributes)
      .filter(([key]) => key.trim().length > 0)
      .map(([key, value]) => [wellFormed(key), wellFormed(value)]),
  );
}
