/**
 * Typed turns carry typos ("thuosand", "qlote", "hvae") that no slot reader and few reader features
 * survive. A word the training data never uses is replaced by a word it uses that is one edit away (a
 * dropped, doubled, swapped or wrong letter): the likeliest between the words before and after it, by how
 * often the data says each word pair ("i wnat to" is "i want to", not "i what to"; "thak you" is "thank
 * you", not "that you"); without that context, the most frequent. A vocabulary learned from data, not a list.
 *
 * A known word right after a number is repaired too when the data pairs the number with a word one edit
 * away far more often ("twelve grad a year", "six wees"): a typo that made another word.
 *
 * Candidates come from a delete index (every word with one letter dropped, built on the first unknown
 * word), so an unknown word costs as many lookups as it has letters; known words cost one lookup.
 */

import { doubleMetaphone } from "double-metaphone";
import { spelledDay } from "./day-shorthand.js";
import { editDistance } from "./edit-distance.js";
import { DATE_NAMES, SLOT_WORDS } from "./slot-words.js";
import { WordCounts } from "./word-counts.js";

export interface SpellingVocabularyData {
  /** Known words, lowercase letters only. */
  words: readonly string[];
  /** How often each word occurs in the training data. */
  counts: readonly number[];
  /** Adjacent word pairs of the training data, joined by a hyphen ("thank-you"), and how often each occurs. */
  pairs?: { words: readonly string[]; counts: readonly number[] };
}

/**
 * How much likelier a campaign's own word is in its calls than in the training data at large. On the
 * example campaigns' first sets in chat form, 3 left "net siite" as "net site" (one Ledgerly call missed
 * its ERP); 10 and 30 read the same calls; no dev slot changed between them.
 */
const LOG_CAMPAIGN_PRIOR = Math.log(10);
const NO_WORDS: ReadonlySet<string> = new Set();

/** A correction must land on a word seen at least this often: rare words may be typos themselves. */
export const MIN_TARGET_COUNT = 5;
/**
 * Every number stands as this one word in the counts and pairs: "uder 10k" is "under 10k" because people say
 * "under" before a number far more often than "user". Never a correction itself: no word is one edit from it.
 */
export const NUMBER_WORD = "#";
/**
 * How much a word's own frequency stands in for a pair the data never shows (add-k smoothing towards
 * the single-word frequency). Measured on the example campaigns' and dev sets' chat typos with pairs
 * counted without those sets: 1, 5 and 20 chose the same words but one.
 */
const PAIR_SMOOTHING = 5;
/** Shorter words have too many neighbours one edit away to pick one. */
const MIN_WORD_LETTERS = 4;
/** Three or more of one letter in a row: a held key, hardly ever an English word ("zzz" is known, so kept). */
const HELD_LETTERS = /([a-z])\1{2,}/g;
/** The same pattern without the global flag: `test` then keeps no position between words. */
const HELD_LETTER = new RegExp(HELD_LETTERS.source);

const SEEN_LIMIT = 20_000;
/** How much likelier a typo's word must be than the word typed: dev chat turns read the same from 10 to 100. */
const REAL_WORD_ODDS = 50;
/** Scales a count must come right before: "four hundred", never "for hundred". */
const SINGLE_SCALES: ReadonlySet<string> = new Set(["hundred", "thousand"]);
/** A word seen this often or more is meant as said, though another sounds the same ("sign", "sales"). */
const SOUND_ALIKE_BELOW = 20;

export class SpellingVocabulary {
  readonly known: WordCounts;
  readonly pairs: WordCounts;
  private deletes: Map<string, string[]> | undefined;
  private sounds: Map<string, string[]> | undefined;
  /**
   * Words looked up before, and how often the data has them (0: unknown): most of a turn's words were in an
   * earlier turn, and a Map finds them faster than the binary search over the word lines.
   */
  private readonly seen = new Map<string, number>();
  /** Word pairs looked up before, and whether the data has them. */
  private readonly seenPairs = new Map<string, boolean>();
  private total = 0;

  constructor(data: SpellingVocabularyData | { known: WordCounts; pairs: WordCounts }) {
    if ("known" in data) {
      this.known = data.known;
      this.pairs = data.pairs;
    } else {
      this.known = WordCounts.fromLists(data.words, data.counts);
      this.pairs = WordCounts.fromLists(data.pairs?.words ?? [], data.pairs?.counts ?? []);
    }
  }

