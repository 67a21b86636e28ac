import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import * as z from "../contracts/zod.js";
import { loadCampaignRegistry } from "../functions/cli/campaign-option.js";
import { BatonInputError } from "../functions/domain/errors.js";
import { FeatureRows } from "../functions/domain/reader/feature-rows.js";
import {
  type CategoryValueModel,
  type CategoryValuesArtifact,
  categoryFeatures,
  categoryModelsFromArtifact,
  NAMES_NONE,
  NAMES_ONE,
  softmaxInPlace,
} from "../functions/domain/slots/category-values.js";
import { describeIssue } from "../functions/domain/zod-issue.js";

/** The labeled turns the category value models learn from (train/derive-category-turns.ts writes them). */
export const CATEGORY_TURNS_FILE = "data/category-turns.jsonl";
/**
 * Turns written for the need slot, each with the value it states or none (data/README.md): in data/ itself, as
 * the turn reader trains on every file of data/'s folders.
 */
export const AUTHORED_NEED_TURNS_FILE = "data/need-turns.jsonl";
export const CATEGORY_TURN_FILES = [CATEGORY_TURNS_FILE, AUTHORED_NEED_TURNS_FILE] as const;
export const CATEGORY_VALUES_FILE = "models/category-values.json";

/**
 * A customer turn labeled for one slot: one of a labeled call in which a campaign's examples and rules read a
 * value of a slot, labeled with the call's gold value, or one of a call whose gold label leaves the slot empty
 * (`value` null: it names none); or a turn written for the slot, with the value it states or none.
 */
export const CategoryTurn = z.strictObject({
  /** `<set>:<call id>` (a fold leaves out whole sets: `--exclude`), or `authored:<file>:<line>`. */
  source: z.string().check(z.regex(/^[^:]+:.+$/)),
  campaign: z.string().check(z.minLength(1)),
  slot: z.string().check(z.minLength(1)),
  /** Its index in the call; a written turn has no call. */
  turn: z.optional(z.number().check(z.int(), z.nonnegative())),
  /** A written turn's AI line before it, and the form it is written in (provenance; the models read `text`). */
  ai: z.optional(z.string()),
  form: z.optional(z.enum(["written", "speech", "chat"])),
  text: z.string().check(z.minLength(1)),
  value: z.nullable(z.string().check(z.minLength(1))),
});
export type CategoryTurn = z.infer<typeof CategoryTurn>;

/** One file's turns and its sha256. */
export interface CategoryTurnFile {
  file: string;
  sha256: string;
  turns: CategoryTurn[];
}

export interface LoadedCategoryTurns {
  files: CategoryTurnFile[];
  /** sha256 of the files' hashes in order: what the models were trained on. */
  sha256: string;
  turns: CategoryTurn[];
}

/** The labeled turns of every file, each line checked; a bad line is an error naming the file and line. */
export async function loadCategoryTurns(
  files: readonly string[] = CATEGORY_TURN_FILES,
): Promise<LoadedCategoryTurns> {
  const loaded = await Promise.all(files.map(loadCategoryTurnFile));
  return categoryTurnsOf(loaded);
}

/** Files already read, as one training set. */
export function categoryTurnsOf(files: CategoryTurnFile[]): LoadedCategoryTurns {
  const hashes = files.map((file) => `${file.sha256}\n`).join("");
  return {
    files,
    sha256: createHash("sha256").update(hashes).digest("hex"),
    turns: files.flatMap((file) => file.turns),
  };
}

async function loadCategoryTurnFile(file: string): Promise<CategoryTurnFile> {
  const text = await readFile(file, "utf8");
  const turns = text
    .split("\n")
    .map((line, index) => ({ line, number: index + 1 }))
    .filter(({ line }) => line.trim() !== "")
    .map(({ line, number }) => {
      let json: unknown;
      try {
        json = JSON.parse(line);
      } catch (error) {
        throw new BatonInputError(`${file}:${number}: ${(error as Error).message}`, { line: number });
      }
      const parsed = CategoryTurn.safeParse(json);
      if (!parsed.success) {
        throw new BatonInputError(`${file}:${number}: ${describeIssue(parsed.error).message}`, {
          line: number,
        });
      }
      return parsed.data;
    });
  return { file, sha256: createHash("sha256").update(text).digest("hex"), turns };
}

