import { type FeatureRows, LITTLE_ENDIAN } from "./feature-rows.js";
import { FeatureBuffer, type FeatureInput, featurizeInto, pushOpeningFeatures } from "./features.js";
import { READER_LABELS, type ReaderLabel, type ReaderScores, scoresInLabelOrder } from "./labels.js";

/**
 * A small neural network over hashed features: every feature seen in training has a row of int8 weights
 * into a layer of rectified hidden units, and each label reads every hidden unit. The logistic regression
 * it replaced (one weight per feature and label) adds each feature's evidence on its own: it scored 1.6
 * points lower on the dev cross-set, and every focused training set added to it raised early handoffs
 * (README, the turn reader). Only features seen in training have a row, so unseen words add nothing
 * instead of colliding with learned ones.
 */
export interface TurnReaderModel {
  labels: readonly ReaderLabel[];
  /** Feature hash -> its int8 weights into the hidden units; a feature never seen in training has no row. */
  rows: FeatureRows;
  /** What one int8 step of a hidden unit's input weighs, per hidden unit. */
  inputScale: Float64Array;
  hiddenBias: Float64Array;
  /** Hidden unit -> label weights, unit by unit (hidden x labels), calibration folded in. */
  output: Float64Array;
  outputBias: Float64Array;
}

/** Reused from turn to turn, never carrying anything over: reading a turn allocates no feature arrays. */
const scratch = new FeatureBuffer();
let hiddenSums = new Int32Array(64);

/**
 * The raw margin per label, the whole turn read at once. The linear model this replaced read a long turn
 * by its best window of twelve words, so one clause's signal was not diluted by the rest; the hidden layer
 * does not need it, and reading windows handed off early on 3.5% of dev calls (whole turns: 1.1%).
 */
export function marginsOf(model: TurnReaderModel, input: FeatureInput): Float64Array {
  return marginsInto(model, input, new Float64Array(model.labels.length));
}

/** `marginsOf` written into `out` (one value per label); returns `out`. */
function marginsInto(model: TurnReaderModel, input: FeatureInput, out: Float64Array): Float64Array {
  const { features, count } = featurizeInto(input, scratch);
  const { rows } = model;
  // Every feature's slot is fetched before any is summed: the fetches do not wait on one another, so their
  // cache misses overlap, and the sums below find their slots in cache.
  rows.warm(features, count);
  // int8 weights sum exactly in int32, which V8 adds without boxing or float conversion. Four units are
  // read as one word and split by shifts: a fifth of the loads and bounds checks of reading byte by byte.
  // The sums live in a reused array (a typed array this small is allocated outside V8's heap, slowly).
  const lanes = rows.rowWords * 4;
  if (hiddenSums.length < lanes) hiddenSums = new Int32Array(lanes);
  const sums = hiddenSums;
  sums.fill(0, 0, lanes);
  for (let f = 0; f < count; f++) {
    const base = rows.weightsAt(features[f] as number);
    if (base >= 0) addRow(sums, rows, base);
  }
  return project(model, sums, out);
}

/** The labels' margins from the hidden units' summed int8 inputs (`sums` from index 0). */
function project(model: TurnReaderModel, sums: Int32Array, out: Float64Array): Float64Array {
  const width = out.length;
  const { inputScale, hiddenBias, output } = model;
  out.set(model.outputBias);
  for (let u = 0; u < inputScale.length; u++) {
    const activation = (hiddenBias[u] as number) + (inputScale[u] as number) * (sums[u] as number);
    if (activation <= 0) continue;
    for (let l = 0, at = u * width; l < width; l++, at++) {
      out[l] = (out[l] as number) + activation * (output[at] as number);
    }
  }
  return out;
}

