import * as z from "zod";
import { RouteTrigger } from "./campaign.js";
import { ObjectionKind, Tone } from "./turn-signals.js";

export const ConfirmedFact = z.strictObject({
  slot: z.string(),
  label: z.string(),
  value: z.string(),
  turn: z.number().int().nonnegative(),
  confidence: z.number().min(0).max(1),
  quote: z.string(),
});

/** What the closer reads in seconds before speaking. */
export const ScreenPop = z.strictObject({
  contactId: z.string(),
  leadId: z.string().optional(),
  campaignId: z.string(),
  trigger: RouteTrigger,
  decidedAtTurn: z.number().int().nonnegative(),
  summary: z.string(),
  opener: z.string(),
  /** The "do not re-ask" list. */
  confirmed: z.array(ConfirmedFact),
  missing: z.array(z.string()),
  intentTags: z.array(z.string()),
  tone: z.strictObject({
    label: Tone,
    trend: z.enum(["improving", "steady", "worsening"]),
    sarcasm: z.boolean(),
  }),
  urgency: z.enum(["high", "medium", "low"]),
  objections: z.array(
    z.strictObject({
      kind: ObjectionKind,
      status: z.enum(["open", "resolved"]),
      turn: z.number().int().nonnegative(),
      customerSaid: z.string(),
      aiAnswer: z.string().optional(),
    }),
  ),
  reasons: z.array(z.string()),
  transcript: z.array(
    z.strictObject({
      turn: z.number().int(),
      speaker: z.enum(["ai", "customer", "agent"]),
      text: z.string(),
    }),
  ),
});
export type ScreenPop = z.infer<typeof ScreenPop>;

/** Connect contact attributes: keys Connect accepts, string values, 8 KB in total for Baton's share. */
export const SCREEN_POP_ATTRIBUTE_BUDGET_BYTES = 8 * 1024;
export const ContactAttributes = z.record(z.string().regex(/^[A-Za-z0-9_-]{1,127}$/), z.string());
export type ContactAttributes = z.infer<typeof ContactAttributes>;
