import { LexSignal } from "../contracts/campaign.js";
import { seededRandom } from "../functions/domain/forms.js";
import { FeatureRows } from "../functions/domain/reader/feature-rows.js";
import { featurize } from "../functions/domain/reader/features.js";
import { AUTHORITY_LABELS, READER_LABELS, type ReaderLabel } from "../functions/domain/reader/labels.js";
import { marginsOf, type TurnReaderModel } from "../functions/domain/reader/model.js";
import type { Example } from "./examples.js";
import { isFreshSource } from "./fresh-sets.js";

export interface TrainingOptions {
  /** A feature needs this many training turns to get a row. */
  minCount: number;
  /** At most this many rows: the most frequent features. */
  maxRows: number;
  /** The weight of a public intent example against one of Baton's own. */
  publicWeight: number;
  /** The weight of a public example that carries a request label (the rare, curated side). */
  publicSignalWeight: number;
  epochs: number;
  learningRate: number;
  l2: number;
  seed: number;
  /** Each visit of a turn leaves out this share of its features, so no single feature carries a label. */
  dropout: number;
  /** Rectified hidden units between the features and the labels. */
  hidden: number;
}

interface Encoded {
  features: number[];
  targets: Uint8Array;
  /** 1 where the example's source annotated the label at all (public intent data says nothing of tone). */
  supervised: Uint8Array;
  weight: number;
}

/**
 * Feature hash -> row, for features seen in at least `minCount` turns (rarer ones are noise), the `maxRows`
 * most frequent of them: the fresh sets' call turns brought 22,000 more (6.1 MB, the limit is 5).
 */
export function vocabularyOf(
  examples: readonly Example[],
  minCount: number,
  maxRows = Number.POSITIVE_INFINITY,
): Map<number, number> {
  const counts = new Map<number, number>();
  for (const example of examples) {
    for (const hash of new Set(featurize({ text: example.text, aiLine: example.ai }))) {
      counts.set(hash, (counts.get(hash) ?? 0) + 1);
    }
  }
  const frequent = [...counts].filter(([, count]) => count >= minCount);
  // Most frequent first, ties by hash: the same data keeps the same rows.
  frequent.sort(([a, countA], [b, countB]) => countB - countA || a - b);
  const kept = frequent.slice(0, maxRows).map(([hash]) => hash);
  kept.sort((a, b) => a - b);
  return new Map(kept.map((hash, row) => [hash, row]));
}

/** Training turns as feature rows and targets: the vocabulary and encoding every network of a fit shares. */
export interface EncodedExamples {
  rows: Map<number, number>;
  data: readonly Encoded[];
}

export function encodeExamples(
  examples: readonly Example[],
  labels: readonly ReaderLabel[],
  options: Pick<TrainingOptions, "minCount" | "maxRows" | "publicWeight" | "publicSignalWeight">,
): EncodedExamples {
  const rows = vocabularyOf(examples, options.minCount, options.maxRows);
  return { rows, data: encode(examples, labels, rows, options) };
}

function encode(
  examples: readonly Example[],
  labels: readonly ReaderLabel[],
  rows: ReadonlyMap<number, number>,
  options: Pick<TrainingOptions, "publicWeight" | "publicSignalWeight">,
): Encoded[] {
  return examples.map((example) => {
    const targets = new Uint8Array(labels.length);
    for (const label of example.labels) targets[labels.indexOf(label)] = 1;
    const annotated = annotatedLabels(example);
    const supervised = Uint8Array.from(labels, (label) => (annotated.has(label) ? 1 : 0));
    const features = featurize({ text: example.text, aiLine: example.ai }).flatMap((hash) => {
      const row = rows.get(hash);
      return row === undefined ? [] : [row];
    });
    return { features, targets, supervised, weight: exampleWeight(example, options) };
  });
}

/**
 * Public intent sets label requests, never tone or objections: only requests learn from them (the
 * requests Lex reads, and confusion).
 */
const REQUEST_LABELS: ReadonlySet<ReaderLabel> = new Set([...LexSignal.options, "confusion"]);
const PUBLIC_SOURCES = ["clinc150:", "banking77:", "bitext", "nlupp:", "hwu64:", "hint3:"];

