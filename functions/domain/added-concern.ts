/**
 * Whether a clause of the turn opens with a word that adds to what was said before ("also", "plus", "on top of
 * that", "besides", "not to mention", "and another thing", "what's more"), after at most a few interjections
 * or conjunctions ("eh. also idk if i trust cloud for this", "Mm, maybe. But also, I am manager only").
 *
 * Said with an objection, it is the customer saying the objection comes on top of an earlier concern, one the
 * reader may not have heard as an objection ("ur prob more than we want to spend"). These are the closed class
 * of additive connectives, as the negators are, not words of any objection. `clauses` are `splitClauses` of the
 * normalized turn (lowercase); a spoken turn's clauses are its sentences (`withSpokenSentenceEnds`).
 */
export function opensWithAddition(clauses: readonly string[]): boolean {
  return clauses.some((clause) => ADDITION.test(clause));
}

const LEAD_IN = "(?:(?:eh|um|uh|oh|hm|hmm|mm|well|so|and|but|look|ok|okay|yeah)[ ,]+){0,3}";
const ADDITION = new RegExp(
  `^${LEAD_IN}(?:also|plus|besides|on top of that|not to mention|and another thing|another thing is|what'?s more)(?![a-z0-9'])`,
);

/**
 * Whether the turn opens conceding the AI's point with a "maybe" and turns against it at once ("Maybe. But
 * 8x8 has been solid for us", "Eh, maybe. And even if I liked it, I don't make the call"): the customer
 * grants the answer to an earlier concern no more than a maybe and raises another. `normalized` is the turn as
 * `normalizeText` writes it. "Sure, but" and "OK, but" agree to go on and are not read so: the first turn of
 * a call says them before any concern.
 */
export function concedesThenObjects(normalized: string): boolean {
  return CONCESSION.test(normalized);
}

const CONCESSION = new RegExp(`^${LEAD_IN}maybe[.,!]*\\s+(?:but|and even if)(?![a-z0-9'])`);
