import * as z from "./zod.js";

export const ObjectionKind = z.enum(["price", "competitor", "timing", "authority", "trust"]);
export type ObjectionKind = z.infer<typeof ObjectionKind>;

export const EndReason = z.enum(["not_interested", "wrong_number", "do_not_call"]);
export type EndReason = z.infer<typeof EndReason>;

export const BuyingIntentKind = z.enum([
  "buy_now",
  "price_request",
  "quote_request",
  "contract_request",
  "enroll_request",
]);
export type BuyingIntentKind = z.infer<typeof BuyingIntentKind>;

export const Tone = z.enum(["positive", "neutral", "negative"]);
export type Tone = z.infer<typeof Tone>;

/** What a slot value rests on besides the customer's quoted words. */
export const SlotEvidence = z.strictObject({
  /** The calendar date a timeline names (YYYY-MM-DD), when the call's date is known. */
  date: z.optional(z.iso.date()),
  /** ISO 4217 code of an amount the customer named a currency for ("2,000 euros"). */
  currency: z.optional(z.string().check(z.regex(/^[A-Z]{3}$/))),
  /** The AI's question the customer said yes to, when the value is in the question, not in the customer's words. */
  confirms: z.optional(z.string().check(z.maxLength(200))),
});
export type SlotEvidence = z.infer<typeof SlotEvidence>;

export const SlotCandidate = z.strictObject({
  slot: z.string(),
  value: z.string(),
  confidence: z.number().check(z.minimum(0), z.maximum(1)),
  /** "actually", "I meant": replaces an earlier value whatever its confidence. */
  correction: z.boolean(),
  quote: z.string().check(z.maxLength(200)),
  ...SlotEvidence.shape,
});
export type SlotCandidate = z.infer<typeof SlotCandidate>;

/** What one customer turn says, read on its own (plus the AI line just before it). */
export const TurnSignals = z.strictObject({
  personRequest: z.boolean(),
  buyingIntent: z.nullable(BuyingIntentKind),
  objections: z.array(ObjectionKind),
  /**
   * This turn's objection is said as coming on top of an earlier concern ("also, I don't trust cloud for
   * this"): layered, whether or not the earlier one was heard as an objection.
   */
  objectionAdded: z.optional(z.boolean()),
  /** The customer accepts what the AI just said ("ok, that makes sense"). */
  acknowledgement: z.boolean(),
  tone: Tone,
  /** 0..1, from Lex sentiment when present, else from the words. */
  negativity: z.number().check(z.minimum(0), z.maximum(1)),
  strongNegative: z.boolean(),
  sarcasm: z.boolean(),
  confusion: z.boolean(),
  topic: z.nullable(z.string()),
  endReason: z.nullable(EndReason),
  /** Not now, but later: "call me next quarter". */
  deferral: z.boolean(),
  slots: z.array(SlotCandidate),
  /** The turn reader's calibrated probability per label, when a reader scored the turn. */
  scores: z.optional(z.record(z.string(), z.number().check(z.minimum(0), z.maximum(1)))),
});
export type TurnSignals = z.infer<typeof TurnSignals>;
