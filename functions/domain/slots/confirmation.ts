import { sentencesOf, unpunctuatedQuestion } from "../text.js";
import { spokenPattern } from "./spoken-pattern.js";

/**
 * A bare yes to the AI's question confirms the value the question names ("So about $2,000 a month?" "Yes.").
 * The answer words are the closed class of English affirmative replies, not a phrase list of intents.
 */
const AFFIRMATIVE = new RegExp(
  spokenPattern(
    /^(?:(?:oh |um |uh )?(?:yes|yeah|yep|yup|ya|yes sir|yes ma'am|correct|right|exactly|absolutely|definitely|sure|uh huh|mhm|affirmative|that's right|that is right|that's correct|that is correct|that's it|you got it|spot on)(?: (?:yes|yeah|that's right|that's correct|correct|exactly|right))?)$/
      .source,
  ),
);
const NEGATOR = /(?<![a-z'])(?:no|not|nope|nah|never|n't|wrong|actually)(?![a-z])/;

/** The customer's first clause is a plain yes and nothing in the turn takes it back. */
export function isConfirmation(clauses: readonly string[]): boolean {
  const first = clauses[0];
  if (first === undefined || !AFFIRMATIVE.test(first)) return false;
  return !clauses.some((clause) => NEGATOR.test(clause));
}

/**
 * The customer's first clause opens with a yes and says a few words more in the same breath ("yep my kennel my
 * rules", "yeah i manage the hall"), and nothing in the turn takes it back: a yes with its reason.
 */
export function opensWithYes(clauses: readonly string[]): boolean {
  const first = clauses[0];
  if (first === undefined || !YES_FIRST.test(first)) return false;
  if (first.split(/\s+/).filter(Boolean).length > YES_CLAUSE_WORDS) return false;
  return !clauses.some((clause) => NEGATOR.test(clause));
}

/** The text opens with a yes word ("oh sure i have a couple minutes", "ya go for it"). */
export function startsWithYes(text: string): boolean {
  return YES_FIRST.test(text);
}

const YES_FIRST = new RegExp(
  spokenPattern(
    /^(?:(?:oh |um |uh )?(?:yes|yeah|yep|yup|ya|correct|absolutely|definitely|sure))(?![a-z'])/.source,
  ),
);
/** The yes and at most five words after it. */
const YES_CLAUSE_WORDS = 6;

/**
 * The AI's last question, as it said it, when a yes can answer it: "auto, home or life?" offers a choice
 * and a yes picks none of them.
 */
export function lastQuestion(aiLine: string): string | undefined {
  const question =
    sentencesOf(aiLine)
      .filter((sentence) => sentence.endsWith("?"))
      .at(-1) ?? unpunctuatedQuestion(aiLine.toLowerCase());
  return question === undefined || /\bor\b/i.test(question) ? undefined : question;
}

const SECOND_PERSON: ReadonlyMap<string, string> = new Map([
  ["you", "i"],
  ["your", "my"],
  ["yours", "mine"],
  ["yourself", "myself"],
  ["you're", "i'm"],
  ["youre", "im"],
  ["you'd", "i'd"],
  ["youd", "id"],
  ["you'll", "i'll"],
  ["youll", "ill"],
  ["you've", "i've"],
  ["youve", "ive"],
  ["are", "am"],
]);

/**
 * The AI's question as the customer's yes says it of themselves ("you'd be the decision maker?" -> "i'd be the
 * decision maker", "are you the one who'd decide on this?" -> "i'm the one who'd decide on this"), so a reader
 * taught on customers' words can read what a yes to it says. The second-person words change, a question's
 * inverted verb goes back after its subject ("do you" -> "i"), and the question mark goes: asked, "am i the
 * one who'd decide on this?" read 0.55 sure of a decider, said ("i'm the one ..."), 0.87. Lowercase.
 */
export function inCustomerVoice(question: string): string {
  return question
    .toLowerCase()
    .replace(/[a-z']+/g, (word) => SECOND_PERSON.get(word) ?? word)
    .replace(INVERTED, (_said, lead: string, verb: string) => `${lead}${SAID[verb] ?? `i ${verb}`}`)
    .replace(/\?+\s*$/, "");
}

/** "am i", "would i be", "do i": the verb a question puts before its subject, after any words leading in. */
const INVERTED = /^((?:[a-z']+,?\s+){0,2}?)(am|do|would|will|could|can|should|have|did) i\b/;
/** As customers say them: "i'm the one who'd decide" reads surer than "i am the one who'd decide" (0.87, 0.68). */
const SAID: Readonly<Record<string, string>> = {
  am: "i'm",
  do: "i",
  would: "i'd",
  will: "i'll",
  have: "i've",
};
