import * as z from "zod";
import { RouteTrigger } from "../../contracts/campaign.js";
import { EndReason } from "../../contracts/turn-signals.js";

/** What Baton answers on a turn, independent of the channel; stored so a retried turn gets the same answer. */
export const TurnReply = z.strictObject({
  action: z.enum(["continue", "handoff", "nurture", "end"]),
  /** What the AI says next (or its closing line). */
  line: z.string().min(1),
  lineSource: z.enum(["model", "script"]),
  trigger: RouteTrigger.optional(),
  queue: z.string().optional(),
  reasons: z.array(z.string()).default([]),
  endReason: EndReason.optional(),
  customerTurns: z.number().int().nonnegative(),
  /** The screen pop flattened for Connect contact attributes, on a handoff. */
  attributes: z.record(z.string(), z.string()).default({}),
});
export type TurnReply = z.infer<typeof TurnReply>;
