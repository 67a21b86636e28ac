import { casual, type ParsedResult, type Parser, type ParsingComponents } from "chrono-node/en";
import { digitiseNumberWords } from "./numbers.js";

type ParsingContext = Parameters<Parser["extract"]>[0];

/**
 * Dates and relative times in the customer's words, read by chrono-node (English, casual) against the
 * call's date, plus what chrono does not know: quarters ("end of Q2"), the holidays and seasons, the end of
 * the year. Pure: the reference date is passed in, never read from a clock.
 */

export interface DateMention {
  /** The words that carry the date, as chrono matched them. */
  text: string;
  index: number;
  /** A bare amount of time ("two weeks", "a month"): a duration, a horizon only as an answer to "when?". */
  bare: boolean;
  /** Days from the call to the date (the end of a named period: "by Q2" is its last day). */
  days: number;
  /** The resolved calendar date (YYYY-MM-DD) when the call's date is known. */
  date?: string;
}

const DAY_MS = 86_400_000;
/** Relative times ("in two weeks") do not depend on the reference; any fixed day serves without a call date. */
const NOMINAL_REFERENCE = new Date(Date.UTC(2025, 0, 15, 12));
/** A period named without the call's date still has a horizon ("this quarter" ends within 92 days). */
const HORIZON_TAG = "baton/horizon:";
/** Results chrono resolves from the reference alone: the same distance whatever the day of the call. */
const REFERENCE_FREE_TAGS = ["result/relativeDate", "casualReference/today", "casualReference/tomorrow"];
const WEEK_DAYS = 7;
const DAY_PARTS = ["year", "month", "day", "weekday"] as const;

const utc = (year: number, monthIndex: number, day: number): Date =>
  new Date(Date.UTC(year, monthIndex, day, 12));

/** A day chrono reads as certain, at noon. */
function dayComponents(context: ParsingContext, date: Date): ParsingComponents {
  return context.createParsingComponents({
    year: date.getUTCFullYear(),
    month: date.getUTCMonth() + 1,
    day: date.getUTCDate(),
    hour: 12,
  });
}

function components(context: ParsingContext, date: Date, horizonDays: number): ParsingComponents {
  return dayComponents(context, date).addTag(`${HORIZON_TAG}${horizonDays}`);
}

const QUARTER_WORDS: Record<string, number> = {
  "1": 1,
  "2": 2,
  "3": 3,
  "4": 4,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  first: 1,
  second: 2,
  third: 3,
  fourth: 4,
  "1st": 1,
  "2nd": 2,
  "3rd": 3,
  "4th": 4,
};

/** "this quarter", "end of next quarter", "by Q2", "q three", "the second quarter": the quarter's last day. */
const quarterParser: Parser = {
  pattern: () =>
    /(?:(?:the\s+)?(?:end|close)\s+of\s+)?(?:the\s+)?(?:(this|current|next)\s+quarter|(?<=end\s+of\s+)the\s+quarter|q\s?([1-4])|q\s(one|two|three|four)|(first|second|third|fourth|1st|2nd|3rd|4th)\s+quarter)(?![a-z])/i,
  extract: (context, match) => {
    const reference = context.reference.instant;
    const year = reference.getUTCFullYear();
    const current = Math.floor(reference.getUTCMonth() / 3) + 1;
    const relative = match[1]?.toLowerCase();
    const named = QUARTER_WORDS[(match[2] ?? match[3] ?? match[4] ?? "").toLowerCase()];
    const quarter = relative === "next" ? current + 1 : (named ?? current);
    // A quarter already over is next year's ("by Q1" said in May).
    const yearOf = named !== undefined && named < current ? year + 1 : year;
    const end = utc(yearOf, quarter * 3, 0);
    // "Q2" is a date only against the call's; "this quarter" and "next quarter" have a horizon without it.
    if (named !== undefined)
      return context.createParsingComponents({
        year: yearOf,
        month: quarter * 3,
        day: end.getUTCDate(),
        hour: 12,
      });
    return components(context, end, relative === "next" ? 180 : 90);
  },
};

