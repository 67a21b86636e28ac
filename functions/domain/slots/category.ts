import type { CategoryValue } from "../../../contracts/campaign.js";
import { editDistance } from "../edit-distance.js";
import { isNegator } from "../reader/features.js";
import { CORRECTION } from "./hedges.js";

export interface CategoryReading {
  value: string;
  confidence: number;
  /** The customer's words that carry the value, as they appear in the text read. */
  quote: string;
}

export interface CategoryMatcher {
  read(text: string, asked: boolean): CategoryReading | null;
  /** How many of the slot's values the text names by a word only that value's examples use. */
  valuesNamed(text: string): number;
  /**
   * The customer's words in `text` that say one of the value's examples in full, for a value chosen otherwise
   * (`category-values.ts`); undefined when none is said.
   */
  evidence(text: string, value: string): string | undefined;
}

/**
 * A category value is recognised by similarity to its example phrases, not by exact phrases:
 *
 * - both sides are read in speech form (lowercase, no punctuation, "don't" = "dont"), function words are
 *   dropped and the rest is lightly stemmed, so "replacing our phones" meets "replace the phone system";
 * - a word the examples do not use counts when it is one typo away from one they do ("insurence"),
 *   weighted by how close it is; a four-letter word counts half (`SHORT_TYPO_SIMILARITY`);
 * - each example word is weighted by its inverse frequency across the slot's values (IDF), so the words
 *   that tell values apart ("condo", "renters") count more than the ones they share ("insurance");
 * - an example's score is the weighted share of its words found close together in the turn; the quote is
 *   the span of the customer's words that matched;
 * - two parts joined by one "and" match in either order ("my wife and me" meets "me and my wife");
 * - an example that negates ("phones don't work") matches only where the turn negates too: negations are
 *   function words otherwise, and "I need the phones at both places to work" is no broken phone system;
 * - a name a speech recogniser splits in two is read as the one word ("hub spot" meets "hubspot"), not a verb
 *   and its particle ("call back" is no "callback"); a determiner between an example's preposition and its noun
 *   is no missing word ("from their own homes" meets "from home"); "wait" and "hold on" opening a sentence stop
 *   the talk and are no wait times (session 42); an acronym spelled out letter by letter ("our p b x") is the
 *   word;
 * - a short answer to the slot's question that resembles no example enough is read by its key words, the
 *   words only one value's examples use (`keyWordAnswer`);
 * - a turn that corrects itself ("geico, no wait, we switched to progressive") means the value said after its
 *   last correction, when it names one (dev-f, three forms: current insurer F1 77.3% -> 81.8%, household
 *   54.1% -> 62.2%; no other development or campaign set moved).
 *
 * Pure and deterministic; the campaign's examples are indexed once, a turn costs one pass over its words.
 */
export function categoryMatcher(
  values: Readonly<Record<string, CategoryValue>>,
  questionWords: readonly string[] = [],
): CategoryMatcher {
  const index = buildIndex(values);
  const askedOnly = askedOnlyPattern(values);
  const keyWords = answerKeyWords(index, questionWords);
  const turn = new TurnScratch(index.examples.length);
  const valueIndexes = new Map<string, { index: Index; turn: TurnScratch }>();
  const readWhole = (text: string, asked: boolean): CategoryReading | null => {
    const lower = withoutInterjections(text.toLowerCase());
    const best = bestMatch(index, lower, turn);
    if (best && best.coverage >= EXACT) {
      const quote = text.slice(best.start, best.end);
      // One word in passing ("agent", "cell") is the least a value rests on: a fuller mention later replaces it.
      return {
        value: best.value,
        confidence: asked ? 0.85 : contentWords(quote) > 1 || (best.words ?? 0) > 1 ? 0.7 : LONE_WORD,
        quote,
      };
    }
    if (asked && askedOnly) {
      const reading = askedOnly.read(lower);
      if (reading) return reading;
    }
    if (best && best.coverage >= PARTIAL) {
      const confidence = (asked ? 0.85 : 0.7) * best.coverage;
      return { value: best.value, confidence, quote: text.slice(best.start, best.end) };
    }
    return asked ? keyWordAnswer(keyWords, text) : null;
  };
  return {
    read(text, asked) {
      // "we're with geico, no wait, we switched to progressive": what follows the last correction is meant.
      const corrected = afterLastCorrection(text);
      return (corrected === undefined ? null : readWhole(corrected, asked)) ?? readWhole(text, asked);
    },
    valuesNamed(text) {
      const named = new Set<string>();
      for (const token of tokenize(text.toLowerCase())) {
        const value = FUNCTION_WORDS.has(token.form) ? undefined : keyWords.get(stem(token.form));
        if (value !== undefined) named.add(value);
      }
      return named.size;
    },
    evidence(text, value) {
      const examples = values[value];
      if (!examples) return undefined;
      let own = valueIndexes.get(value);
      if (!own) {
        const index = buildIndex({ [value]: examples });
        own = { index, turn: new TurnScratch(index.examples.length) };
        valueIndexes.set(value, own);
      }
      const best = bestMatch(own.index, withoutInterjections(text.toLowerCase()), own.turn);
      // Half an example is too little to quote: "calls" is no evidence of phones for remote staff.
      return best && best.coverage >= EXACT ? text.slice(best.start, best.end) : undefined;
    },
  };
}

