import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { bucketOf, readTimeline } from "../../functions/domain/slots/timeline.js";
import { normalizeText } from "../../functions/domain/text.js";

/** The engine hands the slot readers normalised text. */
const read = (text: string, timelineAsked: boolean, callDate?: string) =>
  readTimeline(normalizeText(text), timelineAsked, callDate);
/** A call's date, for readings that need one (a named month, "this month"). */
const CALL_DATE = "2026-12-04";

const BUCKETS = ["immediate", "within_1_month", "within_quarter", "within_6_months", "later"];

describe("readTimeline", () => {
  it.each([
    ["asap", true, "immediate"],
    ["asap", false, "immediate"],
    ["as soon as possible", true, "immediate"],
    ["this week", true, "immediate"],
    ["we need it up and running this week", false, "immediate"],
    ["within 7 days", true, "immediate"],
    ["in two weeks", true, "within_1_month"],
    ["we want to go live in two weeks", false, "within_1_month"],
    ["next month", true, "within_1_month"],
    ["by the end of the month", true, "within_1_month"],
    ["in six weeks", true, "within_quarter"],
    ["in 2-3 months", true, "within_quarter"],
    ["this quarter", true, "within_quarter"],
    ["in five months", true, "within_6_months"],
    ["next year", true, "later"],
    ["in a year", true, "later"],
    ["within the quarter, ideally", true, "within_quarter"],
    // "Not until" names the horizon rather than negating it.
    ["we're not looking to change anything until next year", false, "later"],
    ["not before next year, honestly", true, "later"],
    // Spoken, commas gone: the "no" of "no rush" does not reach past "probably".
    ["no rush honestly probably sometime next year", true, "later"],
  ])('buckets "%s" (timeline asked: %s) as %s', (text, asked, expected) => {
    // Prepare
    const input = text;
    // Act
    const reading = read(input, asked);
    // Assess
    expect(reading?.value).toBe(expected);
  });

  it.each([
    ["we've had it for 2 years", true],
    ["we've had it for 2 years", false],
    ["we switched 2 years ago", true],
    ["we have been with them for 5 years", true],
    // What a budget covers, said when the AI asked about timing.
    ["its actually thirty k for the year they bumped it", true],
    // A rate, which chrono alone reads as nine days.
    ["people come in two days a week", false],
    ["people come in two days a week", true],
    // A volume or a spend per period, said when the AI asked when to meet.
    ["We process vendor bills, around 3,000 a month.", true],
    ["we get 200 calls a day", true],
    ["twice a month", true],
    ["we spend 300 bucks a month on it", true],
    ["it's more like a hundred and fifty a month", true],
    // The window a count happened in.
    ["we've switched systems three times in five years", true],
    ["we moved offices twice in two years", true],
    // "Now" that is not when they want to be live.
    ["not yet. i'm just collecting options for now.", true],
    ["i'm not shopping right now, but it's good to have on file", true],
    ["well, uh, i'm not sure i have time to deal with a setup right now", true],
  ])(
    'does not read the history, rate, budget period or passing "now" in "%s" as a timeline (asked: %s)',
    (text, asked) => {
      // Prepare
      const input = text;
      // Act
      const reading = read(input, asked);
      // Assess
      expect(reading).toBeNull();
    },
  );

  it.each([
    ["in a month", "within_1_month"],
    ["about a month", "within_1_month"],
    ["we have 20 people, a month maybe", "within_1_month"],
  ])('still reads the horizon "%s" (a period after no count)', (text, expected) => {
    // Prepare
    const input = text;
    // Act
    const reading = read(input, true);
    // Assess
    expect(reading?.value).toBe(expected);
  });

  it.each([
    ["paying staff back takes us like 6 weeks", false],
    ["the close takes about 12 days", true],
    ["clients pay us 60-90 days late", true],
    ["invoices sit around 30 days overdue", true],
  ])(
    'does not read how long a task takes or how late it is, "%s", as a timeline (asked: %s)',
    (text, asked) => {
      // Act
      const reading = read(text, asked);
      // Assess
      expect(reading).toBeNull();
    },
  );

  it.each([
    "in the summer we get slammed and the calls go to voicemail",
    "and in summer the calls just... they stack up, people hang up",
    "during the winter it's dead quiet",
  ])('does not read a season said unasked as when something keeps happening, "%s", as a timeline', (text) => {
    // Act
    const reading = read(text, false, CALL_DATE);
    // Assess
    expect(reading).toBeNull();
  });

  it.each([
    "hey this is inkwell tattoo, i got charged twice this month",
    "you know what this is the third call from you people this month",
    "we have forty-some closings on the calendar this month",
    "we renew the lease next month",
  ])('does not read the period around now said unasked, "%s", as a timeline', (text) => {
    // Act
    const reading = read(text, false, CALL_DATE);
    // Assess
    expect(reading).toBeNull();
  });

  it.each([
    ["we want to switch this month", false, "within_1_month"],
    ["this month", true, "within_1_month"],
    ["next month, ideally", true, "within_1_month"],
  ])(
    'still reads the period around now that answers when or says when to start, "%s" (asked: %s)',
    (text, asked, value) => {
      // Act
      const reading = read(text, asked, CALL_DATE);
      // Assess
      expect(reading?.value).toBe(value);
    },
  );

  it.each([
    ["in the summer, I guess", true, "within_6_months"],
    ["we want it live in the spring", false, "within_1_month"],
  ])(
    'still reads a season that answers when or says when to start, "%s" (asked: %s)',
    (text, asked, value) => {
      // Act: on the first of March, spring starts in 19 days and summer in 112
      const reading = read(text, asked, "2026-03-01");
      // Assess
      expect(reading?.value).toBe(value);
    },
  );

  it.each([
    ["the PBX, it's about fifteen years old", false],
    ["its like 15 years old honestly", true],
    ["we replaced a two-year-old system", false],
  ])('does not read an age, "%s", as a timeline (asked: %s)', (text, asked) => {
    // Act
    const reading = read(text, asked);
    // Assess
    expect(reading).toBeNull();
  });

  it.each(["I'm looking at this month's invoice", "next year's budget isn't set yet"])(
    'does not read a period that names a thing, "%s", as a timeline',
    (text) => {
      // Act
      const reading = read(text, false);
      // Assess
      expect(reading).toBeNull();
    },
  );

  it.each([
    ["we already got a quote from one of your reps back in the spring", false],
    ["the bakery closed back in august", true],
    ["our invoice this month is 640 and last month was 410", false],
    ["next week is packed for us", false],
  ])(
    'does not read a time said after "back" or a period said as what it is, "%s", as a timeline (asked: %s)',
    (text, asked) => {
      // Act
      const reading = read(text, asked, CALL_DATE);
      // Assess
      expect(reading).toBeNull();
    },
  );

  it.each([
    ["call me back in the spring, we want it live then", true, "within_6_months"],
    ["check back in a month", true, "within_1_month"],
    ["he's back in march and we start right after", true, "within_quarter"],
    ["next month is when we want to switch", false, "within_1_month"],
    ["this month is best", true, "within_1_month"],
  ])('still reads a time someone comes back at or starts by, "%s" (asked: %s)', (text, asked, expected) => {
    // Act
    const reading = read(text, asked, CALL_DATE);
    // Assess
    expect(reading?.value).toBe(expected);
  });

  it("reads a deadline said beside what day it is today, not today", () => {
    // Prepare
    const text = "um it says by the thirtieth and today is the what the ninth so";
    // Act
    const reading = readTimeline(normalizeText(text), true, "2026-03-09");
    // Assess
    expect(reading?.value).toBe("within_1_month");
    expect(reading?.quote).toBe("by the thirtieth");
  });

  it("still reads a horizon said beside how long a task takes", () => {
    // Act
    const reading = read("setup takes a week, we want to be live in 6 weeks", false);
    // Assess
    expect(reading?.value).toBe("within_quarter");
  });

  it.each([
    ["not this week", true],
    ["probably not next week", true],
  ])('does not read the negated "%s" as a timeline (asked: %s)', (text, asked) => {
    // Prepare
    const input = text;
    // Act
    const reading = read(input, asked);
    // Assess
    expect(reading).toBeNull();
  });

  it.each(["i don't know", "haven't decided"])(
    'reads nothing in "%s" even when the timeline was asked',
    (text) => {
      // Prepare
      const input = text;
      // Act
      const reading = read(input, true);
      // Assess
      expect(reading).toBeNull();
    },
  );

  it.each([
    ["idk maybe 100 month", false, null],
    ["like 100 month", true, null],
    ["maybe 4 months", true, "within_6_months"],
  ])(
    'reads no horizon in money a month said without its "a": "%s" (asked: %s) -> %s',
    (text, asked, bucket) => {
      // Prepare
      const input = text;
      // Act
      const reading = read(input, asked);
      // Assess
      expect(reading?.value ?? null).toBe(bucket);
    },
  );

  it('buckets "in N days" by exactly N days', () => {
    // Prepare
    const days = fc.integer({ min: 1, max: 400 });
    // Act
    const check = () =>
      fc.assert(
        fc.property(days, (n) => {
          const reading = read(`we want to start in ${n} days`, true);
          expect(reading?.value).toBe(bucketOf(n));
        }),
      );
    // Assess
    expect(check).not.toThrow();
  });

  it('buckets "in N weeks" by 7N days', () => {
    // Prepare
    const weeks = fc.integer({ min: 1, max: 52 });
    // Act
    const check = () =>
      fc.assert(
        fc.property(weeks, (n) => {
          const reading = read(`we want to go live in ${n} weeks`, true);
          expect(reading?.value).toBe(bucketOf(7 * n));
        }),
      );
    // Assess
    expect(check).not.toThrow();
  });

  it("reports a bucket that agrees with its days, a confidence in 0..1 and the words it read", () => {
    // Prepare
    const input = "we want to go live in six weeks";
    // Act
    const reading = read(input, true);
    // Assess
    expect(reading).not.toBeNull();
    expect(reading?.value).toBe(bucketOf(reading?.days ?? -1));
    expect(reading?.confidence).toBeGreaterThan(0);
    expect(reading?.confidence).toBeLessThanOrEqual(1);
    expect(reading?.quote.length).toBeGreaterThan(0);
  });
});

