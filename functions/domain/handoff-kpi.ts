import { isDeepStrictEqual } from "node:util";
import type { RouteTrigger } from "../../contracts/campaign.js";
import type { ConnectContactEventType } from "../../contracts/connect-contact-event.js";
import { HandoffAbandoned, HandoffAccepted } from "../../contracts/events/catalog.js";
import { deterministicEventId, type EventMeta, SCHEMA_VERSION } from "../../contracts/events/define-event.js";
import {
  HANDOFF_KPI_DIMENSIONS,
  HANDOFF_KPI_METRICS,
  type HandoffKpiMetricName,
  type HandoffKpiRecord,
} from "../../contracts/handoff-kpi.js";

/**
 * The per-handoff state machine of the KPI consumer, as a pure reducer over *facts*.
 *
 * Contact events arrive best effort, unordered and sometimes twice, so the state is not "the last event"
 * but what is known for sure: the earliest enqueue and agent connection, the disconnect, whether the
 * disconnect carried an agent connection. Merging a fact twice or in another order gives the same facts,
 * so the reducer is idempotent and order-insensitive; the outcome is derived from the facts and frozen the
 * first time it can be derived, so `Handoff.Accepted` / `Handoff.Abandoned` are produced exactly once.
 *
 *   pending ──CONNECTED_TO_AGENT (or a DISCONNECTED / COMPLETED carrying an agent connection)──> accepted
 *      └─────DISCONNECTED (or COMPLETED) without an agent connection─────────────────────────────> abandoned
 *
 * Nothing is decided before Handoff.Requested is known (contact events may come first); a QUEUED that never
 * arrives only loses the `in_queue` stage; a lost CONNECTED_TO_AGENT is recovered from the DISCONNECTED, a lost
 * DISCONNECTED from the COMPLETED Connect sends after it with the same data. The handle time (talk time plus the
 * agent's after-contact work) is known once COMPLETED arrives.
 */

export type BusinessOutcome = "won" | "lost" | "follow_up";

export interface HandoffRequestFacts {
  campaignId: string;
  leadId?: string | undefined;
  trigger: RouteTrigger;
  queue: string;
  /** When the engine decided the handoff (Handoff.Requested `meta.occurredAt`). */
  requestedAt: string;
}

export interface HandoffDecisionFacts {
  status: "accepted" | "abandoned";
  decidedAt: string;
  timeToHumanMs?: number | undefined;
  stage?: "before_queue" | "in_queue" | undefined;
  waitedMs?: number | undefined;
}

export type TransferStatus = "requested" | "done" | "failed";

export interface HandoffFacts {
  contactId: string;
  request?: HandoffRequestFacts | undefined;
  channel?: string | undefined;
  queuedAt?: string | undefined;
  connectedAt?: string | undefined;
  agentArn?: string | undefined;
  disconnectedAt?: string | undefined;
  /** COMPLETED arrived: the contact is over, after-contact work included. */
  completed?: boolean | undefined;
  afterContactWorkMs?: number | undefined;
  /** A DISCONNECTED carried no agent connection: the customer never reached a human. */
  endedWithoutAgent?: boolean | undefined;
  /** The router moved a task or email contact with TransferContact: the original segment's end is not a drop. */
  transfer?: { status: TransferStatus; contactId?: string | undefined } | undefined;
  /** No closer was free: the router scheduled a callback instead. */
  callback?: { scheduledFor: string; scheduleName: string } | undefined;
  outcome?: { outcome: BusinessOutcome; valueUsd?: number | undefined; occurredAt: string } | undefined;
  decision?: HandoffDecisionFacts | undefined;
  handleTimeMs?: number | undefined;
  /** Contact events that contradicted the frozen decision (kept for audit, never re-published). */
  conflicts: number;
}

