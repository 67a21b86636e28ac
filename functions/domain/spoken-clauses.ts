import { speechWords } from "./reader/features.js";
import { type SentenceBreakModel, sentenceEnds, wordHash } from "./reader/sentence-breaks.js";

/** A sentence of fewer words stays with its neighbour, as the turn reader keeps it (`PART_WORDS`). */
const SENTENCE_WORDS = 3;
/** Shorter turns are one sentence: the breaks have too little to read. */
const MIN_WORDS = 6;

/**
 * A turn written without punctuation, as a speech recogniser writes every turn, with a period where the
 * sentence-break model says a sentence ends ("i dunno maybe twenty grand. actually no scratch that more like
 * ten to twelve"). The slot readers read clause by clause (`splitClauses`), so a turn of one clause lets a
 * correction, a date or an answer's first words run into the rest. A turn with punctuation, a short one, or
 * one whose words the breaks cannot read (accents) comes back as it was. `normalized` is the turn as
 * `normalizeText` writes it; only periods are added, so every clause is still the customer's words.
 */
export function withSpokenSentenceEnds(normalized: string, breaks: SentenceBreakModel): string {
  if (/[.!?,;:]/.test(normalized)) return normalized;
  const plain = normalized.split(" ").filter((word) => word.length > 0);
  if (plain.length < MIN_WORDS) return normalized;
  const words = speechWords(normalized);
  if (!words || words.length !== plain.length) return normalized;
  const ends = sentenceEnds(breaks, words.map(wordHash));
  let text = "";
  let start = 0;
  for (let word = 0; word < plain.length; word++) {
    text += word === 0 ? plain[word] : ` ${plain[word]}`;
    if (ends[word] && word + 1 - start >= SENTENCE_WORDS && plain.length - word - 1 >= SENTENCE_WORDS) {
      text += ".";
      start = word + 1;
    }
  }
  return text;
}
