import { RouteTrigger } from "./campaign.js";
import { EndReason, ObjectionKind, SlotEvidence, Tone } from "./turn-signals.js";
import * as z from "./zod.js";

export const SlotValue = z.strictObject({
  value: z.string(),
  /** Index of the transcript turn the value came from. */
  turn: z.number().check(z.int(), z.nonnegative()),
  confidence: z.number().check(z.minimum(0), z.maximum(1)),
  quote: z.string().check(z.maxLength(200)),
  corrected: z._default(z.boolean(), false),
  ...SlotEvidence.shape,
});
export type SlotValue = z.infer<typeof SlotValue>;

export const ObjectionRecord = z.strictObject({
  kind: ObjectionKind,
  turn: z.number().check(z.int(), z.nonnegative()),
  quote: z.string().check(z.maxLength(200)),
  status: z.enum(["open", "resolved"]),
  /** The AI's answer the customer accepted. */
  answer: z.optional(z.string().check(z.maxLength(300))),
});
export type ObjectionRecord = z.infer<typeof ObjectionRecord>;

export const RecentTurn = z.strictObject({
  turn: z.number().check(z.int(), z.nonnegative()),
  speaker: z.enum(["ai", "customer", "agent"]),
  text: z.string().check(z.maxLength(500)),
});

export const Outcome = z.discriminatedUnion("status", [
  z.strictObject({ status: z.literal("active") }),
  z.strictObject({
    status: z.literal("handed_off"),
    trigger: RouteTrigger,
    turn: z.number().check(z.int(), z.nonnegative()),
    reasons: z.array(z.string()),
  }),
  z.strictObject({ status: z.literal("nurture"), turn: z.number().check(z.int(), z.nonnegative()) }),
  z.strictObject({
    status: z.literal("ended"),
    turn: z.number().check(z.int(), z.nonnegative()),
    reason: EndReason,
  }),
]);
export type Outcome = z.infer<typeof Outcome>;

/** Running aggregates of one contact: a turn updates them without re-reading the history. */
export const QualificationState = z.strictObject({
  contactId: z.string().check(z.minLength(1)),
  leadId: z.optional(z.string().check(z.minLength(1))),
  campaignId: z.string().check(z.minLength(1)),
  /** The day of the call (YYYY-MM-DD): what "by March 15" and "next quarter" are read against. */
  callDate: z.optional(z.iso.date()),
  /** Index the next transcript turn gets. */
  nextTurn: z.number().check(z.int(), z.nonnegative()),
  customerTurns: z.number().check(z.int(), z.nonnegative()),
  lastCustomerTurn: z.optional(z.number().check(z.int(), z.nonnegative())),
  slots: z.record(z.string(), SlotValue),
  objections: z.array(ObjectionRecord).check(z.maxLength(50)),
  confusionTurns: z.number().check(z.int(), z.nonnegative()),
  negativeStreak: z.number().check(z.int(), z.nonnegative()),
  /** Exponentially weighted negativity: the tone trend. */
  negativityTrend: z.number().check(z.minimum(0), z.maximum(1)),
  tone: Tone,
  sarcasm: z.boolean(),
  intentTags: z.array(z.string()).check(z.maxLength(30)),
  topics: z.array(z.string()).check(z.maxLength(20)),
  topicJumps: z.number().check(z.int(), z.nonnegative()),
  lastAiLine: z.optional(z.string().check(z.maxLength(500))),
  /** Slot the AI asked for in its last line, to attribute a bare answer. */
  askedSlot: z.optional(z.string()),
  recent: z.array(RecentTurn).check(z.maxLength(40)),
  /** The lead came back (callback or repeat call) with facts from earlier contacts: no greeting, no re-asking. */
  resumed: z.boolean(),
  /** The closer's note from a handback, for the AI and the next closer. */
  handbackNote: z.optional(z.string().check(z.maxLength(2000))),
  outcome: Outcome,
});
export type QualificationState = z.infer<typeof QualificationState>;
