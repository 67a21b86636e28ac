import { withinOneEdit } from "../spelling.js";
import { normalizeText, sentencesOf, unpunctuatedQuestion } from "../text.js";
import { digitise, originalWords } from "./numbers.js";
import { spokenPattern } from "./spoken-pattern.js";

export interface AmountReading {
  value: string;
  confidence: number;
  quote: string;
  /** ISO 4217 code when the customer named a currency that is not just "dollars" ("2,000 euros", "£500"). */
  currency?: string;
  /** The amount is what the customer pays today, or paid before: no budget, read only weakly. */
  paidToday?: true;
}

/**
 * A currency named beside the number. "$", "dollars" and "bucks" name none: they are the campaign's own
 * (`product.currency`), which the screen pop prints.
 */
const CURRENCY_NAMES: Array<[RegExp, string]> = [
  [/€|\beuros?\b|\beur\b/, "EUR"],
  [/£|\bpounds?\b|\bquid\b|\bgbp\b/, "GBP"],
  [/\busd\b|\bus dollars\b/, "USD"],
];

/** Where the amount starts with its currency sign: "€2,000", not "2,000". */
function signAt(before: string, index: number): number {
  const sign = CURRENCY_SIGN.exec(before);
  return sign ? sign.index : index;
}
const CURRENCY_SIGN = /[€£]\s?$/;

function currencyNear(before: string, text: string, after: string): string | undefined {
  const span = `${before.slice(-2)}${text}${after.slice(0, 12)}`;
  for (const [pattern, code] of CURRENCY_NAMES) if (pattern.test(span)) return code;
  return undefined;
}

const NUMBER = String.raw`\$?\s?(\d+(?:[.,]\d+)*)\s?(?:(k|grand|thousand|million|mil|m|bucks|dollars?|usd|euros?|eur|pounds|quid|gbp)(?![a-z]))?(?:\s?(?:bucks|dollars?|usd|euros?|eur|pounds|quid|gbp)(?![a-z]))?`;
// "150 in the month", "80 dollars for month": said in a second language, the period's article or preposition shifts.
const PERIOD = String.raw`(?:\s*(?:a|per|each|every|/|an|for the|for a|for the whole|over the|over a|for one|for 1|for the first|in the first|in the|in a|for|by the)\s*(month|mo|year|yr|annum)(?![a-z])|\s*(monthly|annually|yearly))`;
const AMOUNT = new RegExp(
  String.raw`(?:(between|from)\s+)?${NUMBER}(?:(?:\s*(?:-|to|and|or|or maybe|maybe)\s*|\s*)${NUMBER})?${PERIOD}?`,
  "g",
);
/** Two numbers with only a space between them. */
const SPOKEN_RANGE = /\d(?:\s?(?:k|grand|thousand|million|mil|m|bucks|dollars?))?\s+\$?\d/;
const FIRST_NUMBER = new RegExp(String.raw`^(?:(?:between|from)\s+)?${NUMBER}`);

/**
 * Spoken, a range may lose its "to": "we figured 100 150 a month", "30 40k". Two numbers side by side are a
 * range only when the second is the larger and at most three times the first; else ("two grand one off for
 * setup") the match is its first number alone.
 */
function spokenPairOrFirst(match: RegExpMatchArray): [string, ...Array<string | undefined>] {
  const [text, , firstDigits, firstScale, secondDigits, secondScale] = match;
  const whole: [string, ...Array<string | undefined>] = [text, ...match.slice(1)];
  if (secondDigits === undefined || firstDigits === undefined || !SPOKEN_RANGE.test(text)) return whole;
  const scale = scaleOf(secondScale) ?? scaleOf(firstScale) ?? 1;
  const low = toNumber(firstDigits) * (scaleOf(firstScale) ?? scale);
  const high = toNumber(secondDigits) * scale;
  if (low < high && high <= 3 * low) return whole;
  const first = FIRST_NUMBER.exec(text);
  return first ? [first[0], undefined, first[1], first[2]] : whole;
}
// "under, call it 800", "up to, say, 750": the bound may stand before a word of hedging.
const UPPER_BOUND =
  /(?:under|less than|below|no more th[ae]n|not more th[ae]n|up to|upto|max(?:imum)?(?: of)?|at most|tops|cap(?:ped)? at|ceiling of|no higher than|within|(?:can'?t|cannot|can not|won'?t|will not|don'?t|do not|doesn'?t|does not|didn'?t|did not|wouldn'?t|would not|not|never|shouldn'?t|should not)(?: (?:want|wanna|like|try|trying))?(?: to)? (?:go|be|spend|pay|going)? ?(?:over|above|past|beyond|more th[ae]n))\s*,?\s*(?:(?:um|uh|er|erm),?\s*)*(?:(?:say|call it|let's say|lets say),?\s*)?(?:(?:about|around|like|maybe)\s*)?$/;
