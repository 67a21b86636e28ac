import { isNegatedBefore } from "../text.js";
import { BARE_PERIOD_MIN } from "./amount.js";
import { type DateMention, mayNameADate, readDates, UNIT_DAYS } from "./calendar.js";
import { CORRECTION } from "./hedges.js";
import { type DigitisedText, digitise, originalWords } from "./numbers.js";
import { spokenPattern } from "./spoken-pattern.js";

export interface TimelineReading {
  value: string;
  days: number;
  confidence: number;
  quote: string;
  /** The calendar date the words name (YYYY-MM-DD), when the call's date is known. */
  date?: string;
}

/** Phrases with a fixed horizon in days; the call date is not needed for any of them. */
const FIXED: Array<[RegExp, number]> = [
  [
    /\b(?:asap|a\.s\.a\.p|as soon as (?:possible|we can|you can)|right away|straight away|immediately|urgent(?:ly)?|yesterday|today|tomorrow|this week|within (?:a|the|one) week|by (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|the weekend)|next (?:monday|tuesday|wednesday|thursday|friday)|in a few days|next few days|(?:next|this) couple (?:of )?days|end of (?:the|this) week)\b/,
    5,
  ],
  [/\bnext week\b/, 7],
  [
    /\b(?:end of (?:the |this )?month|this month|within (?:a|the|one) month|in a month|a month from now|(?<!end of )next month|in (?:a )?(?:couple|few) (?:of )?weeks|couple (?:of )?weeks|few weeks)\b/,
    30,
  ],
  [
    /\b(?:end of next month|(?:this|the current|current) quarter|within (?:the|this) quarter|end of (?:the |this )?quarter|by (?:q[1-4]|the end of q[1-4])|(?:a )?couple (?:of )?months|few months|next couple (?:of )?months)\b/,
    90,
  ],
  [
    /\b(?:next quarter|half a year|(?:this|by) (?:summer|spring|fall|autumn|winter)|end of (?:the |this )?year|later this year|by the end of the year|by year end|year-end|second half)\b/,
    180,
  ],
  [
    /\b(?:next year|in a year|a year from now|(?:not|nothing) (?:for|until) (?:a while|next year|a long time)|not any ?time soon|long way off|years? away)\b/,
    400,
  ],
];

const RELATIVE =
  /\b(?:within the next|in|within|over the next|next|in the next|in about|in around|about|around|roughly|maybe|like|by|another|say|probably|max|only)\s+(?:about\s+|around\s+|like\s+|maybe\s+)?(?:(\d+(?:\.\d+)?)\s*(?:-|to|or)\s*)?(\d+(?:\.\d+)?)\s*(day|week|month|quarter|year)s?\b/;
const AND_A_HALF = /^\s*and\s+(?:a\s+)?half\b/;
/** "in one month and half", "a month and a half": half a unit more, in days (the unit looked up only then). */
function halfUnitAfter(after: string, unitOf: () => string | undefined): number {
  if (!AND_A_HALF.test(after)) return 0;
  const unit = unitOf();
  return unit ? (UNIT_DAYS[unit] ?? 0) / 2 : 0;
}
const BARE_DURATION =
  /\b(?:(\d+(?:\.\d+)?)\s*(?:-|to|or)\s*)?(\d+(?:\.\d+)?)\s*(day|week|month|quarter|year)s?\b/;
const RATE =
  /\b(?:days?|weeks?|months?|times?|hours?)\s+(?:a|per|each|every|out of)\s+(?:day|week|month|year)\b/;
const MONEY_PERIOD =
  /(?:\d|\$|\b(?:k|grand|thousand|hundred|million|bucks|dollars))\s+(?:for|per|a|each)(?: the| a| one)?\s*$/;
/** "not until next year", "won't look at it till spring", "not before January": the horizon, not negated. */
const UNTIL = /\b(?:until|till|til|before)\s*$/;
const PAST =
  /\b(?:ago|been|for the (?:past|last)|last|since|used|had (?:it|them|that)|with (?:them|it) for)\b/;
