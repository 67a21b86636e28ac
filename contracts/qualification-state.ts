import * as z from "zod";
import { RouteTrigger } from "./campaign.js";
import { EndReason, ObjectionKind, SlotEvidence, Tone } from "./turn-signals.js";

export const SlotValue = z.strictObject({
  value: z.string(),
  /** Index of the transcript turn the value came from. */
  turn: z.number().int().nonnegative(),
  confidence: z.number().min(0).max(1),
  quote: z.string().max(200),
  corrected: z.boolean().default(false),
  ...SlotEvidence.shape,
});
export type SlotValue = z.infer<typeof SlotValue>;

export const ObjectionRecord = z.strictObject({
  kind: ObjectionKind,
  turn: z.number().int().nonnegative(),
  quote: z.string().max(200),
  status: z.enum(["open", "resolved"]),
  /** The AI's answer the customer accepted. */
  answer: z.string().max(300).optional(),
});
export type ObjectionRecord = z.infer<typeof ObjectionRecord>;

export const RecentTurn = z.strictObject({
  turn: z.number().int().nonnegative(),
  speaker: z.enum(["ai", "customer", "agent"]),
  text: z.string().max(500),
});

export const Outcome = z.discriminatedUnion("status", [
  z.strictObject({ status: z.literal("active") }),
  z.strictObject({
    status: z.literal("handed_off"),
    trigger: RouteTrigger,
    turn: z.number().int().nonnegative(),
    reasons: z.array(z.string()),
  }),
  z.strictObject({ status: z.literal("nurture"), turn: z.number().int().nonnegative() }),
  z.strictObject({ status: z.literal("ended"), turn: z.number().int().nonnegative(), reason: EndReason }),
]);
export type Outcome = z.infer<typeof Outcome>;

/** Running aggregates of one contact: a turn updates them without re-reading the history. */
export const QualificationState = z.strictObject({
  contactId: z.string().min(1),
  leadId: z.string().min(1).optional(),
  campaignId: z.string().min(1),
  /** The day of the call (YYYY-MM-DD): what "by March 15" and "next quarter" are read against. */
  callDate: z.iso.date().optional(),
  /** Index the next transcript turn gets. */
  nextTurn: z.number().int().nonnegative(),
  customerTurns: z.number().int().nonnegative(),
  lastCustomerTurn: z.number().int().nonnegative().optional(),
  slots: z.record(z.string(), SlotValue),
  objections: z.array(ObjectionRecord).max(50),
  confusionTurns: z.number().int().nonnegative(),
  negativeStreak: z.number().int().nonnegative(),
  /** Exponentially weighted negativity: the tone trend. */
  negativityTrend: z.number().min(0).max(1),
  tone: Tone,
  sarcasm: z.boolean(),
  intentTags: z.array(z.string()).max(30),
  topics: z.array(z.string()).max(20),
  topicJumps: z.number().int().nonnegative(),
  lastAiLine: z.string().max(500).optional(),
  /** Slot the AI asked for in its last line, to attribute a bare answer. */
  askedSlot: z.string().optional(),
  recent: z.array(RecentTurn).max(40),
  /** The lead came back (callback or repeat call) with facts from earlier contacts: no greeting, no re-asking. */
  resumed: z.boolean(),
  /** The closer's note from a handback, for the AI and the next closer. */
  handbackNote: z.string().max(2000).optional(),
  outcome: Outcome,
});
export type QualificationState = z.infer<typeof QualificationState>;
