import { type FeatureRows, LITTLE_ENDIAN } from "./feature-rows.js";
import { FeatureBuffer, type FeatureInput, featurizeInto } from "./features.js";
import { READER_LABELS, type ReaderLabel, type ReaderScores, scoresInLabelOrder } from "./labels.js";

/**
 * A linear multi-label model over hashed features: one logistic output per label, weights quantised to
 * int8 per label (row-major, so one feature reads its labels side by side). Only features seen in
 * training have a row, so unseen words add nothing instead of colliding with learned ones.
 */
export interface TurnReaderModel {
  labels: readonly ReaderLabel[];
  /** Feature hash -> its weights; a feature never seen in training has no row and weighs nothing. */
  rows: FeatureRows;
  scale: Float64Array;
  bias: Float64Array;
}

/** Long turns are also read in windows of this many words, so one clause's signal is not diluted by the rest. */
const WINDOW_TOKENS = 12;
const WINDOW_STRIDE = 6;

/** Reused from turn to turn, never carrying anything over: reading a turn allocates no feature arrays. */
const scratch = new FeatureBuffer();
let windowSums = new Int32Array(1024);

/**
 * The raw margin per label: a short turn whole, a long turn by its best window of words (each window
 * keeps the whole-turn features: the AI line, the opening words, negation read on the whole turn).
 */
export function marginsOf(model: TurnReaderModel, input: FeatureInput): Float64Array {
  return marginsInto(model, input, new Float64Array(model.labels.length));
}

/** `marginsOf` written into `best` (one value per label); returns `best`. */
function marginsInto(model: TurnReaderModel, input: FeatureInput, best: Float64Array): Float64Array {
  const width = model.labels.length;
  const { features, owners, count, tokens } = featurizeInto(input, scratch);
  const { rows } = model;
  // Every feature's slot is fetched before any is summed: the fetches do not wait on one another, so their
  // cache misses overlap, and the sums below find their slots in cache.
  rows.warm(features, count);
  // int8 weights sum exactly in int32, which V8 adds without boxing or float conversion. Four labels are
  // read as one word and split by shifts: a fifth of the loads and bounds checks of reading byte by byte.
  // The sums live in a reused array (a typed array this small is allocated outside V8's heap, slowly).
  const lanes = rows.rowWords * 4;
  if (windowSums.length < (tokens + 1) * lanes)
    windowSums = new Int32Array(Math.max((tokens + 1) * lanes, windowSums.length * 2));
  const sums = windowSums;
  const short = tokens <= WINDOW_TOKENS;
  // A short turn is read whole, in row 0; a long one keeps what belongs to the whole turn in row 0 and
  // what belongs to word t in row t + 1.
  sums.fill(0, 0, short ? lanes : (tokens + 1) * lanes);
  for (let f = 0; f < count; f++) {
    const base = rows.weightsAt(features[f] as number);
    if (base < 0) continue;
    addRow(sums, short ? 0 : ((owners[f] as number) + 1) * lanes, rows, base);
  }
  if (short) {
    for (let l = 0; l < width; l++) best[l] = sums[l] as number;
  } else {
    // A linear sum over a long turn grows with its length; the best window does not.
    best.fill(Number.NEGATIVE_INFINITY);
    for (let start = 0; start < tokens - WINDOW_STRIDE; start += WINDOW_STRIDE) {
      const end = Math.min(start + WINDOW_TOKENS, tokens);
      for (let l = 0; l < width; l++) {
        let sum = sums[l] as number;
        for (let t = start; t < end; t++) sum += sums[(t + 1) * lanes + l] as number;
        if (sum > (best[l] as number)) best[l] = sum;
      }
    }
  }
  for (let l = 0; l < width; l++) {
    best[l] = (model.bias[l] as number) + (model.scale[l] as number) * (best[l] as number);
  }
  return best;
}

/** Adds the row of weights starting at byte `base` of `rows.packed` into `sums` from `offset`. */
function addRow(sums: Int32Array, offset: number, rows: FeatureRows, base: number): void {
  if (!LITTLE_ENDIAN) {
    for (let l = 0; l < rows.rowWords * 4; l++)
      sums[offset + l] = ((sums[offset + l] as number) + (rows.packed[base + l] as number)) | 0;
    return;
  }
  const words = rows.words;
  for (let w = 0, at = base >> 2, o = offset; w < rows.rowWords; w++, at++, o += 4) {
    const word = words[at] as number;
    // Each byte, sign-extended: shifted to the top, then arithmetically back down.
    sums[o] = ((sums[o] as number) + ((word << 24) >> 24)) | 0;
    sums[o + 1] = ((sums[o + 1] as number) + ((word << 16) >> 24)) | 0;
    sums[o + 2] = ((sums[o + 2] as number) + ((word << 8) >> 24)) | 0;
    sums[o + 3] = ((sums[o + 3] as number) + (word >> 24)) | 0;
  }
}

let scoreScratch = new Float64Array(READER_LABELS.length);

/** Probabilities per label; the model's labels are READER_LABELS in order (the artifact loader refuses others). */
export function scoreTurn(model: TurnReaderModel, input: FeatureInput): ReaderScores {
  if (scoreScratch.length !== model.labels.length) scoreScratch = new Float64Array(model.labels.length);
  // The scores object copies the values out, so the scratch is free again for the next turn.
  const margins = marginsInto(model, input, scoreScratch);
  for (let label = 0; label < margins.length; label++) {
    margins[label] = 1 / (1 + Math.exp(-(margins[label] as number)));
  }
  return scoresInLabelOrder(margins);
}

/** A model whose label set differs from the policy's is refused: its scores would be read wrongly. */
export function sameLabelSet(labels: readonly string[]): boolean {
  return labels.length === READER_LABELS.length && labels.every((label, i) => label === READER_LABELS[i]);
}
