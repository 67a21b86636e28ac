import { type FeatureInput, featurizeTurn } from "./features.js";
import { READER_LABELS, type ReaderLabel, type ReaderScores } from "./labels.js";

/**
 * A linear multi-label model over hashed features: one logistic output per label, weights quantised to
 * int8 per label (row-major, so one feature reads its labels from one cache line). Only features seen in
 * training have a row, so unseen words add nothing instead of colliding with learned ones.
 */
export interface TurnReaderModel {
  labels: readonly ReaderLabel[];
  /** Feature hash -> row; a feature never seen in training has no row and weighs nothing. */
  rows: FeatureRows;
  /** weights[row * labels.length + label], multiplied by scale[label]. */
  weights: Int8Array;
  scale: Float64Array;
  bias: Float64Array;
}

/** Long turns are also read in windows of this many words, so one clause's signal is not diluted by the rest. */
const WINDOW_TOKENS = 12;
const WINDOW_STRIDE = 6;

/**
 * The raw margin per label: a short turn whole, a long turn by its best window of words (each window
 * keeps the whole-turn features: the AI line, the opening words, negation read on the whole turn).
 */
export function marginsOf(model: TurnReaderModel, input: FeatureInput): Float64Array {
  const width = model.labels.length;
  const { features, owners, tokens } = featurizeTurn(input);
  const { weights, rows } = model;
  // Row 0 holds what belongs to the whole turn, row t + 1 what belongs to word t.
  const sums = new Float64Array((tokens + 1) * width);
  for (let f = 0; f < features.length; f++) {
    const row = rows.rowOf(features[f] as number);
    if (row < 0) continue;
    const base = row * width;
    const offset = ((owners[f] as number) + 1) * width;
    for (let l = 0; l < width; l++)
      sums[offset + l] = (sums[offset + l] as number) + (weights[base + l] as number);
  }
  const best = new Float64Array(width);
  if (tokens <= WINDOW_TOKENS) {
    for (let t = 0; t <= tokens; t++) {
      const offset = t * width;
      for (let l = 0; l < width; l++) best[l] = (best[l] as number) + (sums[offset + l] as number);
    }
  } else {
    // A linear sum over a long turn grows with its length; the best window does not.
    best.fill(Number.NEGATIVE_INFINITY);
    for (let start = 0; start < tokens - WINDOW_STRIDE; start += WINDOW_STRIDE) {
      const end = Math.min(start + WINDOW_TOKENS, tokens);
      for (let l = 0; l < width; l++) {
        let sum = sums[l] as number;
        for (let t = start; t < end; t++) sum += sums[(t + 1) * width + l] as number;
        if (sum > (best[l] as number)) best[l] = sum;
      }
    }
  }
  for (let l = 0; l < width; l++) {
    best[l] = (model.bias[l] as number) + (model.scale[l] as number) * (best[l] as number);
  }
  return best;
}

export function scoreTurn(model: TurnReaderModel, input: FeatureInput): ReaderScores {
  const margins = marginsOf(model, input);
  const scores = {} as Record<ReaderLabel, number>;
  for (let label = 0; label < model.labels.length; label++) {
    scores[model.labels[label] as ReaderLabel] = 1 / (1 + Math.exp(-(margins[label] as number)));
  }
  return scores;
}

/** A model whose label set differs from the policy's is refused: its scores would be read wrongly. */
export function sameLabelSet(labels: readonly string[]): boolean {
  return labels.length === READER_LABELS.length && labels.every((label, i) => label === READER_LABELS[i]);
}

/**
 * Feature hash -> row, open addressing over typed arrays: V8's Map boxes 32-bit keys as heap numbers,
 * which made a lookup several times slower than the arithmetic it feeds.
 */
export class FeatureRows {
  private readonly keys: Uint32Array;
  private readonly values: Int32Array;
  private readonly mask: number;
  readonly size: number;

  constructor(hashes: ArrayLike<number>) {
    let capacity = 1;
    while (capacity < hashes.length * 2) capacity *= 2;
    this.keys = new Uint32Array(capacity);
    this.values = new Int32Array(capacity).fill(-1);
    this.mask = capacity - 1;
    this.size = hashes.length;
    for (let row = 0; row < hashes.length; row++) {
      const hash = (hashes[row] as number) >>> 0;
      let slot = Math.imul(hash, 0x9e3779b1) & this.mask;
      while ((this.values[slot] as number) >= 0) slot = (slot + 1) & this.mask;
      this.keys[slot] = hash;
      this.values[slot] = row;
    }
  }

  rowOf(hash: number): number {
    let slot = Math.imul(hash, 0x9e3779b1) & this.mask;
    for (;;) {
      const row = this.values[slot] as number;
      if (row < 0 || this.keys[slot] === hash) return row;
      slot = (slot + 1) & this.mask;
    }
  }

  /** [hash, row] pairs in row order. */
  entries(): Array<[number, number]> {
    const pairs: Array<[number, number]> = [];
    for (let slot = 0; slot < this.keys.length; slot++) {
      const row = this.values[slot] as number;
      if (row >= 0) pairs.push([this.keys[slot] as number, row]);
    }
    return pairs.sort((a, b) => a[1] - b[1]);
  }
}