/**
 * "wait hold on am i talking to a real person", "Honestly? Wait. Let's get moved first.": "wait" and "hold on"
 * opening a sentence or clause stop the talk, they are no wait times or hold queue. Blanked, not removed, so
 * a quote's offsets still point into the customer's words.
 */
function withoutInterjections(lower: string): string {
  return INTERJECTION.test(lower)
    ? lower.replace(INTERJECTION_ALL, (said) => " ".repeat(said.length))
    : lower;
}
const INTERJECTION_SOURCE = String.raw`(?<=^|[.!?,;:]\s*|\b(?:oh|uh|um|honestly|no|ok|okay|but|wait|so|and|well)\s+)(?:wait|hold on|hang on)(?![a-z])`;
const INTERJECTION = new RegExp(INTERJECTION_SOURCE);
const INTERJECTION_ALL = new RegExp(INTERJECTION_SOURCE, "g");

const CORRECTIONS = new RegExp(CORRECTION.source, "g");

/** The text after the turn's last correction ("actually", "scratch that", "no wait"), if it has one. */
function afterLastCorrection(text: string): string | undefined {
  const lower = text.toLowerCase();
  let end: number | undefined;
  CORRECTIONS.lastIndex = 0;
  for (let found = CORRECTIONS.exec(lower); found; found = CORRECTIONS.exec(lower))
    end = found.index + found[0].length;
  return end === undefined ? undefined : text.slice(end);
}

const LONE_WORD = 0.65;
/** The shortest part of a word split in two that is read joined ("hub" + "spot"). */
const SPLIT_PART = 3;
/** "call back" is a verb and its particle, not the word "callback" split. */
const PARTICLES = new Set(["back", "out", "off", "down", "over", "away", "around", "through"]);
/** As sure as a `whenAsked` word in an answer. */
const KEY_WORD_ANSWER = 0.7;
/**
 * An answer of at most this many words is read by its key words (`keyWordAnswer`). Longer turns tell more
 * than the answer: on dev-f at 40 words, coverage and household precision fell (92.0 -> 90.2%, 79.3 -> 71.9%);
 * at 6 and 12 nothing fell, and 12 read more answers.
 */
const ANSWER_WORDS = 12;

/**
 * Example words only one value uses, minus the words of the slot's question and `askedBy`: an answer echoes
 * those ("a construction accounting thing" answers "what accounting system?"), they name no value.
 */
function answerKeyWords(index: Index, questionWords: readonly string[]): Map<string, string> {
  const echoed = new Set(
    questionWords.flatMap((phrase) => tokenize(phrase.toLowerCase()).map((token) => stem(token.form))),
  );
  const keys = new Map<string, string>();
  for (const [term, postings] of index.postings) {
    if (echoed.has(term)) continue;
    // "coverage" of "no coverage right now" names no insurer without its negation.
    if (postings.some(({ example }) => index.examples[example]?.negated)) continue;
    const values = new Set(postings.map(({ example }) => index.examples[example]?.value));
    const [value] = values;
    if (values.size === 1 && value !== undefined) keys.set(term, value);
  }
  return keys;
}

/**
 * A short answer to the slot's question that shares too little with any one example ("ap", "the suppliers i
 * guess", "the books are in zero") names the value its key words name, when they all name one.
 */