const HOLIDAYS = ["holidays", "christmas", "xmas", "black friday", "thanksgiving", "new year"];

const HOLIDAY = new RegExp(
  String.raw`(?:(after|past|before|by|until|till|around|over)\s+)?(?:the\s+)?(${HOLIDAYS.join("|").replace(" ", "\\s+")})(?![a-z])`,
  "i",
);

/** "after the holidays", "before christmas", "by thanksgiving", "in the new year". */
const holidayParser: Parser = {
  pattern: () => HOLIDAY,
  extract: (context, match) => {
    const reference = context.reference.instant;
    const year = reference.getUTCFullYear();
    const word = (match[2] ?? "").toLowerCase();
    const after = /after|past/.test((match[1] ?? "").toLowerCase());
    let date: Date;
    if (word === "thanksgiving" || word.startsWith("black")) {
      // The fourth Thursday of November, and the Friday after it.
      const first = utc(year, 10, 1).getUTCDay();
      date = utc(year, 10, 1 + ((4 - first + 7) % 7) + 21 + (word === "thanksgiving" ? 0 : 1));
    } else if (word.startsWith("new") || after) date = utc(year + 1, 0, 2);
    else date = utc(year, 11, 24);
    // In January the holidays just ended: "after the holidays" is now.
    if (after && reference.getUTCMonth() === 0) date = utc(year, 0, reference.getUTCDate() + 1);
    else if (date.getTime() < reference.getTime())
      date = utc(date.getUTCFullYear() + 1, date.getUTCMonth(), date.getUTCDate());
    return context.createParsingComponents({
      year: date.getUTCFullYear(),
      month: date.getUTCMonth() + 1,
      day: date.getUTCDate(),
      hour: 12,
    });
  },
};

/** Northern-hemisphere seasons by their first day (month index, day). */
const SEASON_START: Record<string, [number, number]> = {
  spring: [2, 20],
  summer: [5, 21],
  fall: [8, 22],
  autumn: [8, 22],
  winter: [11, 21],
};

/** "by summer", "this fall", "in the spring": the season's next first day (or now, within it). */
const seasonParser: Parser = {
  pattern: () =>
    /(?:by|this|next|in|over|during|before|until|till)\s+(?:the\s+)?(spring|summer|fall|autumn|winter)(?![a-z])/i,
  extract: (context, match) => {
    const start = SEASON_START[(match[1] ?? "").toLowerCase()];
    if (!start) return null;
    const reference = context.reference.instant;
    const year = reference.getUTCFullYear();
    let date = utc(year, start[0], start[1]);
    const seasonEnd = utc(year, start[0] + 3, start[1]);
    if (date.getTime() <= reference.getTime() && reference.getTime() < seasonEnd.getTime()) date = reference;
    else if (date.getTime() < reference.getTime()) date = utc(year + 1, start[0], start[1]);
    return components(context, date, 180);
  },
};

/** Days in a calendar unit, for a distance said as an amount of them ("three months", "a week and a half"). */
export const UNIT_DAYS: Readonly<Record<string, number>> = {
  day: 1,
  week: 7,
  month: 30,
  quarter: 91,
  year: 365,
};

/**
 * "a week and a half out", "in two and a half months": chrono reads "a week" and "half months" alone. The
 * same distance as chrono gives "in 1.5 weeks", from the reference alone, so tagged as chrono tags it.
 */
