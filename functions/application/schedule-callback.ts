import { type CallbackOrigin, HandbackCancelled } from "../../contracts/callback.js";
import { BusEnvelope } from "../../contracts/connect-contact-event.js";
import { HandbackRequested, NurtureScheduled } from "../../contracts/events/catalog.js";
import {
  type CallbackRejection,
  type CallbackTiming,
  planCallbackTime,
  rememberRequest,
  scheduleNameFor,
} from "../domain/callback-plan.js";
import { describeIssue } from "../domain/zod-issue.js";
import type { CallbackScheduler } from "../ports/callback-scheduler.js";
import type { CallbackRecord, CallbackStore } from "../ports/callback-store.js";
import { StaleItemError } from "../ports/handoff-store.js";
import type { Log } from "./record-handoff-kpi.js";

export interface CallbackDependencies {
  store: CallbackStore;
  scheduler: CallbackScheduler;
  clock: () => Date;
  timing: CallbackTiming;
  /** How long a callback record is kept after its time. */
  ttlDays: number;
  log: Log;
  count: (metric: string, value?: number) => void;
}

export interface CallbackRequest {
  leadId?: string | undefined;
  campaignId: string;
  /** The contact being followed up: its customer is called back. */
  sourceContactId: string;
  note?: string | undefined;
  /** ISO 8601; none = the default delay. */
  followUpAt?: string | undefined;
  origin: CallbackOrigin;
  /** The deterministic id of the event that asks for it: a redelivery is recognised. */
  requestId: string;
}

export type ScheduleRejection = "no_lead" | "unknown_lead" | "opted_out" | CallbackRejection;

export type ScheduleOutcome =
  | {
      status: "scheduled";
      leadId: string;
      scheduleName: string;
      scheduledFor: string;
      version: number;
      /** A callback was already planned for the lead: this one replaces it (reschedule). */
      replaced: boolean;
      adjusted: "as_requested" | "asap" | "default_delay";
    }
  | { status: "duplicate"; leadId: string; scheduleName: string; version: number }
  | { status: "rejected"; reason: ScheduleRejection; detail: string; leadId?: string | undefined };

export type CancelOutcome =
  | { status: "cancelled"; leadId: string; scheduleName: string; version: number }
  | { status: "nothing_to_cancel"; leadId: string; current?: CallbackRecord["status"] | undefined }
  | { status: "duplicate"; leadId: string };

export type HandbackOutcome =
  | ScheduleOutcome
  | CancelOutcome
  | { status: "invalid_event"; reason: string }
  | { status: "ignored_event_type"; eventType: string };

const MAX_ATTEMPTS = 3;

/**
 * Plans (or re-plans) the one callback of a lead:
 * 1. refuse what cannot be called: no lead, a malformed time, a time long past or too far ahead;
 * 2. read the lead: unknown -> refused; opted out -> refused, and any planned callback is cancelled;
 * 3. a request already handled is a duplicate (its schedule is made sure of, nothing else);
 * 4. store the closer's note on the lead (conditional: never on a lead that opted out);
 * 5. write the lead's callback record, version + 1, in one conditional write (retry on a lost race);
 * 6. create or replace the lead's one schedule (deterministic name) for that version.
 * The record is written before the schedule: a schedule whose version is not the record's does nothing.
 */
export async function scheduleCallback(
  deps: CallbackDependencies,
  request: CallbackRequest,
): Promise<ScheduleOutcome> {
  const outcome = await plan(deps, request);
  deps.count(`Callback_${outcome.status === "rejected" ? `rejected_${outcome.reason}` : outcome.status}`);
  const level = outcome.status === "rejected" ? "warn" : "info";
  deps.log(level, `callback ${outcome.status}`, {
    ...outcome,
    origin: request.origin,
    requestId: request.requestId,
  });
  return outcome;
}

