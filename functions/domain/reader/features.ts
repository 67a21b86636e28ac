/**
 * Turns one customer turn (and the end of the AI line before it) into hashed feature ids.
 *
 * Everything is read in the form a speech recogniser delivers (lowercase, no punctuation, no
 * apostrophes), so written, spoken and chatted turns meet the same features: "don't" and "dont" are one
 * word. Character n-grams carry typos and recogniser slips ("reprsentative"); negation is modelled as a
 * scope (the words after a negator are different features), not listed per phrase.
 */

export const FEATURE_SPEC_VERSION = 4;

/** The whole turn is read, and trained, up to this many tokens; its parts are read to its last token. */
export const MAX_TOKENS = 80;
/** A turn is read up to this many characters. */
export const MAX_SPEECH_CHARS = 2_000;
/** The AI line's last words paired with a short answer's: the question just asked. */
const AI_TOKENS = 8;
const SHORT_TURN_TOKENS = 4;
/** "not interested in talking to sales": five words reach the end of a declined request. */
const NEGATION_SCOPE = 5;

/**
 * Chat shorthand spelled out, so "pls" and "please" are one word (a tokenizer concern, not a signal list).
 * A Map, not an object literal: a caller saying "constructor" must not find Object.prototype's.
 */
const SHORTHAND: ReadonlyMap<string, readonly string[]> = new Map([
  ["u", ["you"]],
  ["ur", ["your"]],
  ["pls", ["please"]],
  ["plz", ["please"]],
  ["thx", ["thanks"]],
  ["ty", ["thanks"]],
  ["rn", ["right", "now"]],
  ["idk", ["i", "dont", "know"]],
  ["tbh", ["to", "be", "honest"]],
  ["r", ["are"]],
  ["ppl", ["people"]],
  ["msg", ["message"]],
  ["b4", ["before"]],
  ["cuz", ["because"]],
  ["bc", ["because"]],
  ["wanna", ["want", "to"]],
  ["gonna", ["going", "to"]],
  ["gotta", ["got", "to"]],
  ["lemme", ["let", "me"]],
  ["gimme", ["give", "me"]],
]);

const SHORTHAND_LENGTH = Math.max(...[...SHORTHAND.keys()].map((word) => word.length));

/** Whether a word in speech form ("dont", "nobody") negates. */
export function isNegator(word: string): boolean {
  return NEGATORS.has(word);
}

/** Words that open a negation scope; "no" opening a turn is an answer, not a negator. */
const NEGATORS = new Set([
  "not",
  "no",
  "never",
  "dont",
  "doesnt",
  "didnt",
  "wont",
  "wouldnt",
  "cant",
  "cannot",
  "couldnt",
  "isnt",
  "arent",
  "wasnt",
  "werent",
  "havent",
  "hasnt",
  "shouldnt",
  "nobody",
  "nothing",
  "neither",
  "nor",
  "without",
  "hardly",
]);
const SCOPE_BREAKERS = new Set(["but", "though", "although", "however", "just", "so"]);