const CONTRACT_LEFT =
  /\b(\d+)\s*(day|week|month|year)s?\s+(?:left|remaining|to go)\b|\b(?:contract|agreement|lease)\s+(?:ends|expires|is up|runs out|renews)\s+in\s+(\d+)\s*(day|week|month|year)s?\b/;
const TIMELINE_CONTEXT =
  /\b(?:start|live|switch|up and running|ready|go live|go with|launch|roll ?out|move|install|set up|setup|change|implement|need it|want it|have it|timeline|looking)\b/;
const NO_TIMELINE = new RegExp(
  spokenPattern(
    /\b(?:no (?:timeline|rush|hurry|idea when|set date)|(?:haven't|not) (?:decided|sure) (?:when|on (?:a|the) timeline)|(?:don't|do not) know when)\b/
      .source,
  ),
);

export function bucketOf(days: number): string {
  if (days <= 7) return "immediate";
  if (days <= 31) return "within_1_month";
  if (days <= 92) return "within_quarter";
  if (days <= 183) return "within_6_months";
  return "later";
}

/**
 * Words any timeline needs; a clause with none of them is skipped before the real patterns run. Every
 * pattern below reads them from a word's start, so "phone", "known" or "often" is no hint; "day" is also
 * the end of a weekday ("by monday").
 */
const TIMELINE_HINT =
  /\d|day|\b(?:asap|a\.s\.a\.p|soon|now|week|month|year|quarter|tomorrow|immediate|right away|straight away|urgent|summer|spring|fall|autumn|winter|while|left|q[1-4]|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|couple|few|several|half|rush|hurry|when)/;

/**
 * When the lead wants to be live, as a bucket of days from the call (and the date, when the call's date is
 * known). Dates and relative times are read by chrono (`calendar.ts`); what names no date ("asap", "a few
 * months", a contract's months left, a bare "3 months" answering the question) by the patterns here.
 */