const andAHalfParser: Parser = {
  pattern: () =>
    /(?:(?:in|within)\s+)?(?:(?:about|around|roughly)\s+)?([a-z]+|\d+)\s+(?:and\s+a\s+half\s+(day|week|month|year)s?|(day|week|month|year)s?\s+and\s+a\s+half)(?:\s+(?:out|from\s+now|away))?(?![a-z])/i,
  extract: (context, match) => {
    const word = (match[1] ?? "").toLowerCase();
    const count = word === "a" || word === "an" ? 1 : Number(digitiseNumberWords(word));
    const unitDays = UNIT_DAYS[(match[2] ?? match[3] ?? "").toLowerCase()];
    if (!Number.isInteger(count) || count < 1 || unitDays === undefined) return null;
    const reference = context.reference.instant;
    const date = utc(
      reference.getUTCFullYear(),
      reference.getUTCMonth(),
      reference.getUTCDate() + Math.round((count + 0.5) * unitDays),
    );
    return dayComponents(context, date).addTag("result/relativeDate");
  },
};

/**
 * "the week after next", "the month after next": two of the unit ahead. chrono reads "the week after" alone, as
 * next week. From the reference alone, so tagged as chrono tags a relative date.
 */
const afterNextParser: Parser = {
  pattern: () => /\bthe\s+(week|month|year)\s+after\s+next(?![a-z])/i,
  extract: (context, match) => {
    const unit = (match[1] ?? "").toLowerCase();
    const reference = context.reference.instant;
    const [year, month, day] = [reference.getUTCFullYear(), reference.getUTCMonth(), reference.getUTCDate()];
    const date =
      unit === "week"
        ? utc(year, month, day + 14)
        : unit === "month"
          ? utc(year, month + 2, day)
          : utc(year + 2, month, day);
    return dayComponents(context, date).addTag("result/relativeDate");
  },
};

/** The last day of the period the call is in. */
const PERIOD_END: Record<string, [number, (reference: Date) => Date]> = {
  week: [5, (r) => utc(r.getUTCFullYear(), r.getUTCMonth(), r.getUTCDate() + ((7 - r.getUTCDay()) % 7))],
  month: [30, (r) => utc(r.getUTCFullYear(), r.getUTCMonth() + 1, 0)],
};

/** "this week", "by the end of this month": chrono reads "this month" as its first day, a deadline is its last. */
const currentPeriodParser: Parser = {
  pattern: () => /(?:(?:the\s+)?end\s+of\s+)?(?:this|the\s+current)\s+(week|month)(?![a-z])/i,
  extract: (context, match) => {
    const period = PERIOD_END[(match[1] ?? "").toLowerCase()];
    if (!period) return null;
    return components(context, period[1](context.reference.instant), period[0]);
  },
};

/** "end of the year", "year end", "later this year", "the second half": December 31st. */
const yearEndParser: Parser = {
  pattern: () =>
    /(?:(?:the\s+)?end\s+of\s+(?:the\s+|this\s+)?year|year[\s-]?end|later\s+(?:this|in\s+the)\s+year|(?:the\s+)?second\s+half(?:\s+of\s+(?:the|this)\s+year)?)(?![a-z])/i,
  extract: (context) => components(context, utc(context.reference.instant.getUTCFullYear(), 11, 31), 180),
};

/** Ordinal words of the days of a month, as said ("the ninth", "the twenty-first"). */
const ORDINAL_UNITS = [
  "first",
  "second",
  "third",
  "fourth",
  "fifth",
  "sixth",
  "seventh",
  "eighth",
  "ninth",
] as const;
const ORDINAL_TEENS = [
  "tenth",
  "eleventh",
  "twelfth",
  "thirteenth",
  "fourteenth",
  "fifteenth",
  "sixteenth",
  "seventeenth",
  "eighteenth",
  "nineteenth",
] as const;
const ORDINAL_DAY: ReadonlyMap<string, number> = new Map([
  ...ORDINAL_UNITS.map((word, i) => [word, i + 1] as const),
  ...ORDINAL_TEENS.map((word, i) => [word, i + 10] as const),
  ["twentieth", 20],
  ...ORDINAL_UNITS.map((word, i) => [`twenty ${word}`, i + 21] as const),
  ["thirtieth", 30],
  ["thirty first", 31],
]);
const ORDINAL_WORDS = [...ORDINAL_DAY.keys()]
  .sort((a, b) => b.length - a.length)
  .map((word) => word.replace(" ", "[\\s-]"))
  .join("|");

