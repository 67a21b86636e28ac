import { RouteTrigger } from "../../contracts/campaign.js";
import { EndReason } from "../../contracts/turn-signals.js";
import * as z from "../../contracts/zod.js";

/** What Baton answers on a turn, independent of the channel; stored so a retried turn gets the same answer. */
export const TurnReply = z.strictObject({
  action: z.enum(["continue", "handoff", "nurture", "end"]),
  /** What the AI says next (or its closing line). */
  line: z.string().check(z.minLength(1)),
  lineSource: z.enum(["model", "script"]),
  trigger: z.optional(RouteTrigger),
  queue: z.optional(z.string()),
  reasons: z._default(z.array(z.string()), []),
  endReason: z.optional(EndReason),
  customerTurns: z.number().check(z.int(), z.nonnegative()),
  /** The screen pop flattened for Connect contact attributes, on a handoff. */
  attributes: z._default(z.record(z.string(), z.string()), {}),
});
export type TurnReply = z.infer<typeof TurnReply>;
