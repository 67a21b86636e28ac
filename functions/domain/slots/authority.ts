import type { ReaderLabel, ReaderScores } from "../reader/labels.js";
import { sentencesOf } from "../text.js";
import { inCustomerVoice } from "./confirmation.js";

export type AuthorityValue = "decision_maker" | "joint" | "not_decision_maker";

export interface AuthorityReading {
  value: AuthorityValue;
  /** The customer's sentence that says who decides. */
  quote: string;
}

const VALUES: ReadonlyArray<readonly [ReaderLabel, AuthorityValue]> = [
  ["authority_decider", "decision_maker"],
  ["authority_joint", "joint"],
  ["authority_other", "not_decision_maker"],
];

/** The reader label that says each who-decides value. */
export const AUTHORITY_LABEL_OF: Readonly<Record<AuthorityValue, ReaderLabel>> = Object.fromEntries(
  VALUES.map(([label, value]) => [value, label]),
) as Record<AuthorityValue, ReaderLabel>;

/**
 * Who decides, as the turn reader heard it: the surest of its three who-decides labels, when it reaches
 * `threshold`. The reader learned them from labeled turns, with the AI line before the turn, so "me and Raj"
 * after "who signs off?" is read there, not here. In a turn of several sentences the quote is the one that
 * reads surest on its own (`readSentence`); without it, or in one sentence, the turn is the quote. `text` is
 * the turn as the slots read it (normalised).
 */
export function readAuthority(
  scores: ReaderScores,
  text: string,
  threshold: number,
  readSentence?: (sentence: string) => ReaderScores,
  /** The value already held: said again, it is no news (and its quote is not looked for). */
  held?: string,
): AuthorityReading | null {
  let surest = VALUES[0] as (typeof VALUES)[number];
  for (const entry of VALUES) if (scores[entry[0]] > scores[surest[0]]) surest = entry;
  const [label, value] = surest;
  if (scores[label] < threshold || value === held) return null;
  // Split only the few turns that say who decides.
  const sentences = sentencesOf(text);
  if (sentences.length < 2 || !readSentence) return { value, quote: sentences.join(" ") };
  let quote = sentences[0] as string;
  let best = Number.NEGATIVE_INFINITY;
  for (const sentence of sentences) {
    const score = readSentence(sentence)[label];
    if (score > best) {
      best = score;
      quote = sentence;
    }
  }
  return { value, quote };
}

/**
 * What a plain yes to the AI's who-decides question says ("Since you own the practice, I assume you'd be the
 * decision maker?" "That's right."): the question read in the customer's voice, when the reader is at least
 * `firm` sure of one value there. A bare yes after such a question reads no who-decides label as surely as its
 * words say ("that's right" read none at all); a question the reader is not sure of ("would anyone else be
 * involved?") confirms nothing.
 */
export function confirmedAuthority(
  question: string,
  read: (text: string) => ReaderScores,
  firm: number,
): AuthorityValue | null {
  const scores = read(inCustomerVoice(question));
  for (const [label, value] of VALUES) if (scores[label] >= firm) return value;
  return null;
}