export function readTimeline(
  rawClause: string,
  timelineAsked: boolean,
  callDate?: string,
  /** The slot is an appointment (a demo), which a callback's date may set; else a callback's date is skipped. */
  appointment = false,
): TimelineReading | null {
  const namesADate = mayNameADate(rawClause);
  if (!namesADate && !TIMELINE_HINT.test(rawClause)) return null;
  const inContext = timelineAsked || TIMELINE_CONTEXT.test(rawClause);
  const dated = namesADate
    ? lastHorizon(rawClause, readDates(rawClause, callDate), inContext, timelineAsked, appointment)
    : null;
  if (dated) {
    // "in one month and half": the date read is a month away, the horizon half a month more.
    const after = rawClause.slice(dated.index + dated.text.length);
    const days = dated.days + halfUnitAfter(after, () => /(day|week|month|year)s?$/.exec(dated.text)?.[1]);
    return reading(days, inContext ? 0.9 : 0.7, dated.text, dated.date);
  }
  const digitised = digitise(rawClause);
  // "a month" is one month; "a" and "1" are as long, so positions still map to the customer's words.
  // A clause without "a " has nothing to replace: the pattern need not run.
  const clause = digitised.text.includes("a ")
    ? digitised.text.replace(/\ba (day|week|month|quarter|year)\b/g, "1 $1")
    : digitised.text;
  const left = CONTRACT_LEFT.exec(clause);
  if (left) {
    const amount = Number(left[1] ?? left[3]);
    const unit = UNIT_DAYS[left[2] ?? left[4] ?? "month"] ?? 30;
    return reading(amount * unit, 0.8, said(digitised, left));
  }
  const relative = RELATIVE.exec(clause);
  if (
    relative &&
    !isFrequencyOrPast(clause, relative.index, relative[0].length) &&
    !isMoneyAPeriod(relative[0])
  ) {
    const unit = relative[3] ?? "month";
    const days =
      Number(relative[2]) * (UNIT_DAYS[unit] ?? 30) +
      halfUnitAfter(clause.slice(relative.index + relative[0].length), () => unit);
    const startsThen = timelineAsked || TIMELINE_CONTEXT.test(clause);
    // "the office is open only three days": a week or less said unasked is no horizon without a word of starting.
    if (days > 7 || startsThen) return reading(days, startsThen ? 0.9 : 0.7, said(digitised, relative));
  }
  for (const [pattern, days] of FIXED) {
    const match = pattern.exec(clause);
    // "i'm not ready to buy anything today" names no horizon.
    if (!match || isNegatedBefore(clause, match.index)) continue;
    if (POSSESSIVE.test(clause.slice(match.index + match[0].length))) continue;
    if (
      !appointment &&
      isWhenToReach(clause.slice(0, match.index), clause.slice(match.index + match[0].length))
    )
      continue;
    if (!inContext && isHabitualPeriodEnd(clause, match.index, match[0])) continue;
    if (!inContext && PERIOD_IS.test(clause.slice(match.index + match[0].length))) continue;
    if (!inContext && NEAR_PERIOD.test(match[0])) continue;
    const immediateNeedsContext = days <= 7 && !/asap|as soon as/.test(match[0]);
    if (immediateNeedsContext && !timelineAsked && !TIMELINE_CONTEXT.test(clause)) continue;
    return reading(days, timelineAsked || TIMELINE_CONTEXT.test(clause) ? 0.9 : 0.7, said(digitised, match));
  }
  if (timelineAsked && !NO_TIMELINE.test(clause)) {
    const bare = BARE_DURATION.exec(clause);
    if (bare && !isFrequencyOrPast(clause, bare.index, bare[0].length) && !isMoneyAPeriod(bare[0])) {
      return reading(Number(bare[2]) * (UNIT_DAYS[bare[3] ?? "month"] ?? 30), 0.75, said(digitised, bare));
    }
    const soon = /\b(?:right now|now|soon|as soon as)\b/.exec(clause);
    // "i'm not shopping right now" and "just collecting options for now" name no horizon, nor does "250 is
    // what one store pays now": what is paid or had today.
    const before = soon ? clause.slice(0, soon.index) : "";
    if (
      soon &&
      !isNegatedBefore(clause, soon.index, WHOLE_SENTENCE) &&
      !/\bfor\s*$/.test(before) &&
      !HAD_NOW.test(before)
    ) {
      return reading(5, 0.7, said(digitised, soon));
    }
  }
  return null;
}

/**
 * "i'm not sure i have time to deal with a setup right now": a now at the end of a sentence the customer negates is
 * not now, however far back the negation stands.
 */
const WHOLE_SENTENCE = 30;

/** "pays now", "what we have now", "the system we use right now": today's state, not a horizon. */
const HAD_NOW =
  /\b(?:pay|pays|paying|paid|spend|spends|spending|have|has|got|use|uses|using|cost|costs|charge|charges)\s+(?:[a-z]+\s+)?(?:right\s+)?$/;

const TAKES =
  /\b(?:takes?|took|taking)\s+(?:(?:us|them|me|him|her|you|people|ppl|everyone|the team)\s+)?(?:(?:about|around|like|maybe|roughly|up to|over|almost|nearly|at least)\s+)?$/;