/**
 * "by the 15th", "on the thirtieth": a day of the month, this month's when it is still ahead (today included),
 * else next month's. Only after a word that points at a day and only where the ordinal ends the phrase, before
 * a pause, a conjunction, a pronoun or an adverb ("on the second floor", "the third quarter" name no day; "the
 * first of next month" is chrono's). Its horizon is a month at most, whatever the call's date.
 */
const DAY_OF_MONTH = new RegExp(
  String.raw`(?:by|on|before|until|till|after|around)\s+the\s+(${ORDINAL_WORDS}|(?:[1-9]|[12]\d|3[01])(?=st|nd|rd|th))(?:st|nd|rd|th)?(?=\s*(?:$|[,.;:!?]|(?:and|so|or|but|at|then|if|when|because|latest|which|is|i|we|you|they|it|please|pls|plz|ideally|hopefully|though|anyway)(?![a-z])))`,
  "i",
);

const dayOfMonthParser: Parser = {
  pattern: () => DAY_OF_MONTH,
  extract: (context, match) => {
    const said = (match[1] ?? "").toLowerCase().replace(/[\s-]+/, " ");
    const day = ORDINAL_DAY.get(said) ?? Number(said);
    if (!Number.isInteger(day) || day < 1 || day > 31) return null;
    const reference = context.reference.instant;
    const year = reference.getUTCFullYear();
    const month = reference.getUTCMonth() + (day < reference.getUTCDate() ? 1 : 0);
    // The 31st of a shorter month is its last day.
    const lastDay = utc(year, month + 1, 0).getUTCDate();
    return components(context, utc(year, month, Math.min(day, lastDay)), 31);
  },
};

/**
 * A parser whose grammar needs "ago" reads the past ("two weeks ago"): never a horizon, and its pattern
 * costs a cold container 100 ms to compile on first use. Its pattern is read, never run, to tell.
 */
function readsThePast(parser: Parser): boolean {
  // Building a pattern reads no more of the context than its options.
  const context = { option: {}, text: "" } as unknown as ParsingContext;
  return /\bago\b/.test(parser.pattern(context).source);
}

/**
 * chrono's casual English reader, ours first: "next quarter" is a calendar quarter here, not three months
 * from today. A time-of-day result ("at 3") is dropped below.
 */
const reader = casual.clone();
reader.parsers = [
  andAHalfParser,
  afterNextParser,
  quarterParser,
  currentPeriodParser,
  holidayParser,
  seasonParser,
  yearEndParser,
  dayOfMonthParser,
  ...reader.parsers.filter((parser) => !readsThePast(parser)),
];

/** Words that turn an amount of time or a weekday into a point ahead: "in two weeks", "by friday". */
const AHEAD_BEFORE = /(?:^|\s)(?:in|within|by|on|until|till|before|after|inside|over)\s+(?:the\s+)?$/;
const AHEAD_IN = /^(?:in|within|next|this|after|inside|over)\s|\s(?:from now|later|time|out)$/;

/** "20 bucks a month", "for the year", "before the black friday push": durations and names, no point ahead. */
function isBare(clause: string, text: string, index: number, tags: Set<string>): boolean {
  const relative = tags.has("result/relativeDate");
  const weekday = !relative && /^(?:mon|tues|wednes|thurs|fri|satur|sun)day$/.test(text);
  if (!relative && !weekday) return false;
  return !AHEAD_IN.test(text) && !AHEAD_BEFORE.test(clause.slice(Math.max(0, index - 20), index));
}