function keyWordAnswer(keys: ReadonlyMap<string, string>, text: string): CategoryReading | null {
  const tokens = tokenize(text.toLowerCase());
  if (tokens.length > ANSWER_WORDS) return null;
  let found: { value: string; token: Token } | null = null;
  for (const token of tokens) {
    const value = FUNCTION_WORDS.has(token.form) ? undefined : keys.get(stem(token.form));
    if (value === undefined) continue;
    if (found && found.value !== value) return null;
    found ??= { value, token };
  }
  return (
    found && {
      value: found.value,
      confidence: KEY_WORD_ANSWER,
      quote: text.slice(found.token.start, found.token.end),
    }
  );
}

/** The key of the phrase match among a turn's full matches (examples are keyed by their index). */
const PHRASE = -1;

function contentWords(quote: string): number {
  return tokenize(quote.toLowerCase()).filter((token) => !FUNCTION_WORDS.has(token.form)).length;
}

/** Every example word matched exactly (after stemming). */
const EXACT = 0.999;
/** Below this share of an example's weight, a match is noise. */
const PARTIAL = 0.7;
/** Example words may sit this many words further apart in the turn than in the example. */
const SLACK_WORDS = 3;

/** Words that carry no category on their own: articles, pronouns, auxiliaries, fillers, wants. */
const FUNCTION_WORDS = new Set(
  (
    "a an the my our your their its his her this that these those i we you they he she it me us them " +
    "is are was were be been being am to of in on at by for from with into about as and or but so if " +
    "do does did dont doesnt didnt have has had can could would will should shall may might must " +
    "im ive id ill were weve wed well youre theyre its thats theres whats " +
    "just really also very too quite some any all more most much many one ones " +
    "want wants wanted wanting need needs needed looking look like would please " +
    "get got getting thing things something stuff kind sort bit lot " +
    "two three four five six seven eight nine ten " +
    "um uh yeah yes ok okay right so well hi hello thanks thank not no never"
  ).split(" "),
);

interface Example {
  value: string;
  /** Distinct stemmed content words and their IDF weights. */
  terms: string[];
  weights: number[];
  total: number;
  /** Tokens in the example, function words included: the span its words may cover in a turn. */
  width: number;
  /**
   * An example with one content word among function words ("on the phones", "me and my husband") says
   * something only with its function words: they must stand around the content word, in order (one
   * may be missing when there are three or more).
   */
  shape?: { words: string[]; content: number; missable: number };
  /** The example says what is not so ("phones don't work"): a turn matches it only where it negates too. */
  negated: boolean;
}

interface Index {
  examples: Example[];
  /**
   * Examples of function words only ("just me") match as the phrase, in order, one capture group per value.
   */
  phrases: { pattern: RegExp; values: string[] } | null;
  /** Stemmed word -> examples that use it (with the word's position in `terms`). */
  postings: Map<string, Array<{ example: number; term: number }>>;
  /** Example words by first letter, for typo matching. */
  byInitial: Map<string, string[]>;
  /** The first parts (three letters or more) of the examples' long words: where a split word may start. */
  splitHeads: Set<string>;
}

function buildIndex(values: Readonly<Record<string, CategoryValue>>): Index {
  const parsed: Array<{
    value: string;
    terms: string[];
    width: number;
    negated: boolean;
    shape?: Example["shape"];
  }> = [];
  const valuesUsing = new Map<string, Set<string>>();
  const phrases = new Map<string, string[]>();
  for (const [value, { examples }] of Object.entries(values)) {
    for (const words of examples.flatMap(withConjunctsSwapped)) {
      // At most 30 words an example: one bit each in the per-turn mask.
      const terms = [...new Set(words.filter((word) => !FUNCTION_WORDS.has(word)).map(stem))].slice(0, 30);
      if (terms.length === 0) {
        phrases.set(value, [...(phrases.get(value) ?? []), words.join(" ")]);
        continue;
      }
      const functionWords = words.filter((word) => FUNCTION_WORDS.has(word)).length;
      const shape =
        terms.length === 1 && functionWords > 0
          ? {
              words: words.map((word) => (FUNCTION_WORDS.has(word) ? word : stem(word))),
              content: words.findIndex((word) => !FUNCTION_WORDS.has(word)),
              missable: functionWords >= 3 ? 1 : 0,
            }
          : undefined;
      // Negators are function words too: an example that holds one needs one in the turn.
      const negated = words.some(isNegator);
      parsed.push({ value, terms, width: words.length, negated, ...(shape ? { shape } : {}) });
      for (const term of terms) {
        const users = valuesUsing.get(term) ?? new Set<string>();
        users.add(value);
        valuesUsing.set(term, users);
      }
    }
  }
  const valueCount = Object.keys(values).length;
  const idf = (term: string) => Math.log(1 + valueCount / (valuesUsing.get(term)?.size ?? 1));
  const examples: Example[] = parsed.map(({ value, terms, width, negated, shape }) => {
    const weights = terms.map(idf);
    return {
      value,
      terms,
      weights,
      total: weights.reduce((a, b) => a + b, 0),
      width,
      negated,
      ...(shape ? { shape } : {}),
    };
  });
  const postings = new Map<string, Array<{ example: number; term: number }>>();
  examples.forEach((example, exampleIndex) => {
    example.terms.forEach((term, termIndex) => {
      const list = postings.get(term) ?? [];
      list.push({ example: exampleIndex, term: termIndex });
      postings.set(term, list);
    });
  });
  const byInitial = new Map<string, string[]>();
  for (const term of postings.keys()) {
    if (term.length < SHORT_TYPO_LENGTH) continue;
    const initial = term.charAt(0);
    byInitial.set(initial, [...(byInitial.get(initial) ?? []), term]);
  }
  const splitHeads = new Set<string>();
  for (const term of postings.keys())
    for (let cut = SPLIT_PART; cut <= term.length - SPLIT_PART; cut++) splitHeads.add(term.slice(0, cut));
  return { examples, postings, byInitial, splitHeads, phrases: phrasePattern(phrases) };
}