const LATE = /^\s*(?:late|overdue|behind|past due)\b/;
/** "the PBX is about fifteen years old", "a two-year-old system": an age, not a horizon. */
const AGE = /^\s*-?\s*(?:old|of age)\b/;
/** "back in the spring", "back in August": a time said after "back". */
const BACK_THEN = /\bback\s+(?:(?:in|on|at|around|during|over)\s+)?(?:the\s+)?$/;
/** "call me back", "check back", "he's back", "i'll be back": someone returns then, so the time is ahead. */
const COMING_BACK =
  /\b(?:call|calls|calling|check|checking|try|come|comes|coming|get|getting|circle|ring|text|email|be|is|he's|she's|it's|hes|shes|its)\s+(?:(?:me|us|you|him|her|them|it)\s+)?back\s+\S*\s*(?:the\s+)?$/;
/**
 * A callback asked for right before the date ("call me back next thursday", "try me again after the 15th") names
 * when to call, unless the turn says it is also when to start ("call me back in the spring, we want it live then");
 * being away then ("im off today") names when the caller can be reached.
 */
function isWhenToReach(before: string, after: string): boolean {
  // "im off today", "we're closed tomorrow": when the caller can be reached, not when to be live.
  if (AWAY_THEN.test(before)) return true;
  return CALL_ME_THEN.test(before) && !ALSO_THEN.test(after.split(/[.?!]/, 1)[0] ?? "");
}
const AWAY_THEN =
  /\b(?:i'?m|i am|we'?re|we are|i'?ll be|we'?ll be)\s+(?:off|out|away|closed|busy|slammed|swamped|travell?ing|on vacation|on leave|off work)\s*$/;
/** The same sentence says that is when to start: "we want it live then", "and we'd switch at that point". */
const ALSO_THEN =
  /\b(?:live|start|starting|switch|switching|go|running|in place|ready|set up|move)\b[^,;]*\b(?:then|at that point)\b/;
const CALL_ME_THEN =
  /\b(?:call|ring|phone|text|email|try|reach|contact)\s+(?:me|us)\s+(?:back\s+|again\s+)?(?:on\s+|next\s+|this\s+|after\s+|in\s+|around\s+|about\s+|like\s+)?$/;

/** "this month's invoice", "next year's budget": the period names a thing, not when to be live. */
const POSSESSIVE = /^['’]s\b/;

/** One period ("a month", "per week"): after a count it is what the count is per. */
const ONE_PERIOD = /^(?:a|an|1|one|per|each|every)\s+(?:day|week|month|quarter|year)\b/;
/** "3,000", "200 calls", "twice", "three times", "300 bucks", "a hundred and fifty": a count, its noun at most one word. */
const COUNT_BEFORE =
  /(?:\d|\b(?:once|twice|times|hundred|thousand|million|k|grand|bucks|dollars|ten|eleven|twelve|[a-z]+teen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety))\s+(?:[a-z]+\s+)?$/;
/** "what would it cost a month": a price's period, not a time. */
const PRICE_BEFORE = /\b(?:cost|costs|charge|charges|run|runs)\s+(?:us\s+|me\s+|you\s+)?$/;

/** "today is the ninth", "today's the 9th": what day it is, not a day to be ready by. */
const TODAY_IS = /^(?:\s+is|'s|s)\b/;
/** "this month is 640", "next week is packed": the period said as what it is or was. */
const PERIOD_IS = /^,?\s+(?:is|was|are|were|has been|had been|came to|comes to|looks|looked)\b/;

/** "idk maybe 100 month": money a month with its "a" unsaid (amount.ts reads it so), not 100 months away. */
function isMoneyAPeriod(said: string): boolean {
  const count = /(\d+(?:\.\d+)?)\s*(?:month|year)$/.exec(said);
  return count !== null && Number(count[1]) >= BARE_PERIOD_MIN;
}

/**
 * "people come in two days a week" and "around 3,000 a month" are frequencies, and "for the past 2 years"
 * is history, not a horizon.
 */
function isFrequencyOrPast(clause: string, index: number, length: number): boolean {
  const said = clause.slice(index, index + length);
  const before = clause.slice(Math.max(0, index - 30), index);
  if (ONE_PERIOD.test(said) && (COUNT_BEFORE.test(before) || PRICE_BEFORE.test(before))) return true;
  // "we've switched three times in five years": the window a count happened in.
  if (/\b(?:once|twice|times)\s+(?:in\s+|over\s+|within\s+)?$/.test(before)) return true;
  const after = clause.slice(index + length);
  // "a week" may have become "1 week" (a month is one month when read as a horizon).
  if (/^\s*(?:a|1|per|each|every|out of)\s+(?:day|week|month|year)\b/.test(after)) return true;
  // chrono reads "in two days a week" as nine days: a rate inside the words read is a frequency too.
  if (RATE.test(said)) return true;
  // "closing takes us like 6 weeks", "clients pay us 60-90 days late": how long a task runs, not a horizon.
  if (TAKES.test(before) || LATE.test(after) || AGE.test(after)) return true;
  // "we got a quote back in the spring" is history; "call me back in the spring" comes back then.
  if (BACK_THEN.test(before) && !COMING_BACK.test(before)) return true;
  return PAST.test(clause.slice(Math.max(0, index - 20), index + length + 8));
}

/**
 * The last date that is a horizon (a later one corrects: "end of the month, no, more like six weeks from
 * now"): not history ("for two years"), not negated, a bare duration only as an answer, a day or two only in
 * context.
 */
function lastHorizon(
  clause: string,
  mentions: DateMention[],
  inContext: boolean,
  timelineAsked: boolean,
  appointment: boolean,
): DateMention | null {
  for (const mention of mentions.toReversed()) {
    if (mention.bare && !timelineAsked) continue;
    if (isFrequencyOrPast(clause, mention.index, mention.text.length)) continue;
    if (isMoneyAPeriod(mention.text)) continue;
    // "today is the ninth" says what day it is, not when to be ready.
    const after = clause.slice(mention.index + mention.text.length);
    if (mention.days === 0 && TODAY_IS.test(after)) continue;
    // "our bill this month is 640": what the period is like, not when to be live, unless said of starting.
    if (!inContext && PERIOD_IS.test(after)) continue;
    if (POSSESSIVE.test(after)) continue;
    if (!inContext && isHabitualPeriodEnd(clause, mention.index, mention.text)) continue;
    // "in the summer we get slammed", "order line in spring": a season, or the period around now, said unasked
    // is when something happens, unless said with a word of starting or switching ("we want it live in the spring").
    if (!inContext && (SEASON_SPAN.test(mention.text) || NEAR_PERIOD.test(mention.text))) continue;
    // "thirty k for the year" is what a budget covers, not when to be live.
    if (MONEY_PERIOD.test(clause.slice(Math.max(0, mention.index - 30), mention.index))) continue;
    // "no, more like six weeks from now" corrects; "not this week" negates; "not until next year" names it.
    const before = clause.slice(0, mention.index);
    if (isNegatedBefore(clause, mention.index) && !CORRECTION.test(before) && !UNTIL.test(before)) continue;
    // "i'm busy tomorrow" is no timeline; "we need it live by friday" is.
    if (mention.days <= 7 && !inContext) continue;
    // "Can you call me back next Thursday?": when to call, not when to be live, though the AI asked when.
    if (!appointment && isWhenToReach(before, after)) continue;
    return mention;
  }
  return null;
}

/**
 * "i got charged twice this month", "the third call from you people this month", "we renew the lease next
 * month": the period around now said unasked is when something happens, not when to be live, unless said with
 * a word of starting or switching ("we want to switch this month").
 */
const NEAR_PERIOD = /^(?:(?:this|next)\s+(?:week|month)|this\s+(?:quarter|year))$/;

/** A season the way one says when something happens: "in summer", "during the winter", "over the holidays". */
const SEASON_SPAN = /^(?:in|during|over)\s+(?:the\s+)?(?:summer|spring|fall|autumn|winter|holidays)$/;

/**
 * "receipts come in at the end of the month", "we get slammed at the end of the quarter": at the end of a
 * period named without this or next is when something keeps happening, not a deadline, unless it answers
 * the question of when or is said with a word of starting or switching.
 */
function isHabitualPeriodEnd(clause: string, index: number, text: string): boolean {
  if (!/^(?:the\s+)?end\s+of\s+the\s+(?:month|quarter|year)$/.test(text)) return false;
  return /\bat\s+(?:the\s+)?$/.test(clause.slice(Math.max(0, index - 8), index));
}

function said(digitised: DigitisedText, match: RegExpExecArray): string {
  return originalWords(digitised, match.index, match.index + match[0].length);
}

function reading(days: number, confidence: number, quote: string, date?: string): TimelineReading {
  return { value: bucketOf(days), days, confidence, quote: quote.trim(), ...(date ? { date } : {}) };
}