/** The month before a date is unknown without the call's date; a weekday is always within the week. */
function isReferenceFree(tags: Set<string>, isWeekday: boolean): boolean {
  return isWeekday || REFERENCE_FREE_TAGS.some((tag) => tags.has(tag));
}

/**
 * Every date the clause names, in days from the call. Without the call's date (a replayed transcript
 * with none) only what does not depend on it is read: relative times, weekdays, and the horizon of a named
 * period ("this quarter"); "by March 15" then names no distance and is left out.
 */
export function readDates(clause: string, callDate: string | undefined): DateMention[] {
  const reference = callDate ? new Date(`${callDate}T12:00:00Z`) : NOMINAL_REFERENCE;
  if (Number.isNaN(reference.getTime())) return [];
  const mentions: DateMention[] = [];
  for (const result of reader.parse(clause, { instant: reference, timezone: 0 }, { forwardDate: true })) {
    const start = result.start;
    const tags = new Set([...result.tags(), ...start.tags()]);
    // "at 3" names a time of day, no day.
    if (!tags.has("result/relativeDate") && !DAY_PARTS.some((part) => start.isCertain(part))) continue;
    // "we are open thurs-sun", "monday through friday": a span of weekdays is a week's schedule, no day.
    if (isWeekdaySpan(result, clause)) continue;
    const date = (result.end ?? start).date();
    const days = Math.round((date.getTime() - reference.getTime()) / DAY_MS);
    // A time of day or of minutes ("at 3", "five minutes") names no day to be live by.
    if (days < 0 || (days === 0 && !tags.has("casualReference/today"))) continue;
    // "for the year", "in the month": a determiner is no amount of time.
    if (tags.has("result/relativeDate") && /(?:^|\s)the\s+[a-z]+$/.test(result.text)) continue;
    const mention = {
      text: result.text,
      index: result.index,
      bare: isBare(clause, result.text, result.index, tags),
    };
    if (callDate) {
      mentions.push({ ...mention, days, date: date.toISOString().slice(0, 10) });
      continue;
    }
    const horizon = [...tags].find((tag) => tag.startsWith(HORIZON_TAG));
    if (horizon) mentions.push({ ...mention, days: Number(horizon.slice(HORIZON_TAG.length)) });
    else if (tags.has("parser/ENEndOfCurrentMonthParser")) mentions.push({ ...mention, days: 30 });
    else if (isReferenceFree(tags, start.isCertain("weekday") && days <= WEEK_DAYS))
      mentions.push({ ...mention, days });
  }
  return countedFromADay(clause, mentions);
}

function isWeekdaySpan(result: ParsedResult, clause: string): boolean {
  const weekdayOnly = (component: ParsedResult["start"] | undefined) =>
    component?.isCertain("weekday") === true && !component.isCertain("day");
  if (!weekdayOnly(result.start)) return false;
  if (result.end) return weekdayOnly(result.end);
  // chrono reads "monday through friday" as two days.
  const after = clause.slice(result.index + result.text.length);
  const before = clause.slice(0, result.index);
  return WEEKDAY_THROUGH_AFTER.test(after) || WEEKDAY_THROUGH_BEFORE.test(before);
}
const WEEKDAY = "(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)[a-z]*";
const WEEKDAY_THROUGH_AFTER = new RegExp(String.raw`^\s*(?:through|thru)\s+${WEEKDAY}\b`);
const WEEKDAY_THROUGH_BEFORE = new RegExp(String.raw`\b${WEEKDAY}\s+(?:through|thru)\s*$`);

/** "two weeks from monday", "a month after friday": an amount of time counted from a day chrono read apart. */
const COUNTED_FROM = /^\s+(?:from|after)\s+(?:this\s+|next\s+)?$/;
const AMOUNT_OF_TIME = /(?:day|week|month|year)s?$/;

