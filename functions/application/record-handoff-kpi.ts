import { CONNECT_CONTACT_EVENT } from "../../contracts/bus-rules.js";
import {
  BusEnvelope,
  CONNECT_CONTACT_EVENT_TYPES,
  ConnectContactEvent,
  type ConnectContactEventDetail,
  type ConnectContactEventType,
  DOCUMENTED_CONTACT_EVENT_TYPES,
} from "../../contracts/connect-contact-event.js";
import { HandoffOutcome, HandoffRequested } from "../../contracts/events/catalog.js";
import { HANDOFF_KPI_METRICS } from "../../contracts/handoff-kpi.js";
import {
  applyHandoffInput,
  type HandoffInput,
  type KpiBusEvent,
  validTimestamp,
} from "../domain/handoff-kpi.js";
import { describeIssue } from "../domain/zod-issue.js";
import type { BusEvent, EventPublisher } from "../ports/event-publisher.js";
import { type HandoffKpiStore, StaleItemError, type StoredHandoff } from "../ports/handoff-store.js";
import type { MetricsSink } from "../ports/metrics-sink.js";

export type LogLevel = "debug" | "info" | "warn" | "error";
export type Log = (level: LogLevel, message: string, details: Record<string, unknown>) => void;

export interface HandoffKpiDependencies {
  store: HandoffKpiStore;
  publisher: EventPublisher;
  metrics: MetricsSink;
  clock: () => Date;
  /** TTL of a handoff's KPI item. */
  ttlDays: number;
  /**
   * Contact events of a contact Baton does not know yet are kept this long, in case its Handoff.Requested
   * is still on its way (the bus does not order events); 0 drops them at once.
   */
  reorderWindowSeconds: number;
  log: Log;
}

export type KpiOutcome =
  | { status: "applied"; contactId: string; published: string[]; unpublished: string[] }
  | { status: "duplicate"; contactId: string; published: string[]; unpublished: string[] }
  | { status: "buffered_unknown"; contactId: string }
  | { status: "ignored_unknown"; contactId: string }
  | { status: "ignored_event_type"; eventType: string; undocumented?: true }
  | { status: "invalid_event"; reason: string; contactEvent?: true };

const MAX_ATTEMPTS = 5;

/**
 * The handoff-kpi target: Handoff.Requested, Handoff.Outcome and Amazon Connect contact events in, one
 * outcome out for every event (nothing throws for bad input):
 * 1. parse the envelope, then the detail with its contract (camelCase or PascalCase); a contact event that does
 *    not parse, or of a type the reference page does not document, is logged and counted, never dropped silently;
 *    documented types the KPI does not read (INITIATED, CONTACT_DATA_UPDATED, ...) are ignored;
 * 2. find the handoff the event belongs to (the contact, or the contact it was transferred from);
 * 3. apply it to the handoff's facts and write them with the new outcome events in one conditional write
 *    (retry on a lost race); an unchanged handoff is a duplicate and writes nothing;
 * 4. emit the metrics of the transition, then publish the new outcome events and clear what went out
 *    (a duplicate re-sends whatever is still in the outbox).
 */
export async function recordHandoffKpi(deps: HandoffKpiDependencies, raw: unknown): Promise<KpiOutcome> {
  const parsed = toHandoffInput(raw);
  if ("status" in parsed) {
    if (parsed.status === "invalid_event") {
      deps.log("warn", "invalid event for the KPI consumer", parsed);
      if (parsed.contactEvent) deps.metrics.emit([countMetric(HANDOFF_KPI_METRICS.unreadableContactEvent)]);
    }
    if (parsed.status === "ignored_event_type" && parsed.undocumented) {
      deps.log("warn", "contact event of an undocumented type: ignored", parsed);
      deps.metrics.emit([countMetric(HANDOFF_KPI_METRICS.unknownContactEventType)]);
    }
    return parsed;
  }
  return applyToHandoff(deps, parsed.input, parsed.candidates);
}

