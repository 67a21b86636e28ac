import { sentencesOf } from "../text.js";
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
 * The AI's last question, as it said it, when a yes can answer it: "auto, home or life?" offers a choice
 * and a yes picks none of them.
 */
export function lastQuestion(aiLine: string): string | undefined {
  const question = sentencesOf(aiLine)
    .filter((sentence) => sentence.endsWith("?"))
    .at(-1);
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
 * The AI's question as the customer would say it of themselves ("you'd be the decision maker?" -> "i'd be the
 * decision maker?"), so a reader taught on customers' words can read what a yes to it says. Only the
 * second-person words and "are" change; lowercase.
 */
export function inCustomerVoice(question: string): string {
  return question.toLowerCase().replace(/[a-z']+/g, (word) => SECOND_PERSON.get(word) ?? word);
}
