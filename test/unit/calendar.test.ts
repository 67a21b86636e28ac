import { describe, expect, it } from "vitest";
import {
  CASUAL_DATE_WORDS,
  INTL_DATE_WORDS,
  mayNameADate,
  readDates,
} from "../../functions/domain/slots/calendar.js";
import { normalizeText } from "../../functions/domain/text.js";

/** The engine hands the slot readers normalised text; every call here is on Tuesday 20 January 2026. */
const CALL_DATE = "2026-01-20";
const datesIn = (text: string, callDate: string | undefined) => readDates(normalizeText(text), callDate);

describe("readDates", () => {
  it.each([
    ["written", "We need it by March 15.", "2026-03-15"],
    ["speech", "we need it by march fifteenth", "2026-03-15"],
    ["chat", "need it by mar 15th", "2026-03-15"],
    ["written", "By the end of Q2.", "2026-06-30"],
    ["speech", "by the end of q two", "2026-06-30"],
    ["speech", "sometime in the second quarter", "2026-06-30"],
    ["written", "Sometime next year.", "2027-01-20"],
    ["speech", "in two weeks time", "2026-02-03"],
    ["chat", "in 2 weeks", "2026-02-03"],
    ["written", "Next month.", "2026-02-20"],
    ["written", "By the end of the month.", "2026-01-31"],
    ["written", "Before Thanksgiving.", "2026-11-26"],
    ["written", "The week after next.", "2026-02-03"],
    ["speech", "the month after next works", "2026-03-20"],
  ])("resolves the %s form %j against the call's date to %s", (_form, text, expected) => {
    // Prepare
    const input = text;
    // Act
    const mentions = datesIn(input, CALL_DATE);
    // Assess
    expect(mentions.at(-1)?.date).toBe(expected);
  });

  it.each([
    ["written", "We need it by the 25th.", "2026-01-25"],
    ["speech", "it says by the thirtieth and today is the what the twentieth", "2026-01-30"],
    ["chat", "on the 3rd pls", "2026-02-03"],
    ["speech", "before the twenty first", "2026-01-21"],
    ["speech", "by the twenty eighth we need it live", "2026-01-28"],
  ])("reads a day of the month in the %s form %j as the next such day: %s", (_form, text, expected) => {
    // Prepare
    const input = text;
    // Act
    const mentions = datesIn(input, CALL_DATE);
    // Assess
    expect(mentions.find((mention) => mention.text !== "today")?.date).toBe(expected);
  });

  it("reads 'the week after next' as two weeks without the call's date, where chrono read one", () => {
    // Prepare / Act
    const mentions = datesIn("the week after next, any afternoon", undefined);
    // Assess
    expect(mentions.map(({ text, days }) => ({ text, days }))).toEqual([
      { text: "the week after next", days: 14 },
    ]);
  });

  it("reads the 31st of a shorter month as its last day, and a day of the month as a month at most without the call's date", () => {
    // Prepare / Act
    const february = datesIn("by the thirty-first", "2026-02-10");
    const undated = datesIn("by the thirtieth", undefined);
    // Assess
    expect(february[0]?.date).toBe("2026-02-28");
    expect(undated[0]?.days).toBe(31);
  });

  it.each([
    "we're on the second floor",
    "for the first time",
    "the third quarter is slow",
    "on the first call",
  ])("reads no day of the month from an ordinal that names something else: %j", (text) => {
    // Prepare / Act
    const mentions = datesIn(text, CALL_DATE);
    // Assess
    expect(
      mentions.filter((mention) => /first|second|third/.test(mention.text) && !/quarter/.test(mention.text)),
    ).toEqual([]);
  });

  it("reads 'after the holidays' as early January when the call is before them", () => {
    // Prepare
    const callDate = "2026-11-30";
    // Act
    const mentions = datesIn("let's talk again after the holidays", callDate);
    // Assess
    expect(mentions[0]?.date).toBe("2027-01-02");
  });

  it("reads a quarter already over as next year's", () => {
    // Prepare
    const callDate = "2026-05-10";
    // Act
    const mentions = datesIn("by q1", callDate);
    // Assess
    expect(mentions[0]?.date).toBe("2027-03-31");
  });

  it.each([
    ["in two weeks", 14],
    ["next quarter", 180],
    ["this quarter", 90],
    ["end of the month", 30],
  ])("reads %j without the call's date by its distance alone (%i days)", (text, days) => {
    // Prepare
    const input = text;
    // Act
    const mentions = datesIn(input, undefined);
    // Assess
    expect(mentions[0]?.days).toBe(days);
    expect(mentions[0]?.date).toBeUndefined();
  });

  it.each(["by march 15", "end of q2", "after the holidays"])(
    "invents no distance for %j without the call's date",
    (text) => {
      // Prepare
      const input = text;
      // Act
      const mentions = datesIn(input, undefined);
      // Assess
      expect(mentions).toEqual([]);
    },
  );

  it.each(["call me at 3:30 pm", "i have five minutes", "we spend 20 bucks for the year"])(
    "names no day in %j",
    (text) => {
      // Prepare
      const input = text;
      // Act
      const mentions = datesIn(input, CALL_DATE);
      // Assess
      expect(mentions).toEqual([]);
    },
  );

  it.each([
    "we are open thurs-sun",
    "we are open thursday to sunday",
    "the office is open monday through friday",
  ])("reads a span of weekdays as a week's schedule, no day: %j", (text) => {
    // Act
    const dates = datesIn(text, CALL_DATE);
    // Assess
    expect(dates).toEqual([]);
  });

  it("still reads a weekday said alone", () => {
    // Act
    const dates = datesIn("we want it live by friday", CALL_DATE);
    // Assess
    expect(dates.map((date) => date.text)).toEqual(["friday"]);
  });

  it("marks a bare amount of time as bare and a point ahead as not", () => {
    // Prepare
    const bare = "two weeks";
    const ahead = "in two weeks";
    // Act
    const [bareMention] = datesIn(bare, CALL_DATE);
    const [aheadMention] = datesIn(ahead, CALL_DATE);
    // Assess
    expect(bareMention?.bare).toBe(true);
    expect(aheadMention?.bare).toBe(false);
  });

  it.each([
    ["move in is like a week and a half out", 11, "a week and a half out"],
    ["in two and a half months", 75, "in two and a half months"],
    ["a month and a half from now", 45, "a month and a half from now"],
    ["in 2 and a half weeks", 18, "in 2 and a half weeks"],
  ])('reads "%s" as %i days, with the half', (text, days, said) => {
    // Prepare
    const input = text;
    // Act
    const mentions = datesIn(input, CALL_DATE);
    // Assess
    expect(mentions).toHaveLength(1);
    expect(mentions[0]?.days).toBe(days);
    expect(mentions[0]?.text).toBe(said);
    expect(mentions[0]?.bare).toBe(false);
  });

  it.each([
    ["2 weeks from monday ideally", 20, "2 weeks from monday"],
    ["two weeks from friday", 17, "two weeks from friday"],
  ])('reads "%s" as an amount of time counted from the day: %i days', (text, days, said) => {
    // Prepare
    const input = text;
    // Act
    const mentions = datesIn(input, CALL_DATE);
    // Assess
    expect(mentions).toHaveLength(1);
    expect(mentions[0]?.days).toBe(days);
    expect(mentions[0]?.text).toBe(said);
    expect(mentions[0]?.bare).toBe(false);
  });

  it("marks a week and a half said without in or out as bare", () => {
    // Prepare
    const input = "a week and a half";
    // Act
    const [mention] = datesIn(input, CALL_DATE);
    // Assess
    expect(mention?.days).toBe(11);
    expect(mention?.bare).toBe(true);
  });
});