/** Applies one input to its handoff; the router uses it too, for what it did (transfer, callback). */
export async function applyToHandoff(
  deps: HandoffKpiDependencies,
  input: HandoffInput,
  candidates: readonly string[] = [input.contactId],
): Promise<KpiOutcome> {
  let { key, stored } = await resolve(deps, input, candidates);
  for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt += 1) {
    if (attempt > 1) stored = await deps.store.loadHandoff(key);
    const known = stored?.facts.request !== undefined;
    if (input.kind === "contact" && !known && deps.reorderWindowSeconds <= 0) {
      deps.metrics.emit([unknownContactMetric()]);
      deps.log("debug", "contact event of a contact Baton did not hand off: ignored", { contactId: key });
      return { status: "ignored_unknown", contactId: key };
    }
    const step = applyHandoffInput(stored?.facts ?? null, input);
    const pending = mergePending(stored?.pending ?? [], step.effects.events.map(toBusEvent));
    if (!step.changed && pending.length === (stored?.pending.length ?? 0)) {
      if (!known) return { status: "buffered_unknown", contactId: key };
      // A duplicate (or an event that adds nothing): re-send what an earlier run could not publish.
      const result = stored ? await publishPending(deps, stored, stored.pending) : noneSent();
      return { status: "duplicate", contactId: key, ...result };
    }
    const next: StoredHandoff = {
      contactId: key,
      version: (stored?.version ?? 0) + 1,
      facts: step.facts,
      pending,
      expiresAt: expiresAt(deps, input, step.facts.request !== undefined, stored),
    };
    try {
      await deps.store.saveHandoff(next, stored?.version ?? 0);
    } catch (error) {
      if (error instanceof StaleItemError && attempt < MAX_ATTEMPTS) continue;
      throw error;
    }
    for (const note of step.effects.notes) deps.log("info", note, { contactId: key });
    deps.metrics.emit(step.effects.metrics);
    if (step.facts.request === undefined) {
      if (input.kind === "contact") deps.metrics.emit([unknownContactMetric()]);
      deps.log("info", "kept an event of a contact Baton has not handed off (yet)", {
        contactId: key,
        kind: input.kind,
        keptForSeconds: input.kind === "contact" ? deps.reorderWindowSeconds : undefined,
      });
      return { status: "buffered_unknown", contactId: key };
    }
    // This run publishes what it added; events carried from an earlier run are that run's to publish
    // (it throws when it cannot, and its retry finds nothing new and re-sends the whole outbox).
    const added = new Set(step.effects.events.map((event) => event.id));
    const result = await publishPending(
      deps,
      next,
      pending.filter((event) => added.has(event.id)),
    );
    return { status: "applied", contactId: key, ...result };
  }
  throw new Error(`handoff ${key}: gave up after ${MAX_ATTEMPTS} conflicting writes`);
}

/** The first candidate Baton knows as a handoff; else the event's own contact (to buffer it). */
async function resolve(
  deps: HandoffKpiDependencies,
  input: HandoffInput,
  candidates: readonly string[],
): Promise<{ key: string; stored: StoredHandoff | null }> {
  const unique = [...new Set([input.contactId, ...candidates])];
  let own: StoredHandoff | null = null;
  for (const [index, candidate] of unique.entries()) {
    const stored = await deps.store.loadHandoff(candidate);
    if (index === 0) own = stored;
    if (stored?.facts.request) return { key: candidate, stored };
  }
  return { key: input.contactId, stored: own };
}

function expiresAt(
  deps: HandoffKpiDependencies,
  input: HandoffInput,
  known: boolean,
  stored: StoredHandoff | null,
): number {
  const nowSeconds = Math.floor(deps.clock().getTime() / 1000);
  if (known || input.kind !== "contact") return nowSeconds + deps.ttlDays * 86_400;
  // Still unknown: the reorder window counts from the first event, a later one does not extend it.
  return stored?.expiresAt ?? nowSeconds + deps.reorderWindowSeconds;
}

async function publishPending(
  deps: HandoffKpiDependencies,
  item: StoredHandoff,
  pending: readonly BusEvent[],
): Promise<{ published: string[]; unpublished: string[] }> {
  if (pending.length === 0) return noneSent();
  const { failed } = await deps.publisher.publish(pending);
  const failedIds = new Set(failed.map((failure) => failure.id));
  const published = pending.filter((event) => !failedIds.has(event.id)).map((event) => event.id);
  if (published.length > 0) await deps.store.clearPending(item.contactId, published);
  if (failed.length > 0) {
    deps.log("warn", "outcome events left in the handoff's outbox", { contactId: item.contactId, failed });
  }
  return { published, unpublished: [...failedIds] };
}

function noneSent(): { published: string[]; unpublished: string[] } {
  return { published: [], unpublished: [] };
}

function mergePending(current: readonly BusEvent[], added: readonly BusEvent[]): BusEvent[] {
  const byId = new Map(current.map((event) => [event.id, event]));
  for (const event of added) if (!byId.has(event.id)) byId.set(event.id, event);
  return [...byId.values()];
}