  get size(): number {
    return this.known.size;
  }

  has(word: string): boolean {
    return this.timesSeen(word) > 0;
  }

  /** Known, but seen too seldom for its use to vouch that it was meant. */
  isRare(word: string): boolean {
    const count = this.timesSeen(word);
    return count > 0 && count < MIN_TARGET_COUNT;
  }

  private timesSeen(word: string): number {
    const remembered = this.seen.get(word);
    if (remembered !== undefined) return remembered;
    const count = this.known.countOf(word);
    // The memo only saves work: a cleared memo gives the same answers.
    if (this.seen.size >= SEEN_LIMIT) this.seen.clear();
    this.seen.set(word, count);
    return count;
  }

  /**
   * A rare known word between two words it was never seen beside, when a word one edit away was seen beside
   * both and is REAL_WORD_ODDS times likelier there: "can you jut email me" is "just", "im not sue what that
   * means" is "sure". Only a word the data has seen fewer than MIN_TARGET_COUNT times (or only the English word
   * list has) is doubted: a common word is meant where it stands, and "for weeks" or "son" stay.
   */
  realWordRepairBetween(word: string, previous: string, next: string): string | undefined {
    if (!this.isRare(word) || word.length < MIN_WORD_LETTERS - 1) return undefined;
    const own = this.timesSeen(word);
    if (this.saidPair(`${previous}-${word}`) || this.saidPair(`${word}-${next}`)) return undefined;
    const before = this.timesSeen(previous);
    if (before === 0 || this.timesSeen(next) === 0) return undefined;
    const best = this.likelierWord(word, previous, before, next, own + 1);
    return best && this.saidPair(`${previous}-${best}`) && this.saidPair(`${best}-${next}`)
      ? best
      : undefined;
  }

  /**
   * A known word a speech recogniser wrote for another that sounds the same, where the data says the other
   * between these neighbours REAL_WORD_ODDS times likelier and has seen both its pairs: "can you just send me a
   * coat for four locations" is "quote", "we need cues and someone to pick up" "queues". Sound-alikes share a
   * Double Metaphone code. Only a word the data has seen fewer than SOUND_ALIKE_BELOW times is doubted: a
   * common word is meant where it stands.
   */
  soundAlikeRepair(word: string, previous: string, next: string): string | undefined {
    if (word.length < MIN_WORD_LETTERS - 1 || this.timesSeen(word) >= SOUND_ALIKE_BELOW) return undefined;
    const before = this.timesSeen(previous);
    const after = this.timesSeen(next);
    if (before === 0 || after === 0) return undefined;
    const candidates = this.soundIndex().get(doubleMetaphone(word)[0]);
    if (!candidates) return undefined;
    let best: string | undefined;
    let bestScore =
      this.contextScore(word, Math.max(this.timesSeen(word), 1), previous, before, next, after) +
      Math.log(REAL_WORD_ODDS);
    for (const candidate of candidates) {
      if (candidate === word) continue;
      const score = this.contextScore(candidate, this.timesSeen(candidate), previous, before, next, after);
      const said = this.saidPair(`${previous}-${candidate}`) && this.saidPair(`${candidate}-${next}`);
      if (score > bestScore && said) {
        best = candidate;
        bestScore = score;
      }
    }
    return best;
  }