async function plan(deps: CallbackDependencies, request: CallbackRequest): Promise<ScheduleOutcome> {
  const { leadId } = request;
  if (!leadId)
    return { status: "rejected", reason: "no_lead", detail: "the contact has no lead id to call back" };
  const now = deps.clock();
  const time = planCallbackTime(request.followUpAt, now, deps.timing);
  if (!time.ok) return { status: "rejected", reason: time.reason, detail: time.detail, leadId };
  const lead = await deps.store.loadLead(leadId);
  if (!lead) return { status: "rejected", reason: "unknown_lead", detail: "no lead item", leadId };
  if (lead.doNotCall) return optedOut(deps, leadId, request.requestId);

  const scheduleName = scheduleNameFor(leadId);
  let noteSaved = false;
  for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt += 1) {
    const current = await deps.store.loadCallback(leadId);
    if (current?.handledRequestIds.includes(request.requestId)) {
      // Redelivered: make sure the schedule of the plan it made exists, change nothing else.
      if (current.requestId === request.requestId && current.status === "scheduled") {
        await upsertSchedule(deps, current);
      }
      return { status: "duplicate", leadId, scheduleName, version: current.version };
    }
    if (request.note && !noteSaved) {
      const saved = await deps.store.saveLeadNote(leadId, request.note);
      if (saved === "opted_out") return optedOut(deps, leadId, request.requestId);
      if (saved === "missing")
        return { status: "rejected", reason: "unknown_lead", detail: "no lead item", leadId };
      noteSaved = true;
    }
    const next: CallbackRecord = {
      leadId,
      version: (current?.version ?? 0) + 1,
      status: "scheduled",
      scheduleName,
      scheduledFor: time.at.toISOString(),
      campaignId: request.campaignId,
      sourceContactId: request.sourceContactId,
      origin: request.origin,
      requestId: request.requestId,
      handledRequestIds: rememberRequest(current?.handledRequestIds ?? [], request.requestId),
      updatedAt: now.toISOString(),
      expiresAt: Math.floor(time.at.getTime() / 1000) + deps.ttlDays * 86_400,
    };
    try {
      await deps.store.saveCallback(next, current?.version ?? 0);
    } catch (error) {
      if (error instanceof StaleItemError && attempt < MAX_ATTEMPTS) continue;
      throw error;
    }
    await upsertSchedule(deps, next);
    return {
      status: "scheduled",
      leadId,
      scheduleName,
      scheduledFor: next.scheduledFor,
      version: next.version,
      replaced: current?.status === "scheduled",
      adjusted: time.adjusted,
    };
  }
  throw new Error(`lead ${leadId}: gave up planning a callback after ${MAX_ATTEMPTS} conflicting writes`);
}

async function optedOut(
  deps: CallbackDependencies,
  leadId: string,
  requestId: string,
): Promise<ScheduleOutcome> {
  const cancelled = await cancelCallback(deps, { leadId, reason: "the lead opted out", requestId });
  return {
    status: "rejected",
    reason: "opted_out",
    detail:
      cancelled.status === "cancelled"
        ? "the lead opted out; its planned callback is cancelled"
        : "the lead opted out",
    leadId,
  };
}

function upsertSchedule(deps: CallbackDependencies, record: CallbackRecord): Promise<"created" | "updated"> {
  return deps.scheduler.upsert({
    name: record.scheduleName,
    at: new Date(record.scheduledFor),
    payload: {
      leadId: record.leadId,
      campaignId: record.campaignId,
      scheduleName: record.scheduleName,
      version: record.version,
    },
    description: `Baton ${record.origin} callback of lead ${record.leadId} (version ${record.version})`,
  });
}

/**
 * Withdraws the lead's planned callback: the record moves to a new version marked cancelled (so a schedule
 * that survives its deletion finds a stale version and calls nobody), then the schedule is deleted.
 */