/**
 * An example's words, and, when it joins two parts with one "and", the same with the parts swapped: "me and my
 * wife" is also "my wife and me". Order matters only to an example with one content word at most (its shape).
 */
function withConjunctsSwapped(phrase: string): string[][] {
  const words = tokenize(phrase.toLowerCase()).map((token) => token.form);
  const and = words.indexOf("and");
  const shaped = words.filter((word) => !FUNCTION_WORDS.has(word)).length <= 1;
  if (!shaped || and <= 0 || and === words.length - 1 || words.indexOf("and", and + 1) >= 0) return [words];
  return [words, [...words.slice(and + 1), "and", ...words.slice(0, and)]];
}

function phrasePattern(phrases: ReadonlyMap<string, string[]>): Index["phrases"] {
  if (phrases.size === 0) return null;
  const groups = [...phrases.values()].map((list) => {
    const alternatives = [...list]
      .sort((a, b) => b.length - a.length)
      // Speech form on both sides: an apostrophe in the turn is optional ("dont" = "don't").
      .map((phrase) => phrase.split(" ").map(speechWordPattern).join("\\s+"));
    return `(${alternatives.join("|")})`;
  });
  return {
    pattern: new RegExp(`(?<![a-z0-9'])(?:${groups.join("|")})(?![a-z0-9])`),
    values: [...phrases.keys()],
  };
}

