import { RouteTrigger } from "../campaign.js";
import { ScreenPop } from "../screen-pop.js";
import * as z from "../zod.js";
import { defineEvent } from "./define-event.js";

export const BATON_SOURCE = {
  handoff: "baton.handoff",
  handback: "baton.handback",
  lead: "baton.lead",
  nurture: "baton.nurture",
} as const;

export const HandoffRequested = defineEvent({
  source: BATON_SOURCE.handoff,
  detailType: "Handoff.Requested",
  shape: {
    trigger: RouteTrigger,
    queue: z.string(),
    turn: z.number().check(z.int(), z.nonnegative()),
    reasons: z.array(z.string()),
    screenPop: ScreenPop,
  },
});

export const HandoffAccepted = defineEvent({
  source: BATON_SOURCE.handoff,
  detailType: "Handoff.Accepted",
  shape: {
    trigger: RouteTrigger,
    queue: z.string(),
    agentId: z.optional(z.string()),
    timeToHumanMs: z.number().check(z.int(), z.nonnegative()),
  },
});

export const HandoffAbandoned = defineEvent({
  source: BATON_SOURCE.handoff,
  detailType: "Handoff.Abandoned",
  shape: {
    trigger: RouteTrigger,
    queue: z.string(),
    stage: z.enum(["before_queue", "in_queue"]),
    waitedMs: z.number().check(z.int(), z.nonnegative()),
  },
});

export const HandoffOutcome = defineEvent({
  source: BATON_SOURCE.handoff,
  detailType: "Handoff.Outcome",
  shape: {
    outcome: z.enum(["won", "lost", "follow_up"]),
    trigger: z.optional(RouteTrigger),
    valueUsd: z.optional(z.number().check(z.nonnegative())),
  },
});

export const HandbackRequested = defineEvent({
  source: BATON_SOURCE.handback,
  detailType: "Handback.Requested",
  shape: {
    leadId: z.string().check(z.minLength(1)),
    note: z.string().check(z.maxLength(2000)),
    followUpAt: z.iso.datetime(),
    requestedBy: z.string().check(z.minLength(1)),
  },
});

export const LeadQualificationUpdated = defineEvent({
  source: BATON_SOURCE.lead,
  detailType: "Lead.QualificationUpdated",
  shape: {
    turn: z.number().check(z.int(), z.nonnegative()),
    changed: z.array(
      z.strictObject({
        slot: z.string(),
        value: z.string(),
        previous: z.optional(z.string()),
        confidence: z.number().check(z.minimum(0), z.maximum(1)),
      }),
    ),
    slots: z.record(z.string(), z.string()),
    missing: z.array(z.string()),
  },
});

export const NurtureScheduled = defineEvent({
  source: BATON_SOURCE.nurture,
  detailType: "Nurture.Scheduled",
  shape: {
    origin: z.enum(["engine", "handback"]),
    reasons: z.array(z.string()),
    followUpAt: z.optional(z.iso.datetime()),
    note: z.optional(z.string().check(z.maxLength(2000))),
  },
});

/** Every event on Baton's bus: the JSON Schema generator, the registry and the fixtures read this. */
export const EVENT_CATALOG = [
  HandoffRequested,
  HandoffAccepted,
  HandoffAbandoned,
  HandoffOutcome,
  HandbackRequested,
  LeadQualificationUpdated,
  NurtureScheduled,
] as const;

export type HandoffRequestedDetail = z.infer<typeof HandoffRequested.detail>;
export type LeadQualificationUpdatedDetail = z.infer<typeof LeadQualificationUpdated.detail>;
export type NurtureScheduledDetail = z.infer<typeof NurtureScheduled.detail>;
export type HandbackRequestedDetail = z.infer<typeof HandbackRequested.detail>;
