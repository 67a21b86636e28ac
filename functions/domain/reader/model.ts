import { ByteLaneSums } from "./byte-lane-sums.js";
import { type FeatureRows, LITTLE_ENDIAN } from "./feature-rows.js";
import {
  FeatureBuffer,
  type FeatureInput,
  featurizeInto,
  MAX_TOKENS,
  pushOpeningFeatures,
} from "./features.js";
import { READER_LABELS, type ReaderLabel, type ReaderScores, scoresInLabelOrder } from "./labels.js";
import { REMEMBERED_LETTERS, wordSumsOf } from "./word-sums.js";

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
const laneSums = new ByteLaneSums();

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
  const { features, count } = featurizeInto(input, scratch, MAX_TOKENS, REMEMBERED_LETTERS);
  const { rows } = model;
  // Every feature's slot is fetched before any is summed: the fetches do not wait on one another, so their
  // cache misses overlap, and the sums below find their slots in cache.
  rows.warm(features, count);
  // int8 weights sum exactly in int32, which V8 adds without boxing or float conversion. Where a word's
  // first byte is its lowest, two units share each addition (ByteLaneSums): the reader alone about 5% faster
  // than with one addition a unit (17.8-18.7 against 18.9-19.8 us a turn, runs alternated; the lookups' cache
  // misses are most of what is left). The sums live in a reused array (a typed array this small is allocated
  // outside V8's heap, slowly).
  const lanes = rows.rowWords * 4;
  if (hiddenSums.length < lanes) hiddenSums = new Int32Array(lanes);
  const sums = hiddenSums;
  sums.fill(0, 0, lanes);
  if (LITTLE_ENDIAN) {
    laneSums.reset(1, rows.rowWords);
    for (let f = 0; f < count; f++) {
      const base = rows.weightsAt(features[f] as number);
      if (base >= 0) laneSums.add(rows.words, base >> 2, 0, sums);
    }
    laneSums.finish(sums);
  } else {
    for (let f = 0; f < count; f++) {
      const base = rows.weightsAt(features[f] as number);
      if (base >= 0) addRow(sums, rows, base);
    }
  }
  addWords(rows, scratch, sums, null, 0);
  return project(model, sums, out);
}

/**
 * Each word left out of the features (`featurizeInto`), added as its remembered sum (`WordSums`): into `sums`
 * from index 0, or with `pieceOf` into its piece's block (`rest`: no piece's) of `sums`.
 */