export type HandoffInput =
  | {
      kind: "requested";
      contactId: string;
      campaignId: string;
      leadId?: string | undefined;
      trigger: RouteTrigger;
      queue: string;
      occurredAt: string;
    }
  | {
      kind: "outcome";
      contactId: string;
      outcome: BusinessOutcome;
      valueUsd?: number | undefined;
      occurredAt: string;
    }
  | {
      kind: "contact";
      /** The contact the event is about: the handoff's, or a segment transferred from it. */
      contactId: string;
      eventType: ConnectContactEventType;
      channel?: string | undefined;
      /** The envelope's time: used when the event carries no timestamp of its own. */
      at: string;
      enqueuedAt?: string | undefined;
      connectedToAgentAt?: string | undefined;
      agentArn?: string | undefined;
      disconnectedAt?: string | undefined;
      /** COMPLETED only: the agent's after-contact work. */
      afterContactWorkMs?: number | undefined;
    }
  | {
      kind: "route";
      contactId: string;
      channel?: string | undefined;
      transfer?: { status: TransferStatus; contactId?: string | undefined } | undefined;
      callback?: { scheduledFor: string; scheduleName: string } | undefined;
    };

export interface KpiMetric {
  name: HandoffKpiMetricName;
  unit: "Count" | "Milliseconds";
  value: number;
  dimensions: Record<string, string>;
}

export interface KpiBusEvent {
  id: string;
  source: string;
  detailType: string;
  detail: Record<string, unknown>;
}

export interface HandoffEffects {
  events: KpiBusEvent[];
  metrics: KpiMetric[];
  /** Human-readable notes for the log (contradictions, ignored facts). */
  notes: string[];
}

export interface HandoffStep {
  facts: HandoffFacts;
  changed: boolean;
  effects: HandoffEffects;
}

/** Connect writes "1970-01-01T00:00:00.001Z" for "never": anything before 1971 is no timestamp. */
const EPOCH_PLACEHOLDER_LIMIT_MS = Date.UTC(1971, 0, 1);

/** A usable timestamp as ISO 8601 (ms), or undefined for absent, unparsable or placeholder values. */
export function validTimestamp(value: string | undefined): string | undefined {
  if (!value) return undefined;
  const ms = Date.parse(value);
  if (!Number.isFinite(ms) || ms < EPOCH_PLACEHOLDER_LIMIT_MS) return undefined;
  return new Date(ms).toISOString();
}

export function emptyFacts(contactId: string): HandoffFacts {
  return { contactId, conflicts: 0 };
}

/** One input applied to the facts of one handoff: the new facts, whether they changed, and what to emit. */
export function applyHandoffInput(current: HandoffFacts | null, input: HandoffInput): HandoffStep {
  const before = current ?? emptyFacts(input.contactId);
  const notes: string[] = [];
  const merged = merge(before, input, notes);
  const decided = freezeDecision(merged);
  const conflicts = contradictions(before, decided);
  const facts = conflicts > 0 ? { ...decided, conflicts: decided.conflicts + conflicts } : decided;
  if (conflicts > 0) notes.push("an agent connection arrived after the handoff was recorded as abandoned");
  const changed = !isDeepStrictEqual(clean(before), clean(facts));
  return { facts, changed, effects: effectsOf(before, facts, conflicts, notes) };
}