/**
 * The who-decides sets were labeled for who decides alone. Every other Baton set was written before those
 * labels and is read as saying nobody's role: a few of its turns do say it (noise), thousands say nothing
 * of it. Measured on the dev cross-set (authority slot, written): supervised only where labeled, the reader
 * took buying and refusing for a decider ("I want to order 25 seats", "don't transfer me"), precision 82%;
 * with the other sets as noes, precision 99% at recall 84%.
 */
const ALL_LABELS: ReadonlySet<ReaderLabel> = new Set(READER_LABELS);
const AUTHORITY_SOURCES = ["authored-authority"];

/**
 * The fresh sets' call turns say only whether a turn hands off for a request (train/derive-fresh-turns.ts):
 * the requests Lex reads. Trained so (bench/training-choice.ts, three seeds; each fresh set scored by readers
 * trained without its fold): the 25 fresh sets 85.9 -> 87.1% on time, early 3.2 -> 2.4%; dev-e/f/g, never
 * trained on, 90.9 -> 92.9%, early 3.1 -> 1.9%.
 */
const FRESH_LABELS: ReadonlySet<ReaderLabel> = new Set(LexSignal.options);

export function isPublicSource(source: string): boolean {
  return PUBLIC_SOURCES.some((prefix) => source.startsWith(prefix));
}

/**
 * Public intent data is plentiful and off-domain: its service requests teach what is not a sales signal,
 * softly. Its few request examples were mapped one intent at a time and are real people's words: they
 * weigh `publicSignalWeight`.
 */
export function exampleWeight(
  example: Pick<Example, "source" | "labels">,
  options: Pick<TrainingOptions, "publicWeight" | "publicSignalWeight">,
): number {
  if (!isPublicSource(example.source)) return 1;
  return example.labels.length > 0 ? options.publicSignalWeight : options.publicWeight;
}

/**
 * The labels a turn was labeled for: its own list where it has one (fresh turns annotators read,
 * train/derive-fresh-turns.ts), else its source's. An absent label is a no only for these.
 */
export function annotatedLabels({
  source,
  annotated,
}: Pick<Example, "source" | "annotated">): ReadonlySet<ReaderLabel> {
  if (annotated) return annotated;
  if (isPublicSource(source)) return REQUEST_LABELS;
  if (AUTHORITY_SOURCES.some((prefix) => source.startsWith(prefix))) return AUTHORITY_LABELS;
  if (isFreshSource(source)) return FRESH_LABELS;
  return ALL_LABELS;
}

/** A trained network in floats, before quantising: feature rows, hidden layer, labels. */
export interface FloatNetwork {
  rows: Map<number, number>;
  /** rows x hidden, row-major. */
  input: Float32Array;
  hiddenBias: Float64Array;
  /** hidden x labels, unit-major. */
  output: Float64Array;
  outputBias: Float64Array;
}

/**
 * One hidden layer of rectified units, one sigmoid output per label, AdaGrad, with rare labels weighted up
 * so a label seen 80 times is not drowned by thousands of ordinary turns. A label an example's source does
 * not annotate (public intent data says nothing of tone) passes no gradient.
 */
