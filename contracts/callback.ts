import { BATON_SOURCE } from "./events/catalog.js";
import { defineEvent } from "./events/define-event.js";
import * as z from "./zod.js";

/**
 * What an EventBridge Scheduler one-time schedule hands to `functions/handlers/start-callback.ts`
 * (the schedule's `Target.Input`). No phone number: it is looked up at call time.
 */
export const CallbackTargetInput = z.strictObject({
  leadId: z.string().check(z.minLength(1)),
  campaignId: z.string().check(z.minLength(1)),
  /** The deterministic schedule name of the lead. */
  scheduleName: z.string().check(z.minLength(1), z.maxLength(64)),
  /** The version of the lead's callback record the schedule was created for: older schedules do nothing. */
  version: z.number().check(z.int(), z.positive()),
});
export type CallbackTargetInput = z.infer<typeof CallbackTargetInput>;

/** Why Baton plans a callback: a closer's handback, the engine's nurture decision, or no closer was free. */
export const CallbackOrigin = z.enum(["handback", "nurture", "no_closer"]);
export type CallbackOrigin = z.infer<typeof CallbackOrigin>;

/**
 * A planned callback is withdrawn (the agent app's "cancel follow-up", or an opt-out recorded elsewhere).
 * Not yet in EVENT_CATALOG nor in the `baton-handback` bus rule: see functions/handlers/handback-scheduler.ts.
 */
export const HandbackCancelled = defineEvent({
  source: BATON_SOURCE.handback,
  detailType: "Handback.Cancelled",
  shape: {
    leadId: z.string().check(z.minLength(1)),
    reason: z.string().check(z.maxLength(500)),
    requestedBy: z.string().check(z.minLength(1)),
  },
});
export type HandbackCancelledDetail = z.infer<typeof HandbackCancelled.detail>;

/**
 * The contact attribute that tells the outbound AI flow a call is a follow-up (the AI resumes instead of
 * greeting): set by start-callback on every callback it places, read by the flow's first Compare.
 */
export const FOLLOW_UP_CALL = { attribute: "baton_call_kind", value: "follow_up" } as const;

/** Contact attribute of a follow-up call: the contact it follows up, which the closer's screen pop links to. */
export const FOLLOWS_CONTACT_ATTRIBUTE = "baton_follows_contact";

/**
 * How the handoff router left a contact, as contact attributes the customer-queue flow reads: with
 * `route` = "callback" it tells the caller when the AI calls back and ends the call.
 */
export const ROUTE_ATTRIBUTES = {
  route: "baton_route",
  callbackAt: "baton_callback_at",
  /** Whole minutes from the routing decision to the callback, for the caller to hear. */
  callbackInMinutes: "baton_callback_in_minutes",
  callbackRoute: "callback",
} as const;
