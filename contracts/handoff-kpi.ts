import { RouteTrigger } from "./campaign.js";
import * as z from "./zod.js";

/**
 * Handoff KPIs as CloudWatch embedded metric format: one namespace, dimensions campaign and trigger
 * (plus outcome for `HandoffOutcome`). The CDK dashboard and the local agent desk read these names.
 * Rates are 0/1 samples: the CloudWatch Average of `HandoffTransferred` is the transfer rate, the Average
 * of `HandoffDropOff` the drop-off rate, the Average of `HandoffClosed` the transfer-to-close rate.
 */
export const HANDOFF_KPI_NAMESPACE = "Baton";

export const HANDOFF_KPI_DIMENSIONS = {
  campaign: "campaign",
  trigger: "trigger",
  outcome: "outcome",
} as const;

export const HANDOFF_KPI_METRICS = {
  /** Count: a handoff Baton requested (Handoff.Requested seen). */
  handoffs: "Handoffs",
  /** 1 when the handoff reached a human, 0 when it was abandoned. Average = transfer rate. */
  transferred: "HandoffTransferred",
  /** 1 when the customer was lost between the handoff and an agent (no callback planned), else 0. */
  dropOff: "HandoffDropOff",
  /** 1 when the handoff ended with a callback instead of an agent (no closer was free). */
  callback: "HandoffCallback",
  /** Milliseconds from the handoff decision to CONNECTED_TO_AGENT. */
  timeToHuman: "TimeToHuman",
  /** Milliseconds from CONNECTED_TO_AGENT to DISCONNECTED plus after-contact work; published with COMPLETED. */
  handleTime: "HandleTimeAfterTransfer",
  /** Count, with the `outcome` dimension (won, lost, follow_up): Handoff.Outcome from the CRM or disposition. */
  outcome: "HandoffOutcome",
  /** 1 when the outcome is won, 0 otherwise. Average = transfer-to-close rate. */
  closed: "HandoffClosed",
  /** Count, no dimension: contact events of contacts Baton has not (yet) handed off. */
  unknownContact: "ContactEventUnknownContact",
  /** Count, no dimension: an Amazon Connect contact event Baton could not read (logged with the reason). */
  unreadableContactEvent: "ContactEventUnreadable",
  /** Count, no dimension: a contact event of a type the reference page does not document (logged). */
  unknownContactEventType: "ContactEventUnknownType",
  /** Count, no dimension: a contact event contradicting an outcome already published (kept, not re-published). */
  conflict: "HandoffOutcomeConflict",
} as const;
export type HandoffKpiMetricName = (typeof HANDOFF_KPI_METRICS)[keyof typeof HANDOFF_KPI_METRICS];

export const HandoffStatus = z.enum(["pending", "accepted", "abandoned"]);
export type HandoffStatus = z.infer<typeof HandoffStatus>;

/** One handoff as measured so far: what the agent desk and the bench read. */
export const HandoffKpiRecord = z.strictObject({
  contactId: z.string().check(z.minLength(1)),
  campaignId: z.string().check(z.minLength(1)),
  leadId: z.optional(z.string().check(z.minLength(1))),
  trigger: RouteTrigger,
  queue: z.string(),
  requestedAt: z.iso.datetime(),
  channel: z.optional(z.string()),
  status: HandoffStatus,
  timeToHumanMs: z.optional(z.number().check(z.int(), z.nonnegative())),
  /** The customer was lost between the handoff and an agent. */
  dropOff: z.boolean(),
  abandonStage: z.optional(z.enum(["before_queue", "in_queue"])),
  waitedMs: z.optional(z.number().check(z.int(), z.nonnegative())),
  handleTimeMs: z.optional(z.number().check(z.int(), z.nonnegative())),
  /** The closer's after-contact work (included in handleTimeMs). */
  afterContactWorkMs: z.optional(z.number().check(z.int(), z.nonnegative())),
  /** No closer was free: a callback was scheduled instead. */
  callbackScheduledFor: z.optional(z.iso.datetime()),
  outcome: z.optional(z.enum(["won", "lost", "follow_up"])),
});
export type HandoffKpiRecord = z.infer<typeof HandoffKpiRecord>;
