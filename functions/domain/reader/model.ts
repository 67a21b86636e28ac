import { type FeatureInput, featurize } from "./features.js";
import { READER_LABELS, type ReaderLabel, type ReaderScores } from "./labels.js";

/**
 * A linear multi-label model over hashed features: one logistic output per label, weights quantised to
 * int8 per label (bucket-major, so one feature reads its labels from one cache line).
 */
export interface TurnReaderModel {
  labels: readonly ReaderLabel[];
  buckets: number;
  /** weights[bucket * labels.length + label], multiplied by scale[label]. */
  weights: Int8Array;
  scale: Float64Array;
  bias: Float64Array;
}

export function scoreTurn(model: TurnReaderModel, input: FeatureInput): ReaderScores {
  const width = model.labels.length;
  const sums = new Float64Array(width);
  const features = featurize(input, model.buckets);
  const { weights } = model;
  for (const feature of features) {
    const base = feature * width;
    for (let label = 0; label < width; label++)
      sums[label] = (sums[label] as number) + (weights[base + label] as number);
  }
  const scores = {} as Record<ReaderLabel, number>;
  for (let label = 0; label < width; label++) {
    const z = (model.bias[label] as number) + (model.scale[label] as number) * (sums[label] as number);
    scores[model.labels[label] as ReaderLabel] = 1 / (1 + Math.exp(-z));
  }
  return scores;
}

/** A model whose label set differs from the policy's is refused: its scores would be read wrongly. */
export function sameLabelSet(labels: readonly string[]): boolean {
  return labels.length === READER_LABELS.length && labels.every((label, i) => label === READER_LABELS[i]);
}