function speechWordPattern(word: string): string {
  return [...word].map((letter) => letter.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("['\u2019]?");
}

interface Token {
  form: string;
  start: number;
  end: number;
}

const TOKEN = /[a-z0-9]+(?:['\u2019][a-z]+)*/g;

/** Words in speech form: letters and digits, apostrophes dropped ("don't" -> "dont"). */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  // exec on one pattern: matchAll would build a copy of it on every call.
  TOKEN.lastIndex = 0;
  for (let match = TOKEN.exec(text); match !== null; match = TOKEN.exec(text)) {
    tokens.push({
      form: match[0].replace(/['\u2019]/g, ""),
      start: match.index,
      end: match.index + match[0].length,
    });
  }
  return tokens;
}

/** Light, deterministic suffix stripping: plurals, -ing, -ed. */
export function stem(word: string): string {
  if (word.length <= 3) return word;
  if (word.endsWith("ies") && word.length > 4) return `${word.slice(0, -3)}y`;
  if (word.endsWith("sses")) return word.slice(0, -2);
  if (word.endsWith("ing") && word.length > 5) return trimE(word.slice(0, -3));
  if (word.endsWith("ed") && word.length > 4) return trimE(word.slice(0, -2));
  if (word.endsWith("es") && /(?:ch|sh|x|ss)es$/.test(word)) return word.slice(0, -2);
  if (word.endsWith("s") && !word.endsWith("ss") && !word.endsWith("us")) return trimE(word.slice(0, -1));
  return trimE(word);
}

/** "replace", "replacing", "replaced" all meet at "replac". */
function trimE(word: string): string {
  return word.length > 4 && word.endsWith("e") ? word.slice(0, -1) : word;
}

interface Hit {
  similarity: number;
  postings: ReadonlyArray<{ example: number; term: number }>;
}

interface Match {
  value: string;
  coverage: number;
  weight: number;
  /** Offset of the first matched word, and the offsets of the quote. */
  first: number;
  start: number;
  end: number;
  /** Turn words that speak for the value across all its full matches, when two values were found. */
  words?: number;
}

/**
 * Per-matcher scratch space, reused turn after turn so reading a turn allocates almost nothing (the
 * engine reads tens of thousands of turns a second). It never carries anything from one turn to the next.
 */
class TurnScratch {
  /** Bit per example word found in the turn, by example. */
  readonly masks: Int32Array;
  readonly touched: number[] = [];
  /** Full matches found in this turn by example (the phrase match under -1): the quote, and each value's evidence. */
  readonly fulls = new Map<number, Match>();
  /** Hits in turn order (example, word position, term, similarity, start and end offsets). */
  count = 0;
  example = new Int32Array(256);
  position = new Int32Array(256);
  term = new Int32Array(256);
  start = new Int32Array(256);
  end = new Int32Array(256);
  similarity = new Float64Array(256);
  /** The turn's words in speech form, and their offsets. */
  readonly forms: string[] = [];
  readonly wordStarts: number[] = [];
  readonly wordEnds: number[] = [];
  /** Typo lookups and stems by word form. */
  readonly memo: Memo = new Map();

  constructor(examples: number) {
    this.masks = new Int32Array(examples);
  }

  push(
    example: number,
    position: number,
    term: number,
    similarity: number,
    start: number,
    end: number,
  ): void {
    if (this.count === this.example.length) this.grow();
    const at = this.count++;
    this.example[at] = example;
    this.position[at] = position;
    this.term[at] = term;
    this.similarity[at] = similarity;
    this.start[at] = start;
    this.end[at] = end;
  }

  private grow(): void {
    const size = this.example.length * 2;
    const widen = (old: Int32Array) => {
      const next = new Int32Array(size);
      next.set(old);
      return next;
    };
    this.example = widen(this.example);
    this.position = widen(this.position);
    this.term = widen(this.term);
    this.start = widen(this.start);
    this.end = widen(this.end);
    const similarity = new Float64Array(size);
    similarity.set(this.similarity);
    this.similarity = similarity;
  }
}

const WORD = /[a-z0-9]+(?:['\u2019][a-z]+)*/g;

function phraseMatch(index: Index, text: string): Match | null {
  if (!index.phrases) return null;
  const found = index.phrases.pattern.exec(text);
  if (!found) return null;
  const group = found.findIndex((captured, position) => position > 0 && captured !== undefined);
  const value = index.phrases.values[group - 1];
  if (value === undefined) return null;
  const end = found.index + found[0].length;
  return { value, coverage: 1, weight: 1, first: found.index, start: found.index, end };
}

function bestMatch(index: Index, text: string, turn: TurnScratch): Match | null {
  const { masks, touched } = turn;
  touched.length = 0;
  turn.count = 0;
  turn.forms.length = 0;
  turn.wordStarts.length = 0;
  turn.wordEnds.length = 0;
  WORD.lastIndex = 0;
  let position = 0;
  let letters = "";
  let lettersFrom = 0;
  for (let found = WORD.exec(text); found; found = WORD.exec(text), position++) {
    const end = found.index + found[0].length;
    turn.forms.push(found[0].includes("'") ? found[0].replace(/'/g, "") : found[0]);
    turn.wordStarts.push(found.index);
    turn.wordEnds.push(end);
    const hit = lookup(index, found[0], turn.memo);
    if (hit) mark(hit.postings, position, hit.similarity, found.index, end, turn);
    // A recogniser splits a name in two ("hub spot", "sales force"): the pair reads as the one word.
    const before = position > 0 ? (turn.forms[position - 1] as string) : "";
    if (index.splitHeads.has(before) && !PARTICLES.has(turn.forms[position] as string)) {
      const joined = index.postings.get(stem(before + (turn.forms[position] as string)));
      if (joined) mark(joined, position, 1, turn.wordStarts[position - 1] as number, end, turn);
    }
    // A recogniser spells an acronym out ("our p b x", "the c r m"): the letters read as the one word.
    if (found[0].length === 1) {
      if (letters === "") lettersFrom = position;
      letters += found[0];
      const spelled = letters.length > 1 ? index.postings.get(stem(letters)) : undefined;
      if (spelled) mark(spelled, lettersFrom, 1, turn.wordStarts[lettersFrom] as number, end, turn);
    } else letters = "";
  }
  let best: Match | null = phraseMatch(index, text);
  const fulls = turn.fulls;
  fulls.clear();
  if (best) fulls.set(PHRASE, best);
  for (const exampleIndex of touched) {
    const mask = masks[exampleIndex] ?? 0;
    masks[exampleIndex] = 0;
    const example = index.examples[exampleIndex];
    if (!example) continue;
    // Most examples share a word or two with the turn: skip those that cannot reach a partial match,
    // and, once a full match is found, those that cannot be a full match.
    const bound = upperBound(example, mask);
    if (bound < PARTIAL) continue;
    if (best && best.coverage >= EXACT && bound < EXACT) continue;
    const match = example.shape
      ? shapeMatch(example, example.shape, exampleIndex, turn)
      : bestWindow(example, exampleIndex, turn);
    if (match && match.coverage >= EXACT) {
      fulls.set(exampleIndex, match);
    }
    if (match && (!best || better(match, best))) best = match;
  }
  if (!best || best.coverage < EXACT) return best;
  return widenQuote(mostEvidenced(best, index, turn), fulls, text);
}

function mark(
  postings: ReadonlyArray<{ example: number; term: number }>,
  position: number,
  similarity: number,
  start: number,
  end: number,
  turn: TurnScratch,
): void {
  for (const posting of postings) {
    if (turn.masks[posting.example] === 0) turn.touched.push(posting.example);
    turn.masks[posting.example] = (turn.masks[posting.example] ?? 0) | (1 << posting.term);
    turn.push(posting.example, position, posting.term, similarity, start, end);
  }
}

/**
 * A turn that names two values ("cell phones mostly, and a landline that's dying; we've been meaning to
 * replace it") means the one it says more about: each full match counts each of its example's words once,
 * where it matched, by weight, and a turn word counts once for a value. The best single match of that value
 * is its quote.
 */
function mostEvidenced(best: Match, index: Index, turn: TurnScratch): Match {
  const fulls = turn.fulls;
  let rivals = false;
  for (const match of fulls.values()) rivals ||= match.value !== best.value;
  if (!rivals) return best;
  const evidence = new Map<string, number>();
  const words = new Map<string, number>();
  const counted = new Set<string>();
  const termsSeen = new Set<string>();
  for (let hit = 0; hit < turn.count; hit++) {
    const exampleIndex = turn.example[hit] ?? -1;
    const match = fulls.get(exampleIndex);
    const example = index.examples[exampleIndex];
    // Each of the example's words once, inside its match: "insurance" said again elsewhere is no more evidence.
    if (!match || !example || (turn.start[hit] ?? 0) < match.start || (turn.end[hit] ?? 0) > match.end)
      continue;
    const term = turn.term[hit] ?? 0;
    const termKey = `${exampleIndex} ${term}`;
    const key = `${example.value} ${turn.position[hit]}`;
    if (termsSeen.has(termKey) || counted.has(key)) continue;
    termsSeen.add(termKey);
    counted.add(key);
    const weight = (example.weights[term] ?? 0) * (turn.similarity[hit] ?? 0);
    evidence.set(example.value, (evidence.get(example.value) ?? 0) + weight);
    words.set(example.value, (words.get(example.value) ?? 0) + 1);
  }
  let chosen = best;
  for (const match of fulls.values()) {
    const more = (evidence.get(match.value) ?? match.weight) - (evidence.get(chosen.value) ?? chosen.weight);
    if (more > 1e-9 || (match.value === chosen.value && better(match, chosen))) chosen = match;
  }
  return { ...chosen, words: words.get(chosen.value) ?? 0 };
}

/** The quote spans every full match of the same value that touches it ("replace our" + "old pbx"). */
function widenQuote(best: Match, fulls: ReadonlyMap<number, Match>, text: string): Match {
  let { start, end } = best;
  // Two spans touch when at most two function words stand between them.
  const touching = (from: number, to: number) =>
    from >= to ||
    text
      .slice(from, to)
      .split(/[^a-z0-9']+/)
      .filter(Boolean)
      .every((word, index) => index < 2 && FUNCTION_WORDS.has(word.replace(/'/g, "")));
  for (let grown = true; grown; ) {
    grown = false;
    for (const other of fulls.values()) {
      if (other.value !== best.value || !(touching(other.end, start) && touching(end, other.start))) continue;
      if (other.start < start || other.end > end) {
        start = Math.min(start, other.start);
        end = Math.max(end, other.end);
        grown = true;
      }
    }
  }
  return start === best.start && end === best.end ? best : { ...best, start, end };
}

function upperBound(example: Example, mask: number): number {
  let weight = 0;
  for (let term = 0; term < example.terms.length; term++) {
    if (mask & (1 << term)) weight += example.weights[term] ?? 0;
  }
  return example.total > 0 ? weight / example.total : 0;
}

/**
 * Higher coverage first; among full matches the one that explains more of the turn (more weight: "my
 * husband and our kids" is a family, not a couple), then the earliest mention.
 */
function better(a: Match, b: Match): boolean {
  const fullA = a.coverage >= EXACT;
  const fullB = b.coverage >= EXACT;
  if (fullA !== fullB) return fullA;
  if (!fullA && a.coverage !== b.coverage) return a.coverage > b.coverage;
  if (Math.abs(a.weight - b.weight) > 1e-9) return a.weight > b.weight;
  return a.first < b.first;
}

/** The example's function words around its content word, in order; the first place it fits. */
function shapeMatch(
  example: Example,
  shape: NonNullable<Example["shape"]>,
  exampleIndex: number,
  turn: TurnScratch,
): Match | null {
  for (let hit = 0; hit < turn.count; hit++) {
    if (turn.example[hit] !== exampleIndex) continue;
    const at = turn.position[hit] ?? 0;
    let missing = 0;
    let left = at;
    for (let word = shape.content - 1; word >= 0 && missing <= shape.missable; word--) {
      const found = shapeWordAt(turn.forms, shape.words[word] ?? "", left - 1, -1, shape.missable);
      if (found >= 0) left = found;
      else missing++;
    }
    let right = at;
    for (let word = shape.content + 1; word < shape.words.length && missing <= shape.missable; word++) {
      const found = shapeWordAt(turn.forms, shape.words[word] ?? "", right + 1, 1, shape.missable);
      if (found >= 0) right = found;
      else missing++;
    }
    if (missing > shape.missable) continue;
    // A word read from several ("p b x") spans them all.
    const start = Math.min(turn.wordStarts[left] ?? 0, turn.start[hit] ?? 0);
    return {
      value: example.value,
      coverage: 1,
      weight: example.total,
      first: start,
      start,
      end: Math.max(turn.wordEnds[right] ?? start, turn.end[hit] ?? 0),
    };
  }
  return null;
}

/**
 * Where a shape's word stands in the turn, looking from `from` in `step`'s direction past at most `missable`
 * other words; -1 when it is not there. A function word is matched as said, the content word by its stem: it
 * may come twice ("rings and rings").
 */
function shapeWordAt(
  forms: readonly string[],
  word: string,
  from: number,
  step: 1 | -1,
  missable: number,
): number {
  const content = !FUNCTION_WORDS.has(word);
  let skips = missable;
  for (let at = from; at >= 0 && at < forms.length; at += step) {
    const form = forms[at] ?? "";
    if (content ? stem(form) === word : form === word) return at;
    // "from their (own) homes" is "from home": a determiner between a preposition and its noun is no missing word.
    if (DETERMINERS.has(form)) continue;
    if (skips-- === 0) break;
  }
  return -1;
}

/** The densest window of the example's words in the turn. */
function bestWindow(example: Example, exampleIndex: number, turn: TurnScratch): Match | null {
  let best: Match | null = null;
  const span = example.width + SLACK_WORDS;
  const found = new Float64Array(example.terms.length);
  for (let left = 0; left < turn.count; left++) {
    if (turn.example[left] !== exampleIndex) continue;
    const first = turn.position[left] ?? 0;
    found.fill(0);
    let right = left;
    let last = left;
    for (; right < turn.count; right++) {
      if (turn.example[right] !== exampleIndex) continue;
      if ((turn.position[right] ?? 0) - first >= span) break;
      const term = turn.term[right] ?? 0;
      found[term] = Math.max(found[term] ?? 0, turn.similarity[right] ?? 0);
      last = right;
    }
    let weight = 0;
    let matched = 0;
    for (let term = 0; term < found.length; term++) {
      weight += (example.weights[term] ?? 0) * (found[term] ?? 0);
      if ((found[term] ?? 0) > 0) matched++;
    }
    // One shared word is not a resemblance ("cost" is not "cut costs").
    if (matched < Math.min(2, found.length)) continue;
    if (example.negated && !negatedAround(turn, first, turn.position[last] ?? first)) continue;
    const coverage = example.total > 0 ? weight / example.total : 0;
    if (!best || coverage > best.coverage) {
      const start = turn.start[left] ?? 0;
      const end = turn.end[last] ?? start;
      best = { value: example.value, coverage, weight, first: start, start, end };
    }
  }
  return best;
}

/** A negation may stand this many words before the example's first word ("not really insured right now"). */
const NEGATION_REACH = 2;

/** Whether a negation stands among the turn's words from `first - NEGATION_REACH` to `last`. */
function negatedAround(turn: TurnScratch, first: number, last: number): boolean {
  for (let word = Math.max(0, first - NEGATION_REACH); word <= last; word++)
    if (isNegator(turn.forms[word] ?? "")) return true;
  return false;
}

const TYPO_MIN_LENGTH = 5;
/**
 * A four-letter word one letter off a four- or five-letter example word ("state form" heard for "state farm")
 * counts half: enough, beside an exact word, for a partial match of a longer example, never for a match alone
 * (`PARTIAL`). Typos in words this short are mostly other words, so they meet only one another.
 */
const SHORT_TYPO_LENGTH = 4;
const SHORT_TYPO_SIMILARITY = 0.5;
const MEMO_LIMIT = 20_000;

type Memo = Map<string, Hit | null>;

/** The example word a turn word stands for: its stem, or one typo away (two in long words). */
function lookup(index: Index, raw: string, memo: Memo): Hit | null {
  const known = memo.get(raw);
  if (known !== undefined) return known;
  const form = raw.includes("'") || raw.includes("\u2019") ? raw.replace(/['\u2019]/g, "") : raw;
  const hit = FUNCTION_WORDS.has(form) ? null : resolve(index, stem(form));
  // The memo only saves work: a cleared memo gives the same answers.
  if (memo.size >= MEMO_LIMIT) memo.clear();
  memo.set(raw, hit);
  return hit;
}

const DETERMINERS = new Set("the a an my our your their his her its this that these those own".split(" "));
function resolve(index: Index, word: string): Hit | null {
  const exact = index.postings.get(word);
  if (exact) return { similarity: 1, postings: exact };
  if (word.length < SHORT_TYPO_LENGTH || /\d/.test(word)) return null;
  const short = word.length < TYPO_MIN_LENGTH;
  let best: { term: string; similarity: number } | null = null;
  const allowed = word.length >= 8 ? 2 : 1;
  for (const term of index.byInitial.get(word.charAt(0)) ?? []) {
    if (Math.abs(term.length - word.length) > allowed || (!short && term.length < TYPO_MIN_LENGTH)) continue;
    const distance = editDistance(word, term, allowed);
    if (distance > allowed) continue;
    const similarity = short ? SHORT_TYPO_SIMILARITY : 1 - distance / Math.max(word.length, term.length);
    if (!best || similarity > best.similarity || (similarity === best.similarity && term < best.term)) {
      best = { term, similarity };
    }
  }
  const postings = best ? index.postings.get(best.term) : undefined;
  return best && postings ? { similarity: best.similarity, postings } : null;
}

/**
 * `whenAsked` words: the start of a word in a short answer right after the AI asked for the slot
 * ("remote" -> "remotely", "integrat" -> "integration"); the earliest mention wins.
 */
function askedOnlyPattern(
  values: Readonly<Record<string, CategoryValue>>,
): { read(text: string): CategoryReading | null } | null {
  const entries = Object.entries(values).filter(([, value]) => (value.whenAsked?.length ?? 0) > 0);
  if (entries.length === 0) return null;
  const names = entries.map(([name]) => name);
  const groups = entries.map(
    ([, value]) =>
      `((?<![a-z])(?:${(value.whenAsked ?? []).map((word) => escapeRegex(word.toLowerCase())).join("|")}))`,
  );
  const pattern = new RegExp(groups.join("|"));
  return {
    read(text) {
      const match = pattern.exec(text);
      if (!match) return null;
      const group = match.findIndex((captured, position) => position > 0 && captured !== undefined);
      const value = names[group - 1];
      const end = match.index + match[0].length;
      const quote = match[0] + (/^[a-z0-9'\u2019]*/.exec(text.slice(end))?.[0] ?? "");
      return value === undefined ? null : { value, confidence: 0.7, quote };
    },
  };
}

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(/\s+/g, "\\s+");
}
