import type { FeatureRows } from "./feature-rows.js";
import { FeatureBuffer, pushCharGrams } from "./features.js";

/** Words remembered before the memo starts again: 8,192 x 48 units x 2 bytes is 768 KB. */
const WORD_LIMIT = 8_192;
/**
 * Longer words are not remembered (their n-grams are read as features): a word of this many letters has
 * 2 x 64 - 1 n-grams, whose int8 weights sum within an int16 (127 x 128 < 32,767).
 */
export const REMEMBERED_LETTERS = 64;

/**
 * Each word's character n-grams, summed once into its hidden units' inputs. A word has about twice as many
 * n-grams as letters, most of a turn's features, and the same n-grams wherever it stands: the sums are
 * exact integers, so a word's n-grams added as one remembered sum give the hidden units the same inputs as
 * added row by row. Most of a turn's words were in an earlier turn. Bounded: when full it starts again
 * (the memo only saves work, a cleared memo gives the same sums).
 */
export class WordGramSums {
  private readonly at = new Map<string, number>();
  private readonly sums: Int16Array;
  private readonly units: number;
  private used = 0;
  private readonly grams = new FeatureBuffer();

  constructor(private readonly rows: FeatureRows) {
    this.units = rows.rowWords * 4;
    this.sums = new Int16Array(WORD_LIMIT * this.units);
  }

  /**
   * Adds the n-gram sums of `word` (3 to REMEMBERED_LETTERS letters) into `into` from index `offset`, one
   * value per hidden unit (padding units included, which are zero).
   */
  addTo(word: string, into: Int32Array, offset: number): void {
    const from = this.at.get(word) ?? this.remember(word);
    const { sums, units } = this;
    for (let u = 0, at = from, o = offset; u < units; u++, at++, o++)
      into[o] = ((into[o] as number) + (sums[at] as number)) | 0;
  }

  private remember(word: string): number {
    if (this.used === WORD_LIMIT) {
      this.at.clear();
      this.used = 0;
    }
    const from = this.used * this.units;
    this.used++;
    const { sums, rows, grams } = this;
    sums.fill(0, from, from + this.units);
    grams.count = 0;
    pushCharGrams(word, 0, grams);
    // Byte by byte from the int8 view: the same on a host of either byte order.
    for (let f = 0; f < grams.count; f++) {
      const base = rows.weightsAt(grams.features[f] as number);
      if (base < 0) continue;
      for (let u = 0; u < rows.width; u++)
        sums[from + u] = (sums[from + u] as number) + (rows.packed[base + u] as number);
    }
    this.at.set(word, from);
    return from;
  }
}

const memos = new WeakMap<FeatureRows, WordGramSums>();

/** The memo of a model's rows (one per rows, kept as long as they are). */
export function wordGramSumsOf(rows: FeatureRows): WordGramSums {
  let memo = memos.get(rows);
  if (!memo) {
    memo = new WordGramSums(rows);
    memos.set(rows, memo);
  }
  return memo;
}
