import type { FeatureRows } from "./feature-rows.js";
import { FeatureBuffer, pushCharGrams, wordFeature } from "./features.js";

/** Words remembered (each as said and as negated) before the memo starts again: 8,192 x 48 units x 2 bytes. */
const WORD_LIMIT = 8_192;
/**
 * Longer words are not remembered (their features are read one by one): a word of this many letters has
 * its own feature and 2 x 64 - 1 n-grams, whose int8 weights sum within an int16 (128 x 128 < 32,767).
 */
export const REMEMBERED_LETTERS = 64;

/**
 * Each word's own feature and character n-grams, summed once into its hidden units' inputs. They are most of
 * a turn's features (a word has about twice as many n-grams as letters) and the same wherever the word
 * stands, but for its feature inside a negation's scope, remembered apart. The sums are exact integers, so
 * a word added as one remembered sum gives the hidden units the same inputs as its rows added one by one.
 * Most of a turn's words were in an earlier turn. Bounded: when full it starts again (the memo only saves
 * work, a cleared memo gives the same sums).
 */
export class WordSums {
  private readonly said = new Map<string, number>();
  private readonly negated = new Map<string, number>();
  private readonly sums: Int16Array;
  private readonly units: number;
  private used = 0;
  private readonly features = new FeatureBuffer();

  constructor(private readonly rows: FeatureRows) {
    this.units = rows.rowWords * 4;
    this.sums = new Int16Array(WORD_LIMIT * this.units);
  }

  /**
   * Adds the sums of `word` (at most REMEMBERED_LETTERS letters), as said or in a negation's scope, into
   * `into` from index `offset`, one value per hidden unit (padding units included, which are zero).
   */
  addTo(word: string, negated: boolean, into: Int32Array, offset: number): void {
    const from = (negated ? this.negated : this.said).get(word) ?? this.remember(word, negated);
    const { sums, units } = this;
    for (let u = 0, at = from, o = offset; u < units; u++, at++, o++)
      into[o] = ((into[o] as number) + (sums[at] as number)) | 0;
  }

  private remember(word: string, negated: boolean): number {
    if (this.used === WORD_LIMIT) {
      this.said.clear();
      this.negated.clear();
      this.used = 0;
    }
    const from = this.used * this.units;
    this.used++;
    const { sums, rows, features } = this;
    sums.fill(0, from, from + this.units);
    features.count = 0;
    features.push(wordFeature(word, negated), 0);
    if (word.length >= 3) pushCharGrams(word, 0, features);
    // Byte by byte from the int8 view: the same on a host of either byte order.
    for (let f = 0; f < features.count; f++) {
      const base = rows.weightsAt(features.features[f] as number);
      if (base < 0) continue;
      for (let u = 0; u < rows.width; u++)
        sums[from + u] = (sums[from + u] as number) + (rows.packed[base + u] as number);
    }
    (negated ? this.negated : this.said).set(word, from);
    return from;
  }
}

const memos = new WeakMap<FeatureRows, WordSums>();

/** The memo of a model's rows (one per rows, kept as long as they are). */
export function wordSumsOf(rows: FeatureRows): WordSums {
  let memo = memos.get(rows);
  if (!memo) {
    memo = new WordSums(rows);
    memos.set(rows, memo);
  }
  return memo;
}