/** Adds the row of weights starting at byte `base` of `rows.packed` into `sums` from index `offset`. */
function addRow(sums: Int32Array, rows: FeatureRows, base: number, offset = 0): void {
  if (!LITTLE_ENDIAN) {
    for (let u = 0; u < rows.rowWords * 4; u++)
      sums[offset + u] = ((sums[offset + u] as number) + (rows.packed[base + u] as number)) | 0;
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

const openings = new FeatureBuffer();
let sentenceSums = new Int32Array(256);

/**
 * The whole turn's margins into `out` (as `marginsOf`), and the highest margin of `label` among the
 * sentences `sentenceOf` marks (token -> sentence index, -1 for a token of no sentence read), each read from
 * its own words' features. Every feature's row is added once, to its sentence's sums or to the rest's, and
 * the whole turn's sums are their total: reading the sentences costs little more than the turn. A sentence
 * read this way differs from a turn of its own only where a word pair or a negation runs across its edge;
 * the AI line's pairs, which only very short turns get, are left out.
 */
function marginsWithSentences(
  model: TurnReaderModel,
  input: FeatureInput,
  out: Float64Array,
  sentenceOf: readonly number[],
  sentences: number,
  label: number,
): number {
  const { features, owners, count, words } = featurizeInto(input, scratch);
  const { rows } = model;
  rows.warm(features, count);
  const lanes = rows.rowWords * 4;
  // One block of sums per sentence, and one for everything else.
  const rest = sentences * lanes;
  const blocks = (sentences + 1) * lanes;
  if (sentenceSums.length < blocks) sentenceSums = new Int32Array(blocks);
  if (hiddenSums.length < lanes) hiddenSums = new Int32Array(lanes);
  sentenceSums.fill(0, 0, blocks);
  for (let f = 0; f < count; f++) {
    const base = rows.weightsAt(features[f] as number);
    if (base < 0) continue;
    const owner = owners[f] as number;
    const sentence = owner >= 0 ? (sentenceOf[owner] ?? -1) : -1;
    addRow(sentenceSums, rows, base, sentence >= 0 ? sentence * lanes : rest);
  }
  for (let u = 0; u < lanes; u++) {
    let sum = 0;
    for (let at = u; at < blocks; at += lanes) sum = (sum + (sentenceSums[at] as number)) | 0;
    hiddenSums[u] = sum;
  }
  project(model, hiddenSums, out);
  let surest = Number.NEGATIVE_INFINITY;
  let start = 0;
  while (start < words.length) {
    const sentence = sentenceOf[start] ?? -1;
    let end = start + 1;
    while (end < words.length && (sentenceOf[end] ?? -1) === sentence) end++;
    if (sentence >= 0) {
      // The sentence's own length and opening words.
      openings.count = 0;
      pushOpeningFeatures(words, start, end, openings);
      for (let f = 0; f < openings.count; f++) {
        const base = rows.weightsAt(openings.features[f] as number);
        if (base >= 0) addRow(sentenceSums, rows, base, sentence * lanes);
      }
      surest = Math.max(surest, labelMargin(model, sentenceSums, sentence * lanes, label));
    }
    start = end;
  }
  return surest;
}

/** One label's margin from hidden-unit sums starting at `offset`. */
function labelMargin(model: TurnReaderModel, sums: Int32Array, offset: number, label: number): number {
  const width = model.labels.length;
  const { inputScale, hiddenBias, output } = model;
  let margin = model.outputBias[label] as number;
  for (let u = 0; u < inputScale.length; u++) {
    const activation = (hiddenBias[u] as number) + (inputScale[u] as number) * (sums[offset + u] as number);
    if (activation > 0) margin += activation * (output[u * width + label] as number);
  }
  return margin;
}

const sigmoid = (margin: number) => 1 / (1 + Math.exp(-margin));

/**
 * `scoreTurn`, and the probability of `label` for the surest of the turn's sentences read alone (see
 * `marginsWithSentences`); `sentenceOf` maps a token to its sentence (-1: none), `sentences` counts them.
 */
export function scoreTurnAndSentences(
  model: TurnReaderModel,
  input: FeatureInput,
  sentenceOf: readonly number[],
  sentences: number,
  label: ReaderLabel,
): { scores: ReaderScores; surestSentence: number } {
  if (scoreScratch.length !== model.labels.length) scoreScratch = new Float64Array(model.labels.length);
  const surest = marginsWithSentences(
    model,
    input,
    scoreScratch,
    sentenceOf,
    sentences,
    model.labels.indexOf(label),
  );
  for (let l = 0; l < scoreScratch.length; l++) scoreScratch[l] = sigmoid(scoreScratch[l] as number);
  return { scores: scoresInLabelOrder(scoreScratch), surestSentence: sigmoid(surest) };
}

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
