/**
 * Turns one customer turn (and the end of the AI line before it) into hashed feature ids.
 *
 * Everything is read in the form a speech recogniser delivers (lowercase, no punctuation, no
 * apostrophes), so written, spoken and chatted turns meet the same features: "don't" and "dont" are one
 * word. Character n-grams carry typos and recogniser slips ("reprsentative"); negation is modelled as a
 * scope (the words after a negator are different features), not listed per phrase.
 */

export const FEATURE_SPEC_VERSION = 2;

const MAX_TOKENS = 80;
const AI_TOKENS = 12;
const SHORT_TURN_TOKENS = 4;
const CONTEXT_TURN_TOKENS = 6;
const NEGATION_SCOPE = 3;

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
export function speechForm(raw: string, maxChars = 2_000): string {
  const lower = raw.slice(0, maxChars).toLowerCase();
  // Most turns are ASCII: accents need folding only when there are any.
  const folded = /^[ -~\s]*$/.test(lower) ? lower : lower.normalize("NFKD").replace(/[\u0300-\u036f]/g, "");
  return folded
    .replace(/['\u2018\u2019\u02bc`]/g, "")
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
}

export function tokensOf(raw: string, limit = MAX_TOKENS): string[] {
  const form = speechForm(raw);
  if (form.length === 0) return [];
  const tokens: string[] = [];
  for (const word of form.split(" ")) {
    const spelled = SHORTHAND.get(word);
    if (spelled) {
      for (const part of spelled) tokens.push(part);
    } else {
      const first = word.charCodeAt(0);
      tokens.push(first >= 48 && first <= 57 ? "0" : word);
    }
    if (tokens.length >= limit) break;
  }
  return tokens.slice(0, limit);
}

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

function mixString(hash: number, text: string): number {
  return mixRange(hash, text, 0, text.length);
}

function mixRange(hash: number, text: string, from: number, to: number): number {
  let h = hash;
  for (let i = from; i < to; i++) h = Math.imul(h ^ text.charCodeAt(i), FNV_PRIME);
  return h;
}

/** A namespace for each feature family, so "u:no" and "f:no" never collide by construction. */
const NS = {
  unigram: mixString(FNV_OFFSET, "u"),
  negated: mixString(FNV_OFFSET, "n"),
  bigram: mixString(FNV_OFFSET, "b"),
  trigram: mixString(FNV_OFFSET, "t"),
  chars: mixString(FNV_OFFSET, "c"),
  first: mixString(FNV_OFFSET, "f"),
  firstPair: mixString(FNV_OFFSET, "g"),
  ai: mixString(FNV_OFFSET, "a"),
  aiAsks: mixString(FNV_OFFSET, "q"),
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

/** 32-bit feature hashes; duplicates are kept (a feature seen twice counts twice). */
export function featurize(input: FeatureInput): number[] {
  return featurizeTurn(input).features;
}

export function featurizeTurn(input: FeatureInput): TurnFeatures {
  const features: number[] = [];
  const owners: number[] = [];
  let owner = -1;
  const push = (hash: number) => {
    features.push(hash >>> 0);
    owners.push(owner);
  };
  const tokens = tokensOf(input.text);
  const n = tokens.length;
  push(
    mixString(NS.length, n === 0 ? "0" : n === 1 ? "1" : n === 2 ? "2" : n <= 4 ? "4" : n <= 8 ? "8" : "9"),
  );
  if (n > 0) {
    push(mixString(NS.first, tokens[0] as string));
    if (n > 1)
      push(
        mixString(
          Math.imul(mixString(NS.firstPair, tokens[0] as string) ^ SEPARATOR, FNV_PRIME),
          tokens[1] as string,
        ),
      );
  }

  // The AI line only colours short answers ("yes", "sure, go ahead"): on longer turns the customer's own
  // words carry the meaning, and a model that leans on the AI line learns the script, not the caller.
  if (input.aiLine && n <= CONTEXT_TURN_TOKENS) {
    const aiTokens = tokensOf(input.aiLine.slice(-300), 200).slice(-AI_TOKENS);
    // A bare "yes" means what the AI just asked: these pairs let a linear model read it.
    if (n > 0 && n <= SHORT_TURN_TOKENS) {
      for (const token of tokens) {
        const base = Math.imul(mixString(NS.shortWithAi, token) ^ SEPARATOR, FNV_PRIME);
        for (const aiToken of aiTokens.slice(-8)) push(mixString(base, aiToken));
      }
    }
  }

  let scope = 0;
  for (let i = 0; i < n; i++) {
    owner = i;
    const token = tokens[i] as string;
    push(mixString(scope > 0 ? NS.negated : NS.unigram, token));
    if (SCOPE_BREAKERS.has(token)) scope = 0;
    else if (scope > 0) scope--;
    if (NEGATORS.has(token) && !(token === "no" && i === 0)) scope = NEGATION_SCOPE;

    const next = tokens[i + 1];
    if (next !== undefined) {
      const pair = mixString(Math.imul(mixString(NS.bigram, token) ^ SEPARATOR, FNV_PRIME), next);
      push(pair);
      const third = tokens[i + 2];
      if (third !== undefined) push(mixString(Math.imul(pair ^ SEPARATOR, FNV_PRIME), third));
    }
    if (token.length >= 3) pushCharGrams(`<${token}>`, push);
  }
  return { features, owners, tokens: n };
}

function pushCharGrams(word: string, push: (hash: number) => void): void {
  for (let start = 0; start + 3 <= word.length; start++) {
    const three = mixRange(NS.chars, word, start, start + 3);
    push(three);
    if (start + 4 <= word.length) push(Math.imul(three ^ word.charCodeAt(start + 3), FNV_PRIME) ^ 4);
  }
}