function countedFromADay(clause: string, mentions: DateMention[]): DateMention[] {
  for (let i = mentions.length - 1; i > 0; i--) {
    const amount = mentions[i - 1] as DateMention;
    const day = mentions[i] as DateMention;
    const between = clause.slice(amount.index + amount.text.length, day.index);
    if (!AMOUNT_OF_TIME.test(amount.text) || !COUNTED_FROM.test(between)) continue;
    const days = amount.days + day.days;
    const date = day.date
      ? new Date(Date.parse(`${day.date}T12:00:00Z`) + amount.days * DAY_MS).toISOString().slice(0, 10)
      : undefined;
    const text = clause.slice(amount.index, day.index + day.text.length);
    mentions.splice(i - 1, 2, { text, index: amount.index, bare: false, days, ...(date ? { date } : {}) });
  }
  return mentions;
}

/**
 * Month and weekday names (long and short) and the words of relative days and calendar units, exactly as
 * en-US `Intl` formats them (test/unit/calendar.test.ts derives them from Intl again). Written out because
 * the first Intl formatter of a process loads ICU's locale data, about 25 ms of a cold start.
 */
export const INTL_DATE_WORDS = {
  names: [
    ...["january", "jan", "february", "feb", "march", "mar", "april", "apr", "may", "june", "jun", "july"],
    ...["jul", "august", "aug", "september", "sep", "october", "oct", "november", "nov", "december", "dec"],
    ...["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"],
    ...["yesterday", "today", "tomorrow"],
  ],
  units: ["days", "week", "weeks", "month", "months", "quarter", "quarters", "year", "years"],
} as const;

/**
 * What chrono's casual English reader knows beyond the locale's words, as chats write dates ("tmrw or fri").
 * Not "sat", "sun" and "wed": chrono would read them as days, and they are words ("we sat down", "wed" is
 * "we'd" from a speech recogniser). Not "mon" or "tonight" either: chrono reads no date from them.
 */
export const CASUAL_DATE_WORDS = ["tmr", "tmrw", "tue", "thu", "thur", "thurs", "fri", "sept"];

/**
 * Words every date expression is built on: the locale's (INTL_DATE_WORDS), chrono's casual ones, and the
 * parsers' above (seasons, holidays, quarter names), and digits shaped like a date ("15th", "2027", "3/15").
 * Chrono costs tens of microseconds; a clause without one of these words names no date and is not handed to it.
 */
function dateWords(): { names: string[]; units: string[] } {
  return {
    names: [
      ...Object.keys(SEASON_START),
      ...HOLIDAYS,
      "weekend",
      ...INTL_DATE_WORDS.names,
      ...CASUAL_DATE_WORDS,
    ],
    units: [...INTL_DATE_WORDS.units],
  };
}

const WORDS = dateWords();
// A day of the month said in words ("the ninth", "the twenty-first") names a date too.
const NAMED_DATE = new RegExp(
  String.raw`\b(?:${WORDS.names.join("|")})\b|\d(?:st|nd|rd|th)\b|\b20[2-9]\d\b|\d/\d|\bq\s?(?:[1-4]|one|two|three|four)\b|\bthe\s+(?:${ORDINAL_WORDS})\b`,
);
const UNIT = new RegExp(String.raw`\b(?:${WORDS.units.join("|")})\b`, "g");
/** "1,500 a month", "two grand per year", "every week": a rate, no date. */
const RATE_BEFORE = /(?:(?:\d|hundred|thousand|grand|k|bucks|dollars)\s(?:a|an|per)|\b(?:per|each|every))\s$/;

/** Cheap, structural test: might this clause name a date at all? */
export function mayNameADate(clause: string): boolean {
  if (NAMED_DATE.test(clause)) return true;
  UNIT.lastIndex = 0;
  for (let unit = UNIT.exec(clause); unit !== null; unit = UNIT.exec(clause)) {
    if (!RATE_BEFORE.test(clause.slice(Math.max(0, unit.index - 24), unit.index))) return true;
  }
  return false;
}