function merge(facts: HandoffFacts, input: HandoffInput, notes: string[]): HandoffFacts {
  switch (input.kind) {
    case "requested":
      // The first request wins: a handoff happens once per contact, a duplicate carries the same facts.
      if (facts.request) return facts;
      return {
        ...facts,
        request: {
          campaignId: input.campaignId,
          ...(input.leadId ? { leadId: input.leadId } : {}),
          trigger: input.trigger,
          queue: input.queue,
          requestedAt: validTimestamp(input.occurredAt) ?? input.occurredAt,
        },
      };
    case "outcome": {
      const occurredAt = validTimestamp(input.occurredAt) ?? input.occurredAt;
      // The latest outcome stands (follow_up can become won); an older or equal one changes nothing.
      if (facts.outcome && facts.outcome.occurredAt >= occurredAt) return facts;
      return {
        ...facts,
        outcome: {
          outcome: input.outcome,
          ...(input.valueUsd !== undefined ? { valueUsd: input.valueUsd } : {}),
          occurredAt,
        },
      };
    }
    case "route":
      return {
        ...facts,
        ...(input.channel && !facts.channel ? { channel: input.channel.toUpperCase() } : {}),
        ...(input.transfer ? { transfer: mergeTransfer(facts.transfer, input.transfer) } : {}),
        ...(input.callback && !facts.callback ? { callback: input.callback } : {}),
      };
    case "contact":
      return mergeContactEvent(facts, input, notes);
  }
}

function mergeTransfer(
  current: HandoffFacts["transfer"],
  next: NonNullable<HandoffFacts["transfer"]>,
): NonNullable<HandoffFacts["transfer"]> {
  // requested -> done | failed; a retried "requested" never undoes a result.
  if (current && current.status !== "requested" && next.status === "requested") return current;
  return { status: next.status, ...(next.contactId ? { contactId: next.contactId } : {}) };
}

function mergeContactEvent(
  facts: HandoffFacts,
  input: Extract<HandoffInput, { kind: "contact" }>,
  notes: string[],
): HandoffFacts {
  const at = validTimestamp(input.at);
  const enqueuedAt = validTimestamp(input.enqueuedAt);
  const connectedAt = validTimestamp(input.connectedToAgentAt);
  let next: HandoffFacts = {
    ...facts,
    ...(input.channel && !facts.channel ? { channel: input.channel.toUpperCase() } : {}),
  };
  // Every event type may carry the enqueue time (queueInfo) and the agent connection (agentInfo).
  next = withEarliest(next, "queuedAt", enqueuedAt ?? (input.eventType === "QUEUED" ? at : undefined));
  const agentTime = connectedAt ?? (input.eventType === "CONNECTED_TO_AGENT" ? at : undefined);
  next = withEarliest(next, "connectedAt", agentTime);
  if (agentTime && input.agentArn && !next.agentArn) next = { ...next, agentArn: input.agentArn };
  if (input.eventType !== "DISCONNECTED" && input.eventType !== "COMPLETED") return next;

  const originalSegment = input.contactId === facts.contactId;
  const moved = facts.transfer?.status === "requested" || facts.transfer?.status === "done";
  if (originalSegment && moved && !agentTime) {
    // TransferContact ends the original task or email contact and starts a new one: not a drop-off.
    notes.push("the original segment ended because the router transferred the contact");
    return next;
  }
  const disconnectedAt = validTimestamp(input.disconnectedAt) ?? at;
  if (disconnectedAt && (!next.disconnectedAt || disconnectedAt > next.disconnectedAt)) {
    next = { ...next, disconnectedAt };
  }
  if (!agentTime && !next.endedWithoutAgent) next = { ...next, endedWithoutAgent: true };
  if (input.eventType === "COMPLETED" && !next.completed) {
    next = {
      ...next,
      completed: true,
      ...(input.afterContactWorkMs !== undefined ? { afterContactWorkMs: input.afterContactWorkMs } : {}),
    };
  }
  return next;
}

function withEarliest(
  facts: HandoffFacts,
  field: "queuedAt" | "connectedAt",
  value: string | undefined,
): HandoffFacts {
  if (!value) return facts;
  const current = facts[field];
  if (current && current <= value) return facts;
  return { ...facts, [field]: value };
}