export function trainNetwork(
  { rows, data }: EncodedExamples,
  labels: readonly ReaderLabel[],
  options: TrainingOptions,
): FloatNetwork {
  const width = labels.length;
  const hidden = options.hidden;
  const random = seededRandom(options.seed);
  // Small random inputs and a positive hidden bias: every unit starts alive and different.
  const input = Float32Array.from({ length: rows.size * hidden }, () => (random() - 0.5) * 0.1);
  const hiddenBias = new Float64Array(hidden).fill(0.1);
  const output = Float64Array.from({ length: hidden * width }, () => (random() - 0.5) * 0.3);
  const outputBias = new Float64Array(width);
  const inputSquared = new Float32Array(input.length).fill(1e-8);
  const hiddenBiasSquared = new Float64Array(hidden).fill(1e-8);
  const outputSquared = new Float64Array(output.length).fill(1e-8);
  const outputBiasSquared = new Float64Array(width).fill(1e-8);
  const positives = new Float64Array(width);
  for (const { targets } of data)
    for (let l = 0; l < width; l++) positives[l] = (positives[l] as number) + (targets[l] as number);
  const positiveWeight = Float64Array.from(positives, (p) =>
    Math.min(8, Math.sqrt((data.length - p) / Math.max(p, 1))),
  );
  const activation = new Float64Array(hidden);
  const outputGradient = new Float64Array(width);
  const hiddenGradient = new Float64Array(hidden);
  const rate = options.learningRate;
  const order = data.map((_, i) => i);
  for (let epoch = 0; epoch < options.epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j] as number, order[i] as number];
    }
    for (const index of order) {
      const encoded = data[index] as Encoded;
      const { targets, supervised, weight } = encoded;
      const features =
        options.dropout > 0 ? encoded.features.filter(() => random() >= options.dropout) : encoded.features;
      activation.set(hiddenBias);
      for (const feature of features) {
        const base = feature * hidden;
        for (let u = 0; u < hidden; u++)
          activation[u] = (activation[u] as number) + (input[base + u] as number);
      }
      for (let u = 0; u < hidden; u++) if ((activation[u] as number) < 0) activation[u] = 0;
      let learns = false;
      for (let l = 0; l < width; l++) {
        outputGradient[l] = 0;
        if (supervised[l] === 0) continue;
        let margin = outputBias[l] as number;
        for (let u = 0; u < hidden; u++)
          margin += (output[u * width + l] as number) * (activation[u] as number);
        const target = targets[l] as number;
        const p = 1 / (1 + Math.exp(-margin));
        const gradient = (p - target) * weight * (target === 1 ? (positiveWeight[l] as number) : 1);
        if (Math.abs(gradient) < 1e-4) continue;
        outputGradient[l] = gradient;
        learns = true;
      }
      if (!learns) continue;
      for (let u = 0; u < hidden; u++) {
        let sum = 0;
        if ((activation[u] as number) > 0) {
          for (let l = 0; l < width; l++)
            sum += (output[u * width + l] as number) * (outputGradient[l] as number);
        }
        hiddenGradient[u] = sum;
      }
      for (let l = 0; l < width; l++) {
        const g = outputGradient[l] as number;
        if (g === 0) continue;
        outputBiasSquared[l] = (outputBiasSquared[l] as number) + g * g;
        outputBias[l] = (outputBias[l] as number) - (rate * g) / Math.sqrt(outputBiasSquared[l] as number);
        for (let u = 0; u < hidden; u++) {
          const a = activation[u] as number;
          if (a === 0) continue;
          const at = u * width + l;
          const gw = g * a + options.l2 * (output[at] as number);
          outputSquared[at] = (outputSquared[at] as number) + gw * gw;
          output[at] = (output[at] as number) - (rate * gw) / Math.sqrt(outputSquared[at] as number);
        }
      }
      for (let u = 0; u < hidden; u++) {
        const g = hiddenGradient[u] as number;
        if (g === 0) continue;
        hiddenBiasSquared[u] = (hiddenBiasSquared[u] as number) + g * g;
        hiddenBias[u] = (hiddenBias[u] as number) - (rate * g) / Math.sqrt(hiddenBiasSquared[u] as number);
        for (const feature of features) {
          const at = feature * hidden + u;
          const gi = g + options.l2 * (input[at] as number);
          inputSquared[at] = (inputSquared[at] as number) + gi * gi;
          input[at] = (input[at] as number) - (rate * gi) / Math.sqrt(inputSquared[at] as number);
        }
      }
    }
  }
  return { rows, input, hiddenBias, output, outputBias };
}

/** int8 inputs per hidden unit: the unit's largest input weight maps to 127. */
export function quantize(network: FloatNetwork, labels: readonly ReaderLabel[]): TurnReaderModel {
  const hidden = network.hiddenBias.length;
  const inputScale = new Float64Array(hidden);
  for (let i = 0; i < network.input.length; i++) {
    const u = i % hidden;
    inputScale[u] = Math.max(inputScale[u] as number, Math.abs(network.input[i] as number));
  }
  for (let u = 0; u < hidden; u++) inputScale[u] = (inputScale[u] as number) / 127 || 1;
  const quantized = new Int8Array(network.input.length);
  for (let i = 0; i < network.input.length; i++) {
    quantized[i] = Math.round((network.input[i] as number) / (inputScale[i % hidden] as number));
  }
  // Rows that quantise to all zeros weigh nothing: leave them out of the artifact.
  const kept = [...network.rows].filter(([, row]) =>
    quantized.subarray(row * hidden, row * hidden + hidden).some((w) => w !== 0),
  );
  const compact = new Int8Array(kept.length * hidden);
  for (const [index, [, row]] of kept.entries()) {
    compact.set(quantized.subarray(row * hidden, row * hidden + hidden), index * hidden);
  }
  return {
    labels,
    rows: FeatureRows.fromRows(
      kept.map(([hash]) => hash),
      compact,
      hidden,
    ),
    inputScale,
    hiddenBias: Float64Array.from(network.hiddenBias),
    output: Float64Array.from(network.output),
    outputBias: Float64Array.from(network.outputBias),
  };
}

