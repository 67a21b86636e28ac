/**
 * Where a spoken turn's sentences end. A speech recogniser writes "i looked at your site and couldnt find a
 * number what does this cost" with no punctuation, so the reader had no sentences to read and a request
 * said last was diluted in the whole turn. A linear model learned from the training turns' own punctuation
 * (`npm run train`, train/sentence-breaks.ts) says, between two words, whether a sentence ends there: from
 * the words on each side, their pairs, and how far the gap is from either end of the turn.
 *
 * Features are hashed into a table of int8 weights; a break is a sum above the learned threshold.
 */

import { FNV_OFFSET, mixString } from "./features.js";

/** How many features a gap between two words has (`breakFeatures`). */
export const BREAK_FEATURES = 10;

const START = wordHash("<s>");
const END = wordHash("</s>");

/** FNV-1a of a word of a spoken turn; digit-led words are one word ("0"), as the turn reader reads them. */
export function wordHash(word: string): number {
  const first = word.charCodeAt(0);
  return first >= 48 && first <= 57 ? FNV_OFFSET ^ 48 : mixString(FNV_OFFSET, word);
}

function slot(kind: number, a: number, b: number, mask: number): number {
  let h = Math.imul(kind + 1, 0x9e3779b1);
  h = Math.imul(h ^ a, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h ^ b, 0xc2b2ae35);
  h ^= h >>> 16;
  return h & mask;
}

/** The slots of the gap between word `i` and word `i + 1`. */
export function breakFeatures(
  hashes: readonly number[],
  i: number,
  mask: number,
  out: Int32Array,
): Int32Array {
  const n = hashes.length;
  const before = i > 0 ? (hashes[i - 1] as number) : START;
  const word = hashes[i] as number;
  const next = i + 1 < n ? (hashes[i + 1] as number) : END;
  const after = i + 2 < n ? (hashes[i + 2] as number) : END;
  out[0] = slot(0, 0, 0, mask);
  out[1] = slot(1, word, 0, mask);
  out[2] = slot(2, next, 0, mask);
  out[3] = slot(3, word, next, mask);
  out[4] = slot(4, before, word, mask);
  out[5] = slot(5, next, after, mask);
  out[6] = slot(6, after, 0, mask);
  out[7] = slot(7, before, 0, mask);
  // Few sentences end a word or two in, or a word or two before the turn does.
  out[8] = slot(8, Math.min(i + 1, 4), 0, mask);
  out[9] = slot(9, Math.min(n - i - 1, 4), 0, mask);
  return out;
}

export interface SentenceBreakModel {
  /** log2 of the table's size. */
  bits: number;
  /** int8 weight per slot. */
  weights: Int8Array;
  /** A gap whose summed weights exceed this ends a sentence. */
  threshold: number;
}

const scratch = new Int32Array(BREAK_FEATURES);

/** Whether a sentence ends after each word but the last (`hashes` from `wordHash`). */
export function sentenceEnds(model: SentenceBreakModel, hashes: readonly number[]): boolean[] {
  const mask = (1 << model.bits) - 1;
  const ends: boolean[] = [];
  for (let i = 0; i + 1 < hashes.length; i++) {
    breakFeatures(hashes, i, mask, scratch);
    let sum = 0;
    for (let f = 0; f < BREAK_FEATURES; f++) sum += model.weights[scratch[f] as number] as number;
    ends.push(sum > model.threshold);
  }
  return ends;
}