/** Derives the outcome once (and then keeps it), and the handle time once the call is over. */
function freezeDecision(facts: HandoffFacts): HandoffFacts {
  let next = facts;
  const request = facts.request;
  if (!next.decision && request) {
    if (next.connectedAt) {
      next = {
        ...next,
        decision: {
          status: "accepted",
          decidedAt: next.connectedAt,
          timeToHumanMs: between(request.requestedAt, next.connectedAt),
        },
      };
    } else if (next.disconnectedAt && next.endedWithoutAgent) {
      next = {
        ...next,
        decision: {
          status: "abandoned",
          decidedAt: next.disconnectedAt,
          stage: next.queuedAt ? "in_queue" : "before_queue",
          waitedMs: between(request.requestedAt, next.disconnectedAt),
        },
      };
    }
  }
  if (
    next.decision?.status === "accepted" &&
    next.handleTimeMs === undefined &&
    next.completed &&
    next.connectedAt &&
    next.disconnectedAt &&
    next.disconnectedAt >= next.connectedAt
  ) {
    const talkMs = between(next.connectedAt, next.disconnectedAt);
    next = { ...next, handleTimeMs: talkMs + (next.afterContactWorkMs ?? 0) };
  }
  return next;
}

/** An agent connection newly learned about a handoff already published as abandoned. */
function contradictions(before: HandoffFacts, after: HandoffFacts): number {
  const abandoned = before.decision?.status === "abandoned";
  return abandoned && after.connectedAt !== undefined && before.connectedAt !== after.connectedAt ? 1 : 0;
}

function between(fromIso: string, toIso: string): number {
  return Math.max(0, Math.round(Date.parse(toIso) - Date.parse(fromIso)));
}

/** What a reader may see: nothing before Handoff.Requested is known. */
interface VisibleKpi {
  decision?: HandoffDecisionFacts | undefined;
  handleTimeMs?: number | undefined;
  outcome?: HandoffFacts["outcome"];
}

function visible(facts: HandoffFacts): VisibleKpi | null {
  if (!facts.request) return null;
  return { decision: facts.decision, handleTimeMs: facts.handleTimeMs, outcome: facts.outcome };
}

function effectsOf(
  before: HandoffFacts,
  after: HandoffFacts,
  conflicts: number,
  notes: string[],
): HandoffEffects {
  const effects: HandoffEffects = { events: [], metrics: [], notes };
  if (conflicts > 0) {
    effects.metrics.push({
      name: HANDOFF_KPI_METRICS.conflict,
      unit: "Count",
      value: conflicts,
      dimensions: {},
    });
  }
  const request = after.request;
  const now = visible(after);
  if (!request || !now) return effects;
  const was = visible(before);
  const dimensions = {
    [HANDOFF_KPI_DIMENSIONS.campaign]: request.campaignId,
    [HANDOFF_KPI_DIMENSIONS.trigger]: request.trigger,
  };
  const metric = (name: HandoffKpiMetricName, value: number, unit: KpiMetric["unit"] = "Count") =>
    effects.metrics.push({ name, unit, value, dimensions });

  if (!was) metric(HANDOFF_KPI_METRICS.handoffs, 1);
  if (now.decision && !was?.decision) {
    const decision = now.decision;
    if (decision.status === "accepted") {
      effects.events.push(acceptedEvent(after, request, decision));
      metric(HANDOFF_KPI_METRICS.transferred, 1);
      metric(HANDOFF_KPI_METRICS.dropOff, 0);
      metric(HANDOFF_KPI_METRICS.timeToHuman, decision.timeToHumanMs ?? 0, "Milliseconds");
    } else {
      effects.events.push(abandonedEvent(after, request, decision));
      metric(HANDOFF_KPI_METRICS.transferred, 0);
      metric(HANDOFF_KPI_METRICS.dropOff, after.callback ? 0 : 1);
      metric(HANDOFF_KPI_METRICS.callback, after.callback ? 1 : 0);
    }
  }
  if (now.handleTimeMs !== undefined && was?.handleTimeMs === undefined) {
    metric(HANDOFF_KPI_METRICS.handleTime, now.handleTimeMs, "Milliseconds");
  }
  if (now.outcome && now.outcome.outcome !== was?.outcome?.outcome) {
    effects.metrics.push({
      name: HANDOFF_KPI_METRICS.outcome,
      unit: "Count",
      value: 1,
      dimensions: { ...dimensions, [HANDOFF_KPI_DIMENSIONS.outcome]: now.outcome.outcome },
    });
    metric(HANDOFF_KPI_METRICS.closed, now.outcome.outcome === "won" ? 1 : 0);
  }
  return effects;
}

