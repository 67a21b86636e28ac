import * as z from "../../../contracts/zod.js";
import { BatonInputError } from "../errors.js";
import { FNV_OFFSET, mixString, speechForm } from "../reader/features.js";

/**
 * Which of a category slot's values a customer turn names, and whether it names one at all, learned from labeled
 * calls. The examples of a campaign's values pick the value by the example that matched best, and there one
 * example outvotes the turn: "nobody there to pick up. want ppl to answer from their cells" fully matches the
 * contact centre's "nobody picks up" and only a word of remote work's. A softmax over the turn's words and word
 * pairs (`choose`), trained on the turns where the examples read a value and labeled with the call's gold value,
 * weighs every word of the turn instead; a second (`detect`), trained on those turns against every turn of the
 * calls whose labels leave the slot empty, hears whether a turn names a value at all.
 *
 * One pair per campaign and slot, applied only while the slot has exactly the values it was trained on: a
 * campaign whose values were edited since reads by its examples alone until it is retrained.
 */
export interface CategoryValueModel {
  campaign: string;
  slot: string;
  /** The slot's value ids: for `choose`, in the order of the weights. */
  values: readonly string[];
  /**
   * `choose`: which value a turn names, a class per value. `detect`: whether a turn names one of the values at
   * all, two classes (names one, names none), for turns the examples found nothing in.
   */
  kind: "choose" | "detect";
  /** Feature hash -> its row in `weights`. */
  rows: ReadonlyMap<number, number>;
  /** int8 weight per row and class (row-major), times `scale` per class. */
  weights: Int8Array;
  scale: Float64Array;
  bias: Float64Array;
}

/** The value a turn names, and how sure the model is of it among the slot's values. */
export interface ChosenValue {
  value: string;
  probability: number;
}

/** The learned models of every campaign slot that has them. */
export interface CategoryValueReader {
  /** The value the model for this campaign's slot reads in `text`; undefined without a model for exactly these values. */
  choose(campaign: string, slot: string, values: readonly string[], text: string): ChosenValue | undefined;
  /**
   * How sure the detect model is that the turn names one of the slot's values at all; 1 (no say) without a
   * detect model for exactly these values.
   */
  namesOne(campaign: string, slot: string, values: readonly string[], text: string): number;
  /** The part of `text` (split at its punctuation) the model reads `value` in surest: the words to quote. */
  surestPart(campaign: string, slot: string, value: string, text: string): string;
}

/** Words are cut to their first letters: "replacing" and "replaced" are one feature, and so are most typos' ends. */
export const PREFIX_LETTERS = 5;

/** The hashed features of a turn: each word's prefix and each pair of neighbouring prefixes, once each. */
export function categoryFeatures(text: string): number[] {
  const words = speechForm(text)
    .split(" ")
    .filter((word) => word.length > 0)
    .map((word) => word.slice(0, PREFIX_LETTERS));
  const features = new Set<number>();
  for (const [index, word] of words.entries()) {
    features.add(mixString(UNIGRAM, word));
    const next = words[index + 1];
    if (next !== undefined) features.add(mixString(mixString(BIGRAM, word), ` ${next}`));
  }
  return [...features];
}
const UNIGRAM = mixString(FNV_OFFSET, "cu");
const BIGRAM = mixString(FNV_OFFSET, "cb");

/** The model's probability per class for a turn's features (softmax of the summed weights). */
export function valueProbabilities(model: CategoryValueModel, features: readonly number[]): Float64Array {
  const width = model.bias.length;
  const margins = Float64Array.from(model.bias);
  for (const feature of features) {
    const row = model.rows.get(feature);
    if (row === undefined) continue;
    for (let v = 0, at = row * width; v < width; v++, at++) {
      margins[v] = (margins[v] as number) + (model.weights[at] as number) * (model.scale[v] as number);
    }
  }
  softmaxInPlace(margins);
  return margins;
}

/** Margins into probabilities, in place (shifted by the largest, so no exponent overflows). */
export function softmaxInPlace(margins: Float64Array): void {
  let top = Number.NEGATIVE_INFINITY;
  for (const margin of margins) top = Math.max(top, margin);
  let total = 0;
  for (let v = 0; v < margins.length; v++) {
    margins[v] = Math.exp((margins[v] as number) - top);
    total += margins[v] as number;
  }
  for (let v = 0; v < margins.length; v++) margins[v] = (margins[v] as number) / total;
}