  /**
   * The likeliest known word one edit away between `previous` and `next` (the turn's words around it,
   * lowercase; ties: the first alphabetically), or undefined when the word is known or none is one edit
   * away. The call's own words (`campaign`: the names and terms its questions are about) are candidates
   * however rarely the data uses them, and count ten times as likely as the data says (LOG_CAMPAIGN_PRIOR).
   */
  correct(
    word: string,
    previous?: string,
    next?: string,
    campaign: ReadonlySet<string> = NO_WORDS,
  ): string | undefined {
    if (word.length < MIN_WORD_LETTERS - 1 || this.has(word)) return undefined;
    if (HELD_LETTER.test(word)) return this.withoutHeldLetters(word, previous, next, campaign);
    const index = this.deleteIndex();
    const before = previous === undefined ? 0 : this.known.countOf(previous);
    const after = next === undefined ? 0 : this.known.countOf(next);
    let best: string | undefined;
    let bestScore = Number.NEGATIVE_INFINITY;
    const consider = (candidate: string) => {
      if (Math.max(candidate.length, word.length) < MIN_WORD_LETTERS || !withinOneEdit(word, candidate))
        return;
      const inCampaign = campaign.has(candidate);
      const known = this.known.countOf(candidate);
      if (!inCampaign && known < MIN_TARGET_COUNT) return;
      const count = Math.max(known, 1);
      const score =
        this.contextScore(candidate, count, previous, before, next, after) +
        (inCampaign ? LOG_CAMPAIGN_PRIOR : 0);
      if (score < bestScore || (score === bestScore && best !== undefined && candidate >= best)) return;
      best = candidate;
      bestScore = score;
    };
    for (const candidate of campaign) {
      if (Math.abs(candidate.length - word.length) <= 1) consider(candidate);
    }
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

  /**
   * A known word that is likely a typo of another where it stands: after a count, "twelve grad a year" is
   * "twelve grand" and "six wees" "six weeks", because the data pairs the count with the other word and hardly
   * ever with this one. The other word must be REAL_WORD_ODDS times likelier between its neighbours.
   */
  realWordRepair(word: string, previous: string, next: string | undefined): string | undefined {
    if (word.length < MIN_WORD_LETTERS) return undefined;
    // A pair the data has seen is said: most words after a number ("12 people") end here, unsearched, and
    // the answer is remembered, as `has` remembers words.
    if (this.saidPair(`${previous}-${word}`)) return undefined;
    const before = this.known.countOf(previous);
    if (before === 0) return undefined;
    return this.likelierWord(word, previous, before, next);
  }

  /**
   * The same for a known word right before a unit of time or a scale: "net month" is "next month", "fur
   * weeks" "four weeks", "thee grand" "three grand", when the data has never paired the word with the unit
   * and pairs a count or a time word one edit away (`counts`, never the word itself) with it far more
   * often ("for months" is said, and stays). A count is short, so three letters are enough here. The other
   * word must also be the more frequent: a frequent word before a unit the data lacks is likelier said as
   * meant ("for weeks", "eight grand") than mistyped.
   */
  realWordRepairBeforeUnit(
    word: string,
    previous: string | undefined,
    unit: string,
    counts: ReadonlySet<string>,
  ): string | undefined {
    if (word.length < MIN_WORD_LETTERS - 1 || counts.has(word)) return undefined;
    if (this.saidPair(`${word}-${unit}`)) return undefined;
    const before = previous === undefined ? 0 : this.timesSeen(previous);
    // A scale said alone needs a count before it ("for hundred a month" is "four hundred", as a recogniser
    // writes it): there the count need not be the more frequent word. "for hundreds of years" has its plural.
    const minCount = SINGLE_SCALES.has(unit) ? MIN_TARGET_COUNT : this.timesSeen(word) + 1;
    return this.likelierWord(word, previous, before, unit, minCount, counts);
  }

  private saidPair(pair: string): boolean {
    const remembered = this.seenPairs.get(pair);
    if (remembered !== undefined) return remembered;
    const seen = this.pairs.countOf(pair) > 0;
    if (this.seenPairs.size >= SEEN_LIMIT) this.seenPairs.clear();
    this.seenPairs.set(pair, seen);
    return seen;
  }

  /** A known word one edit from `word` that is REAL_WORD_ODDS times likelier between its neighbours. */
  private likelierWord(
    word: string,
    previous: string | undefined,
    before: number,
    next: string | undefined,
    minCount = MIN_TARGET_COUNT,
    only?: ReadonlySet<string>,
  ): string | undefined {
    const after = next === undefined ? 0 : this.known.countOf(next);
    const own = this.contextScore(word, Math.max(this.known.countOf(word), 1), previous, before, next, after);
    const index = this.deleteIndex();
    let best: string | undefined;
    let bestScore = own + Math.log(REAL_WORD_ODDS);
    const consider = (candidate: string) => {
      if (candidate === word || candidate.length < MIN_WORD_LETTERS || !withinOneEdit(word, candidate))
        return;
      if (only && !only.has(candidate)) return;
      const count = this.known.countOf(candidate);
      if (count < Math.max(minCount, MIN_TARGET_COUNT)) return;
      const score = this.contextScore(candidate, count, previous, before, next, after);
      if (score > bestScore) {
        best = candidate;
        bestScore = score;
      }
    };
    for (const candidate of index.get(word) ?? []) consider(candidate);
    for (let at = 0; at < word.length; at++) {
      const shorter = word.slice(0, at) + word.slice(at + 1);
      if (this.known.has(shorter)) consider(shorter);
      for (const candidate of index.get(shorter) ?? []) consider(candidate);
    }
    return best;
  }

  /**
   * A letter held down ("sooo", "pleeease", "thaaanks"): the word with each run of three or more read as two
   * letters, then as one, when that is a known word; else the repair of the two-letter form, then of the
   * one-letter form.
   */
  private withoutHeldLetters(
    word: string,
    previous: string | undefined,
    next: string | undefined,
    campaign: ReadonlySet<string>,
  ): string | undefined {
    const doubled = word.replace(HELD_LETTERS, "$1$1");
    if (this.has(doubled)) return doubled;
    const single = word.replace(HELD_LETTERS, "$1");
    if (this.has(single)) return single;
    return this.correct(doubled, previous, next, campaign) ?? this.correct(single, previous, next, campaign);
  }

  /**
   * log P(candidate | previous) + log P(next | candidate), each a pair's share of its first word's count
   * smoothed towards the second word's frequency; a neighbour the data does not know adds nothing, and
   * with none the score orders candidates by their own frequency, as before there were pairs.
   */
  private contextScore(
    candidate: string,
    count: number,
    previous: string | undefined,
    before: number,
    next: string | undefined,
    after: number,
  ): number {
    const total = this.totalCount();
    let score = Math.log(count / total);
    if (previous !== undefined && before > 0) {
      const pair = this.pairs.countOf(`${previous}-${candidate}`);
      score = Math.log((pair + (PAIR_SMOOTHING * count) / total) / (before + PAIR_SMOOTHING));
    }
    if (next !== undefined && after > 0) {
      const pair = this.pairs.countOf(`${candidate}-${next}`);
      score += Math.log((pair + (PAIR_SMOOTHING * after) / total) / (count + PAIR_SMOOTHING));
    }
    return score;
  }

  private totalCount(): number {
    if (this.total === 0) {
      for (let entry = 0; entry < this.known.size; entry++) this.total += this.known.countAt(entry);
    }
    return this.total;
  }

  /**
   * The words a sound-alike repair may land on, by their Double Metaphone code: those seen SOUND_ALIKE_BELOW
   * times or more, the words meant where they stand. Built on the first doubted word.
   */
  private soundIndex(): Map<string, string[]> {
    this.sounds ??= this.indexOfWords(SOUND_ALIKE_BELOW, (word) =>
      word.length < MIN_WORD_LETTERS - 1 ? [] : [doubleMetaphone(word)[0]],
    );
    return this.sounds;
  }

  /** Every correction target by each of its forms with one letter dropped. */
  private deleteIndex(): Map<string, string[]> {
    this.deletes ??= this.indexOfWords(MIN_TARGET_COUNT, (word) =>
      Array.from(word, (_letter, at) => word.slice(0, at) + word.slice(at + 1)),
    );
    return this.deletes;
  }

  /** The known words seen `minCount` times or more, under each key `keysOf` gives them, in word order. */
  private indexOfWords(minCount: number, keysOf: (word: string) => readonly string[]): Map<string, string[]> {
    const index = new Map<string, string[]>();
    for (let entry = 0; entry < this.known.size; entry++) {
      if (this.known.countAt(entry) < minCount) continue;
      const word = this.known.wordAt(entry);
      for (const key of keysOf(word)) {
        const list = index.get(key);
        if (list) {
          if (list[list.length - 1] !== word) list.push(word);
        } else index.set(key, [word]);
      }
    }
    return index;
  }
}

/**
 * Whether `typo` is `word` with a letter dropped or two neighbours swapped, in four letters or more: the
 * slips of a hurried hand. A changed letter is not enough: names and brands sit one letter from common words
 * ("lisa", "nate", "uber"), and a chat or a speech transcript does not capitalise them.
 */
export function droppedOrSwapped(typo: string, word: string): boolean {
  if (typo.length < 4) return false;
  if (typo.length === word.length - 1) {
    for (let at = 0; at < word.length; at++) if (word.slice(0, at) + word.slice(at + 1) === typo) return true;
    return false;
  }
  if (typo.length !== word.length) return false;
  let at = 0;
  while (at < word.length && word[at] === typo[at]) at++;
  return word[at] === typo[at + 1] && word[at + 1] === typo[at] && word.slice(at + 2) === typo.slice(at + 2);
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

/**
 * The campaign's own word two edits from a typo ("fimnue" -> "fiance"), when no word is one edit away:
 * names and terms the call is about. Same first letter (or the first two swapped); the nearest, then the
 * first alphabetically.
 */
function keptWordNear(word: string, keep: ReadonlySet<string>): string | undefined {
  let best: string | undefined;
  let bestDistance = 3;
  for (const kept of keep) {
    // Two typos and a wrong first letter too is more than a repair can trust, unless the first two
    // letters were swapped (and this scan runs for every word nothing repaired: names, mostly).
    if (Math.abs(kept.length - word.length) > 2 || !sameStart(kept, word)) continue;
    if (kept.length < MIN_WORD_LETTERS) continue;
    const distance = editDistance(word, kept, 2);
    if (distance < bestDistance || (distance === bestDistance && best !== undefined && kept < best)) {
      best = kept;
      bestDistance = distance;
    }
  }
  return best;
}

function sameStart(a: string, b: string): boolean {
  return a[0] === b[0] || (a[0] === b[1] && a[1] === b[0]);
}

/** A typed word this long may be two edits from the campaign word it stands for. */
const TWO_EDIT_LETTERS = 6;
/** A slot word is short ("next", "four"): two typos in it leave five letters ("nxxet", "foccr"). */
const SLOT_WORD_TWO_EDIT_LETTERS = 5;
/** A capitalised word this long inside a sentence may be a typo of a weekday or month ("Mondy"), not a name. */
const DATE_NAME_LETTERS = 5;

/** The weekday or month name one edit from a capitalised word the vocabulary does not know. */
function dateNameNear(word: string): string | undefined {
  if (word.length < DATE_NAME_LETTERS) return undefined;
  let near: string | undefined;
  for (const name of DATE_NAMES) {
    // "Tursday" is Thursday with a letter dropped before it is Tuesday with one changed.
    if (droppedOrSwapped(word, name)) return name;
    if (near === undefined && withinOneEdit(word, name)) near = name;
  }
  return near;
}

/** Words and numbers ("10k" is one token, not the word "k"); apostrophes inside words. */
const TOKEN = /[A-Za-z0-9][A-Za-z0-9']*/g;
/** The same pattern with its own position: looking ahead must not move the turn's scan. */
const NEXT_TOKEN = new RegExp(TOKEN.source, "g");
const DIGIT = /\d/;

/** The word after offset `from`, lowercase without apostrophes (a number is NUMBER_WORD); undefined at the end. */
function wordAfter(text: string, from: number): string | undefined {
  NEXT_TOKEN.lastIndex = from;
  const next = NEXT_TOKEN.exec(text)?.[0];
  if (next === undefined) return undefined;
  return DIGIT.test(next) ? NUMBER_WORD : next.replace(/'/g, "").toLowerCase();
}

const asTyped = (quote: string) => quote;

/**
 * Units of time as chats shorten them ("in 2 wks", "6 mos", "a yr"), spelled out after a count so the
 * readers meet the words they know; the quote still shows what was typed. A tokenizer concern, like the
 * reader's shorthand (features.ts), not a signal list.
 */
const UNIT_SHORTHAND: ReadonlyMap<string, string> = new Map([
  ["wk", "week"],
  ["wks", "weeks"],
  ["mo", "month"],
  ["mos", "months"],
  ["mth", "month"],
  ["mths", "months"],
  ["yr", "year"],
  ["yrs", "years"],
  ["qtr", "quarter"],
  ["qtrs", "quarters"],
]);
/** Units of time and scales, as said and as chats shorten them: what a count comes right before. */
const UNITS_AFTER_COUNT = new Set([
  ...["day", "days", "week", "weeks", "month", "months", "quarter", "quarters", "year", "years"],
  ...["hundred", "thousand", "grand"],
  ...UNIT_SHORTHAND.keys(),
]);
/** First letters of the units: most words are followed by none, and are passed over without a lookahead. */
const UNIT_INITIALS = new Set([...UNITS_AFTER_COUNT].map((unit) => unit[0]));

/** The first letter after `from` past spaces, lowercase ("" at the end). */
function letterAfter(text: string, from: number): string {
  let at = from;
  while (at < text.length && text.charCodeAt(at) <= 32) at++;
  return (text[at] ?? "").toLowerCase();
}

/** The longest count a real-word typo is looked for in ("fifteen" has a letter more, and few typos). */
const COUNT_LETTERS = 6;

/** A known word right before a unit that the data says is a typo of a count or a "next" ("net month"). */
function beforeUnitRepair(
  text: string,
  word: string,
  before: string | undefined,
  vocabulary: SpellingVocabulary,
  keep: ReadonlySet<string>,
): string | undefined {
  if (!UNIT_INITIALS.has(letterAfter(text, TOKEN.lastIndex))) return undefined;
  const unit = wordAfter(text, TOKEN.lastIndex);
  if (unit === undefined || !UNITS_AFTER_COUNT.has(unit)) return undefined;
  if (!vocabulary.has(word) || keep.has(word)) return undefined;
  return vocabulary.realWordRepairBeforeUnit(word, before, unit, SLOT_WORDS);
}

/**
 * A known word the words on either side say is another: a rare word one edit away ("jut email me", `by` "edit"),
 * or any word that sounds the same ("send me a coat for", `by` "sound"). Both neighbours vouch: at a turn's end
 * ("... where i sine") the word before alone moved dev-g early.
 */
function betweenRepair(
  text: string,
  word: string,
  before: string | undefined,
  vocabulary: SpellingVocabulary,
  keep: ReadonlySet<string>,
  by: "edit" | "sound",
): string | undefined {
  if (before === undefined || before === NUMBER_WORD || keep.has(word)) return undefined;
  if (by === "edit" ? !vocabulary.isRare(word) : !vocabulary.has(word)) return undefined;
  const next = wordAfter(text, TOKEN.lastIndex);
  if (next === undefined || next === NUMBER_WORD) return undefined;
  return by === "edit"
    ? vocabulary.realWordRepairBetween(word, before, next)
    : vocabulary.soundAlikeRepair(word, before, next);
}

/** Numbers, and words said as one: what a unit or a scale follows ("six weeks", "twelve grand"). */
const NUMBERS = new Set([
  NUMBER_WORD,
  ...["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"],
  ...["fifteen", "twenty", "thirty", "forty", "fifty", "hundred", "few", "couple", "several"],
]);
/** Words a unit of time follows as a count ("2 wks", "a yr", "next wk", "few mos"). */
const COUNTS = new Set([...NUMBERS, ...["a", "an", "next", "last", "this", "per", "every", "each", "more"]]);

/**
 * Repairs the words of `text` the vocabulary does not know. A capitalised word inside a sentence is a
 * name ("Dana", "Vagaro") and stays; so does a word of `keep` (lowercase: the campaign's own words, such
 * as the names of the systems or insurers it asks about), which are also likelier repairs of a typo near
 * them; apostrophes are ignored when looking a word up ("dont" = "don't"). A word is repaired between the word
 * before it (as repaired) and the word after it (as typed); a number is NUMBER_WORD there. Most turns have no typo: they are scanned once and
 * returned as they are, with nothing built.
 */
export function spellTurn(
  text: string,
  vocabulary: SpellingVocabulary,
  keep: ReadonlySet<string> = NO_WORDS,
): SpelledTurn {
  let corrections: Map<string, string> | undefined;
  let repaired = "";
  let copied = 0;
  let previous: string | undefined;
  let previousEnd = 0;
  TOKEN.lastIndex = 0;
  for (let match = TOKEN.exec(text); match !== null; match = TOKEN.exec(text)) {
    const word = match[0];
    const bare = word.includes("'") ? word.replace(/'/g, "") : word;
    const lower = bare.toLowerCase();
    const before = previous;
    const gapStart = previousEnd;
    previousEnd = match.index + word.length;
    const isNumber = DIGIT.test(lower);
    previous = isNumber ? NUMBER_WORD : lower;
    // "500/mo" is a period the amount reader knows; "5 mos" is an amount of time.
    const spelledUnit = UNIT_SHORTHAND.get(lower);
    const shorthand =
      spelledUnit && before !== undefined && COUNTS.has(before) && isSpace(text, gapStart, match.index)
        ? spelledUnit
        : spelledDay(lower, before);
    const afterNumber =
      !shorthand &&
      before !== undefined &&
      NUMBERS.has(before) &&
      !isNumber &&
      isSpace(text, gapStart, match.index);
    const named = isName(text, bare, lower, match.index);
    const realWord =
      afterNumber && vocabulary.has(lower) && !keep.has(lower)
        ? vocabulary.realWordRepair(lower, before, wordAfter(text, TOKEN.lastIndex))
        : !shorthand && !isNumber && lower.length <= COUNT_LETTERS && !named
          ? (beforeUnitRepair(text, lower, before, vocabulary, keep) ??
            betweenRepair(text, lower, before, vocabulary, keep, "edit") ??
            betweenRepair(text, lower, before, vocabulary, keep, "sound"))
          : undefined;
    if (realWord) {
      previous = realWord;
      corrections ??= new Map();
      corrections.set(realWord, lower);
      repaired += text.slice(copied, match.index) + asCased(realWord, bare, lower);
      copied = match.index + word.length;
      continue;
    }
    if (!shorthand && (isNumber || lower.length < MIN_WORD_LETTERS - 1 || vocabulary.has(lower))) continue;
    if (!shorthand && isPluralOfKnown(lower, vocabulary)) continue;
    if (!shorthand && keep.has(lower)) continue;
    // Two edits only when nothing is one edit away, and only to the campaign's words and the slot words
    // in a longer word: a few hundred words, not the vocabulary's thousands.
    const fixed =
      shorthand ??
      (named
        ? dateNameNear(lower)
        : (vocabulary.correct(lower, before, wordAfter(text, TOKEN.lastIndex), keep) ??
          (lower.length >= TWO_EDIT_LETTERS ? keptWordNear(lower, keep) : undefined) ??
          (lower.length >= SLOT_WORD_TWO_EDIT_LETTERS ? keptWordNear(lower, SLOT_WORDS) : undefined)));
    if (!fixed) continue;
    previous = fixed;
    corrections ??= new Map();
    corrections.set(fixed, lower);
    repaired += text.slice(copied, match.index);
    repaired += asCased(fixed, bare, lower);
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

/** A plural's stem, at least this long, must be known for the plural to count as known. */
const PLURAL_STEM_LETTERS = 4;

/**
 * "billers", "setters": the plural of a word the vocabulary knows is a word too, though the data may never have
 * said it (two edits from a campaign's "bills", "billers" was repaired to it). Not after a stem ending in "s"
 * ("thiss" is a typo).
 */
function isPluralOfKnown(word: string, vocabulary: SpellingVocabulary): boolean {
  if (!word.endsWith("s") || word.length <= PLURAL_STEM_LETTERS) return false;
  const stem = word.slice(0, -1);
  return !stem.endsWith("s") && vocabulary.has(stem);
}

/** Whether `text[from..to)` is whitespace and not empty. */
/** The repair, capitalised where the customer capitalised the word ("Jut email me" is "Just email me"). */
function asCased(repair: string, typed: string, lower: string): string {
  return typed[0] !== lower[0] ? (repair[0] ?? "").toUpperCase() + repair.slice(1) : repair;
}

function isSpace(text: string, from: number, to: number): boolean {
  if (to <= from) return false;
  for (let i = from; i < to; i++) if (text.charCodeAt(i) > 32) return false;
  return true;
}

/** A capitalised word inside a sentence is a name ("Dr. Lin", "Dana"), which no repair between words may change. */
function isName(text: string, bare: string, lower: string, offset: number): boolean {
  return bare !== lower && !startsSentence(text, offset);
}

/** Whether only spaces, or a full stop, question or exclamation mark and spaces, come before `offset`. */
function startsSentence(text: string, offset: number): boolean {
  let at = offset - 1;
  while (at >= 0 && text.charCodeAt(at) <= 32) at--;
  const end = text[at];
  return end === undefined || end === "." || end === "!" || end === "?";
}
