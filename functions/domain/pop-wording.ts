import type { Campaign, SlotDefinition } from "../../contracts/campaign.js";
import type { HandoffTrigger } from "../../contracts/transcript.js";
import type { SlotEvidence } from "../../contracts/turn-signals.js";
import { sentencesOf } from "./text.js";

/**
 * Plain words for the closer: slot values as a person says them, and the customer's sentences picked
 * out of a turn. Nothing here invents content: a value or a sentence is reworded or quoted, never guessed.
 */

const comparable = (text: string): string =>
  text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();

/** The sentence of `text` that holds `quote` (the words a value or an objection was read from). */
export function sentenceHolding(text: string, quote: string): string | undefined {
  const needle = comparable(quote);
  if (needle === "") return undefined;
  return sentencesOf(text).find((sentence) => comparable(sentence).includes(needle));
}

const AUTHORITY: Record<string, string> = {
  decision_maker: "Decides alone",
  joint: "Decides with others",
  not_decision_maker: "Someone else decides",
};

const TIMELINE: Record<string, string> = {
  immediate: "Within a week",
  within_1_month: "Within a month",
  within_quarter: "Within three months",
  within_6_months: "Within six months",
  later: "More than six months away",
};

/** "1500/mo" -> "$1,500 a month", "20000-30000/yr" -> "$20,000 to $30,000 a year", "0-5000" -> "up to $5,000". */
export function amountInWords(value: string, currency: string | undefined): string {
  const match = /^(\d+)(?:-(\d+)|(\+))?(\/mo|\/yr)?$/.exec(value);
  if (!match) return value;
  const money = (digits: string): string => {
    const amount = Number(digits);
    return currency
      ? new Intl.NumberFormat("en-US", { style: "currency", currency, maximumFractionDigits: 0 }).format(
          amount,
        )
      : new Intl.NumberFormat("en-US").format(amount);
  };
  const [, low = "0", high, orMore, period] = match;
  const amount =
    high !== undefined
      ? low === "0"
        ? `up to ${money(high)}`
        : `${money(low)} to ${money(high)}`
      : orMore
        ? `${money(low)} or more`
        : money(low);
  const per = period === "/mo" ? " a month" : period === "/yr" ? " a year" : "";
  return `${amount}${per}`;
}

/** "2026-03-15" -> "by Mar 15, 2026". */
function dateInWords(date: string): string {
  const day = new Date(`${date}T12:00:00Z`);
  if (Number.isNaN(day.getTime())) return date;
  return `by ${new Intl.DateTimeFormat("en-US", { month: "short", day: "numeric", year: "numeric", timeZone: "UTC" }).format(day)}`;
}

const humanise = (value: string): string => {
  const words = value.replace(/_/g, " ").trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
};

/** A slot value as the closer reads it, using the campaign's labels where it has them. */
export function valueInWords(
  slot: SlotDefinition | undefined,
  value: string,
  campaign: Campaign,
  evidence: SlotEvidence = {},
): string {
  switch (slot?.kind) {
    case "amount":
      // The currency the customer named, else the campaign's.
      return amountInWords(value, evidence.currency ?? campaign.product.currency);
    case "authority":
      return AUTHORITY[value] ?? humanise(value);
    case "timeline": {
      const bucket = TIMELINE[value] ?? humanise(value);
      return evidence.date ? `${bucket} (${dateInWords(evidence.date)})` : bucket;
    }
    case "category":
      return slot.valueLabels?.[value] ?? humanise(value);
    default:
      return humanise(value);
  }
}

/** What a sentence asks for, split so it can be said in the third person (pop) or the second (opener). */
export interface Request {
  kind: "want" | "need" | "know" | "speak" | "how";
  /** The rest of the sentence, still in the customer's pronouns ("a quote for 30 seats"). */
  rest: string;
}

const LEAD_IN =
  /^(?:(?:yes|yeah|yep|ok|okay|great|good|right|so|well|look|listen|honestly|alright|perfect|sure|hi|hello)\b[,!.]?\s*)+/i;
const PLEASE = /\s*\bplease\b\s*/gi;