/**
 * Chosen by fold on dev-h to dev-ak (a scratch measure of the final turn read, 1,287 calls with a need read): words
 * cut to five letters with word pairs, kept from two turns, chose 954 needs right, whole words 932, six letters
 * 949 (the examples alone: 886); a feature of the examples' own value, 944, and with the AI line's words too, 946.
 * Epochs (session 54, `npm run bench`'s category values by fold, 36 sets, written, with the need's veto at 0.4):
 * 80 slot F1 85.0%, 150 85.3%, 250 85.3% (look sets 88.9 and 89.1%); l2 1e-5 and 1e-3 and three turns a row
 * changed nothing.
 */
export const CATEGORY_TRAINING = {
  /** A feature needs this many training turns to get a row. */
  minCount: 2,
  epochs: 250,
  learningRate: 0.5,
  l2: 1e-4,
} as const;

/** Whether a campaign's slot has values to choose among (a category), not an amount or a time. */
export type ChoosesValue = (campaign: string, slot: string) => boolean;

/** The category slots of the campaigns in `dir`: the slots a choose model is trained for. */
export async function categorySlots(dir = "campaigns"): Promise<ChoosesValue> {
  const campaigns = await loadCampaignRegistry(dir);
  return (campaign, slot) =>
    campaigns.has(campaign) &&
    campaigns.get(campaign).slots.some((s) => s.name === slot && s.kind === "category");
}

/**
 * A campaign slot's models: for a category, `choose` from the turns labeled with a value; `detect` (names one,
 * names none) from all of them, when some turns name none.
 */
export function trainCategoryModels(
  campaign: string,
  slot: string,
  turns: readonly CategoryTurn[],
  chooses: boolean,
  options: typeof CATEGORY_TRAINING = CATEGORY_TRAINING,
): CategoryValueModel[] {
  const named = turns.filter((turn) => turn.value !== null);
  const values = chooses ? [...new Set(named.map((turn) => turn.value as string))].sort() : [];
  const models = chooses
    ? [
        softmaxModel(
          { campaign, slot, values, kind: "choose" },
          named.map((turn) => ({ text: turn.text, label: values.indexOf(turn.value as string) })),
          values.length,
          options,
        ),
      ]
    : [];
  if (named.length < turns.length) {
    const labeled = turns.map((turn) => ({
      text: turn.text,
      label: turn.value === null ? NAMES_NONE : NAMES_ONE,
    }));
    models.push(softmaxModel({ campaign, slot, values, kind: "detect" }, labeled, 2, options));
  }
  return models;
}

/** A softmax over the examples' features: full-batch gradient descent, deterministic. */
function softmaxModel(
  identity: Pick<CategoryValueModel, "campaign" | "slot" | "values" | "kind">,
  examplesIn: ReadonlyArray<{ text: string; label: number }>,
  width: number,
  options: typeof CATEGORY_TRAINING,
): CategoryValueModel {
  const featuresOf = examplesIn.map((example) => categoryFeatures(example.text));
  const counts = new Map<number, number>();
  for (const features of featuresOf)
    for (const feature of features) counts.set(feature, (counts.get(feature) ?? 0) + 1);
  const kept = [...counts.entries()]
    .filter(([, count]) => count >= options.minCount)
    .map(([feature]) => feature)
    .sort((a, b) => a - b);
  const rowOf = new Map(kept.map((feature, row) => [feature, row]));
  const examples = featuresOf.map((features) =>
    features.map((feature) => rowOf.get(feature)).filter((row): row is number => row !== undefined),
  );
  const labels = examplesIn.map((example) => example.label);
  const weights = new Float64Array(kept.length * width);
  const bias = new Float64Array(width);
  const gradient = new Float64Array(weights.length);
  const biasGradient = new Float64Array(width);
  const margins = new Float64Array(width);
  const n = Math.max(1, examplesIn.length);
  for (let epoch = 0; epoch < options.epochs; epoch++) {
    gradient.fill(0);
    biasGradient.fill(0);
    for (const [index, example] of examples.entries()) {
      margins.set(bias);
      for (const row of example)
        for (let v = 0; v < width; v++)
          margins[v] = (margins[v] as number) + (weights[row * width + v] as number);
      softmaxInPlace(margins);
      margins[labels[index] as number] = (margins[labels[index] as number] as number) - 1;
      for (let v = 0; v < width; v++) biasGradient[v] = (biasGradient[v] as number) + (margins[v] as number);
      for (const row of example)
        for (let v = 0; v < width; v++)
          gradient[row * width + v] = (gradient[row * width + v] as number) + (margins[v] as number);
    }
    for (let at = 0; at < weights.length; at++) {
      const w = weights[at] as number;
      weights[at] = w - options.learningRate * ((gradient[at] as number) / n + options.l2 * w);
    }
    for (let v = 0; v < width; v++)
      bias[v] = (bias[v] as number) - (options.learningRate * (biasGradient[v] as number)) / n;
  }
  const { quantized, scale } = quantizeByValue(weights, width);
  return {
    ...identity,
    rows: liveRows(kept, quantized, width),
    scale,
    bias: Float64Array.from(bias, round7),
  };
}