describe("mayNameADate", () => {
  it.each([
    "by march 15",
    "end of q2",
    "in two weeks",
    "after the holidays",
    "by friday",
    "in 2027",
    "tmrw or fri if u have anything",
    "thurs afternoon",
  ])("opens for %j", (text) => {
    // Prepare
    const input = normalizeText(text);
    // Act
    const open = mayNameADate(input);
    // Assess
    expect(open).toBe(true);
  });

  it.each([
    "about 1,500 a month",
    "two thousand per year",
    "we need thirty seats",
    "yes please",
    "we sat down with them",
  ])("stays shut for %j", (text) => {
    // Prepare
    const input = normalizeText(text);
    // Act
    const open = mayNameADate(input);
    // Assess
    expect(open).toBe(false);
  });
});

describe("CASUAL_DATE_WORDS", () => {
  it.each(CASUAL_DATE_WORDS)("are each read by chrono as a date on their own: %j", (word) => {
    // Prepare: a Saturday, so no weekday of the list is the call's own day
    const saturday = "2026-01-24";
    // Act
    const dates = datesIn(`can we do ${word}`, saturday);
    // Assess
    expect(dates.map((date) => date.text)).toEqual([word]);
  });
});

describe("INTL_DATE_WORDS", () => {
  it("are the month, weekday, relative-day and unit words en-US Intl formats", () => {
    // Prepare
    const day = (month: number, date: number) => new Date(Date.UTC(2001, month, date, 12));
    const format = (options: Intl.DateTimeFormatOptions) =>
      new Intl.DateTimeFormat("en-US", { ...options, timeZone: "UTC" });
    const relative = new Intl.RelativeTimeFormat("en-US", { numeric: "auto" });
    const names = new Set<string>();
    const units = new Set<string>();
    // Act
    for (let month = 0; month < 12; month++) {
      names.add(format({ month: "long" }).format(day(month, 15)));
      names.add(format({ month: "short" }).format(day(month, 15)));
    }
    for (let date = 1; date <= 7; date++) names.add(format({ weekday: "long" }).format(day(0, date)));
    for (const unit of ["day", "week", "month", "quarter", "year"] as const) {
      for (const amount of [-1, 0, 1, 2]) {
        for (const word of relative.format(amount, unit).split(" ")) {
          if (/^[a-z]+s?$/.test(word) && word.startsWith(unit)) units.add(word);
          else if (/^[A-Za-z]{2,}$/.test(word) && !["in", "ago", "last", "this", "next"].includes(word))
            names.add(word);
        }
      }
    }
    // Assess
    expect(INTL_DATE_WORDS.names).toEqual([...names].map((word) => word.toLowerCase()));
    expect(INTL_DATE_WORDS.units).toEqual([...units]);
  });
});
