import * as z from "zod";
import { RouteTrigger } from "../campaign.js";
import { ScreenPop } from "../screen-pop.js";
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
    turn: z.number().int().nonnegative(),
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
    agentId: z.string().optional(),
    timeToHumanMs: z.number().int().nonnegative(),
  },
});

export const HandoffAbandoned = defineEvent({
  source: BATON_SOURCE.handoff,
  detailType: "Handoff.Abandoned",
  shape: {
    trigger: RouteTrigger,
    queue: z.string(),
    stage: z.enum(["before_queue", "in_queue"]),
    waitedMs: z.number().int().nonnegative(),
  },
});

export const HandoffOutcome = defineEvent({
  source: BATON_SOURCE.handoff,
  detailType: "Handoff.Outcome",
  shape: {
    outcome: z.enum(["won", "lost", "follow_up"]),
    trigger: RouteTrigger.optional(),
    valueUsd: z.number().nonnegative().optional(),
  },
});

export const HandbackRequested = defineEvent({
  source: BATON_SOURCE.handback,
  detailType: "Handback.Requested",
  shape: {
    leadId: z.string().min(1),
    note: z.string().max(2000),
    followUpAt: z.iso.datetime(),
    requestedBy: z.string().min(1),
  },
});

export const LeadQualificationUpdated = defineEvent({
  source: BATON_SOURCE.lead,
  detailType: "Lead.QualificationUpdated",
  shape: {
    turn: z.number().int().nonnegative(),
    changed: z.array(
      z.strictObject({
        slot: z.string(),
        value: z.string(),
        previous: z.string().optional(),
        confidence: z.number().min(0).max(1),
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
    followUpAt: z.iso.datetime().optional(),
    note: z.string().max(2000).optional(),
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