function addWords(
  rows: FeatureRows,
  buffer: FeatureBuffer,
  sums: Int32Array,
  pieceOf: readonly number[] | null,
  rest: number,
): void {
  const memo = wordSumsOf(rows);
  const lanes = rows.rowWords * 4;
  const { words, negated } = buffer;
  for (let t = 0; t < words.length; t++) {
    const word = words[t] as string;
    if (word.length > REMEMBERED_LETTERS) continue;
    const piece = pieceOf ? (pieceOf[t] ?? -1) : 0;
    memo.addTo(word, negated[t] === 1, sums, (piece >= 0 ? piece : rest) * lanes);
  }
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

/**
 * Adds the row of weights starting at byte `base` of `rows.packed` into `sums` from index `offset`: for a
 * span's few opening features, and for every row on a big-endian host.
 */
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
let pieceSums = new Int32Array(256);
let spanSums = new Int32Array(64);

/**
 * How a turn splits for reading its parts alone: each token's piece (a clause: -1 for a token of no sentence
 * read), each piece's sentence, and which pieces are long enough to read alone. Pieces of one sentence are
 * consecutive, sentences in order.
 */
export interface TurnParts {
  pieceOf: number[];
  sentenceOfPiece: number[];
  pieceReadAlone: boolean[];
  pieces: number;
  sentences: number;
  /** Pieces are windows of a turn with no punctuation (a speech recogniser's), not clauses. */
  spoken?: boolean;
}

/**
 * The whole turn's margins into `out` (as `marginsOf`), and for each of `labels` the highest margin among the
 * turn's sentences, and among its clauses where `clausesToo` says so, each read from its own words' features.
 * Every feature's row is added once, to its clause's sums or to the rest's; a sentence's sums are its
 * clauses', and the whole turn's are their total: reading the parts costs little more than the turn. A part
 * read this way differs from a turn of its own only where a word pair or a negation runs across its edge;
 * the AI line's pairs, which only very short turns get, are left out.
 */
function marginsWithParts(
  model: TurnReaderModel,
  input: FeatureInput,
  out: Float64Array,
  parts: TurnParts,
  labels: readonly number[],
  clausesToo: readonly boolean[],
  surest: Float64Array,
): void {
  // Every token the parts were counted from, however long the turn: a request said after the 80th token
  // ("... Honestly, is there a real person I could talk this through with?") is read in its sentence.
  const { features, owners, count, words } = featurizeInto(
    input,
    scratch,
    Number.POSITIVE_INFINITY,
    REMEMBERED_LETTERS,
  );
  // The whole turn is read as it was trained, from its first MAX_TOKENS tokens: after the parts, below.
  const longerThanWhole = words.length > MAX_TOKENS;
  const { rows } = model;
  rows.warm(features, count);
  const lanes = rows.rowWords * 4;
  const { pieceOf, pieces } = parts;
  // One block of sums per piece, and one for everything else.
  const rest = pieces * lanes;
  const blocks = (pieces + 1) * lanes;
  if (pieceSums.length < blocks) pieceSums = new Int32Array(blocks);
  if (hiddenSums.length < lanes) hiddenSums = new Int32Array(lanes);
  if (spanSums.length < lanes) spanSums = new Int32Array(lanes);
  pieceSums.fill(0, 0, blocks);
  if (LITTLE_ENDIAN) laneSums.reset(pieces + 1, rows.rowWords);
  for (let f = 0; f < count; f++) {
    const base = rows.weightsAt(features[f] as number);
    if (base < 0) continue;
    const owner = owners[f] as number;
    const piece = owner >= 0 ? (pieceOf[owner] ?? -1) : -1;
    if (LITTLE_ENDIAN) laneSums.add(rows.words, base >> 2, piece >= 0 ? piece : pieces, pieceSums);
    else addRow(pieceSums, rows, base, piece >= 0 ? piece * lanes : rest);
  }
  if (LITTLE_ENDIAN) laneSums.finish(pieceSums);
  addWords(rows, scratch, pieceSums, pieceOf, pieces);
  if (!longerThanWhole) {
    for (let u = 0; u < lanes; u++) {
      let sum = 0;
      for (let at = u; at < blocks; at += lanes) sum = (sum + (pieceSums[at] as number)) | 0;
      hiddenSums[u] = sum;
    }
    project(model, hiddenSums, out);
  }
  surest.fill(Number.NEGATIVE_INFINITY, 0, labels.length);
  // Parts counted from other tokens than the turn's would read the wrong words: none then.
  if (pieceOf.length === words.length) readSentences(model, parts, words, labels, clausesToo, surest);
  // Reuses the scratch buffers the parts were read from: last.
  if (longerThanWhole) marginsInto(model, input, out);
}

/** Each sentence of the turn read alone, and its clauses where `clausesToo` says so (from `pieceSums`). */
function readSentences(
  model: TurnReaderModel,
  parts: TurnParts,
  words: readonly string[],
  labels: readonly number[],
  clausesToo: readonly boolean[],
  surest: Float64Array,
): void {
  const { pieceOf, sentenceOfPiece } = parts;
  const lanes = model.rows.rowWords * 4;
  const clausesRead = clausesToo.includes(true);
  let start = 0;
  while (start < words.length) {
    const first = pieceOf[start] ?? -1;
    const sentence = first >= 0 ? (sentenceOfPiece[first] as number) : -1;
    let end = start + 1;
    while (end < words.length && sentenceOfToken(parts, end) === sentence) end++;
    if (sentence >= 0) {
      const last = pieceOf[end - 1] as number;
      // The sentence: its clauses' sums and its own length and opening words.
      spanSums.fill(0, 0, lanes);
      for (let piece = first; piece <= last; piece++) {
        for (let u = 0, at = piece * lanes; u < lanes; u++, at++)
          spanSums[u] = ((spanSums[u] as number) + (pieceSums[at] as number)) | 0;
      }
      addOpenings(model.rows, words, start, end, spanSums);
      readSpan(model, spanSums, labels, surest, null);
      if (clausesRead && last > first)
        readClauses(model, parts, words, start, end, labels, clausesToo, surest);
    }
    start = end;
  }
}

function sentenceOfToken(parts: TurnParts, token: number): number {
  const piece = parts.pieceOf[token] ?? -1;
  return piece >= 0 ? (parts.sentenceOfPiece[piece] as number) : -1;
}

/** Each clause of a sentence of several, read alone for the labels that read clauses. */
function readClauses(
  model: TurnReaderModel,
  parts: TurnParts,
  words: readonly string[],
  start: number,
  end: number,
  labels: readonly number[],
  clausesToo: readonly boolean[],
  surest: Float64Array,
): void {
  const lanes = model.rows.rowWords * 4;
  let from = start;
  while (from < end) {
    const piece = parts.pieceOf[from] as number;
    let to = from + 1;
    while (to < end && parts.pieceOf[to] === piece) to++;
    if (parts.pieceReadAlone[piece]) {
      // Copied in a loop: a subarray view would be allocated for every clause.
      for (let u = 0, at = piece * lanes; u < lanes; u++, at++) spanSums[u] = pieceSums[at] as number;
      addOpenings(model.rows, words, from, to, spanSums);
      readSpan(model, spanSums, labels, surest, clausesToo);
    }
    from = to;
  }
}

/** A span's own length and opening words, added to its sums. */
function addOpenings(
  rows: FeatureRows,
  words: readonly string[],
  start: number,
  end: number,
  sums: Int32Array,
): void {
  openings.count = 0;
  pushOpeningFeatures(words, start, end, openings);
  for (let f = 0; f < openings.count; f++) {
    const base = rows.weightsAt(openings.features[f] as number);
    if (base >= 0) addRow(sums, rows, base, 0);
  }
}

let activations = new Float64Array(64);

/** The span's margin for each label (only those `only` marks, when given), kept where it is the highest yet. */
function readSpan(
  model: TurnReaderModel,
  sums: Int32Array,
  labels: readonly number[],
  surest: Float64Array,
  only: readonly boolean[] | null,
): void {
  const { inputScale, hiddenBias, output } = model;
  const units = inputScale.length;
  const width = model.labels.length;
  if (activations.length < units) activations = new Float64Array(units);
  // The hidden layer once for the span; each label then reads it.
  for (let u = 0; u < units; u++) {
    const activation = (hiddenBias[u] as number) + (inputScale[u] as number) * (sums[u] as number);
    activations[u] = Math.max(activation, 0);
  }
  for (let l = 0; l < labels.length; l++) {
    if (only && !only[l]) continue;
    const label = labels[l] as number;
    let margin = model.outputBias[label] as number;
    for (let u = 0, at = label; u < units; u++, at += width)
      margin += (activations[u] as number) * (output[at] as number);
    if (margin > (surest[l] as number)) surest[l] = margin;
  }
}

const sigmoid = (margin: number) => 1 / (1 + Math.exp(-margin));

/**
 * `scoreTurn`, and for each of `labels` the probability of the surest of the turn's parts read alone (see
 * `marginsWithParts`), written into `surest`.
 */
export function scoreTurnAndParts(
  model: TurnReaderModel,
  input: FeatureInput,
  parts: TurnParts,
  labels: readonly number[],
  clausesToo: readonly boolean[],
  surest: Float64Array,
): ReaderScores {
  if (scoreScratch.length !== model.labels.length) scoreScratch = new Float64Array(model.labels.length);
  marginsWithParts(model, input, scoreScratch, parts, labels, clausesToo, surest);
  for (let l = 0; l < scoreScratch.length; l++) scoreScratch[l] = sigmoid(scoreScratch[l] as number);
  for (let l = 0; l < labels.length; l++) surest[l] = sigmoid(surest[l] as number);
  return scoresInLabelOrder(scoreScratch);
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
