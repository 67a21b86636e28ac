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
 * - category: one of `values`, each recognised by its phrases.
 */
export const SlotKind = z.enum(["amount", "authority", "timeline", "category"]);
export type SlotKind = z.infer<typeof SlotKind>;

export const SlotDefinition = z.strictObject({
  name: SlotName,
  label: z.string().min(1).max(60),
  description: z.string().max(500),
  required: z.boolean(),
  kind: SlotKind,
  /** The scripted question the AI asks when this slot is missing (also the Bedrock fallback). */
  question: z.string().min(1).max(500),
  /** Words in the AI's line that show it is asking for this slot, so a bare answer can be attributed. */
  askedBy: z.array(z.string().min(2)).default([]),
  /** For `category` slots: canonical value -> phrases that express it. */
  values: z.record(z.string().min(1), z.array(z.string().min(2)).min(1)).optional(),
  /** For `category` slots: word stems per value, used only on the answer to this slot's question. */
  stems: z.record(z.string().min(1), z.array(z.string().min(2)).min(1)).optional(),
  /** For `category` slots: how the closer reads each value ("Run a contact center"). */
  valueLabels: z.record(z.string().min(1), z.string().min(1).max(80)).optional(),
});
export type SlotDefinition = z.infer<typeof SlotDefinition>;

/** The turn reader's calibrated probability from which a signal counts (functions/domain/reader). */
const probability = (fallback: number) => z.number().min(0).max(1).default(fallback);
export const ReaderThresholds = z.strictObject({
  personRequest: probability(0.5),
  buyingIntent: probability(0.5),
  objection: probability(0.5),
  acknowledgement: probability(0.5),
  confusion: probability(0.5),
  sarcasm: probability(0.5),
  strongNegative: probability(0.5),
  negative: probability(0.5),
  notInterested: probability(0.5),
  doNotCall: probability(0.5),
  wrongNumber: probability(0.5),
  deferral: probability(0.5),
});
export type ReaderThresholds = z.infer<typeof ReaderThresholds>;

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
