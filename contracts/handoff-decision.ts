import { RouteTrigger } from "./campaign.js";
import { EndReason } from "./turn-signals.js";
import * as z from "./zod.js";

export const HandoffDecision = z.discriminatedUnion("action", [
  z.strictObject({ action: z.literal("continue") }),
  z.strictObject({
    action: z.literal("handoff"),
    trigger: RouteTrigger,
    queue: z.string(),
    reasons: z.array(z.string()).check(z.minLength(1)),
    /** False when this contact was already handed off: no second handoff event. */
    first: z.boolean(),
  }),
  z.strictObject({ action: z.literal("nurture"), reasons: z.array(z.string()).check(z.minLength(1)) }),
  z.strictObject({ action: z.literal("end"), reason: EndReason }),
]);
export type HandoffDecision = z.infer<typeof HandoffDecision>;