export async function cancelCallback(
  deps: CallbackDependencies,
  request: {
    leadId: string;
    reason: string;
    requestId: string;
    /** Cancel only the callback planned for this contact with this origin (a closer's handback survives). */
    only?: { origin: CallbackOrigin; sourceContactId: string } | undefined;
  },
): Promise<CancelOutcome> {
  const { leadId, only } = request;
  for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt += 1) {
    const current = await deps.store.loadCallback(leadId);
    if (current?.handledRequestIds.includes(request.requestId)) return { status: "duplicate", leadId };
    if (current?.status !== "scheduled") {
      return { status: "nothing_to_cancel", leadId, current: current?.status };
    }
    if (only && (current.origin !== only.origin || current.sourceContactId !== only.sourceContactId)) {
      return { status: "nothing_to_cancel", leadId, current: current.status };
    }
    const next: CallbackRecord = {
      ...current,
      version: current.version + 1,
      status: "cancelled",
      reason: request.reason.slice(0, 500),
      requestId: request.requestId,
      handledRequestIds: rememberRequest(current.handledRequestIds, request.requestId),
      updatedAt: deps.clock().toISOString(),
    };
    try {
      await deps.store.saveCallback(next, current.version);
    } catch (error) {
      if (error instanceof StaleItemError && attempt < MAX_ATTEMPTS) continue;
      throw error;
    }
    await deps.scheduler.delete(current.scheduleName);
    deps.count("Callback_cancelled");
    deps.log("info", "callback cancelled", { leadId, reason: request.reason, version: next.version });
    return { status: "cancelled", leadId, scheduleName: current.scheduleName, version: next.version };
  }
  throw new Error(`lead ${leadId}: gave up cancelling after ${MAX_ATTEMPTS} conflicting writes`);
}

/**
 * The handback-scheduler target: Handback.Requested (a closer hands the lead back to the AI),
 * Nurture.Scheduled (the engine heard "call me later"), Handback.Cancelled. Bad input is an outcome,
 * never a throw (a throw would only bring the same bad event back).
 */
export async function handleHandbackEvent(
  deps: CallbackDependencies,
  raw: unknown,
): Promise<HandbackOutcome> {
  const envelope = BusEnvelope.safeParse(raw);
  if (!envelope.success) return invalid(deps, describeIssue(envelope.error).message);
  const { "detail-type": detailType, source, detail } = envelope.data;

  if (source === HandbackRequested.source && detailType === HandbackRequested.detailType) {
    const parsed = HandbackRequested.detail.safeParse(detail);
    if (!parsed.success) return malformedOrInvalid(deps, parsed.error);
    const { meta, leadId, note, followUpAt } = parsed.data;
    return scheduleCallback(deps, {
      leadId,
      campaignId: meta.campaignId,
      sourceContactId: meta.contactId,
      note,
      followUpAt,
      origin: "handback",
      requestId: meta.id,
    });
  }
  if (source === NurtureScheduled.source && detailType === NurtureScheduled.detailType) {
    const parsed = NurtureScheduled.detail.safeParse(detail);
    if (!parsed.success) return malformedOrInvalid(deps, parsed.error);
    const { meta, note, followUpAt } = parsed.data;
    return scheduleCallback(deps, {
      leadId: meta.leadId,
      campaignId: meta.campaignId,
      sourceContactId: meta.contactId,
      note,
      followUpAt,
      origin: "nurture",
      requestId: meta.id,
    });
  }
  if (source === HandbackCancelled.source && detailType === HandbackCancelled.detailType) {
    const parsed = HandbackCancelled.detail.safeParse(detail);
    if (!parsed.success) return invalid(deps, describeIssue(parsed.error).message);
    return cancelCallback(deps, {
      leadId: parsed.data.leadId,
      reason: `${parsed.data.reason} (by ${parsed.data.requestedBy})`,
      requestId: parsed.data.meta.id,
    });
  }
  deps.log("warn", "event type the handback scheduler does not handle", { source, detailType });
  return { status: "ignored_event_type", eventType: `${source} / ${detailType}` };
}

/** A follow-up time that is not an ISO date-time is its own defined outcome; anything else is invalid. */
function malformedOrInvalid(
  deps: CallbackDependencies,
  error: Parameters<typeof describeIssue>[0],
): HandbackOutcome {
  const { field, message } = describeIssue(error);
  if (field === "followUpAt") {
    deps.count("Callback_rejected_malformed_time");
    deps.log("warn", "callback rejected", { reason: "malformed_time", detail: message });
    return { status: "rejected", reason: "malformed_time", detail: message };
  }
  return invalid(deps, message);
}

function invalid(deps: CallbackDependencies, reason: string): HandbackOutcome {
  deps.count("Callback_invalid_event");
  deps.log("warn", "invalid event for the handback scheduler", { reason });
  return { status: "invalid_event", reason };
}
