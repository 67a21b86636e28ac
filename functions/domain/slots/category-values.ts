import * as z from "../../../contracts/zod.js";
import { BatonInputError } from "../errors.js";
import { FeatureRows } from "../reader/feature-rows.js";
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
 * campaign whose values were edited since reads by its examples alone until it is retrained. An amount or a
 * timeline has no values to choose among: it has a detect model alone, with no values.
 */
export interface CategoryValueModel {
  campaign: string;
  slot: string;
  /** The slot's value ids (none for an amount or a timeline): for `choose`, in the order of the weights. */
  values: readonly string[];
  /**
   * `choose`: which value a turn names, a class per value. `detect`: whether a turn names one of the values at
   * all, two classes (names one, names none), for turns the examples found nothing in.
   */
  kind: "choose" | "detect";
  /** Feature hash -> an int8 weight per class, times `scale` per class: the file's records as decoded, no map built. */
  rows: FeatureRows;
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
  const { rows } = model;
  for (const feature of features) {
    const at = rows.weightsAt(feature);
    if (at < 0) continue;
    for (let v = 0; v < width; v++) {
      margins[v] = (margins[v] as number) + (rows.packed[at + v] as number) * (model.scale[v] as number);
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
  // A turn is read by choose and detect one after the other (and for each slot): its features are worked out once.
  let lastText: string | undefined;
  let lastFeatures: number[] = [];
  const featuresOf = (text: string): number[] => {
    if (text !== lastText) {
      lastText = text;
      lastFeatures = categoryFeatures(text);
    }
    return lastFeatures;
  };
  const choose = (campaign: string, slot: string, values: readonly string[], text: string) => {
    const model = modelFor("choose", campaign, slot, values);
    return model ? surestValue(model, valueProbabilities(model, featuresOf(text))) : undefined;
  };
  return {
    choose,
    namesOne(campaign, slot, values, text) {
      const model = modelFor("detect", campaign, slot, values);
      return model ? (valueProbabilities(model, featuresOf(text))[NAMES_ONE] as number) : 1;
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
  values: z.array(z.string().check(z.minLength(1))),
  /** `choose`: a class per value; `detect`: two classes, the turn names one of the values or none. */
  kind: z.enum(["choose", "detect"]),
  /** How many labeled turns it learned from. */
  examples: z.number().check(z.int(), z.nonnegative()),
  /** How many features kept a row (a weight that is not zero). */
  features: z.number().check(z.int(), z.nonnegative()),
  /** How many buckets `rows` is indexed by. */
  buckets: z.number().check(z.int(), z.positive()),
  /** The bucket starts and the records of [hash][int8 weight per class] (`FeatureRows.fileBytes`), base64. */
  rows: Base64,
  scale: z.array(z.number()),
  bias: z.array(z.number()),
});

export const CategoryValuesArtifact = z.strictObject({
  format: z.literal("baton-category-values"),
  formatVersion: z.literal(2),
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
    const width = model.kind === "choose" ? model.values.length : 2;
    const torn = (why: string) =>
      new BatonInputError(
        `category value model ${file}: ${where} (${model.kind} ${model.campaign}/${model.slot}): ${why}`,
        { field: where },
      );
    if (model.kind === "choose" && width < 2) throw torn("a choose model needs two values or more");
    if (model.scale.length !== width || model.bias.length !== width) {
      throw torn(`a scale and a bias per class (${width} classes)`);
    }
    let rows: FeatureRows;
    try {
      rows = FeatureRows.fromFile(Buffer.from(model.rows, "base64"), model.features, width, model.buckets);
    } catch (error) {
      throw torn((error as Error).message);
    }
    return {
      campaign: model.campaign,
      slot: model.slot,
      values: model.values,
      kind: model.kind,
      rows,
      scale: Float64Array.from(model.scale),
      bias: Float64Array.from(model.bias),
    };
  });
}