/** Lowercase, apostrophes dropped, everything but letters and digits a space, digit runs one token. */
export function speechForm(raw: string, maxChars = MAX_SPEECH_CHARS): string {
  const lower = raw.slice(0, maxChars).toLowerCase();
  // Most turns are ASCII: accents need folding only when there are any.
  const folded = /^[ -~\s]*$/.test(lower) ? lower : lower.normalize("NFKD").replace(/[\u0300-\u036f]/g, "");
  return folded
    .replace(/['\u2018\u2019\u02bc`]/g, "")
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
}

export function tokensOf(raw: string, limit = MAX_TOKENS): string[] {
  const tokens: string[] = [];
  const words = speechWords(raw.slice(0, MAX_SPEECH_CHARS).toLowerCase()) ?? speechForm(raw).split(" ");
  for (const word of words) {
    if (word.length === 0) continue;
    // Every shorthand is short: a longer word skips hashing itself for the lookup.
    const spelled = word.length <= SHORTHAND_LENGTH ? SHORTHAND.get(word) : undefined;
    if (spelled) {
      for (const part of spelled) tokens.push(part);
    } else {
      const first = word.charCodeAt(0);
      tokens.push(first >= 48 && first <= 57 ? "0" : word);
    }
    if (tokens.length >= limit) break;
  }
  return tokens.length > limit ? tokens.slice(0, limit) : tokens;
}

/**
 * How many words a text has and how many tokens `tokensOf` makes of them (shorthand spelled out counts
 * its words), without building them: sentences are counted on every multi-sentence turn.
 */
export function countTokens(raw: string): { words: number; tokens: number } {
  let words = 0;
  let tokens = 0;
  let start = -1;
  for (let i = 0; i <= raw.length; i++) {
    let code = i < raw.length ? raw.charCodeAt(i) : 32;
    if (code >= 65 && code <= 90) code += 32;
    if ((code >= 97 && code <= 122) || (code >= 48 && code <= 57)) {
      if (start < 0) start = i;
    } else if (APOSTROPHE_CODES.has(code)) {
      // Inside a word an apostrophe joins it ("don't"), as `speechWords` reads it.
    } else if (code > 127) {
      return { words: speechForm(raw).split(" ").filter(Boolean).length, tokens: tokensOf(raw).length };
    } else if (start >= 0) {
      words++;
      tokens += i - start <= SHORTHAND_LENGTH ? shorthandTokens(raw, start, i) : 1;
      start = -1;
    }
  }
  return { words, tokens };
}

/** How many tokens `tokensOf` makes of one word of `speechWords`: its shorthand's words, else one. */
export function tokensOfWord(word: string): number {
  return word.length <= SHORTHAND_LENGTH ? (SHORTHAND.get(word)?.length ?? 1) : 1;
}

const APOSTROPHE_CODES = new Set([39, 96, 0x2018, 0x2019, 0x2bc]);

/** Shorthand by length, so a short word is compared in place rather than sliced and lowercased. */
const SHORTHAND_BY_LENGTH: ReadonlyArray<ReadonlyArray<readonly [string, number]>> = Array.from(
  { length: SHORTHAND_LENGTH + 1 },
  (_, length) =>
    [...SHORTHAND]
      .filter(([word]) => word.length === length)
      .map(([word, spelled]) => [word, spelled.length] as const),
);

/** The tokens `raw[start..end)` becomes: its shorthand's words, else one. */
function shorthandTokens(raw: string, start: number, end: number): number {
  const candidates = SHORTHAND_BY_LENGTH[end - start] ?? [];
  for (const [word, tokens] of candidates) {
    let same = true;
    for (let k = 0; k < word.length && same; k++) {
      const code = raw.charCodeAt(start + k);
      same = (code >= 65 && code <= 90 ? code + 32 : code) === word.charCodeAt(k);
    }
    if (same) return tokens;
  }
  // A word with an apostrophe in it ("u'll") is longer than its letters: compared as `tokensOf` reads it.
  const word = raw.slice(start, end);
  if (!/['\u2018\u2019\u02bc`]/.test(word)) return 1;
  return SHORTHAND.get(word.toLowerCase().replace(APOSTROPHE, ""))?.length ?? 1;
}

const APOSTROPHE = /['\u2018\u2019\u02bc`]/g;

/**
 * `speechForm(text).split(" ")` in one pass over a lowercased turn, for the usual turn of ASCII letters and
 * apostrophes; undefined for anything else (accents to fold), which takes the general path.
 */
export function speechWords(lower: string): string[] | undefined {
  const words: string[] = [];
  let start = -1;
  let apostrophes = false;
  for (let i = 0; i <= lower.length; i++) {
    const code = i < lower.length ? lower.charCodeAt(i) : 32;
    if ((code >= 97 && code <= 122) || (code >= 48 && code <= 57)) {
      if (start < 0) start = i;
    } else if (code === 39 || code === 96 || code === 0x2018 || code === 0x2019 || code === 0x2bc) {
      // Inside a word an apostrophe joins ("don't" is "dont"); elsewhere it is dropped.
      apostrophes = true;
    } else if (code > 127) {
      return undefined;
    } else if (start >= 0) {
      // Apostrophes between words were dropped, so a word may have started before one: trim them.
      const word = lower.slice(start, i);
      words.push(apostrophes ? word.replace(APOSTROPHE, "") : word);
      start = -1;
      apostrophes = false;
    } else {
      apostrophes = false;
    }
  }
  return words;
}

export const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/** FNV-1a of `text`'s characters, continuing from `hash` (FNV_OFFSET to start one). */
export function mixString(hash: number, text: string): number {
  let h = hash;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), FNV_PRIME);
  return h;
}

/** A namespace for each feature family, so "u:no" and "f:no" never collide by construction. */
const NS = {
  unigram: mixString(FNV_OFFSET, "u"),
  negated: mixString(FNV_OFFSET, "n"),
  negatedBigram: mixString(FNV_OFFSET, "m"),
  lateNegated: mixString(FNV_OFFSET, "o"),
  bigram: mixString(FNV_OFFSET, "b"),
  trigram: mixString(FNV_OFFSET, "t"),
  chars: mixString(FNV_OFFSET, "c"),
  first: mixString(FNV_OFFSET, "f"),
  firstPair: mixString(FNV_OFFSET, "g"),
  shortWithAi: mixString(FNV_OFFSET, "s"),
  length: mixString(FNV_OFFSET, "l"),
} as const;

const SEPARATOR = 0x7c;

export interface FeatureInput {
  text: string;
  /** The AI line just before the turn, when there is one. */
  aiLine?: string | undefined;
}

/** Feature ids with the token each belongs to (-1: the whole turn, e.g. the AI line or the length). */
export interface TurnFeatures {
  features: number[];
  owners: number[];
  tokens: number;
}

/**
 * Where featurizing writes: feature hashes (as int32) and their owners, grown as needed. The model reuses
 * one from turn to turn, so reading a turn allocates no feature arrays.
 */
export class FeatureBuffer {
  features = new Int32Array(256);
  owners = new Int32Array(256);
  count = 0;
  tokens = 0;
  /** The turn's tokens, as read (shorthand spelled out, at most the token limit). */
  words: readonly string[] = [];
  /** Per token left out of the features (`featurizeInto`), 1 when it stands in a negation's scope. */
  negated = new Uint8Array(256);

  push(hash: number, owner: number): void {
    if (this.count === this.features.length) this.grow();
    this.features[this.count] = hash;
    this.owners[this.count] = owner;
    this.count++;
  }

  private grow(): void {
    const features = new Int32Array(this.features.length * 2);
    const owners = new Int32Array(this.owners.length * 2);
    features.set(this.features);
    owners.set(this.owners);
    this.features = features;
    this.owners = owners;
  }
}

/** 32-bit feature hashes; duplicates are kept (a feature seen twice counts twice). */
export function featurize(input: FeatureInput): number[] {
  return featurizeTurn(input).features;
}

export function featurizeTurn(input: FeatureInput): TurnFeatures {
  const buffer = featurizeInto(input, new FeatureBuffer());
  const features: number[] = [];
  const owners: number[] = [];
  for (let f = 0; f < buffer.count; f++) {
    features.push((buffer.features[f] as number) >>> 0);
    owners.push(buffer.owners[f] as number);
  }
  return { features, owners, tokens: buffer.tokens };
}

/** The feature of a word said as it is, or inside a negation's scope. */
export function wordFeature(token: string, negated: boolean): number {
  return mixString(negated ? NS.negated : NS.unigram, token);
}

/**
 * The turn's features into `out` (emptied first), from at most `limit` tokens; returns `out`. A word of at
 * most `wordsLeftOut` letters has neither its word feature nor its character n-grams pushed: the caller
 * adds them, from the word and `out.negated` (the model sums them once a word, `word-sums.ts`).
 */
export function featurizeInto(
  input: FeatureInput,
  out: FeatureBuffer,
  limit = MAX_TOKENS,
  wordsLeftOut = 0,
): FeatureBuffer {
  out.count = 0;
  const tokens = tokensOf(input.text, limit);
  const n = tokens.length;
  out.tokens = n;
  out.words = tokens;
  if (out.negated.length < n) out.negated = new Uint8Array(Math.max(n, out.negated.length * 2));
  pushOpeningFeatures(tokens, 0, n, out);

  // The AI line only colours short answers ("yes", "sure, go ahead"): on longer turns the customer's own
  // words carry the meaning, and a model that leans on the AI line learns the script, not the caller. A
  // bare "yes" means what the AI just asked: these pairs let the model read it.
  if (input.aiLine && n > 0 && n <= SHORT_TURN_TOKENS) {
    const aiTokens = tokensOf(input.aiLine.slice(-300), 200).slice(-AI_TOKENS);
    for (const token of tokens) {
      const base = Math.imul(mixString(NS.shortWithAi, token) ^ SEPARATOR, FNV_PRIME);
      for (const aiToken of aiTokens) out.push(mixString(base, aiToken), -1);
    }
  }

  let scope = 0;
  // Past the scope a word is read as it is and also as said after a negation, until a scope breaker: "i dont
  // want to talk to a salesperson" declines, "i dont want a robot get me a person" asks; the data tells them
  // apart, which five negated words alone could not carry (README, the turn reader).
  let afterNegator = false;
  for (let i = 0; i < n; i++) {
    const token = tokens[i] as string;
    const negated = scope > 0;
    const leftOut = token.length <= wordsLeftOut;
    if (leftOut) out.negated[i] = negated ? 1 : 0;
    else out.push(wordFeature(token, negated), i);
    if (!negated && afterNegator) out.push(mixString(NS.lateNegated, token), i);
    if (SCOPE_BREAKERS.has(token)) {
      scope = 0;
      afterNegator = false;
    } else if (scope > 0) scope--;
    if (NEGATORS.has(token) && !(token === "no" && i === 0)) {
      scope = NEGATION_SCOPE;
      afterNegator = true;
    }

    const next = tokens[i + 1];
    if (next !== undefined) {
      // A pair that starts inside a negation scope is negated too: "to sales" after "not" is no request.
      const pair = mixString(
        Math.imul(mixString(negated ? NS.negatedBigram : NS.bigram, token) ^ SEPARATOR, FNV_PRIME),
        next,
      );
      out.push(pair, i);
      const third = tokens[i + 2];
      if (third !== undefined) out.push(mixString(Math.imul(pair ^ SEPARATOR, FNV_PRIME), third), i);
    }
    if (token.length >= 3 && !leftOut) pushCharGrams(token, i, out);
  }
  return out;
}

/**
 * What depends on where a reading starts and ends, not on each word: its length and its first word and
 * pair, for `tokens[start..end)` (owner -1: they belong to the reading, not to a token).
 */
export function pushOpeningFeatures(
  tokens: readonly string[],
  start: number,
  end: number,
  out: FeatureBuffer,
): void {
  const n = end - start;
  out.push(
    mixString(NS.length, n === 0 ? "0" : n === 1 ? "1" : n === 2 ? "2" : n <= 4 ? "4" : n <= 8 ? "8" : "9"),
    -1,
  );
  if (n > 0) {
    out.push(mixString(NS.first, tokens[start] as string), -1);
    if (n > 1)
      out.push(
        mixString(
          Math.imul(mixString(NS.firstPair, tokens[start] as string) ^ SEPARATOR, FNV_PRIME),
          tokens[start + 1] as string,
        ),
        -1,
      );
  }
}

/**
 * Character 3- and 4-grams of the word framed as "<word>", hashed from the word's own characters (no
 * framed copy of the word is built).
 */
export function pushCharGrams(token: string, owner: number, out: FeatureBuffer): void {
  // Positions 0..last in the framed word: 0 is "<", last is ">".
  const last = token.length + 1;
  for (let start = 0; start + 2 <= last; start++) {
    let three = Math.imul(NS.chars ^ framedCode(token, start, last), FNV_PRIME);
    three = Math.imul(three ^ framedCode(token, start + 1, last), FNV_PRIME);
    three = Math.imul(three ^ framedCode(token, start + 2, last), FNV_PRIME);
    out.push(three, owner);
    if (start + 3 <= last)
      out.push(Math.imul(three ^ framedCode(token, start + 3, last), FNV_PRIME) ^ 4, owner);
  }
}

function framedCode(token: string, position: number, last: number): number {
  return position === 0 ? 60 : position === last ? 62 : token.charCodeAt(position - 1);
}