const LOWER_BOUND =
  /(?:at least|more th[ae]n|over|north of|upwards of|minimum(?: of)?|starting at|from)\s*(?:(?:about|around|like)\s*)?$/;
// "600 a month, tops", "300 per month, not more": the bound may follow a comma.
const TRAILING_UPPER =
  /^\s*,?\s*(?:tops|max|maximum|at most|or less|or under|at the most|(?:and |but )?(?:not|no) more|(?:is|would be|will be) (?:the|my|our|his|her|their) (?:max(?:imum)?|limit|ceiling|cap|top))\b/;
const TRAILING_LOWER = /^\s*,?\s*(?:or more|plus|\+|minimum|at least|and up)\b/;
const NON_MONEY_UNIT =
  /^\s*(?:%|percent|people|ppl|folks|guys|heads|persons|users?|seats?|agents?|employees?|staff|reps?|lines?|phones?|extensions?|numbers?|locations?|offices?|sites?|stores?|branches?|calls?|minutes?|mins?|hours?|days?|weeks?|months?|years?|yrs?|times?|of (?:us|them)|am|pm|o'clock|st|nd|rd|th|x|sq|square|mb|gb)\b/;
/**
 * "about four hundred candidates' numbers": a bare number before a plural noun (a word of five letters or
 * more ending in one s), or one word before it ("about two hundred small businesses"), counts things, not
 * money; "tops", "plus" and the money words count nothing.
 */
const COUNTED_THINGS =
  /^\s*(?:(?!(?:per|each|every|and|total|all|tops|max|for)\b)[a-z]{3,}\s+)?(?!(?:perhaps|upwards|onwards|always|tops|plus|bucks|dollars|pounds|euros|thousands|hundreds|millions)\b)[a-z]{3,}[^s'\s]s'?(?![a-z])/;
const BUDGET_CONTEXT =
  /budget|spend|spending|afford|invest|set aside|allocat|earmark|price range|looking at|comfortable|stretch|willing to (?:pay|go)|can (?:pay|do|go)|ballpark|around|about|roughly/;
/**
 * Words before an amount that make it what the customer pays today: "we pay", "our bill", and what something they
 * have costs, said right before it ("the avaya maintenance contract alone is 2100/mo", "verizons bundle is
 * 520/mo": over the dev sets, five budgets a form their labelers never gave, none right lost, session 49).
 */
const CURRENT_SPEND = new RegExp(
  spokenPattern(
    /(?:currently|right now|now|today)? ?(?:(?:we|i) (?:pay|are paying|am paying|spend on)|(?:we're|i'm) paying)|(?:our|the) (?:current |[a-z]+ )?(?:bill|invoice)|paying (?:them|currently)|(?:charg(?:es|ing|ed)|costs|costing) (?:us|me)|\b(?:bill|invoice|contract|bundle|lease|maintenance|answering service)s? (?:alone |by itself |right now |now |currently )?(?:is|are|runs?|comes? to|costs?)(?: us| me)?(?: like| about| around| roughly| almost| over| ~)?\s*$/
      .source,
  ),
);
/** "... last month", "... this past quarter": a period gone by, after an amount. */
const PAID_THEN =
  /^\s*(?:(?:a|per|each)\s+(?:month|year|quarter|week)\s+)?(?:last|this past|the past)\s+(?:month|year|quarter|week|time|bill|invoice)\b/;
/**
 * "What do you pay now?", "how much is your phone bill?": the AI asked what the customer pays today, and an
 * amount in the answer is that bill, not what they would spend, unless the answer says what they want.
 */
const ASKS_CURRENT_SPEND =
  /\b(?:what|how much)\b(?!.*\b(?:like to|want to|willing|hoping|would you|budget)\b).*(?:\b(?:pay|paying|spend|spending|cost(?:s|ing)? you)\b.*\b(?:now|today|currently|at the moment|these days)\b|\bcurrent(?:ly)? (?:pay|paying|spend|spending|bill|cost)\b|\b(?:your|the) (?:\w+ )?bill\b)/;
/**
 * "we pay eleven hundred a month; if you can do it for that or less, we're interested", "I'd want this to come
 * in under that": what the customer pays today, said again as the most they would pay.
 */
const CAPPED_AT_IT = new RegExp(
  spokenPattern(
    /\b(?:(?:under|less than|below|no more than|not more than|at most|no higher than|cheaper than|(?:not|n't|never) (?:to )?(?:go |be |spend |pay )?(?:over|above|past|more than))\s+(?:that|it|what (?:we|i)(?:'re| are)? pay(?:ing)?)|(?:that|it) or (?:less|under|lower|cheaper))\b/
      .source,
  ),
);
const MEASURED_BY_BILL = new RegExp(
  spokenPattern(
    /(?:\bhalf|\b0\.5|\ba third|\ba fraction|\bless than|\bunder|\bbelow|\bcheaper than|\blower than) (?:of )?what (?:we|i)(?:'re| are| am|'m)? pay/
      .source,
  ),
);
// "I want to say a hundred and eighty" hedges a figure, as "I'd say" does: no wish.
const WANTS =
  /\b(?:want(?! to say)|wanna(?! say)|would(?! say)|willing|like to|hoping|hope|budget|afford|under|max|at most|no more than|up to|less|cheaper|half|instead)\b/;

/** "we could do eighty", "i can swing a hundred": what the customer can pay, said beside pushback. */
const CAN_PAY =
  /\b(?:can|could|cld)\s+(?:(?:probably|maybe|only|just)\s+)?(?:pay|do|go|spend|manage|swing|stretch)\b/;

/** The AI line's last question, lowercase: what the customer's next words answer. */
function finalQuestion(aiLine: string | undefined): string | undefined {
  if (aiLine === undefined) return undefined;
  const lower = aiLine.toLowerCase();
  return (
    sentencesOf(lower)
      .filter((sentence) => sentence.endsWith("?"))
      .at(-1) ?? unpunctuatedQuestion(lower)
  );
}

/** "How many users across the seven pharmacies?": the answer counts things. */
const ASKS_COUNT = /\bhow many\b/;

/** The AI's last question asks how many of something there are: a number in the answer is a count. */
export function asksCount(aiLine: string | undefined): boolean {
  const question = finalQuestion(aiLine);
  return question !== undefined && ASKS_COUNT.test(question);
}

/** The AI's last question asks what the customer pays today (see ASKS_CURRENT_SPEND). */
export function asksCurrentSpend(aiLine: string | undefined): boolean {
  const question = finalQuestion(aiLine);
  return question !== undefined && ASKS_CURRENT_SPEND.test(question);
}

/** "What would you want to spend a month?": the period the question gives an answer that names none. */
const ASKED_PERIOD = /\b(?:(?:a|per|each|every) (month|year)|(monthly)|(annual(?:ly)?|yearly|per annum))\b/;

/** The period the AI's last question asks the amount in ("/mo", "/yr"), or "" when it names none. */
export function askedPeriod(aiLine: string | undefined): "" | "/mo" | "/yr" {
  const question = finalQuestion(aiLine);
  const found = question === undefined ? null : ASKED_PERIOD.exec(question);
  if (!found) return "";
  return found[1] === "month" || found[2] !== undefined ? "/mo" : "/yr";
}

const NO_BUDGET = new RegExp(
  spokenPattern(
    /(?:no|don't have a|haven't (?:set|got) a|not sure (?:about|on) (?:the )?|no idea (?:about|on|what) (?:the |our )?|no set|not set a|there's no) ?budget|budget (?:isn't|is not|hasn't been) (?:set|decided)/
      .source,
  ),
);

function scaleOf(scale: string | undefined): number | null {
  if (scale === undefined) return null;
  if (scale === "k" || scale === "grand" || scale === "thousand") return 1_000;
  if (scale === "million" || scale === "mil" || scale === "m") return 1_000_000;
  return 1;
}

/**
 * "three or four hundred" is digitised "3 or 400": a one-digit first number shares the second's magnitude when
 * the second is that many hundreds or thousands, a little more than the first (300-400). Else one.
 */
function sharedMagnitude(first: number, second: number): number {
  if (!Number.isInteger(first) || first < 1 || first > 9 || second < 100) return 1;
  const magnitude = 10 ** (String(Math.trunc(second)).length - 1);
  const lead = second / magnitude;
  // "two or three hundred"; "four to four fifty", "two to two fifty": the second said in hundreds and tens.
  const spokenTens = lead > first && lead < first + 1;
  return (Number.isInteger(lead) && lead > first && lead <= 3 * first) || spokenTens ? magnitude : 1;
}

function toNumber(digits: string): number {
  const cleaned = /^\d{1,3}(,\d{3})+$/.test(digits) ? digits.replace(/,/g, "") : digits.replace(/,/g, ".");
  return Number.parseFloat(cleaned);
}

/**
 * "twenty k set aside for the year", "three thousand towards it for the first year": the period a few words on,
 * none of them a unit of something else.
 */
const LATER_PERIOD =
  /^((?:\s+[a-z]+){1,3}?)\s+(?:a|per|each|every|for the(?: first)?|for a|over the|over a)\s+(month|year)(?![a-z])/;
function laterPeriod(after: string): "" | "/mo" | "/yr" {
  const found = LATER_PERIOD.exec(after);
  if (!found) return "";
  const between = (found[1] ?? "").trim().split(/\s+/);
  return between.some((word) => NON_MONEY_UNIT.test(word)) ? "" : periodOf(found[2]);
}

// "25/seat a month": typed, the "per" may be a slash.
const PER_SEAT =
  /^\s*(?:(?:a|an|per|each|for each|for every)\s+|\/\s*)(?:user|seat|person|agent|licen[cs]e|head|line|phone)s?(?![a-z])/;
/**
 * "1200 month for all", "like 100 month": said fast or typed, the "a" before a period goes missing. Below 50 the
 * number and the unit are an amount of time ("a 12 month contract").
 */
const BARE_PERIOD = /^\s*(month|year)(?![a-z])/;
export const BARE_PERIOD_MIN = 50;
/** "35 a line per month": the period said after what a per-seat price is per. */
const SEAT_PERIOD = new RegExp(
  String.raw`^\s*(?:(?:a|an|per|each|for each|for every)\s+|\/\s*)[a-z]+${PERIOD}`,
);
/**
 * "four lines", "for twelve people", "twelve dispatchers": how many there are of what a per-seat price is per.
 * Staff are named by their work, so a plural agent noun ("drivers", "brokers", "technicians") counts too,
 * but not the people the business serves or things that end the same way ("customers", "orders").
 */
const HEAD_COUNT =
  /(?<![\d.])\b(\d+)\s+(?:users?|seats?|people|ppl|persons?|agents?|licen[cs]es?|heads|lines?|phones?|employees|staff|folks|guys|of us|(?!(?:customers|callers|members|subscribers|followers|viewers|orders|others|numbers)\b)[a-z]{3,}(?:ers|ors|ists|ians))(?![a-z])/g;

/** The last head count of two or more in the words, or undefined. */
export function headCountIn(text: string): number | undefined {
  let seats: number | undefined;
  for (const match of digitise(text).text.matchAll(HEAD_COUNT)) {
    const count = Number(match[1]);
    if (count >= 2 && count <= 10_000) seats = count;
  }
  return seats;
}

/**
 * The head count of the latest line that names one ("8 ppl" two turns back, or the AI's read-back "got it,
 * twenty-four lines"): what a per-seat budget said later is for.
 */
export function lastHeadCount(lines: readonly string[]): number | undefined {
  for (let index = lines.length - 1; index >= 0; index--) {
    const count = headCountIn(lines[index] ?? "");
    if (count !== undefined) return count;
  }
  return undefined;
}

/**
 * "two thousand a moth": a chat typo of a period word after an amount. The spelling pass leaves real words
 * ("moth", "tear") alone; right after "<amount> a" only a period makes sense.
 */
const TYPED_PERIOD = /^\s*(?:a|an|per|each|every)\s+([a-z]{3,6})(?![a-z])/;
function typedPeriod(after: string): "" | "/mo" | "/yr" {
  const word = TYPED_PERIOD.exec(after)?.[1];
  if (word === undefined || word === "yeah") return "";
  if (withinOneEdit(word, "month")) return "/mo";
  return withinOneEdit(word, "year") ? "/yr" : "";
}

/** "for the year i was thinking five k": the period named before the amount, in its clause. */
const PERIOD_BEFORE = /\b(?:for the|per|each|every)\s+(year|month)\b|\b(annual(?:ly)?|yearly|monthly)\b/g;
/** "For the year? Ten, maybe twelve grand.": a clause that is only a period, just before the amount's. */
const PERIOD_CLAUSE =
  /^(?:(?:um|uh|so|well|and|oh|hmm)\s+)*(?:for|per|a|each|every|over)\s+(?:the\s+)?(year|month)\s*\??$|^(annual(?:ly)?|yearly|monthly)\s*\??$/;

function periodSaidFirst(before: string, previousClause: string): "" | "/mo" | "/yr" {
  let word: string | undefined;
  PERIOD_BEFORE.lastIndex = 0;
  for (let found = PERIOD_BEFORE.exec(before); found; found = PERIOD_BEFORE.exec(before))
    word = found[1] ?? found[2];
  if (word === undefined) {
    const alone = PERIOD_CLAUSE.exec(previousClause.trim());
    word = alone?.[1] ?? alone?.[2];
  }
  if (word === undefined) return "";
  return word === "month" || word === "monthly" ? "/mo" : "/yr";
}

function periodOf(word: string | undefined): "" | "/mo" | "/yr" {
  if (!word) return "";
  return /^(?:month|mo|monthly)$/.test(word) ? "/mo" : "/yr";
}

/**
 * "three hundred a month, maybe three fifty", "200/mo? maybe 250 tops": a larger amount offered as a maybe right
 * after a first one widens it to a range, as every development set's labelers write it ("300-350/mo").
 */
const WIDENING =
  /^[\s,.?!-]*(?:(?:um|uh|er|erm|hmm|so|and|like),?\s+)*(?:or maybe|maybe|or|possibly|perhaps|up to|(?:could|might|can) (?:go|do|stretch)(?: up)?(?: to)?|stretch(?:ing)? (?:it )?to)(?![a-z])[\s,]*(?:(?:like|about|around|even|say),?\s*)*$/;
const SIDE_BY_SIDE = /^[\s,.?!-]*$/;
/** One amount, no range or bound, with its period or none ("350/mo"). */
export const SINGLE_AMOUNT = /^(\d+)(\/mo|\/yr)?$/;
const POINT_OR_CAP = /^(?:0-)?(\d+)(\/mo|\/yr)?$/;

/**
 * The range `first` and `second` make, the second larger but at most twice the first, in the same period or none:
 * when the words between them (`between`) offer the second as a maybe after a first said a month or a year, or
 * when nothing but punctuation stands between them and the first names no period. Else null.
 */
export function widenedRange(first: string, second: string, between: string): string | null {
  const low = SINGLE_AMOUNT.exec(first);
  const high = POINT_OR_CAP.exec(second);
  if (!low || !high) return null;
  const lowPeriod = low[2] ?? "";
  const highPeriod = high[2] ?? "";
  // "a hundred, hundred and twenty", "Two hundred, two-fifty a month, tops.": two amounts side by side, the first
  // without a period of its own, are a range as "100 150 a month" is.
  const sideBySide = !lowPeriod && SIDE_BY_SIDE.test(between);
  if (!sideBySide && !WIDENING.test(between)) return null;
  // "60 for a suit taper so not made of money. maybe 80 a month?": a first amount without a period is rarely a budget.
  if ((!lowPeriod && !sideBySide) || (lowPeriod && highPeriod && lowPeriod !== highPeriod)) return null;
  const from = Number(low[1]);
  const to = Number(high[1]);
  return from < to && to <= 2 * from ? `${from}-${to}${lowPeriod || highPeriod}` : null;
}

/**
 * `first`, read in an earlier clause, widened by `second`, read in `secondClause`, the clause right after it
 * ("300 a month. maybe 350, tops."): see `widenedRange`. Neither may be what the customer pays today.
 */
export function widenedAmount(
  first: AmountReading,
  second: AmountReading,
  secondClause: string,
): AmountReading | null {
  if (first.paidToday || second.paidToday || first.currency !== second.currency) return null;
  const at = secondClause.indexOf(second.quote);
  const value = at < 0 ? null : widenedRange(first.value, second.value, secondClause.slice(0, at));
  if (value === null) return null;
  return {
    ...first,
    value,
    confidence: Math.max(first.confidence, second.confidence),
    quote: `${first.quote}, ${secondClause.slice(0, at + second.quote.length).trim()}`,
  };
}

/** What an amount is read with besides its clause. */
export interface AmountSurroundings {
  /** The clause after this one: a bound said after a comma ("600 a month, tops") belongs to the amount. */
  nextClause?: string | undefined;
  /** The clause before this one: "For the year? Ten, maybe twelve grand." names the period first. */
  previousClause?: string | undefined;
  /** The whole turn: a per-seat price asked for is multiplied by the head count said anywhere in it. */
  wholeTurn?: string | undefined;
  /** The AI asked what the customer pays today (`asksCurrentSpend`). */
  spendAsked?: boolean | undefined;
  /** The AI asked how many of something there are (`asksCount`): a number without money words is a count. */
  countAsked?: boolean | undefined;
  /**
   * The turn pushes back on a price: an amount said unasked in it ("thirty a seat, so four fifty a month, we
   * don't have that kind of money") is the price weighed, not what they would spend, unless it says a wish.
   */
  priceObjected?: boolean | undefined;
  /** The head count said earlier in the call: a per-seat price's multiplier when the turn names none. */
  earlierHeadCount?: (() => number | undefined) | undefined;
}

/** Money in the customer's words, normalised: "50000", "20000-30000", "0-10000", "5000+", "500/mo". */
export function readAmount(
  rawClause: string,
  budgetAsked: boolean,
  otherSlotAsked = false,
  around: AmountSurroundings = {},
): AmountReading | null {
  const {
    nextClause = "",
    previousClause = "",
    wholeTurn = rawClause,
    spendAsked = false,
    countAsked = false,
    earlierHeadCount,
    priceObjected = false,
  } = around;
  const digitised = digitise(rawClause);
  const clause = digitised.text;
  // No digit after spelled-out numbers became digits: no amount, and the big pattern need not run.
  if (!/\d/.test(clause) || NO_BUDGET.test(clause)) return null;
  if (priceObjected && !budgetAsked && !WANTS.test(wholeTurn) && !CAN_PAY.test(wholeTurn)) return null;
  let best: (AmountReading & { score: number }) | null = null;
  let previous: {
    value: string;
    start: number;
    end: number;
    score: number;
    confidence: number;
    currentSpend: boolean;
  } | null = null;
  // exec on the pattern itself: matchAll would build a copy of it for every clause with a digit.
  AMOUNT.lastIndex = 0;
  for (let match = AMOUNT.exec(clause); match !== null; match = AMOUNT.exec(clause)) {
    const [text, rangeWord, firstDigits, firstScale, secondDigits, secondScale, periodA, periodB] =
      spokenPairOrFirst(match);
    if (firstDigits === undefined) continue;
    const index = match.index ?? 0;
    const before = clause.slice(0, index);
    const after = clause.slice(index + text.length);
    const trailing = after.trim() === "" ? nextClause : after;
    // "keep it under, um, a thousand a month": a bound may end the clause before.
    const leading = before.trim() === "" ? previousClause : before;
    const hasDollar = text.includes("$");
    const scaleA = scaleOf(firstScale);
    const scaleB = scaleOf(secondScale);
    // "twenty to thirty thousand": the second's scale is the first's too, when the first is the smaller number; in
    // "fifteen hundred and 2 thousand" it is not.
    const firstScaleOf =
      scaleA ??
      (scaleB !== null && secondDigits !== undefined && toNumber(firstDigits) < toNumber(secondDigits)
        ? scaleB
        : 1);
    const currency = currencyNear(before, text, after);
    // A period a few words on counts only after what is plainly money ("twenty k set aside for the year").
    const plainlyMoney = hasDollar || currency !== undefined || scaleA !== null;
    const perSeat = PER_SEAT.exec(after);
    // "forty dollars a user" unasked is a price the customer heard, not what they will spend.
    if (!budgetAsked && perSeat !== null) continue;
    const seatPeriod = perSeat !== null ? SEAT_PERIOD.exec(after) : null;
    const bare = periodA || periodB || seatPeriod ? null : BARE_PERIOD.exec(after);
    const barePeriod =
      bare && toNumber(firstDigits) * firstScaleOf >= BARE_PERIOD_MIN ? periodOf(bare[1]) : "";
    const period =
      periodOf(periodA ?? periodB) ||
      periodOf(seatPeriod?.[1] ?? seatPeriod?.[2]) ||
      barePeriod ||
      typedPeriod(after) ||
      (plainlyMoney ? laterPeriod(after) : "") ||
      (plainlyMoney || budgetAsked ? periodSaidFirst(before, previousClause) : "");
    const moneyMarked = plainlyMoney || scaleB !== null || period !== "";
    if (!moneyMarked && (NON_MONEY_UNIT.test(after) || COUNTED_THINGS.test(after))) continue;
    if (secondDigits === undefined && !moneyMarked && NON_MONEY_UNIT.test(` ${after}`)) continue;
    if (!moneyMarked && countAsked && !budgetAsked) continue;
    const inContext = BUDGET_CONTEXT.test(clause);
    if (!moneyMarked && !budgetAsked && !inContext) continue;
    // "thirty-five a line per month" with "four lines" in the turn (or said earlier): a budget of 140 a month.
    const seats = perSeat !== null ? (headCountIn(wholeTurn) ?? earlierHeadCount?.() ?? 1) : 1;
    // The quote runs on to what the price is per: "thirty-five a line per month".
    const seatWords = (seatPeriod?.[0] ?? perSeat?.[0] ?? (barePeriod ? bare?.[0] : "") ?? "").length;
    // "bucks" and "dollars" scale by one: "two or three hundred dollars" shares the hundreds too, and "between two
    // and three hundred thousand" the hundreds and the thousands (it read 2,000 to 300,000).
    const shared =
      secondDigits !== undefined && (scaleA ?? 1) === 1
        ? sharedMagnitude(toNumber(firstDigits), toNumber(secondDigits))
        : 1;
    // A bare range of small numbers joined by "or"/"and" without money is a count ("two or three").
    const low = toNumber(firstDigits) * (shared > 1 ? shared * (scaleB ?? 1) : firstScaleOf) * seats;
    if (!moneyMarked && low < 50) continue;
    // "a pbx from 2009": the words before the digits, "from" included when the match took it as a range.
    const beforeDigits = clause.slice(0, index + text.indexOf(firstDigits));
    // "a landline from like two thousand nine and one cell phone": a year, and a smaller number after it no range.
    const looksLikeYear =
      /^(?:19|20)\d\d$/.test(firstDigits) &&
      (secondDigits === undefined || toNumber(secondDigits) < toNumber(firstDigits)) &&
      /\b(?:in|since|by|from|of|until|till|year)(?: about| around| roughly| like)?\s*$/.test(beforeDigits);
    if (looksLikeYear && !moneyMarked) continue;
    // "the owner signs anything over a hundred bucks", "we vote on anything over a few thousand": a signing limit
    // says who decides, not what they would spend (every development set's labeler, 15 such turns).
    if (SIGNING_LIMIT.test(beforeDigits)) continue;
    let value: string;
    const isRange =
      secondDigits !== undefined &&
      (rangeWord !== undefined || !/\s(?:or|and)\s/.test(text) || scaleB !== null || shared > 1);
    if (secondDigits !== undefined && isRange) {
      const high = toNumber(secondDigits) * (scaleB ?? scaleA ?? 1) * seats;
      const lowScaled =
        shared === 1 && scaleA === null && scaleB !== null && toNumber(firstDigits) < toNumber(secondDigits)
          ? toNumber(firstDigits) * scaleB * seats
          : low;
      value = `${Math.round(Math.min(lowScaled, high))}-${Math.round(Math.max(lowScaled, high))}`;
    } else if (UPPER_BOUND.test(leading) || TRAILING_UPPER.test(trailing)) {
      value = `0-${Math.round(low)}`;
    } else if (LOWER_BOUND.test(leading) || TRAILING_LOWER.test(trailing)) {
      value = `${Math.round(low)}+`;
    } else {
      value = `${Math.round(low)}`;
    }
    // "half of what we pay now, so about eleven hundred" (digitised "0.5 of what ..."): today's bill named as the
    // measure of what they want.
    const lead = leadIn(wholeTurn, rawClause, before);
    const measuredByBill = MEASURED_BY_BILL.test(lead);
    const saysTodaysBill =
      CURRENT_SPEND.test(before.slice(-40)) ||
      // Across clauses only where this one says nothing of wanting ("Like, 500 a month would be ok").
      (!WANTS.test(clause) && CURRENT_SPEND.test(lead.slice(-40)));
    // "Eleven hundred dollars last month": what was paid then, not what they would spend.
    const paidThen = PAID_THEN.test(after);
    let currentSpend = (saysTodaysBill && !measuredByBill) || (spendAsked && !WANTS.test(clause)) || paidThen;
    if (
      currentSpend &&
      secondDigits === undefined &&
      CAPPED_AT_IT.test(`${after} ${turnAfter(wholeTurn, rawClause)}`)
    ) {
      currentSpend = false;
      value = `0-${Math.round(low)}`;
    }
    value += period;
    // "two hundred a month maybe three hundred at the most": the maybe widens the amount before it.
    const widened: string | null =
      previous && !previous.currentSpend && !currentSpend
        ? widenedRange(previous.value, value, clause.slice(previous.end, index))
        : null;
    const start: number = widened && previous ? previous.start : signAt(before, index);
    const own = (moneyMarked ? 2 : 0) + (inContext ? 1 : 0) + (currentSpend ? -3 : 0) + index / 10_000;
    const score: number = widened && previous ? Math.max(own, previous.score + 1 / 10_000) : own;
    if (widened) value = widened;
    // Money said while answering another question ("we vote on anything over a few thousand") is weak,
    // unless it is said as money a month or a year ("we figured 100-150 a month").
    const ownConfidence = currentSpend
      ? 0.5
      : otherSlotAsked && !inContext
        ? period === ""
          ? 0.55
          : 0.7
        : moneyMarked || inContext
          ? 0.9
          : 0.7;
    const confidence: number =
      widened && previous ? Math.max(ownConfidence, previous.confidence) : ownConfidence;
    previous = { value, start, end: index + text.length, score, confidence, currentSpend };
    if (!best || score >= best.score)
      best = {
        value,
        confidence,
        // The customer's words, not the digits they became: "two thousand a month".
        quote: originalWords(digitised, start, index + text.length + seatWords).trim(),
        score,
        ...(currency ? { currency } : {}),
        ...(currentSpend ? { paidToday: true as const } : {}),
      };
  }
  if (!best) return null;
  const { score: _score, ...reading } = best;
  return reading;
}

/**
 * The words that lead up to an amount: the clause's own before it, and where those are a filler or two ("We're
 * paying, what, eleven hundred a month"), the turn's before the clause too, back to its last amount.
 */
function leadIn(wholeTurn: string, rawClause: string, before: string): string {
  // "right now we pay, uh, I want to say a hundred and eighty": a hedge before the amount is no words of its own.
  if (before.replace(HEDGING_LEAD, "").trim().split(/\s+/).length > 2) return before;
  const at = wholeTurn.indexOf(rawClause);
  if (at <= 0) return before;
  const earlier = digitise(wholeTurn.slice(0, at)).text;
  // Back to the last amount (two digits or more: "half" is digitised "0.5" and is a measure, not an amount).
  const lastAmount = earlier.search(/\d\d\D*$/);
  return `${lastAmount >= 0 ? earlier.slice(lastAmount + 2) : earlier}${before}`;
}

const HEDGING_LEAD =
  /^\s*(?:(?:uh|um|er|so|like|i want to say|i'd say|id say|i think|i guess|maybe|probably|about|around|roughly)(?:[\s,]+|$))+/;

const SIGNING_LIMIT =
  /\b(?:signs?|signed|approves?|approved|okays?|ok|okay|votes? on|signs? off on|sign-off on)\s+(?:on\s+)?(?:anything|everything|purchases?|spending|any spend|expenses?|whatever)\s+(?:over|above|more than|greater than|bigger than|past|north of)\s+(?:like\s+|about\s+|around\s+|a\s+)?(?:\$\s*)?$/;

/** What the turn says after this clause. */
function turnAfter(wholeTurn: string, clause: string): string {
  const at = wholeTurn.indexOf(clause);
  return at < 0 ? "" : wholeTurn.slice(at + clause.length);
}

/** Whether a line names an amount of money ("Plans start at $24 per user per month"): the AI quoted a price. */
export function namesAnAmount(line: string | undefined): boolean {
  return line !== undefined && readAmount(normalizeText(line), true) !== null;
}

/**
 * Whether a turn's clauses say what the customer pays today ("our phone bill is way too high, we pay about three
 * hundred a month to the phone company"), after the AI line `aiLine`.
 */
export function saysWhatTheyPayToday(clauses: readonly string[], aiLine: string | undefined): boolean {
  const wholeTurn = clauses.join(", ");
  const spendAsked = asksCurrentSpend(aiLine);
  return clauses.some(
    (clause) => readAmount(clause, false, false, { wholeTurn, spendAsked })?.paidToday === true,
  );
}
