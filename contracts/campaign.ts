import * as z from "zod";
import { HandoffTrigger } from "./transcript.js";
import { ObjectionKind } from "./turn-signals.js";

const SlotName = z
  .string()
  .regex(/^[a-z][a-z0-9_]{0,31}$/, "slot names are lower_snake_case, at most 32 chars");

/**
 * How a slot's value is recognised in the customer's words:
 * - amount: money, ranges and bounds, per month or year;
 * - authority: who decides (decision_maker | joint | not_decision_maker);
 * - timeline: relative times and dates, bucketed by days from the call;
 * - category: one of `values`, each recognised by similarity to a few example phrases.
 */
export const SlotKind = z.enum(["amount", "authority", "timeline", "category"]);
export type SlotKind = z.infer<typeof SlotKind>;

/** The value id the screen pop, the events and the labels use (e.g. `replace_phone_system`). */
const ValueKey = z.string().min(1).max(1000);

/**
 * One value of a category slot: a label for the closer and a few ways a customer says it. Examples are
 * matched by similarity (words and character n-grams), so "need to insure my condo" also matches
 * "insurance for a condo" and "insurence for my condo"; five to fifteen varied examples are plenty.
 */
export const CategoryValue = z.strictObject({
  label: z.string().min(1).max(100),
  examples: z.array(z.string().min(2).max(200)).min(1).max(200),
  /** Short words that name this value only as an answer to the slot's question ("remote", "crm"). */
  whenAsked: z.array(z.string().min(2).max(60)).max(100).optional(),
});
export type CategoryValue = z.infer<typeof CategoryValue>;

/** Before campaigns had labels and examples, a value was a list of phrases: still read, as examples. */
const LegacyPhraseList = z.array(z.string().min(2)).min(1);

const SlotFields = {
  name: SlotName,
  label: z.string().min(1).max(60),
  description: z.string().max(500),
  required: z.boolean(),
  kind: SlotKind,
  /** The scripted question the AI asks when this slot is missing (also the Bedrock fallback). */
  question: z.string().min(1).max(500),
  /** Words in the AI's line that show it is asking for this slot, so a bare answer can be attributed. */
  askedBy: z.array(z.string().min(2)).default([]),
  /** For `category` slots: value id -> its label and example phrases (or, in older files, a phrase list). */
  values: z.record(ValueKey, z.union([CategoryValue, LegacyPhraseList])).optional(),
  /** Older files: word stems per value, read only on the answer to this slot's question (now `whenAsked`). */
  stems: z.record(z.string().min(1), z.array(z.string().min(2)).min(1)).optional(),
  /** For `category` slots: how the closer reads each value ("Run a contact center"); else the value's label. */
  valueLabels: z.record(z.string().min(1), z.string().min(1).max(80)).optional(),
};

export const SlotDefinition = z.strictObject(SlotFields).transform(({ stems, values, ...slot }) => ({
  ...slot,
  ...(values ? { values: upgradeValues(values, stems) } : {}),
}));
export type SlotDefinition = z.infer<typeof SlotDefinition>;

/** The turn reader's calibrated probability from which a signal counts (functions/domain/reader). */
const probability = (fallback: number) => z.number().min(0).max(1).default(fallback);
/**
 * Defaults: more likely than not. The F1-best thresholds of single turns on the calibration split are
 * lower (0.2-0.35), but a call has many turns and each is a chance for a false signal: at 0.3 a third
 * of one development set was handed off early. A campaign that wants more recall lowers them. The
 * signals that end a call need 0.7: a misread ends a live lead, a miss only lets the AI ask again.
 */
export const ReaderThresholds = z.strictObject({
  personRequest: probability(0.5),
  buyingIntent: probability(0.5),
  objection: probability(0.5),
  acknowledgement: probability(0.5),
  confusion: probability(0.5),
  sarcasm: probability(0.5),
  strongNegative: probability(0.5),
  negative: probability(0.5),
  notInterested: probability(0.7),
  doNotCall: probability(0.7),
  wrongNumber: probability(0.7),
  deferral: probability(0.5),
});
export type ReaderThresholds = z.infer<typeof ReaderThresholds>;
/** Legacy phrase lists become examples; legacy stems become `whenAsked`; the label comes from the id. */
function upgradeValues(
  values: Record<string, CategoryValue | string[]>,
  stems: Record<string, string[]> | undefined,
): Record<string, CategoryValue> {
  const upgraded: Record<string, CategoryValue> = {};
  for (const [key, value] of Object.entries(values)) {
    const current = Array.isArray(value) ? { label: labelOf(key), examples: value } : value;
    const legacyStems = stems?.[key];
    upgraded[key] = legacyStems
      ? { ...current, whenAsked: [...(current.whenAsked ?? []), ...legacyStems] }
      : current;
  }
  return upgraded;
}

