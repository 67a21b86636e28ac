import type { Thresholds } from "../../contracts/campaign.js";
import type { Sentiment } from "../../contracts/transcript.js";
import type { BuyingIntentKind, EndReason, ObjectionKind, Tone } from "../../contracts/turn-signals.js";
import { findAffirmed, isNegatedBefore } from "../../functions/domain/text.js";
import {
  ACKNOWLEDGEMENT,
  AT_THE_CALL,
  BARE_PERSON_WORD,
  BUY_NOW,
  CONFUSION,
  CONTRACT_REQUEST,
  DEFERRAL,
  DEFERRED,
  DO_NOT_CALL,
  INTENT_HEDGE,
  MILD_NEGATIVE,
  NOT_INTERESTED,
  OBJECTION,
  PERSON_IDENTITY_QUESTION,
  PERSON_NOT_REQUEST_AFTER,
  PERSON_REQUEST,
  POSITIVE,
  PRICE_REQUEST,
  PROBLEM_SUBJECT,
  QUOTE_REQUEST,
  SARCASM,
  SARCASM_TARGET,
  STRONG_NEGATIVE,
  STRONG_SARCASM,
  WRONG_NUMBER,
} from "./lexicon.js";

/** Lex V2 NLU reading of the turn, when the bot has intents for it. */
export interface NluHint {
  intent: string;
  confidence: number;
}

export interface UtteranceInput {
  /** Normalised text (text.ts) and its clauses. */
  text: string;
  clauses: readonly string[];
  sentiment?: Sentiment | undefined;
  nlu?: NluHint | undefined;
}

/** "one of those calls where you pass me to a salesperson" describes, it does not ask. */
const HYPOTHETICAL = /\b(?:where|if|when|unless|whenever) you (?:pass|put|transfer|send|connect|hand)\b/;

/** Cheap gates: most turns name no person and no purchase, and then the big patterns need not run. */
const PERSON_HINT =
  /person|human|agent|rep|operator|manager|supervisor|some(?:one|body)|any(?:one|body)|specialist|expert|sales|people|team|boss|charge|bot|robot|computer|machine|\bai\b|call (?:me|from)|engineer|advisor|adviser|consultant|with (?:one|your|a |an )|who can|ring|living|off this|done talking|operator/;
const BUYING_HINT =
  /buy|purchas|sign|order|start|ready|let's|let us|pric|cost|how much|quote|estimate|proposal|offer|contract|paperwork|agreement|terms|next step|going|rolling|moving|sold|count (?:me|us)|set (?:me|us)|charge|rate|fee|ballpark|expensive|run (?:me|us|you)|would that run|take it|proceed|forward|damage|invoice|we're in|i'm in|count|quote/;

const BUYING_PATTERNS: ReadonlyArray<readonly [BuyingIntentKind, RegExp]> = [
  ["contract_request", CONTRACT_REQUEST],
  ["quote_request", QUOTE_REQUEST],
  ["buy_now", BUY_NOW],
  ["price_request", PRICE_REQUEST],
];

/** Intent names a campaign's Lex bot may use; a confident match counts like the words. */
const NLU_PERSON_INTENTS = new Set(["TalkToAgent", "SpeakToHuman", "RequestHuman", "TransferToAgent"]);
const NLU_BUY_INTENTS = new Set(["BuyNow", "RequestQuote", "RequestPrice"]);

export function detectPersonRequest(input: UtteranceInput, thresholds: Thresholds): boolean {
  if (
    input.nlu &&
    NLU_PERSON_INTENTS.has(input.nlu.intent) &&
    input.nlu.confidence >= thresholds.nluConfidence
  ) {
    return true;
  }
  if (BARE_PERSON_WORD.test(input.text)) return true;
  if (!PERSON_HINT.test(input.text)) return false;
  // Only patterns that match the whole turn are worth checking clause by clause for negation.
  const candidates = PERSON_REQUEST.filter((pattern) => pattern.test(input.text));
  if (candidates.length === 0) return false;
  return input.clauses.some((clause) => {
    if (PERSON_IDENTITY_QUESTION.test(clause) || DEFERRED.test(clause) || HYPOTHETICAL.test(clause))
      return false;
    return candidates.some((pattern) => {
      const match = pattern.exec(clause);
      if (!match || isNegatedBefore(clause, match.index)) return false;
      const rest = clause.slice(match.index + match[0].length);
      return !PERSON_NOT_REQUEST_AFTER.test(rest);
    });
  });
}

