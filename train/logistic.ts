import { seededRandom } from "../functions/domain/forms.js";
import { featurize } from "../functions/domain/reader/features.js";
import type { ReaderLabel } from "../functions/domain/reader/labels.js";
import type { TurnReaderModel } from "../functions/domain/reader/model.js";
import type { Example } from "./examples.js";

export interface TrainingOptions {
  buckets: number;
  epochs: number;
  learningRate: number;
  l2: number;
  seed: number;
}

interface Encoded {
  features: number[];
  targets: Uint8Array;
}

function encode(examples: readonly Example[], labels: readonly ReaderLabel[], buckets: number): Encoded[] {
  return examples.map((example) => {
    const targets = new Uint8Array(labels.length);
    for (const label of example.labels) targets[labels.indexOf(label)] = 1;
    return { features: featurize({ text: example.text, aiLine: example.ai }, buckets), targets };
  });
}

/**
 * One-vs-rest logistic regression, AdaGrad, with rare labels weighted up so a label seen 80 times is
 * not drowned by thousands of ordinary turns. Returns float weights (bucket-major) and biases.
 */
export function trainLogistic(
  examples: readonly Example[],
  labels: readonly ReaderLabel[],
  options: TrainingOptions,
): { weights: Float64Array; bias: Float64Array } {
  const width = labels.length;
  const data = encode(examples, labels, options.buckets);
  const weights = new Float64Array(options.buckets * width);
  const squared = new Float64Array(options.buckets * width).fill(1e-8);
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
      const { features, targets } = data[index] as Encoded;
      sums.set(bias);
      for (const feature of features) {
        const base = feature * width;
        for (let l = 0; l < width; l++) sums[l] = (sums[l] as number) + (weights[base + l] as number);
      }
      for (let l = 0; l < width; l++) {
        const target = targets[l] as number;
        const p = 1 / (1 + Math.exp(-(sums[l] as number)));
        const gradient = (p - target) * (target === 1 ? (positiveWeight[l] as number) : 1);
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
  return { weights, bias };
}

/** int8 per label: the largest weight of a label maps to 127. */
export function quantize(
  weights: Float64Array,
  bias: Float64Array,
  labels: readonly ReaderLabel[],
  buckets: number,
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
  return { labels, buckets, weights: quantized, scale, bias: Float64Array.from(bias) };
}

/**
 * Platt scaling per label on examples never trained on: the raw margin z becomes sigmoid(a z + b),
 * folded into the model's scale and bias so inference pays nothing for it.
 */
export function calibrate(model: TurnReaderModel, examples: readonly Example[]): TurnReaderModel {
  const width = model.labels.length;
  const margins: Float64Array[] = model.labels.map(() => new Float64Array(examples.length));
  const targets: Uint8Array[] = model.labels.map(() => new Uint8Array(examples.length));
  for (const [e, example] of examples.entries()) {
    const features = featurize({ text: example.text, aiLine: example.ai }, model.buckets);
    for (let l = 0; l < width; l++) {
      let sum = 0;
      for (const feature of features) sum += model.weights[feature * width + l] as number;
      (margins[l] as Float64Array)[e] = (model.bias[l] as number) + (model.scale[l] as number) * sum;
      (targets[l] as Uint8Array)[e] = example.labels.includes(model.labels[l] as ReaderLabel) ? 1 : 0;
    }
  }
  const scale = Float64Array.from(model.scale);
  const bias = Float64Array.from(model.bias);
  for (let l = 0; l < width; l++) {
    const { a, b } = fitPlatt(margins[l] as Float64Array, targets[l] as Uint8Array);
    scale[l] = a * (scale[l] as number);
    bias[l] = a * (bias[l] as number) + b;
  }
  return { ...model, scale, bias };
}

function fitPlatt(z: Float64Array, y: Uint8Array): { a: number; b: number } {
  const positives = y.reduce((n, v) => n + v, 0);
  // Too few positives to fit two parameters honestly: keep the trained margin.
  if (positives < 5) return { a: 1, b: 0 };
  // Platt's smoothed targets keep a and b finite on separable data.
  const high = (positives + 1) / (positives + 2);
  const low = 1 / (z.length - positives + 2);
  let a = 1;
  let b = 0;
  for (let iteration = 0; iteration < 100; iteration++) {
    let ga = 0;
    let gb = 0;
    let haa = 1e-6;
    let hab = 0;
    let hbb = 1e-6;
    for (let i = 0; i < z.length; i++) {
      const t = y[i] === 1 ? high : low;
      const p = 1 / (1 + Math.exp(-(a * (z[i] as number) + b)));
      const d = p - t;
      const w = p * (1 - p);
      ga += d * (z[i] as number);
      gb += d;
      haa += w * (z[i] as number) * (z[i] as number);
      hab += w * (z[i] as number);
      hbb += w;
    }
    const det = haa * hbb - hab * hab;
    if (Math.abs(det) < 1e-12) break;
    const da = (hbb * ga - hab * gb) / det;
    const db = (haa * gb - hab * ga) / det;
    a -= da;
    b -= db;
    if (Math.abs(da) + Math.abs(db) < 1e-9) break;
  }
  // A negative slope would invert the model; keep the sign.
  return a > 0 ? { a, b } : { a: 1, b: 0 };
}
