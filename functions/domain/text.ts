/** Text analysis is bounded: a 100 KB turn costs the same as a long sentence. */
export const MAX_ANALYSED_CHARS = 2_000;

/** Lowercase, straight quotes, spelled-out punctuation kept for clause splitting. */
export function normalizeText(raw: string): string {
  const cut = raw.slice(0, MAX_ANALYSED_CHARS).toLowerCase();
  // Most turns are plain ASCII: a non-unicode pass is several times cheaper.
  if (/^[\x20-\x7e]*$/.test(cut)) return normalizeAscii(cut);
  return (
    cut
      .replace(/[\u2018\u2019\u02bc`]/g, "'")
      .replace(/[\u201c\u201d]/g, '"')
      // Currency signs stay: "€2,000" is not "2,000" dollars.
      .replace(/[^\p{L}\p{N}$€£%'.,!?;:/+\-\s]/gu, " ")
      .replace(/\s+/g, " ")
      .trim()
  );
}

/** Printable ASCII characters normalized text keeps as they are (a space aside). */
const KEEP = 0;
const CHANGE = 1;
const ASCII_KIND = Uint8Array.from({ length: 128 }, (_, code) =>
  /[a-z0-9$%'.,!?;:/+-]/.test(String.fromCharCode(code)) ? KEEP : CHANGE,
);

/**
 * `normalizeText` for lowercase printable ASCII: a backtick is an apostrophe, anything but letters, digits
 * and the punctuation clauses are split on is a space, runs of spaces are one, none at either end. Most
 * turns are already in that form and are returned as they are, with nothing allocated.
 */
export function normalizeAscii(cut: string): string {
  let previousSpace = true;
  for (let i = 0; i < cut.length; i++) {
    const code = cut.charCodeAt(i);
    if (code === 32) {
      // A space at the start or after another space is dropped.
      if (previousSpace) return normalizeByReplacing(cut);
      previousSpace = true;
    } else if (ASCII_KIND[code] === KEEP) {
      previousSpace = false;
    } else {
      return normalizeByReplacing(cut);
    }
  }
  // A space at the end is dropped.
  return previousSpace && cut.length > 0 ? normalizeByReplacing(cut) : cut;
}

function normalizeByReplacing(cut: string): string {
  return cut
    .replace(/`/g, "'")
    .replace(/[^a-z0-9$%'.,!?;:/+\-\s]/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}

/** Clauses scope negation: "no, I want a real person" holds a request, "I don't need a person" does not. */
export function splitClauses(text: string): string[] {
  return text
    .split(/[.!?;:]+(?!\d)\s*|,(?!\d{3})\s*|\s+(?:but|though|although|however)\s+/)
    .map((clause) => clause.trim())
    .filter((clause) => clause.length > 0);
}

/** One regex for a list of phrases, matched on word boundaries. */
export function phraseRegex(phrases: readonly string[], flags = ""): RegExp {
  const alternatives = [...phrases]
    .sort((a, b) => b.length - a.length)
    .map((phrase) => phrase.replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(/\s+/g, "\\s+"));
  // ASCII word edges and no unicode flag: several times faster in V8 on the per-turn path.
  return new RegExp(`(?<![a-z0-9'])(?:${alternatives.join("|")})(?![a-z0-9])`, flags);
}

const NEGATORS =
  /(?<![a-z'])(?:not|no|never|don't|dont|do not|doesn't|does not|didn't|did not|won't|wouldn't|isn't|aren't|ain't|nor|without|no need|neither|hardly|rather not)(?![a-z'])/;

/**
 * Words that start a new assertion, so a negation before them does not reach past them: "no rush honestly
 * probably sometime next year" (a spoken turn, its commas gone) names next year.
 */
const NEGATION_BREAKERS = new Set([
  "but",
  "though",
  "although",
  "however",
  "honestly",
  "probably",
  "maybe",
  "perhaps",
]);

/** True when a negator stands in the clause before `index` (within a few words, and no breaker between). */
export function isNegatedBefore(clause: string, index: number, windowWords = 6): boolean {
  const words = clause.slice(0, index).trim().split(/\s+/).slice(-windowWords);
  const breaker = words.findLastIndex((word) => NEGATION_BREAKERS.has(word.replace(/[^a-z]/g, "")));
  return NEGATORS.test(words.slice(breaker + 1).join(" "));
}

/** The first match of `pattern` in a clause that is not negated, or null. */
export function findAffirmed(clauses: readonly string[], pattern: RegExp): string | null {
  for (const clause of clauses) {
    const match = pattern.exec(clause);
    if (match && !isNegatedBefore(clause, match.index)) return match[0];
  }
  return null;
}

export function containsAny(text: string, pattern: RegExp): boolean {
  return pattern.test(text);
}

/** A short quote of the customer's words for the screen pop. */
export function quoteOf(raw: string, max = 160): string {
  const flat = raw.replace(/\s+/g, " ").trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1)}…`;
}

/**
 * A line written as speech, with no sentence mark at all ("and what would you want to spend a month"), that
 * opens like a question after any filler: the question it asks, since there is no "?" to find it by. A
 * question word or a verb before its subject opens it; lowercase in, as `normalizeText` writes.
 */
export function unpunctuatedQuestion(line: string): string | undefined {
  return /[.?!]/.test(line) || !SPOKEN_QUESTION.test(line) ? undefined : line.trim();
}

const SPOKEN_QUESTION =
  /^(?:(?:and|so|ok|okay|great|got it|perfect|thanks|alright|right)\s+)*(?:what|when|how|who|which|where|do|does|did|is|are|would|will|could|can|have|has)\b/;

/**
 * The sentences of a text, each with its closing punctuation; fragments without a letter are dropped. A title's
 * period ends no sentence: "What budget did Dr. Hollis give you?" is one question.
 */
export function sentencesOf(text: string): string[] {
  return (text.match(SENTENCE) ?? [])
    .map((sentence) => sentence.trim())
    .filter((sentence) => /\p{L}/u.test(sentence));
}

const SENTENCE = /[^.!?]+(?:(?<=(?<![a-z])(?:mr|mrs|ms|dr|prof))\.(?=\s)[^.!?]+)*[.!?]*/gi;
