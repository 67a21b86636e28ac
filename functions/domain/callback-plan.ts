import { createHash } from "node:crypto";

export interface CallbackTiming {
  /** A follow-up time at most this far in the past is called as soon as possible; older ones are refused. */
  pastGraceMs: number;
  /** The earliest a schedule may run after it is written (Scheduler needs a time in the future). */
  minLeadMs: number;
  /** Follow-ups further ahead are refused as a mistake. */
  maxAheadMs: number;
  /** When the request names no time (the engine's nurture decision). */
  defaultDelayMs: number;
}

export type CallbackRejection = "malformed_time" | "past_time" | "too_far";

export type CallbackTime =
  | { ok: true; at: Date; adjusted: "as_requested" | "asap" | "default_delay" }
  | { ok: false; reason: CallbackRejection; detail: string };

/** When to call back, or why not: a defined answer for every follow-up time. */
export function planCallbackTime(
  followUpAt: string | undefined,
  now: Date,
  timing: CallbackTiming,
): CallbackTime {
  const earliest = new Date(now.getTime() + timing.minLeadMs);
  if (followUpAt === undefined) {
    const at = new Date(now.getTime() + Math.max(timing.defaultDelayMs, timing.minLeadMs));
    return { ok: true, at, adjusted: "default_delay" };
  }
  const ms = Date.parse(followUpAt);
  if (!/^\d{4}-\d{2}-\d{2}T/.test(followUpAt) || !Number.isFinite(ms)) {
    return { ok: false, reason: "malformed_time", detail: `"${followUpAt}" is not an ISO 8601 date-time` };
  }
  if (ms < now.getTime() - timing.pastGraceMs) {
    return {
      ok: false,
      reason: "past_time",
      detail: `${new Date(ms).toISOString()} is more than ${Math.round(timing.pastGraceMs / 60_000)} min in the past`,
    };
  }
  if (ms > now.getTime() + timing.maxAheadMs) {
    return {
      ok: false,
      reason: "too_far",
      detail: `${new Date(ms).toISOString()} is more than ${Math.round(timing.maxAheadMs / 86_400_000)} days ahead`,
    };
  }
  if (ms < earliest.getTime()) return { ok: true, at: earliest, adjusted: "asap" };
  return { ok: true, at: new Date(ms), adjusted: "as_requested" };
}

/**
 * One schedule name per lead, so planning again replaces the schedule and never adds a second call.
 * Scheduler names: 1-64 of [0-9a-zA-Z-_.]; a readable prefix of the lead id plus a hash of all of it.
 */
export function scheduleNameFor(leadId: string): string {
  const readable = leadId.replace(/[^0-9A-Za-z_.-]/g, "-").slice(0, 24);
  const hash = createHash("sha256").update(leadId, "utf8").digest("hex").slice(0, 32);
  return `bcb-${readable}-${hash}`;
}

/** Scheduler's one-time expression: `at(yyyy-mm-ddThh:mm:ss)`, read in the schedule's time zone (UTC here). */
export function atExpression(at: Date): string {
  return `at(${at.toISOString().slice(0, 19)})`;
}

/** Keeps the ids of the last handled requests, newest last. */
export function rememberRequest(ids: readonly string[], id: string, keep = 20): string[] {
  return [...ids.filter((existing) => existing !== id), id].slice(-keep);
}