describe("bucketOf", () => {
  it.each([
    [0, "immediate"],
    [1, "immediate"],
    [7, "immediate"],
    [8, "within_1_month"],
    [31, "within_1_month"],
    [32, "within_quarter"],
    [92, "within_quarter"],
    [93, "within_6_months"],
    [183, "within_6_months"],
    [184, "later"],
    [3650, "later"],
  ])("puts %d days in %s", (days, expected) => {
    // Prepare
    const input = days;
    // Act
    const bucket = bucketOf(input);
    // Assess
    expect(bucket).toBe(expected);
  });

  it("never puts a longer horizon in an earlier bucket", () => {
    // Prepare
    const pair = fc.tuple(fc.integer({ min: 0, max: 1000 }), fc.integer({ min: 0, max: 1000 }));
    // Act
    const check = () =>
      fc.assert(
        fc.property(pair, ([a, b]) => {
          const [shorter, longer] = a <= b ? [a, b] : [b, a];
          expect(BUCKETS.indexOf(bucketOf(shorter))).toBeLessThanOrEqual(BUCKETS.indexOf(bucketOf(longer)));
        }),
      );
    // Assess
    expect(check).not.toThrow();
  });
});

describe("readTimeline against the call's date", () => {
  const CALL_DATE = "2026-01-20";
  const readOn = (text: string, asked: boolean) => readTimeline(normalizeText(text), asked, CALL_DATE);

  it.each([
    ["We want to be live by March 15.", "within_quarter", "2026-03-15", "march 15"],
    ["we want to be live by march fifteenth", "within_quarter", "2026-03-15", "march fifteenth"],
    ["by the end of Q2", "within_6_months", "2026-06-30", "the end of q2"],
    ["sometime next year", "later", "2027-01-20", "next year"],
    ["in two weeks time", "within_1_month", "2026-02-03", "in two weeks"],
  ])("reads %j as %s with the date %s, quoting the words %j", (text, bucket, date, quote) => {
    // Prepare
    const input = text;
    // Act
    const reading = readOn(input, true);
    // Assess
    expect(reading).toMatchObject({ value: bucket, date, quote });
  });

  it("keeps today's bucket and adds no date for words that name no day", () => {
    // Prepare
    const input = "asap";
    // Act
    const reading = readOn(input, true);
    // Assess
    expect(reading?.value).toBe("immediate");
    expect(reading?.date).toBeUndefined();
  });

  it("reads a bare amount of time only as the answer to the question", () => {
    // Prepare
    const input = "we looked at it for two weeks";
    // Act
    const unasked = readOn(input, false);
    // Assess
    expect(unasked).toBeNull();
  });

  it.each(["what would half a million cost a month for a guy my age", "what would it cost a month"])(
    "reads no horizon in a price's period, even as the answer to the question: %j",
    (text) => {
      expect(read(text, true)).toBeNull();
    },
  );

  it("takes the later date of a corrected clause", () => {
    // Prepare
    const input = "by the end of the month or actually no more like six weeks from now";
    // Act
    const reading = readOn(input, true);
    // Assess
    expect(reading?.value).toBe("within_quarter");
    expect(reading?.quote).toBe("six weeks from now");
  });

  it.each([
    "our techs turn in their receipts in a crumpled ball at the end of the month",
    "we get slammed at the end of the quarter",
  ])('reads no timeline in what happens at the end of a period, said unasked: "%s"', (text) => {
    // Prepare
    const input = text;
    // Act
    const unasked = readOn(input, false);
    const asked = readOn(input, true);
    // Assess
    expect(unasked).toBeNull();
    expect(asked).not.toBeNull();
  });

  it.each([
    ["we need it by the end of the month", "within_1_month"],
    ["we want to switch at the end of the month", "within_1_month"],
  ])('still reads a deadline at the end of a period: "%s"', (text, bucket) => {
    // Prepare
    const input = text;
    // Act
    const reading = readOn(input, false);
    // Assess
    expect(reading?.value).toBe(bucket);
  });

  it.each([
    ["250 is what one store pays now", null],
    ["thats what we have right now", null],
    ["we need it now", "immediate"],
  ])('reads "now" as a horizon only where it is not what is paid or had today: "%s"', (text, bucket) => {
    // Prepare
    const input = text;
    // Act
    const reading = readOn(input, true);
    // Assess
    expect(reading?.value ?? null).toBe(bucket);
  });

  it.each([
    ["i'm away next week, actually, conference in denver", null],
    ["we want it up and running next week", "immediate"],
  ])('reads a week said unasked as a horizon only with a word of starting: "%s"', (text, bucket) => {
    // Act
    const reading = readOn(text, false);
    // Assess
    expect(reading?.value ?? null).toBe(bucket);
  });

  it.each([
    ["the office is open only three days", false, null],
    ["we want it up and running in 3 days", false, "immediate"],
    ["in about 3 days", true, "immediate"],
    ["in about 3 weeks", false, "within_1_month"],
  ])(
    'reads a few days said unasked as a horizon only with a word of starting: "%s" (asked: %s)',
    (text, asked, bucket) => {
      // Act
      const reading = readOn(text, asked);
      // Assess
      expect(reading?.value ?? null).toBe(bucket);
    },
  );
});

describe("readTimeline and a callback's date", () => {
  it.each([
    "can you call me back next thursday? ill have talked to ray by then",
    "try me again after the 15th",
    "can you call me back thursday im off today actually i just happened to pick up",
    "we're closed tomorrow",
  ])(
    'reads no going-live time from when to call or reach the caller, though the AI asked when: "%s"',
    (text) => {
      // Act
      const reading = read(text, true, "2026-03-04");
      // Assess
      expect(reading).toBeNull();
    },
  );

  it("reads a callback's date for an appointment slot, which it may set", () => {
    // Act
    const reading = readTimeline(normalizeText("call me back next thursday"), true, "2026-03-04", true);
    // Assess: Thursday week, eight days after a Wednesday call
    expect(reading?.value).toBe("within_1_month");
  });
});

describe("a duration and a half", () => {
  it.each([
    ["the winter season it start in one month and half so before that", "within_quarter"],
    ["we want it live in a month and a half", "within_quarter"],
    ["in two weeks and a half", "within_1_month"],
  ])("reads %j as %s", (text, expected) => {
    // Prepare
    const input = text;
    // Act
    const reading = read(input, true);
    // Assess
    expect(reading?.value).toBe(expected);
  });
});