/** How a label's raw margin z is mapped to a probability, fitted on examples never trained on. */
export type CalibrationMethod = "platt" | "temperature";

/**
 * Per-label calibration on examples never trained on, folded into the model's output weights so inference
 * pays nothing for it: Platt scaling maps the raw margin z to sigmoid(a z + b); temperature scaling fits only
 * a (b = 0), so it sharpens or softens the trained boundary but never moves it.
 */
export function calibrate(
  model: TurnReaderModel,
  examples: readonly Example[],
  methodOf: (label: ReaderLabel) => CalibrationMethod = () => "platt",
): TurnReaderModel {
  const width = model.labels.length;
  const margins = examples.map((example) => marginsOf(model, { text: example.text, aiLine: example.ai }));
  const output = Float64Array.from(model.output);
  const outputBias = Float64Array.from(model.outputBias);
  for (let l = 0; l < width; l++) {
    const label = model.labels[l] as ReaderLabel;
    const method = methodOf(label);
    // Only the turns labeled for this label: elsewhere its absence says nothing.
    const labeled = examples.flatMap((example, i) => (annotatedLabels(example).has(label) ? [i] : []));
    const z = Float64Array.from(labeled, (i) => margins[i]?.[l] as number);
    const y = Uint8Array.from(labeled, (i) => (examples[i]?.labels.includes(label) ? 1 : 0));
    const { a, b } = fitPlatt(z, y, method);
    for (let at = l; at < output.length; at += width) output[at] = a * (output[at] as number);
    outputBias[l] = a * (outputBias[l] as number) + b;
  }
  return { ...model, output, outputBias };
}

function fitPlatt(z: Float64Array, y: Uint8Array, method: CalibrationMethod): { a: number; b: number } {
  const positives = y.reduce((n, v) => n + v, 0);
  // Too few positives to fit honestly: keep the trained margin.
  if (positives < 5) return { a: 1, b: 0 };
  // Platt's smoothed targets keep a and b finite on separable data.
  const high = (positives + 1) / (positives + 2);
  const low = 1 / (z.length - positives + 2);
  const fitsBias = method === "platt";
  const loss = (a: number, b: number) => {
    let total = 0;
    for (let i = 0; i < z.length; i++) {
      const t = y[i] === 1 ? high : low;
      const m = a * (z[i] as number) + b;
      // log(1 + e^m) - t m, computed without overflow.
      total += (m > 0 ? m + Math.log1p(Math.exp(-m)) : Math.log1p(Math.exp(m))) - t * m;
    }
    return total;
  };
  let a = 1;
  let b = 0;
  let current = loss(a, b);
  for (let iteration = 0; iteration < 100; iteration++) {
    let ga = 0;
    let gb = 0;
    let haa = 1e-6;
    let hab = 0;
    let hbb = 1e-6;
    for (let i = 0; i < z.length; i++) {
      const t = y[i] === 1 ? high : low;
      const p = 1 / (1 + Math.exp(-(a * (z[i] as number) + b)));
      const w = p * (1 - p);
      ga += (p - t) * (z[i] as number);
      gb += p - t;
      haa += w * (z[i] as number) * (z[i] as number);
      hab += w * (z[i] as number);
      hbb += w;
    }
    let da: number;
    let db: number;
    if (fitsBias) {
      const det = haa * hbb - hab * hab;
      if (Math.abs(det) < 1e-12) break;
      da = (hbb * ga - hab * gb) / det;
      db = (haa * gb - hab * ga) / det;
    } else {
      da = ga / haa;
      db = 0;
    }
    // Backtracking: a Newton step on nearly separable data can overshoot by orders of magnitude.
    let step = 1;
    let next = loss(a - da, b - db);
    while (next > current && step > 1e-6) {
      step /= 2;
      next = loss(a - step * da, b - step * db);
    }
    if (next > current) break;
    a -= step * da;
    b -= step * db;
    const improved = current - next;
    current = next;
    if (improved < 1e-9) break;
  }
  // A negative slope would invert the model; keep the sign.
  return a > 0 ? { a, b } : { a: 1, b: 0 };
}
