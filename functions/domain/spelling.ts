/**
 * Typed turns carry typos ("thuosand", "qlote", "hvae") that no slot reader and few reader features
 * survive. A word the training data never uses is replaced by the most frequent word it uses that is one
 * edit away (a dropped, doubled, swapped or wrong letter): a vocabulary learned from data, not a list.
 *
 * Candidates come from a delete index (every word with one letter dropped, built on the first unknown
 * word), so an unknown word costs as many lookups as it has letters; known words cost one lookup.
 */

import { WordCounts } from "./word-counts.js";

export interface SpellingVocabularyData {
  /** Known words, lowercase letters only. */
  words: readonly string[];
  /** How often each word occurs in the training data. */
  counts: readonly number[];
}

/** A correction must land on a word seen at least this often: rare words may be typos themselves. */
const MIN_TARGET_COUNT = 5;
/** Shorter words have too many neighbours one edit away to pick one. */
const MIN_WORD_LETTERS = 4;

export class SpellingVocabulary {
  readonly known: WordCounts;
  private deletes: Map<string, string[]> | undefined;

  constructor(data: SpellingVocabularyData | WordCounts) {
    this.known = data instanceof WordCounts ? data : WordCounts.fromLists(data.words, data.counts);
  }

  get size(): number {
    return this.known.size;
  }

  has(word: string): boolean {
    return this.known.has(word);
  }

  /** The most frequent known word one edit away (ties: the first alphabetically), or undefined when the word is known or none is. */
  correct(word: string): string | undefined {
    if (word.length < MIN_WORD_LETTERS - 1 || this.known.has(word)) return undefined;
    const index = this.deleteIndex();
    let best: string | undefined;
    let bestCount = 0;
    const consider = (candidate: string) => {
      const count = this.known.countOf(candidate);
      if (count < MIN_TARGET_COUNT || Math.max(candidate.length, word.length) < MIN_WORD_LETTERS) return;
      if (count < bestCount || (count === bestCount && best !== undefined && candidate >= best)) return;
      if (!withinOneEdit(word, candidate)) return;
      best = candidate;
      bestCount = count;
    };
    // The word with a letter dropped may be a known word (an extra letter was typed) or share a form
    // with one (a wrong or swapped letter); the word itself may be a known word with a letter dropped.
    for (const candidate of index.get(word) ?? []) consider(candidate);
    for (let at = 0; at < word.length; at++) {
      const shorter = word.slice(0, at) + word.slice(at + 1);
      if (this.known.has(shorter)) consider(shorter);
      for (const candidate of index.get(shorter) ?? []) consider(candidate);
    }
    return best;
  }

  private deleteIndex(): Map<string, string[]> {
    if (this.deletes) return this.deletes;
    const deletes = new Map<string, string[]>();
    for (let entry = 0; entry < this.known.size; entry++) {
      if (this.known.countAt(entry) < MIN_TARGET_COUNT) continue;
      const word = this.known.wordAt(entry);
      for (let at = 0; at < word.length; at++) {
        const shorter = word.slice(0, at) + word.slice(at + 1);
        const list = deletes.get(shorter);
        if (list) {
          if (list[list.length - 1] !== word) list.push(word);
        } else deletes.set(shorter, [word]);
      }
    }
    this.deletes = deletes;
    return deletes;
  }
}

/** True when b is a, or a with one letter dropped, added, changed, or two neighbours swapped. */
export function withinOneEdit(a: string, b: string): boolean {
  if (a === b) return true;
  const la = a.length;
  const lb = b.length;
  if (Math.abs(la - lb) > 1) return false;
  let i = 0;
  while (i < la && i < lb && a[i] === b[i]) i++;
  if (la === lb) {
    if (a.slice(i + 1) === b.slice(i + 1)) return true;
    return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
  }
  return la > lb ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}

/** A turn with its typos repaired, and the way back to the customer's own words for a quote. */
export interface SpelledTurn {
  text: string;
  /** Whether any word was replaced. */
  corrected: boolean;
  /** A quote read from the repaired text, in the words the customer typed. */
  restore(quote: string): string;
}

const WORD = /[A-Za-z][A-Za-z']*/g;
const asTyped = (quote: string) => quote;
const NOTHING_KEPT: ReadonlySet<string> = new Set();

/**
 * Repairs the words of `text` the vocabulary does not know. A capitalised word inside a sentence is a
 * name ("Dana", "Vagaro") and stays; so does a word of `keep` (lowercase: the campaign's own words, such
 * as the names of the systems or insurers it asks about); apostrophes are ignored when looking a word up
 * ("dont" = "don't"). Most turns have no typo: they are scanned once and returned as they are, with
 * nothing built.
 */
export function spellTurn(
  text: string,
  vocabulary: SpellingVocabulary,
  keep: ReadonlySet<string> = NOTHING_KEPT,
): SpelledTurn {
  let corrections: Map<string, string> | undefined;
  let repaired = "";
  let copied = 0;
  WORD.lastIndex = 0;
  for (let match = WORD.exec(text); match !== null; match = WORD.exec(text)) {
    const word = match[0];
    const bare = word.includes("'") ? word.replace(/'/g, "") : word;
    const lower = bare.toLowerCase();
    if (lower.length < MIN_WORD_LETTERS - 1 || vocabulary.has(lower) || keep.has(lower)) continue;
    if (bare !== lower && !startsSentence(text, match.index)) continue;
    const fixed = vocabulary.correct(lower);
    if (!fixed) continue;
    corrections ??= new Map();
    corrections.set(fixed, lower);
    repaired += text.slice(copied, match.index);
    repaired += bare[0] !== lower[0] ? (fixed[0] ?? "").toUpperCase() + fixed.slice(1) : fixed;
    copied = match.index + word.length;
  }
  if (!corrections) return { text, corrected: false, restore: asTyped };
  const back = corrections;
  return {
    text: repaired + text.slice(copied),
    corrected: true,
    restore: (quote) => quote.replace(/[a-z]+/g, (word) => back.get(word) ?? word),
  };
}

function startsSentence(text: string, offset: number): boolean {
  const before = text.slice(0, offset).trimEnd();
  return before === "" || /[.!?]$/.test(before);
}