function labelOf(key: string): string {
  const words = key.replace(/_/g, " ");
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export const Thresholds = z.strictObject({
  /** A slot counts as confirmed from this confidence on. */
  slotConfidence: z.number().min(0).max(1).default(0.6),
  /** Distinct open objections that make a conversation complex. */
  openObjections: z.number().int().min(1).default(2),
  /** Customer turns with confusion that make a conversation complex. */
  confusionTurns: z.number().int().min(1).default(2),
  /** Lex NEGATIVE sentiment score from which a turn is strongly negative. */
  strongNegativeScore: z.number().min(0).max(1).default(0.85),
  /** Consecutive negative customer turns that count as worsening tone. */
  negativeStreak: z.number().int().min(1).default(3),
  /** A Lex intent with at least this NLU confidence is trusted as a signal. */
  nluConfidence: z.number().min(0).max(1).default(0.8),
  reader: ReaderThresholds.prefault({}),
});
export type Thresholds = z.infer<typeof Thresholds>;

export const Timing = z.strictObject({
  /** `qualified` never fires before this many customer turns (context first). */
  minCustomerTurnsBeforeQualified: z.number().int().min(0).default(2),
});

export const Script = z.strictObject({
  greeting: z.string().min(1),
  /** Used instead of the greeting when the lead comes back: never re-introduce. */
  resume: z.string().min(1),
  handoff: z.string().min(1),
  nurture: z.string().min(1),
  end: z.string().min(1),
  /** Said when every slot is known and nothing else is pending. */
  wrapUp: z.string().min(1),
  /** A short scripted answer per objection kind, said before the next question. */
  objectionAnswers: z.partialRecord(ObjectionKind, z.string().min(1)).optional(),
});

export const RouteTrigger = z.enum([...HandoffTrigger.options, "system_fallback"]);
export type RouteTrigger = z.infer<typeof RouteTrigger>;

export const Campaign = z
  .strictObject({
    /** Editors read the JSON Schema named here (`contracts/json-schema/campaign.json`). */
    $schema: z.string().optional(),
    id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/, "campaign ids are lower-kebab-case"),
    name: z.string().min(1).max(100),
    product: z.strictObject({
      name: z.string().min(1),
      company: z.string().min(1),
      pitch: z.string().min(1),
      /** ISO 4217 code the amounts are in, for the closer's screen ("$1,500 a month"). */
      currency: z
        .string()
        .regex(/^[A-Z]{3}$/)
        .optional(),
      /** The language the AI speaks on this campaign's calls. */
      language: z.string().min(1).max(40).optional(),
    }),
    slots: z.array(SlotDefinition).min(1).max(20),
    thresholds: Thresholds.prefault({}),
    timing: Timing.prefault({}),
    script: Script,
    /** Queue name per trigger; the deployment maps names to Connect queue ARNs. */
    routes: z.record(RouteTrigger, z.string().min(1).max(127)),
  })
  .superRefine((campaign, ctx) => {
    const seen = new Set<string>();
    campaign.slots.forEach((slot, index) => {
      if (seen.has(slot.name)) {
        ctx.addIssue({
          code: "custom",
          message: `duplicate slot "${slot.name}"`,
          path: ["slots", index, "name"],
        });
      }
      seen.add(slot.name);
      if (slot.kind !== "category" && slot.values) {
        ctx.addIssue({
          code: "custom",
          message: `only category slots have values (this one is "${slot.kind}")`,
          path: ["slots", index, "values"],
        });
      }
      if (slot.kind === "category" && !slot.values) {
        ctx.addIssue({
          code: "custom",
          message: "category slots need values",
          path: ["slots", index, "values"],
        });
      }
    });
    if (!campaign.slots.some((slot) => slot.required)) {
      ctx.addIssue({ code: "custom", message: "at least one slot must be required", path: ["slots"] });
    }
  });
export type Campaign = z.infer<typeof Campaign>;
export type CampaignInput = z.input<typeof Campaign>;