function toBusEvent(event: KpiBusEvent): BusEvent {
  return {
    id: event.id,
    source: event.source,
    detailType: event.detailType,
    detail: JSON.stringify(event.detail),
  };
}

function unknownContactMetric() {
  return countMetric(HANDOFF_KPI_METRICS.unknownContact);
}

function countMetric(name: (typeof HANDOFF_KPI_METRICS)[keyof typeof HANDOFF_KPI_METRICS]) {
  return { name, unit: "Count" as const, value: 1, dimensions: {} };
}

type Parsed =
  | { input: HandoffInput; candidates: string[] }
  | Extract<KpiOutcome, { status: "ignored_event_type" | "invalid_event" }>;

/** An event on the bus -> the reducer's input (or why there is none). */
export function toHandoffInput(raw: unknown, now: () => Date = () => new Date()): Parsed {
  const envelope = BusEnvelope.safeParse(raw);
  if (!envelope.success) return { status: "invalid_event", reason: describeIssue(envelope.error).message };
  const { source, "detail-type": detailType } = envelope.data;
  if (source === CONNECT_CONTACT_EVENT.source && detailType === CONNECT_CONTACT_EVENT.detailType) {
    const event = ConnectContactEvent.safeParse(raw);
    if (!event.success) {
      return { status: "invalid_event", reason: describeIssue(event.error).message, contactEvent: true };
    }
    const detail = event.data.detail;
    if (!isHandledType(detail.eventType)) {
      const documented = (DOCUMENTED_CONTACT_EVENT_TYPES as readonly string[]).includes(detail.eventType);
      return {
        status: "ignored_event_type",
        eventType: detail.eventType,
        ...(documented ? {} : { undocumented: true as const }),
      };
    }
    return {
      input: {
        kind: "contact",
        contactId: detail.contactId,
        eventType: detail.eventType,
        channel: detail.channel,
        at: event.data.time ?? now().toISOString(),
        enqueuedAt: detail.queueInfo?.enqueueTimestamp,
        connectedToAgentAt: detail.agentInfo?.connectedToAgentTimestamp,
        agentArn: detail.agentInfo?.agentArn,
        disconnectedAt: detail.disconnectTimestamp,
        afterContactWorkMs: detail.eventType === "COMPLETED" ? afterContactWorkMs(detail) : undefined,
      },
      // A contact transferred from a handoff (TransferContact makes a new contact) belongs to that handoff.
      candidates: [detail.contactId, detail.initialContactId, detail.previousContactId].filter(
        (id): id is string => typeof id === "string",
      ),
    };
  }
  if (source === HandoffRequested.source && detailType === HandoffRequested.detailType) {
    const detail = HandoffRequested.detail.safeParse(envelope.data.detail);
    if (!detail.success) return { status: "invalid_event", reason: describeIssue(detail.error).message };
    const { meta } = detail.data;
    return {
      input: {
        kind: "requested",
        contactId: meta.contactId,
        campaignId: meta.campaignId,
        leadId: meta.leadId ?? detail.data.screenPop.leadId,
        trigger: detail.data.trigger,
        queue: detail.data.queue,
        occurredAt: meta.occurredAt,
      },
      candidates: [meta.contactId],
    };
  }
  if (source === HandoffOutcome.source && detailType === HandoffOutcome.detailType) {
    const detail = HandoffOutcome.detail.safeParse(envelope.data.detail);
    if (!detail.success) return { status: "invalid_event", reason: describeIssue(detail.error).message };
    const { meta } = detail.data;
    return {
      input: {
        kind: "outcome",
        contactId: meta.contactId,
        outcome: detail.data.outcome,
        valueUsd: detail.data.valueUsd,
        occurredAt: meta.occurredAt,
      },
      candidates: [meta.contactId],
    };
  }
  return { status: "ignored_event_type", eventType: `${source} / ${detailType}` };
}

/** Whole seconds when Connect gives the duration, else the span of the two timestamps. */
function afterContactWorkMs(detail: ConnectContactEventDetail): number | undefined {
  const agent = detail.agentInfo;
  if (!agent) return undefined;
  if (agent.afterContactWorkDuration !== undefined) return Math.round(agent.afterContactWorkDuration * 1000);
  const start = validTimestamp(agent.afterContactWorkStartTimestamp);
  const end = validTimestamp(agent.afterContactWorkEndTimestamp);
  return start && end && end >= start ? Date.parse(end) - Date.parse(start) : undefined;
}

function isHandledType(eventType: string): eventType is ConnectContactEventType {
  return (CONNECT_CONTACT_EVENT_TYPES as readonly string[]).includes(eventType);
}