const REQUEST_SHAPES: ReadonlyArray<[RegExp, Request["kind"]]> = [
  [
    /^(?:can|could|would|will) you (?:just )?(?:send|give|get|email|text|quote|show|book|set up|put together for) (?:me|us) (.+)$/i,
    "want",
  ],
  [/^(?:can|could|would|will) you (?:just )?tell (?:me|us) (.+)$/i, "know"],
  [/^(?:can|could|may) (?:i|we) (?:just )?(?:speak|talk) (?:to|with) (.+)$/i, "speak"],
  [/^(?:can|could|may) (?:i|we) (?:get|have|see) (.+)$/i, "want"],
  [/^(?:i|we)(?:'d| would) (?:really )?like (.+)$/i, "want"],
  [/^(?:i|we) (?:really )?(?:want|wanna) (.+)$/i, "want"],
  [/^(?:i|we) (?:really )?need (?:to (?:speak|talk) (?:to|with) )(.+)$/i, "speak"],
  [/^(?:i|we) (?:really )?need (.+)$/i, "need"],
  [
    /^(?:i|we)(?:'d| would) (?:much )?rather (?:just )?(?:speak|talk) (?:to|with) (.+?)(?: now| instead| please)?$/i,
    "speak",
  ],
  [/^(?:let me|let us) (?:speak|talk) (?:to|with) (.+)$/i, "speak"],
  [/^(?:let's|lets|let us) (.+)$/i, "want"],
  [/^how (?:do|can|would) (?:i|we) (.+)$/i, "how"],
  [/^(?:put me through|transfer me|connect me) to (.+)$/i, "speak"],
];

/** "Can you send me a quote for 30 seats?" -> {want, "a quote for 30 seats"}; undefined when unsure. */
export function readRequest(sentence: string): Request | undefined {
  // Each comma-separated part first ("I'd rather talk to a person now, can you put me through?"),
  // then the whole sentence; "2,000" has no space after its comma and stays whole.
  const parts = [...sentence.split(/,\s+/), sentence];
  for (const part of parts) {
    const request = readOnePart(part);
    if (request) return request;
  }
  return undefined;
}

function readOnePart(part: string): Request | undefined {
  const clean = part.replace(LEAD_IN, "").replace(PLEASE, " ").replace(/\s+/g, " ").trim();
  const body = clean.replace(/[.!?]+$/, "").trim();
  for (const [shape, kind] of REQUEST_SHAPES) {
    const match = shape.exec(body);
    const rest = match?.[1]
      ?.replace(kind === "speak" ? /\s+(?:right now|now|please|instead)$/i : /$^/, "")
      .trim();
    if (rest && rest.split(" ").length <= 20) {
      // "let's do it" / "let's get started" read as wanting to go ahead.
      return kind === "want" && /^(?:let's|lets|let us)/i.test(body)
        ? { kind, rest: `to ${rest}` }
        : { kind, rest };
    }
  }
  return undefined;
}

const THIRD_PERSON: Record<string, string> = {
  i: "they",
  "i'm": "they're",
  "i've": "they've",
  me: "them",
  my: "their",
  mine: "theirs",
  we: "they",
  "we're": "they're",
  "we've": "they've",
  us: "them",
  our: "their",
  ours: "theirs",
  myself: "themselves",
  ourselves: "themselves",
};
const SECOND_PERSON: Record<string, string> = {
  i: "you",
  "i'm": "you're",
  "i've": "you've",
  me: "you",
  my: "your",
  mine: "yours",
  we: "you",
  "we're": "you're",
  "we've": "you've",
  us: "you",
  our: "your",
  ours: "yours",
  myself: "yourself",
  ourselves: "yourselves",
};

function swapPronouns(text: string, table: Record<string, string>): string {
  return text.replace(/\b[\p{L}']+\b/gu, (word) => table[word.toLowerCase()] ?? word);
}

/** "Wants a quote for 30 seats". */
export function requestInThirdPerson(request: Request): string {
  const rest = swapPronouns(request.rest, THIRD_PERSON);
  switch (request.kind) {
    case "need":
      return `Needs ${rest}`;
    case "know":
      return `Wants to know ${rest}`;
    case "speak":
      return `Wants to speak to ${rest}`;
    case "how":
      return `Asks how to ${rest}`;
    default:
      return `Wants ${rest}`;
  }
}

/** "you'd like a quote for 30 seats". */
export function requestInSecondPerson(request: Request): string {
  const rest = swapPronouns(request.rest, SECOND_PERSON);
  switch (request.kind) {
    case "need":
      return `you need ${rest}`;
    case "know":
      return `you wanted to know ${rest}`;
    case "speak":
      return `you wanted to speak to ${rest}`;
    case "how":
      return `you asked how to ${rest}`;
    default:
      return `you'd like ${rest}`;
  }
}

/** Words that mark the sentence of a turn that carries each kind of handoff. */
const TRIGGER_WORDS: Partial<Record<HandoffTrigger | "system_fallback", RegExp>> = {
  customer_request:
    /\b(?:person|human|someone|somebody|agent|representative|rep|manager|supervisor|operator|real|live|speak|talk)\b/i,
  buying_intent:
    /\b(?:quote|price|pricing|cost|costs|sign|contract|buy|purchase|start|started|order|enrol|enroll|trial|demo|proposal|invoice|how much|sign up|go ahead|move forward|ready|get going)\b/i,
};

/** The customer's sentence that carries the handoff: the trigger's words, else a question, else the turn. */
export function askingSentence(text: string, trigger: string, objectionQuote?: string): string {
  const sentences = sentencesOf(text);
  const marker = TRIGGER_WORDS[trigger as HandoffTrigger];
  const byQuote = objectionQuote ? sentenceHolding(text, objectionQuote) : undefined;
  const chosen =
    byQuote ??
    (marker ? [...sentences].reverse().find((sentence) => marker.test(sentence)) : undefined) ??
    [...sentences].reverse().find((sentence) => sentence.endsWith("?")) ??
    sentences.at(-1) ??
    text.trim();
  return chosen.length > 200 ? `${chosen.slice(0, 197).trimEnd()}...` : chosen;
}