/**
 * The rows of the features with a weight that is not zero: a row whose every weight rounds to zero adds nothing
 * to any margin, and most of an amount's or a date's detect model is such rows (its words mostly say nothing
 * either way).
 */
export function liveRows(hashes: readonly number[], weights: Int8Array, width: number): FeatureRows {
  const live = hashes.flatMap((_, row) =>
    weights.subarray(row * width, row * width + width).some((weight) => weight !== 0) ? [row] : [],
  );
  const liveWeights = new Int8Array(live.length * width);
  for (const [at, row] of live.entries())
    liveWeights.set(weights.subarray(row * width, row * width + width), at * width);
  return FeatureRows.fromRows(
    live.map((row) => hashes[row] as number),
    liveWeights,
    width,
  );
}

/** int8 per weight, one scale per value (its largest weight is 127 steps). */
function quantizeByValue(
  weights: Float64Array,
  width: number,
): { quantized: Int8Array; scale: Float64Array } {
  const scale = new Float64Array(width);
  for (let at = 0; at < weights.length; at++) {
    const v = at % width;
    scale[v] = Math.max(scale[v] as number, Math.abs(weights[at] as number));
  }
  for (let v = 0; v < width; v++) scale[v] = round7((scale[v] as number) / 127 || 1);
  const quantized = new Int8Array(weights.length);
  for (let at = 0; at < weights.length; at++)
    quantized[at] = Math.round((weights[at] as number) / (scale[at % width] as number));
  return { quantized, scale };
}

const round7 = (x: number): number => Number(x.toPrecision(7));

/** Every campaign slot's model, from the turns not excluded (a source prefix each). */
export function trainCategoryValues(
  loaded: LoadedCategoryTurns,
  chooses: ChoosesValue,
  exclude: readonly string[] = [],
): { models: CategoryValueModel[]; artifact: CategoryValuesArtifact } {
  const excluded = (turn: CategoryTurn) => exclude.some((prefix) => turn.source.startsWith(prefix));
  const kept = loaded.turns.filter((turn) => !excluded(turn));
  const groups = new Map<string, CategoryTurn[]>();
  for (const turn of kept) {
    const key = `${turn.campaign}\u0000${turn.slot}`;
    groups.set(key, [...(groups.get(key) ?? []), turn]);
  }
  const models = [...groups.keys()].sort().flatMap((key) => {
    const [campaign = "", slot = ""] = key.split("\u0000");
    return trainCategoryModels(campaign, slot, groups.get(key) ?? [], chooses(campaign, slot));
  });
  const artifact: CategoryValuesArtifact = {
    format: "baton-category-values",
    formatVersion: 2,
    dataHash: loaded.sha256,
    trainedOn: loaded.files.map(({ file, sha256, turns }) => ({
      file,
      sha256,
      examples: turns.filter((turn) => !excluded(turn)).length,
    })),
    training: { ...CATEGORY_TRAINING, excluded: exclude.join(",") },
    models: models.map((model) => ({
      campaign: model.campaign,
      slot: model.slot,
      values: [...model.values],
      kind: model.kind,
      examples: (groups.get(`${model.campaign}\u0000${model.slot}`) ?? []).filter(
        (turn) => model.kind === "detect" || turn.value !== null,
      ).length,
      features: model.rows.size,
      buckets: model.rows.buckets,
      rows: Buffer.from(model.rows.fileBytes()).toString("base64"),
      scale: [...model.scale],
      bias: [...model.bias],
    })),
  };
  // The models as a start reads them back, so what was measured is what ships.
  return { models: categoryModelsFromArtifact(artifact, CATEGORY_VALUES_FILE), artifact };
}