export function detectBuyingIntent(input: UtteranceInput, thresholds: Thresholds): BuyingIntentKind | null {
  if (
    input.nlu &&
    NLU_BUY_INTENTS.has(input.nlu.intent) &&
    input.nlu.confidence >= thresholds.nluConfidence
  ) {
    return input.nlu.intent === "BuyNow" ? "buy_now" : "price_request";
  }
  if (!BUYING_HINT.test(input.text)) return null;
  const patterns = BUYING_PATTERNS.filter(([, pattern]) => pattern.test(input.text));
  if (patterns.length === 0) return null;
  // A hedge anywhere in the turn ("no rush, I'm still thinking") takes away a wish to buy now, not a price request.
  const hedgedTurn = INTENT_HEDGE.test(input.text);
  for (const clause of input.clauses) {
    if (INTENT_HEDGE.test(clause)) continue;
    for (const [kind, pattern] of patterns) {
      const match = pattern.exec(clause);
      if (match && !isNegatedBefore(clause, match.index) && !(kind === "buy_now" && hedgedTurn)) return kind;
    }
  }
  return null;
}

/** Objection kinds raised in the turn; the AI asking about authority makes "my boss decides" an answer. */
export function detectObjections(input: UtteranceInput, askedSlot: string | undefined): ObjectionKind[] {
  const kinds: ObjectionKind[] = [];
  for (const [kind, pattern] of Object.entries(OBJECTION) as Array<[ObjectionKind, RegExp]>) {
    if (kind === "authority" && askedSlot === "authority") continue;
    if (kind === "competitor" && askedSlot === "need") continue;
    if (pattern.test(input.text)) kinds.push(kind);
  }
  return kinds;
}

export interface ToneReading {
  tone: Tone;
  negativity: number;
  strongNegative: boolean;
  sarcasm: boolean;
}

export function readTone(input: UtteranceInput, thresholds: Thresholds): ToneReading {
  const sarcasm =
    STRONG_SARCASM.test(input.text) ||
    (SARCASM.test(input.text) && SARCASM_TARGET.test(input.text) && !ACKNOWLEDGEMENT.test(input.text));
  const strongWords =
    STRONG_NEGATIVE.test(input.text) &&
    input.clauses.some((clause) => {
      const match = STRONG_NEGATIVE.exec(clause);
      if (!match || isNegatedBefore(clause, match.index)) return false;
      return !PROBLEM_SUBJECT.test(input.text) || AT_THE_CALL.test(clause);
    });
  const mildWords = MILD_NEGATIVE.test(input.text) && findAffirmed(input.clauses, MILD_NEGATIVE) !== null;
  const lexical = strongWords ? 0.9 : sarcasm ? 0.7 : mildWords ? 0.5 : POSITIVE.test(input.text) ? 0.1 : 0.2;
  const scored = input.sentiment ? negativityOf(input.sentiment) : undefined;
  const negativity = scored === undefined ? lexical : Math.max(scored, strongWords ? lexical : 0);
  const strongNegative = strongWords || (scored !== undefined && scored >= thresholds.strongNegativeScore);
  const tone: Tone = negativity >= 0.5 ? "negative" : negativity <= 0.15 ? "positive" : "neutral";
  return { tone, negativity, strongNegative, sarcasm };
}

function negativityOf(sentiment: Sentiment): number {
  const score = sentiment.scores?.negative;
  if (score !== undefined) return score;
  if (sentiment.label === "NEGATIVE") return 0.75;
  if (sentiment.label === "MIXED") return 0.45;
  return sentiment.label === "POSITIVE" ? 0.05 : 0.2;
}

export function detectConfusion(input: UtteranceInput): boolean {
  return CONFUSION.test(input.text);
}

export function detectAcknowledgement(input: UtteranceInput): boolean {
  return ACKNOWLEDGEMENT.test(input.text) && findAffirmed(input.clauses, ACKNOWLEDGEMENT) !== null;
}

export function detectEndReason(input: UtteranceInput): EndReason | null {
  if (DO_NOT_CALL.test(input.text)) return "do_not_call";
  if (WRONG_NUMBER.test(input.text)) return "wrong_number";
  return NOT_INTERESTED.test(input.text) ? "not_interested" : null;
}

export function detectDeferral(input: UtteranceInput): boolean {
  return DEFERRAL.test(input.text);
}
