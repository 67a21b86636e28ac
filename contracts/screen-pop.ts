import { RouteTrigger } from "./campaign.js";
import { ObjectionKind, Tone } from "./turn-signals.js";
import * as z from "./zod.js";

export const ConfirmedFact = z.strictObject({
  slot: z.string(),
  label: z.string(),
  value: z.string(),
  turn: z.number().check(z.int(), z.nonnegative()),
  confidence: z.number().check(z.minimum(0), z.maximum(1)),
  quote: z.string(),
  /** The value in plain words with the campaign's labels ("$1,500 a month", "Decides alone"). */
  display: z.optional(z.string()),
  /** The customer's sentence the value came from. */
  said: z.optional(z.string()),
  /** The AI's question the customer said yes to (then `said` is the customer's yes). */
  confirms: z.optional(z.string()),
  /** The calendar date a timeline names (YYYY-MM-DD). */
  date: z.optional(z.string()),
});

/** What the customer asked for on the turn that triggered the handoff, in their own words. */
export const CustomerAsk = z.strictObject({
  turn: z.number().check(z.int(), z.nonnegative()),
  /** The customer's sentence, verbatim. */
  said: z.string(),
  /** The same in the third person when it can be said safely ("Wants a quote for 30 seats"). */
  headline: z.optional(z.string()),
});
export type CustomerAsk = z.infer<typeof CustomerAsk>;

/** Who is on the line, from the lead and the contact; every field only when known. */
export const CallerIdentity = z.strictObject({
  name: z.optional(z.string()),
  phone: z.optional(z.string()),
  company: z.optional(z.string()),
  direction: z.optional(z.enum(["inbound", "outbound", "callback"])),
  /** The lead spoke with Baton before (its facts were carried over). */
  returning: z.optional(z.boolean()),
  previousContactId: z.optional(z.string()),
  /** The note of the closer who last handed this lead back to the AI. */
  lastHandbackNote: z.optional(z.string()),
});
export type CallerIdentity = z.infer<typeof CallerIdentity>;

/** What the closer reads in seconds before speaking. */
export const ScreenPop = z.strictObject({
  contactId: z.string(),
  leadId: z.optional(z.string()),
  campaignId: z.string(),
  trigger: RouteTrigger,
  decidedAtTurn: z.number().check(z.int(), z.nonnegative()),
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
      turn: z.number().check(z.int(), z.nonnegative()),
      customerSaid: z.string(),
      aiAnswer: z.optional(z.string()),
    }),
  ),
  reasons: z.array(z.string()),
  /** Added in v1 as optional fields: older consumers ignore them. */
  ask: z.optional(CustomerAsk),
  caller: z.optional(CallerIdentity),
  language: z.optional(z.strictObject({ name: z.string(), campaignSpeaks: z.boolean() })),
  transcript: z.array(
    z.strictObject({
      turn: z.number().check(z.int()),
      speaker: z.enum(["ai", "customer", "agent"]),
      text: z.string(),
    }),
  ),
});
export type ScreenPop = z.infer<typeof ScreenPop>;

/** Connect contact attributes: keys Connect accepts, string values, 8 KB in total for Baton's share. */
export const SCREEN_POP_ATTRIBUTE_BUDGET_BYTES = 8 * 1024;
export const ContactAttributes = z.record(z.string().check(z.regex(/^[A-Za-z0-9_-]{1,127}$/)), z.string());
export type ContactAttributes = z.infer<typeof ContactAttributes>;