function meta(detailType: string, facts: HandoffFacts, request: HandoffRequestFacts, at: string): EventMeta {
  return {
    // One outcome per handoff: the id depends on the contact only, so a re-publish is the same event.
    id: deterministicEventId(detailType, facts.contactId, "handoff"),
    schemaVersion: SCHEMA_VERSION,
    occurredAt: at,
    contactId: facts.contactId,
    campaignId: request.campaignId,
    ...(request.leadId ? { leadId: request.leadId } : {}),
  };
}

function acceptedEvent(
  facts: HandoffFacts,
  request: HandoffRequestFacts,
  decision: HandoffDecisionFacts,
): KpiBusEvent {
  const agentId = facts.agentArn?.split("/agent/")[1];
  const detail = HandoffAccepted.detail.parse({
    meta: meta(HandoffAccepted.detailType, facts, request, decision.decidedAt),
    trigger: request.trigger,
    queue: request.queue,
    ...(agentId ? { agentId } : {}),
    timeToHumanMs: decision.timeToHumanMs ?? 0,
  });
  return {
    id: detail.meta.id,
    source: HandoffAccepted.source,
    detailType: HandoffAccepted.detailType,
    detail,
  };
}

function abandonedEvent(
  facts: HandoffFacts,
  request: HandoffRequestFacts,
  decision: HandoffDecisionFacts,
): KpiBusEvent {
  const detail = HandoffAbandoned.detail.parse({
    meta: meta(HandoffAbandoned.detailType, facts, request, decision.decidedAt),
    trigger: request.trigger,
    queue: request.queue,
    stage: decision.stage ?? "before_queue",
    waitedMs: decision.waitedMs ?? 0,
  });
  return {
    id: detail.meta.id,
    source: HandoffAbandoned.source,
    detailType: HandoffAbandoned.detailType,
    detail,
  };
}

/** The read model of one handoff, or null while Handoff.Requested is not known. */
export function toKpiRecord(facts: HandoffFacts): HandoffKpiRecord | null {
  const request = facts.request;
  if (!request) return null;
  const decision = facts.decision;
  return {
    contactId: facts.contactId,
    campaignId: request.campaignId,
    ...(request.leadId ? { leadId: request.leadId } : {}),
    trigger: request.trigger,
    queue: request.queue,
    requestedAt: request.requestedAt,
    ...(facts.channel ? { channel: facts.channel } : {}),
    status: decision?.status ?? "pending",
    ...(decision?.timeToHumanMs !== undefined ? { timeToHumanMs: decision.timeToHumanMs } : {}),
    dropOff: decision?.status === "abandoned" && !facts.callback,
    ...(decision?.stage ? { abandonStage: decision.stage } : {}),
    ...(decision?.waitedMs !== undefined ? { waitedMs: decision.waitedMs } : {}),
    ...(facts.handleTimeMs !== undefined ? { handleTimeMs: facts.handleTimeMs } : {}),
    ...(facts.afterContactWorkMs !== undefined ? { afterContactWorkMs: facts.afterContactWorkMs } : {}),
    ...(facts.callback ? { callbackScheduledFor: facts.callback.scheduledFor } : {}),
    ...(facts.outcome ? { outcome: facts.outcome.outcome } : {}),
  };
}

/** Facts without undefined fields: what a round trip through DynamoDB gives back. */
function clean(facts: HandoffFacts): unknown {
  return JSON.parse(JSON.stringify(facts));
}
