import { seededRandom } from "../functions/domain/forms.js";
import { FeatureRows } from "../functions/domain/reader/feature-rows.js";
import { featurize } from "../functions/domain/reader/features.js";
import type { ReaderLabel } from "../functions/domain/reader/labels.js";
import { marginsOf, type TurnReaderModel } from "../functions/domain/reader/model.js";
import type { Example } from "./examples.js";

export interface TrainingOptions {
  /** A feature needs this many training turns to get a row. */
  minCount: number;
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
}

interface Encoded {
  features: number[];
  targets: Uint8Array;
  /** 1 where the example's source annotated the label at all (public intent data says nothing of tone). */
  supervised: Uint8Array;
  weight: number;
}

/** Feature hash -> row, for features seen in at least `minCount` turns (rarer ones are noise). */
export function vocabularyOf(examples: readonly Example[], minCount: number): Map<number, number> {
  const counts = new Map<number, number>();
  for (const example of examples) {
    for (const hash of new Set(featurize({ text: example.text, aiLine: example.ai }))) {
      counts.set(hash, (counts.get(hash) ?? 0) + 1);
    }
  }
  const kept = [...counts].filter(([, count]) => count >= minCount).map(([hash]) => hash);
  kept.sort((a, b) => a - b);
  return new Map(kept.map((hash, row) => [hash, row]));
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
    const annotated = annotatedLabels(example.source);
    const supervised = Uint8Array.from(labels, (label) =>
      annotated === "all" || annotated.has(label) ? 1 : 0,
    );
    const features = featurize({ text: example.text, aiLine: example.ai }).flatMap((hash) => {
      const row = rows.get(hash);
      return row === undefined ? [] : [row];
    });
    return { features, targets, supervised, weight: exampleWeight(example, options) };
  });
}

/** Public intent sets label requests, never tone or objections: only requests learn from them. */
const REQUEST_LABELS: ReadonlySet<ReaderLabel> = new Set([
  "person_request",
  "buy_now",
  "price_request",
  "quote_request",
  "contract_request",
  "enroll_request",
  "confusion",
]);
const PUBLIC_SOURCES = ["clinc150:", "banking77:", "bitext", "nlupp:", "hwu64:", "hint3:"];

/**
 * Public intent data is plentiful and off-domain: its service requests teach what is not a sales signal,
 * softly. Its few request examples were mapped one intent at a time and are real people's words: they
 * weigh `publicSignalWeight`.
 */
export function exampleWeight(
  example: Pick<Example, "source" | "labels">,
  options: Pick<TrainingOptions, "publicWeight" | "publicSignalWeight">,
): number {
  if (!PUBLIC_SOURCES.some((prefix) => example.source.startsWith(prefix))) return 1;
  return example.labels.length > 0 ? options.publicSignalWeight : options.publicWeight;
}

export function annotatedLabels(source: string): ReadonlySet<ReaderLabel> | "all" {
  return PUBLIC_SOURCES.some((prefix) => source.startsWith(prefix)) ? REQUEST_LABELS : "all";
}

/**
 * One-vs-rest logistic regression, AdaGrad, with rare labels weighted up so a label seen 80 times is
 * not drowned by thousands of ordinary turns. Returns float weights (bucket-major) and biases.
 */
export function trainLogistic(
  examples: readonly Example[],
  labels: readonly ReaderLabel[],
  options: TrainingOptions,
): { rows: Map<number, number>; weights: Float64Array; bias: Float64Array } {
  const width = labels.length;
  const rows = vocabularyOf(examples, options.minCount);
  const data = encode(examples, labels, rows, options);
  const weights = new Float64Array(rows.size * width);
  const squared = new Float64Array(rows.size * width).fill(1e-8);
  const bias = new Float64Array(width);
  const biasSquared = new Float64Array(width).fill(1e-8);
  const positives = new Float64Array(width);
  for (const { targets } of data)
    for (let l = 0; l < width; l++) positives[l] = (positives[l] as number) + (targets[l] as number);
  const positiveWeight = Float64Array.from(positives, (p) =>
    Math.min(8, Math.sqrt((data.length - p) / Math.max(p, 1))),
  );

  const order = data.map((_, i) => i);
  const random = seededRandom(options.seed);
  const sums = new Float64Array(width);
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
      sums.set(bias);
      for (const feature of features) {
        const base = feature * width;
        for (let l = 0; l < width; l++) sums[l] = (sums[l] as number) + (weights[base + l] as number);
      }
      for (let l = 0; l < width; l++) {
        if (supervised[l] === 0) continue;
        const target = targets[l] as number;
        const p = 1 / (1 + Math.exp(-(sums[l] as number)));
        const gradient = (p - target) * weight * (target === 1 ? (positiveWeight[l] as number) : 1);
        if (Math.abs(gradient) < 1e-4) continue;
        biasSquared[l] = (biasSquared[l] as number) + gradient * gradient;
        bias[l] =
          (bias[l] as number) - (options.learningRate * gradient) / Math.sqrt(biasSquared[l] as number);
        for (const feature of features) {
          const at = feature * width + l;
          const w = weights[at] as number;
          const g = gradient + options.l2 * w;
          squared[at] = (squared[at] as number) + g * g;
          weights[at] = w - (options.learningRate * g) / Math.sqrt(squared[at] as number);
        }
      }
    }
  }
  return { rows, weights, bias };
}

/** int8 per label: the largest weight of a label maps to 127. */
export function quantize(
  rows: ReadonlyMap<number, number>,
  weights: Float64Array,
  bias: Float64Array,
  labels: readonly ReaderLabel[],
): TurnReaderModel {
  const width = labels.length;
  const scale = new Float64Array(width);
  for (let i = 0; i < weights.length; i++) {
    const l = i % width;
    scale[l] = Math.max(scale[l] as number, Math.abs(weights[i] as number));
  }
  for (let l = 0; l < width; l++) scale[l] = (scale[l] as number) / 127 || 1;
  const quantized = new Int8Array(weights.length);
  for (let i = 0; i < weights.length; i++) {
    quantized[i] = Math.round((weights[i] as number) / (scale[i % width] as number));
  }
  // Rows that quantise to all zeros weigh nothing: leave them out of the artifact.
  const kept = [...rows].filter(([, row]) =>
    quantized.subarray(row * width, row * width + width).some((w) => w !== 0),
  );
  const compact = new Int8Array(kept.length * width);
  for (const [index, [, row]] of kept.entries()) {
    compact.set(quantized.subarray(row * width, row * width + width), index * width);
  }
  return {
    labels,
    rows: FeatureRows.fromRows(
      kept.map(([hash]) => hash),
      compact,
      width,
    ),
    scale,
    bias: Float64Array.from(bias),
  };
}

/** How a label's raw margin z is mapped to a probability, fitted on examples never trained on. */
export type CalibrationMethod = "platt" | "temperature";

/**
 * Per-label calibration on examples never trained on, folded into the model's scale and bias so inference
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
  const scale = Float64Array.from(model.scale);
  const bias = Float64Array.from(model.bias);
  for (let l = 0; l < width; l++) {
    const label = model.labels[l] as ReaderLabel;
    const method = methodOf(label);
    const z = Float64Array.from(margins, (margin) => margin[l] as number);
    const y = Uint8Array.from(examples, (example) => (example.labels.includes(label) ? 1 : 0));
    const { a, b } = fitPlatt(z, y, method);
    scale[l] = a * (scale[l] as number);
    bias[l] = a * (bias[l] as number) + b;
  }
  return { ...model, scale, bias };
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