/** A reader over the given models, each found by its campaign and slot. */
export function categoryValueReader(models: readonly CategoryValueModel[]): CategoryValueReader {
  const byKey = new Map(
    models.map((model) => [`${model.kind}\u0000${model.campaign}\u0000${model.slot}`, model]),
  );
  const modelFor = (
    kind: CategoryValueModel["kind"],
    campaign: string,
    slot: string,
    values: readonly string[],
  ) => {
    const model = byKey.get(`${kind}\u0000${campaign}\u0000${slot}`);
    return model && sameValues(model.values, values) ? model : undefined;
  };
  const choose = (campaign: string, slot: string, values: readonly string[], text: string) => {
    const model = modelFor("choose", campaign, slot, values);
    return model ? surestValue(model, valueProbabilities(model, categoryFeatures(text))) : undefined;
  };
  return {
    choose,
    namesOne(campaign, slot, values, text) {
      const model = modelFor("detect", campaign, slot, values);
      return model ? (valueProbabilities(model, categoryFeatures(text))[NAMES_ONE] as number) : 1;
    },
    surestPart(campaign, slot, value, text) {
      const model = byKey.get(`choose\u0000${campaign}\u0000${slot}`);
      const column = model ? model.values.indexOf(value) : -1;
      if (!model || column < 0) return text.trim();
      let surest = text.trim();
      let highest = -1;
      for (const part of text.split(PART_BREAK)) {
        if (part.trim() === "") continue;
        const probability = valueProbabilities(model, categoryFeatures(part))[column] as number;
        if (probability > highest) {
          highest = probability;
          surest = part.trim().replace(/[,;]$/, "");
        }
      }
      return surest;
    },
  };
}

/** Where a turn splits into the parts a quote is chosen from: after a sentence's or a clause's punctuation. */
const PART_BREAK = /(?<=[.!?;,])\s+/;

/** A detect model's classes: the turn names one of the values, or none. */
export const NAMES_ONE = 0;
export const NAMES_NONE = 1;

/** The value a choose model reads surest. */
function surestValue(model: CategoryValueModel, probabilities: Float64Array): ChosenValue {
  let best = 0;
  for (let v = 1; v < probabilities.length; v++) {
    if ((probabilities[v] as number) > (probabilities[best] as number)) best = v;
  }
  return { value: model.values[best] as string, probability: probabilities[best] as number };
}

function sameValues(trained: readonly string[], now: readonly string[]): boolean {
  return trained.length === now.length && now.every((value) => trained.includes(value));
}

const Base64 = z.string().check(z.regex(/^[A-Za-z0-9+/]*={0,2}$/));

/** One campaign slot's model as `npm run train` writes it (models/category-values.json). */
const ModelDocument = z.strictObject({
  campaign: z.string().check(z.minLength(1)),
  slot: z.string().check(z.minLength(1)),
  values: z.array(z.string().check(z.minLength(1))).check(z.minLength(2)),
  /** `choose`: a class per value; `detect`: two classes, the turn names one of the values or none. */
  kind: z.enum(["choose", "detect"]),
  /** How many labeled turns it learned from, and how many distinct features kept a row. */
  examples: z.number().check(z.int(), z.nonnegative()),
  /** The feature hashes (uint32 little-endian), base64. */
  features: Base64,
  /** int8 weights, feature by feature, a value each, base64. */
  weights: Base64,
  scale: z.array(z.number()),
  bias: z.array(z.number()),
});

export const CategoryValuesArtifact = z.strictObject({
  format: z.literal("baton-category-values"),
  formatVersion: z.literal(1),
  /** sha256 of the labeled turns it learned from, as the turn reader's `trainedOn`. */
  dataHash: z.string().check(z.regex(/^[0-9a-f]{64}$/)),
  trainedOn: z.array(
    z.strictObject({ file: z.string(), sha256: z.string(), examples: z.number().check(z.int()) }),
  ),
  training: z.record(z.string(), z.union([z.number(), z.string()])),
  models: z.array(ModelDocument),
});
export type CategoryValuesArtifact = z.infer<typeof CategoryValuesArtifact>;

/** The models of an artifact; a corrupt or inconsistent file is a startup error naming it and the field. */
export function categoryModelsFromArtifact(document: unknown, file: string): CategoryValueModel[] {
  const parsed = CategoryValuesArtifact.safeParse(document);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue ? issue.path.join(".") : "";
    throw new BatonInputError(
      `category value model ${file}: ${field ? `${field}: ` : ""}${issue?.message ?? "invalid"}`,
      { field },
    );
  }
  return parsed.data.models.map((model, index) => {
    const where = `models.${index}`;
    const hashes = Buffer.from(model.features, "base64");
    const weights = Buffer.from(model.weights, "base64");
    const width = model.kind === "choose" ? model.values.length : 2;
    const features = hashes.byteLength / 4;
    if (
      !Number.isInteger(features) ||
      weights.byteLength !== features * width ||
      model.scale.length !== width ||
      model.bias.length !== width
    ) {
      throw new BatonInputError(
        `category value model ${file}: ${where} (${model.kind} ${model.campaign}/${model.slot}) needs 4 bytes of hash per feature, a weight per feature and class, and a scale and bias per class (${hashes.byteLength} hash bytes, ${weights.byteLength} weights, ${width} classes)`,
        { field: where },
      );
    }
    const rows = new Map<number, number>();
    for (let row = 0; row < features; row++) rows.set(hashes.readInt32LE(row * 4), row);
    return {
      campaign: model.campaign,
      slot: model.slot,
      values: model.values,
      kind: model.kind,
      rows,
      weights: new Int8Array(weights.buffer, weights.byteOffset, weights.byteLength),
      scale: Float64Array.from(model.scale),
      bias: Float64Array.from(model.bias),
    };
  });
}
