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
  /** The value in plain words with the campaign's labels ("$1,500 a month", "Decides alone"). */
  display: z.string().optional(),
  /** The customer's sentence the value came from. */
  said: z.string().optional(),
  /** The AI's question the customer said yes to (then `said` is the customer's yes). */
  confirms: z.string().optional(),
  /** The calendar date a timeline names (YYYY-MM-DD). */
  date: z.string().optional(),
});

/** What the customer asked for on the turn that triggered the handoff, in their own words. */
export const CustomerAsk = z.strictObject({
  turn: z.number().int().nonnegative(),
  /** The customer's sentence, verbatim. */
  said: z.string(),
  /** The same in the third person when it can be said safely ("Wants a quote for 30 seats"). */
  headline: z.string().optional(),
});
export type CustomerAsk = z.infer<typeof CustomerAsk>;

/** Who is on the line, from the lead and the contact; every field only when known. */
export const CallerIdentity = z.strictObject({
  name: z.string().optional(),
  phone: z.string().optional(),
  company: z.string().optional(),
  direction: z.enum(["inbound", "outbound", "callback"]).optional(),
  /** The lead spoke with Baton before (its facts were carried over). */
  returning: z.boolean().optional(),
  previousContactId: z.string().optional(),
  /** The note of the closer who last handed this lead back to the AI. */
  lastHandbackNote: z.string().optional(),
});
export type CallerIdentity = z.infer<typeof CallerIdentity>;

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
  /** Added in v1 as optional fields: older consumers ignore them. */
  ask: CustomerAsk.optional(),
  caller: CallerIdentity.optional(),
  language: z.strictObject({ name: z.string(), campaignSpeaks: z.boolean() }).optional(),
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
