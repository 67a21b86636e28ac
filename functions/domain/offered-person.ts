import { lastQuestion } from "./slots/confirmation.js";

/**
 * Whether the turn takes up the AI's offer of a person: "Would you like me to connect you now?" "yeah actually go
 * ahead put me through"; "Want me to have a specialist call you?" "sure". A customer who says yes to a person
 * has asked for one, though the words alone ("sure", "go ahead") ask for nothing: the reader, which reads the
 * turn after the whole AI line, gave that yes 0.36 to 0.62 of a request (bar 0.65) and "yeah go ahead" 0.97 of an
 * enrolment. The offer is read in the AI's own last question (a question of "or" offers a choice, no person);
 * the yes from the closed class of English agreement words, short and with no word that declines, defers or
 * adds a condition. `normalized` is the turn as `normalizeText` writes it.
 */
export function acceptsOfferedPerson(aiLine: string | undefined, normalized: string): boolean {
  // Every turn passes here: the turn's own tests first, the AI line split into sentences only for a short yes.
  if (!AGREES.test(normalized) || HOLDS_BACK.test(normalized)) return false;
  if (normalized.split(/\s+/).filter(Boolean).length > SHORT_YES_WORDS) return false;
  const question = aiLine === undefined ? undefined : lastQuestion(aiLine);
  return question !== undefined && OFFERS_A_PERSON.test(question.toLowerCase());
}

/**
 * A yes and its reason ("Yes, please. I think that would be easier than going back and forth."): 10 -> 14 words
 * moved only that dev-ad call.
 */
const SHORT_YES_WORDS = 14;
const PERSON =
  "(?:specialists?|agents?|reps?|representatives?|experts?|advisors?|consultants?|colleagues?|people|person|human|someone|somebody|team|manager|closers?)";
// Our person, not the customer's ("did you get a chance to talk to your manager?" offers nobody).
const OURS = "(?:a |an |one of our |our |a real )?(?!your |my |his |her |their )(?:[a-z]+ )?";
const OFFERS_A_PERSON = new RegExp(
  String.raw`\b(?:connect|transfer|patch) you\b|\bput you (?:through|in touch)\b|\b(?:speak|talk|chat) (?:with|to) ${OURS}${PERSON}\b|\b(?:have|get|bring in|loop in) ${OURS}${PERSON}\b[^?]{0,30}\b(?:call|ring|reach|contact|join|phone)`,
);
const AGREES =
  /^(?:(?:oh|um|uh|well|yes|yeah|ok|okay)[,.!\s]+)*(?:yes|yeah|yep|yup|ya|yea|sure|ok|okay|please|absolutely|definitely|go ahead|sounds good|that would be great|that'd be great|thatd be great|perfect|great|let's do it|lets do it|do it|why not)(?![a-z'])/;
const HOLDS_BACK =
  /(?<![a-z'])(?:no|not|nope|nah|never|n't|dont|don't|cant|can't|wont|won't|later|but|maybe|instead|rather|another time|hold off|wait|first|after)(?![a-z'])/;
