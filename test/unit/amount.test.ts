import { describe, expect, it } from "vitest";
import {
  askedPeriod,
  asksCount,
  asksCurrentSpend,
  namesAnAmount,
  readAmount,
  saysWhatTheyPayToday,
} from "../../functions/domain/slots/amount.js";
import { normalizeText, splitClauses } from "../../functions/domain/text.js";

/** The engine hands the slot readers normalised text. */
const read = (text: string, budgetAsked: boolean) => readAmount(normalizeText(text), budgetAsked);

/** The turn's first amount, each clause read with the whole turn behind it as extractSlots reads them. */
function firstReadingOfTurn(text: string) {
  const clauses = splitClauses(normalizeText(text));
  const readings = clauses.map((clause) =>
    readAmount(clause, true, false, { wholeTurn: clauses.join(", ") }),
  );
  return readings.find((reading) => reading !== null);
}

describe("readAmount", () => {
  it.each([
    ["our budget is 50000", false, "50000"],
    ["50000", true, "50000"],
    ["we can spend 8000", false, "8000"],
  ])('reads the plain amount in "%s" (budget asked: %s) as %s', (text, asked, expected) => {
    // Prepare
    const input = text;
    // Act
    const reading = read(input, asked);
    // Assess
    expect(reading?.value).toBe(expected);
  });

  it.each([
    ["20k", "20000"],
    ["5 grand", "5000"],
    ["20 thousand", "20000"],
    ["twenty five thousand", "25000"],
    ["1.5 million", "1500000"],
  ])('reads the scale in "%s" as %s', (text, expected) => {
    // Prepare
    const input = `our budget is ${text}`;
    // Act
    const reading = read(input, false);
    // Assess
    expect(reading?.value).toBe(expected);
  });

  it.each([
    ["$20,000", "20000"],
    ["$1,500,000", "1500000"],
    ["$20000", "20000"],
    ["about $15,000", "15000"],
    ["20,000 dollars", "20000"],
  ])('reads the dollars and thousands separators in "%s" as %s', (text, expected) => {
    // Prepare
    const input = text;
    // Act
    const reading = read(input, false);
    // Assess
    expect(reading?.value).toBe(expected);
  });

  it.each([
    ["20 to 30k", "20000-30000"],
    ["20-30k", "20000-30000"],
    ["between 10 and 15 thousand", "10000-15000"],
    ["between twenty and thirty thousand", "20000-30000"],
    ["somewhere from $5,000 to $8,000", "5000-8000"],
    ["three or four hundred", "300-400"],
    ["maybe two or three hundred dollars a month", "200-300/mo"],
  ])('reads the range "%s" as %s', (text, expected) => {
    // Prepare
    const input = text;
    // Act
    const reading = read(input, true);
    // Assess
    expect(reading?.value).toBe(expected);
  });

  it.each([
    ["under 10k", "0-10000"],
    ["up to 10k", "0-10000"],
    ["no more than 8k", "0-8000"],
    ["if we're under — call it eight hundred a month", "0-800/mo"],
    ["I'd go up to, say, seven-fifty a month", "0-750/mo"],
  ])('reads the upper bound "%s" as %s', (text, expected) => {
    // Prepare
    const input = text;
    // Act
    const reading = read(input, true);
    // Assess
    expect(reading?.value).toBe(expected);
  });

  it.each([
    ["at least 5k", "5000+"],
    ["at least $5,000", "5000+"],
  ])('reads the lower bound "%s" as %s', (text, expected) => {
    // Prepare
    const input = text;
    // Act
    const reading = read(input, true);
    // Assess
    expect(reading?.value).toBe(expected);
  });

  it.each([
    ["500 a month", "500/mo"],
    ["$500 per month", "500/mo"],
    ["1,200 a month", "1200/mo"],
    ["12k a year", "12000/yr"],
    ["12000 per year", "12000/yr"],
    ["about 30k a year", "30000/yr"],
  ])('keeps the period of "%s": %s', (text, expected) => {
    // Prepare
    const input = text;
    // Act
    const reading = read(input, false);
    // Assess
    expect(reading?.value).toBe(expected);
  });

  it.each([
    ["maybe around 20k", "20000"],
    ["roughly 40k", "40000"],
  ])('drops the hedge in "%s": %s', (text, expected) => {
    // Prepare
    const input = text;
    // Act
    const reading = read(input, false);
    // Assess
    expect(reading?.value).toBe(expected);
  });

  it.each([
    ["12 agents", true],
    ["12 agents", false],
    ["we have 12 agents", true],
    ["3 offices", true],
    ["3 offices", false],
    ["in 2 weeks", true],
    ["in 2 weeks", false],
    ["2 months", true],
    ["2 months", false],
    // A year, in a spoken turn that also says "budget" (its commas gone).
    ["weve got a pbx from 2009 thats on its last legs its my budget and my call", false],
  ])('does not read the count or year "%s" as money (budget asked: %s)', (text, asked) => {
    // Prepare
    const input = text;
    // Act
    const reading = read(input, asked);
    // Assess
    expect(reading).toBeNull();
  });

  it.each([
    ["and we figured 100 150 a month", "100-150/mo"],
    ["weve got 30 40k approved for it", "30000-40000"],
    ["$150 $200 a month", "150-200/mo"],
    ["two grand one off for setup", "2000"],
    ["i dont know maybe two fifty three hundred a month", "250-300/mo"],
  ])(
    'reads two numbers said side by side in "%s" as a range only when they make one: %s',
    (text, expected) => {
      // Prepare: a recogniser's transcript, where "100-150" lost its dash.
      const input = text;
      // Act
      const reading = read(input, true);
      // Assess
      expect(reading?.value).toBe(expected);
    },
  );

  it.each([
    ["1200 month for all", "1200/mo", "1200 month"],
    ["like 100 month your plan looked pricey", "100/mo", "100 month"],
    ["500 year", "500/yr", "500 year"],
  ])('reads a period said without its "a" after money in "%s" as %s', (text, expected, quote) => {
    // Prepare
    const input = text;
    // Act
    const reading = read(input, true);
    // Assess
    expect(reading).toMatchObject({ value: expected, quote });
  });

  it.each(["a 12 month contract", "we signed a 24 month deal"])(
    'reads an amount of time, not money, in "%s"',
    (text) => {
      // Prepare
      const input = text;
      // Act
      const reading = read(input, true);
      // Assess
      expect(reading).toBeNull();
    },
  );

  it.each(["no budget yet", "we have no budget yet", "i don't know", "haven't decided"])(
    'reads nothing in "%s" even when the budget was asked',
    (text) => {
      // Prepare
      const input = text;
      // Act
      const reading = read(input, true);
      // Assess
      expect(reading).toBeNull();
    },
  );

  it("gives a confidence between 0 and 1 and quotes the amount", () => {
    // Prepare
    const input = "we set aside 20k for this";
    // Act
    const reading = read(input, false);
    // Assess
    expect(reading).not.toBeNull();
    expect(reading?.confidence).toBeGreaterThan(0);
    expect(reading?.confidence).toBeLessThanOrEqual(1);
    expect(input).toContain(reading?.quote ?? "<no quote>");
  });

  it.each([
    ["speech", "two thousand a month", "2000/mo", "two thousand a month"],
    ["speech", "about fifteen hundred", "1500", "fifteen hundred"],
    ["speech", "a couple of grand a month", "2000/mo", "a couple of grand a month"],
    ["chat", "like 2k a month", "2000/mo", "2k a month"],
  ])("quotes the customer's own words for the %s form %j (%s)", (_form, text, value, quote) => {
    // Prepare
    const input = text;
    // Act
    const reading = read(input, true);
    // Assess
    expect(reading).toMatchObject({ value, quote });
  });

  it.each([
    ["€2,000 a month", "EUR", "€2,000 a month"],
    ["around 2000 euros a month", "EUR", "2000 euros a month"],
    ["five hundred quid", "GBP", "five hundred quid"],
    ["50k usd", "USD", "50k usd"],
  ])("keeps the currency named in %j (%s)", (text, currency, quote) => {
    // Prepare
    const input = text;
    // Act
    const reading = read(input, true);
    // Assess
    expect(reading).toMatchObject({ currency, quote });
  });

  it("leaves dollars to the campaign's currency", () => {
    // Prepare
    const input = "$2,000 a month";
    // Act
    const reading = read(input, true);
    // Assess
    expect(reading?.value).toBe("2000/mo");
    expect(reading?.currency).toBeUndefined();
  });

  it("reads no amount in a count of seats said as words", () => {
    // Prepare
    const input = "we need thirty seats";
    // Act
    const reading = read(input, true);
    // Assess
    expect(reading).toBeNull();
  });

  it.each([
    ["about a grand a month", "1000/mo", "a grand a month"],
    ["a grand, tops", "0-1000", "a grand"],
    ["we were thinking 600 a month, tops.", "0-600/mo", "600 a month"],
    ["maybe 300 per month, not more", "0-300/mo", "300 per month"],
    ["5k, or more if it works", "5000+", "5k"],
  ])("reads %j as %s", (text, value, quote) => {
    // Prepare
    const input = text;
    // Act
    const reading = read(input, true);
    // Assess
    expect(reading).toMatchObject({ value, quote });
  });

  it.each(["we're having a grand opening in June", "the grand total was fine"])(
    "reads no amount in %j",
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
    ["up to two thousand a moth", "0-2000/mo"],
    ["500 a mnoth", "500/mo"],
    ["12k a yeer", "12000/yr"],
    ["500 a mob", "500"],
    ["500 a yeah", "500"],
  ])("reads a period typed with one slip after an amount, and nothing else: %j", (text, value) => {
    // Prepare
    const input = text;
    // Act
    const reading = read(input, true);
    // Assess
    expect(reading?.value).toBe(value);
  });

  it.each([
    ["we had like twenty k set aside for the year", "20000/yr"],
    ["Maybe 80 dollar per month.", "80/mo"],
    ["maybe twelve thousand for one year", "12000/yr"],
  ])('reads the period in "%s" (a few words on, or after a singular dollar) as %s', (text, expected) => {
    // Prepare
    const input = text;
    // Act
    const reading = read(input, true);
    // Assess
    expect(reading?.value).toBe(expected);
  });

  it("does not take a period a few words on when the words between count something else", () => {
    // Prepare
    const input = "20k for the phones over the year";
    // Act
    const reading = read(input, true);
    // Assess
    expect(reading?.value).toBe("20000");
  });

  it.each(["Yeah, I saw it starts at forty dollars a user.", "thirty dollars a seat seems like a lot"])(
    'reads no budget in a per-seat price said unasked: "%s"',
    (text) => {
      // Prepare
      const input = text;
      // Act
      const unasked = read(input, false);
      const asked = read(input, true);
      // Assess
      expect(unasked).toBeNull();
      expect(asked).not.toBeNull();
    },
  );

  it.each([
    ["and we figured 100-150 a month", true],
    ["we had $5,000 left over", false],
  ])('keeps "%s", said while another slot is asked, above the slot bar: %s', (text, kept) => {
    // Prepare
    const slotConfidence = 0.6;
    // Act
    const reading = readAmount(normalizeText(text), false, true);
    // Assess
    expect(reading).not.toBeNull();
    expect((reading?.confidence ?? 0) >= slotConfidence).toBe(kept);
  });

  it.each([
    "When Jeff left he took about four hundred candidates' numbers with him",
    "about 300 trucks",
    "we have three or four hundred customers",
  ])('reads no amount in a bare number of things: "%s"', (text) => {
    // Prepare
    const input = text;
    // Act
    const unasked = read(input, false);
    const asked = read(input, true);
    // Assess
    expect(unasked).toBeNull();
    expect(asked).toBeNull();
  });

  it("still reads a bare number before a word that counts nothing", () => {
    // Prepare
    const input = "about 400 perhaps";
    // Act
    const reading = read(input, true);
    // Assess
    expect(reading?.value).toBe("400");
  });

  it.each([
    [
      "We've got four lines counting the fax, and I think he'd be fine at maybe thirty-five a line per month.",
      "and i think he'd be fine at maybe thirty-five a line per month",
      "140/mo",
      "thirty-five a line per month",
    ],
    [
      "i was thinking like thirty bucks a person a month so for twelve people",
      "i was thinking like thirty bucks a person a month so for twelve people",
      "360/mo",
      "thirty bucks a person a month",
    ],
    [
      "idk, like 20 bucks a user a month? theres 30 of us whod need it",
      "like 20 bucks a user a month",
      "600/mo",
      "20 bucks a user a month",
    ],
    ["25/seat a month maybe. 6 seats", "25/seat a month maybe", "150/mo", "25/seat a month"],
    [
      "twelve dispatchers we could do about thirty five dollars a seat a month",
      "twelve dispatchers we could do about thirty five dollars a seat a month",
      "420/mo",
      "thirty five dollars a seat a month",
    ],
    [
      "we have 400 customers and 30 a seat a month is the most",
      "we have 400 customers and 30 a seat a month is the most",
      "30/mo",
      "30 a seat a month",
    ],
    ["forty dollars a user", "forty dollars a user", "40", "forty dollars a user"],
  ])(
    'multiplies a per-seat budget asked for by the head count in the turn: "%s"',
    (turn, clause, value, quote) => {
      // Prepare
      const wholeTurn = normalizeText(turn);
      // Act
      const reading = readAmount(normalizeText(clause), true, false, { wholeTurn });
      // Assess
      expect(reading?.value).toBe(value);
      expect(reading?.quote).toBe(quote);
    },
  );

  it.each([
    ["right now we pay 400 a month", false],
    ["the phone company we got now is charging us like two hundred bucks for two lines", false],
    ["honestly it costs us 380 a month for two lines", false],
    ["mostly our phone bill, it's like three hundred a month for four lines", false],
    ["we're paying like 300 a month", false],
    ["Eleven hundred dollars last month. For a booking line!", false],
    ["it came to 640 this past quarter", false],
    ["we could do 300 a month", true],
  ])('reads what the customer pays today below the slot bar, asked or not: "%s" (kept: %s)', (text, kept) => {
    // Prepare
    const slotConfidence = 0.6;
    // Act
    const reading = read(text, true);
    // Assess
    expect(reading).not.toBeNull();
    expect((reading?.confidence ?? 0) >= slotConfidence).toBe(kept);
  });
});

describe("asksCurrentSpend", () => {
  it.each([
    ["We could likely lower that. What do you pay now?", true],
    ["What are you paying now per month?", true],
    ["How much is your phone bill these days?", true],
    ["What would you like to pay?", false],
    ["Roughly what budget have you set aside for a new phone system?", false],
    ["How many phones do you have now?", false],
  ])("reads %j as asking today's bill: %s", (aiLine, asks) => {
    // Act
    const asked = asksCurrentSpend(aiLine);
    // Assess
    expect(asked).toBe(asks);
  });

  it.each([
    [
      "We pay about eleven hundred a month. If you can do it for that or less, we're interested.",
      "0-1100/mo",
      0.9,
    ],
    ["we pay like 800 a month and id want this to come in under that", "0-800/mo", 0.9],
    ["We pay about 500 a month and want to come in under what we pay now.", "0-500/mo", 0.9],
    ["We pay eleven hundred a month. That's a lot.", "1100/mo", 0.5],
  ])("reads today's bill said again as the most they would pay as a cap: %j", (text, value, confidence) => {
    // Act
    const reading = firstReadingOfTurn(text);
    // Assess
    expect(reading).toMatchObject({ value, confidence });
  });

  it.each([
    ["Our phone bill. We're paying, what, eleven hundred a month for six lines.", "1100/mo", 0.5],
    [
      "Right now we pay, uh, I want to say a hundred and eighty a month to the phone company for the three lines.",
      "180/mo",
      0.5,
    ],
    ["We pay a lot. Like, 500 a month would be ok.", "500/mo", 0.9],
    [
      "If I could get it to, like, half of what we pay now, so about eleven hundred, I'd be thrilled.",
      "1100",
      0.9,
    ],
  ])(
    "reads today's bill said a clause or two before its amount, and none where a wish or a measure follows: %j",
    (text, value, confidence) => {
      // Act
      const reading = firstReadingOfTurn(text);
      // Assess
      expect(reading).toMatchObject({ value, confidence });
    },
  );
});

describe("askedPeriod", () => {
  it.each([
    ["Makes sense. What would you want to be spending monthly?", "/mo"],
    ["And what would you want to spend a month?", "/mo"],
    ["What's your annual budget for this?", "/yr"],
    ["How much could you put toward it per year?", "/yr"],
    ["Do you have a budget in mind?", ""],
    ["We bill per month. Do you have a budget in mind?", ""],
    // Written as speech, with no mark at all: its ending is the question when it opens like one.
    ["and what would you want to spend a month", "/mo"],
    ["we bill a flat fee every month", ""],
  ])("reads the period %j asks the amount in as %j", (aiLine, period) => {
    // Act
    const asked = askedPeriod(aiLine);
    // Assess
    expect(asked).toBe(period);
  });
});

describe("a number answering how many", () => {
  it.each([
    ["roughly 60 ppl, maybe 65 w part timers", false],
    ["about 40 folks give or take", false],
    ["around 250 bucks a month", true],
  ])('reads no budget in a count the AI asked for unless it is money: "%s" (budget: %s)', (text, budget) => {
    // Prepare
    const aiLine = "Thanks, happy to help. How many users across the seven pharmacies?";
    const clause = normalizeText(text);
    // Act
    const reading = readAmount(clause, false, false, { countAsked: asksCount(aiLine) });
    // Assess
    expect(reading !== null).toBe(budget);
  });

  it("reads a head count said in people words as no amount, unasked", () => {
    // Prepare
    const clause = normalizeText("roughly 60 ppl");
    // Act
    const reading = readAmount(clause, false);
    // Assess
    expect(reading).toBeNull();
  });

  it.each([
    ["How many users across the seven pharmacies?", true],
    ["Got it. And how many locations is that?", true],
    ["How much would you want to spend a month?", false],
    ["We have plans for teams of any size. What budget did you have in mind?", false],
  ])('reads whether the AI asked how many: "%s" (%s)', (aiLine, asked) => {
    // Act
    const count = asksCount(aiLine);
    // Assess
    expect(count).toBe(asked);
  });
});

describe("a period said with another preposition", () => {
  it.each([
    ["maybe one hundred fifty in the month", "not more really", "0-150/mo"],
    ["not more than 80 dollars for month", "for all", "0-80/mo"],
    ["we could do 2000 in the year", "", "2000/yr"],
  ])('reads "%s" (then "%s") as %s', (clause, next, value) => {
    // Act
    const reading = readAmount(normalizeText(clause), true, false, { nextClause: next });
    // Assess
    expect(reading?.value).toBe(value);
  });
});

describe("a number said again digit by digit", () => {
  it("reads a spoken correction of the amount as the amount, not a sum or a range of its parts", () => {
    // Prepare: a recogniser's words for "no, no: fifteen. One five. Fifteen thousand."
    const clause = "no no fifteen one five fifteen thousand";
    // Act
    const reading = read(clause, true);
    // Assess
    expect(reading?.value).toBe("15000");
  });
});

describe("a signing limit", () => {
  it.each([
    "no uh the owner ray signs anything over a hundred bucks",
    "we vote on anything over a few thousand",
    "she signs off on anything over like five hundred bucks",
  ])('reads no budget from a limit on who signs, though the budget was asked: "%s"', (clause) => {
    // Act
    const reading = read(clause, true);
    // Assess
    expect(reading).toBeNull();
  });

  it("still reads a lower bound on what the customer would spend", () => {
    // Act
    const reading = read("we'd spend over a thousand a month", true);
    // Assess
    expect(reading?.value).toBe("1000+/mo");
  });
});

describe("a spoken range whose second end is said in hundreds and tens", () => {
  it.each([
    ["yeah four to four fifty", "400-450"],
    ["maybe two to two fifty a month", "200-250/mo"],
  ])('reads "%s" as %s, the hundreds shared', (clause, value) => {
    // Act
    const reading = read(clause, true);
    // Assess
    expect(reading?.value).toBe(value);
  });
});

describe("a limit said as what the customer cannot go over", () => {
  it.each([
    ["we cant go over 800 a month for phones, hard cap", "0-800/mo"],
    ["We can't go above $1,200 a month.", "0-1200/mo"],
    ["my partner said try not to go over 500 a month", "0-500/mo"],
    ["we won't spend more than 300 a month", "0-300/mo"],
    ["beth said she doesnt want to go over a hundred fifty a month", "0-150/mo"],
    ["he didn't want to spend more than 400 a month", "0-400/mo"],
  ])("reads %j as an upper bound: %s", (text, expected) => {
    // Prepare
    const input = text;
    // Act
    const reading = read(input, true);
    // Assess
    expect(reading?.value).toBe(expected);
  });

  it("still reads a lower bound said with over", () => {
    // Prepare
    const input = "we'd happily go over 800 a month if it works";
    // Act
    const reading = read(input, true);
    // Assess
    expect(reading?.value).toBe("800+/mo");
  });
});

describe("a larger amount offered as a maybe after the first", () => {
  it.each([
    ["i was thinking like two hundred a month maybe three hundred at the most", "200-300/mo"],
    ["a hundred and fifty a month maybe two hundred", "150-200/mo"],
  ])("reads %j as a range: %s", (text, expected) => {
    // Act
    const reading = read(text, true);
    // Assess
    expect(reading?.value).toBe(expected);
  });

  it("quotes both amounts", () => {
    // Act
    const reading = read("i was thinking like two hundred a month maybe three hundred at the most", true);
    // Assess
    expect(reading?.quote).toBe("two hundred a month maybe three hundred");
  });

  it("reads no range when the second is more than twice the first", () => {
    // Act
    const reading = read("two hundred a month maybe five hundred if it does it all", true);
    // Assess
    expect(reading?.value).not.toBe("200-500/mo");
  });
});

describe("a range of spelled-out amounts", () => {
  it("reads fifteen hundred and two thousand after between as a range, not one number", () => {
    // Prepare
    const input = "somewhere between fifteen hundred and two thousand a month";
    // Act
    const reading = read(input, true);
    // Assess
    expect(reading?.value).toBe("1500-2000/mo");
  });
});

describe("a period for the first year, a few words on", () => {
  it("reads the year in an amount put towards the first year", () => {
    // Prepare
    const input = "i think we could put maybe three thousand towards it for the first year";
    // Act
    const reading = read(input, true);
    // Assess
    expect(reading?.value).toBe("3000/yr");
  });
});

describe("an upper bound said around a hedge, a typo or after the amount", () => {
  it.each([
    ["i could do up to like 25 a month tbh", "0-25/mo"],
    ["cant spend more then like 150 a month total", "0-150/mo"],
    ["maybe 80 dollar per month is the max, dive season is short", "0-80/mo"],
    ["250 a month is the ceiling", "0-250/mo"],
    ["300 a month is our limit", "0-300/mo"],
  ])("reads %j as %s", (text, expected) => {
    // Prepare
    const input = text;
    // Act
    const reading = read(input, true);
    // Assess
    expect(reading?.value).toBe(expected);
  });

  it("still reads a lower bound said around a hedge", () => {
    // Prepare
    const input = "at least like 300 a month";
    // Act
    const reading = read(input, true);
    // Assess
    expect(reading?.value).toBe("300+/mo");
  });
});

describe("a count of things with a word before them", () => {
  it.each([
    "So we do, uh, payroll for about two hundred small businesses, and on payroll days the phones melt.",
    "we answer for like 300 active clients",
  ])("reads no amount in %j", (text) => {
    // Prepare
    const input = text;
    // Act
    const reading = read(input, false);
    // Assess
    expect(reading).toBeNull();
  });

  it.each([
    ["we could do 2000 tops", "0-2000"],
    ["about 300 all in", "300"],
    ["like 400 or less", "0-400"],
  ])("still reads %j as %s when the budget is asked", (text, expected) => {
    // Prepare
    const input = text;
    // Act
    const reading = read(input, true);
    // Assess
    expect(reading?.value).toBe(expected);
  });
});

describe("a year said after a hedge", () => {
  it.each([
    "huh okay well we got a landline from like two thousand nine and one cell phone everybody passes around",
    "a phone system from like 2012",
  ])("reads no amount in %j, asked or not", (text) => {
    // Prepare
    const input = text;
    // Act
    const unasked = read(input, false);
    const asked = read(input, true);
    // Assess
    expect(unasked).toBeNull();
    expect(asked).toBeNull();
  });

  it("still reads a range of amounts that start like a year when the budget is asked", () => {
    // Prepare
    const input = "from 2000 to 3000";
    // Act
    const reading = read(input, true);
    // Assess
    expect(reading?.value).toBe("2000-3000");
  });
});

describe("readAmount of a range whose first number borrows the second's scales", () => {
  it.each([
    ["somewhere between two and three hundred thousand a year", "200000-300000/yr"],
    ["between two and two fifty thousand", "200000-250000"],
    ["somewhere between fifteen hundred and two grand a month", "1500-2000/mo"],
  ])('reads "%s" as %s', (text, expected) => {
    // Prepare
    const input = text;
    // Act
    const reading = readAmount(input, true);
    // Assess
    expect(reading?.value).toBe(expected);
  });
});

describe("what an AI line or a turn says of money", () => {
  it.each([
    ["Plans for a small studio start at $24 per user per month.", true],
    ["Most teams your size land around two hundred a month.", true],
    ["What made you reach out?", false],
    [undefined, false],
  ])("namesAnAmount(%j) is %s", (line, expected) => {
    // Prepare
    const input = line;
    // Act
    const names = namesAnAmount(input);
    // Assess
    expect(names).toBe(expected);
  });

  it.each([
    ["our phone bill is way too high, we pay about three hundred a month to the phone company", true],
    ["we could spend about three hundred a month", false],
    ["we have three lines and nobody answers them", false],
  ])("saysWhatTheyPayToday(%j) is %s", (text, expected) => {
    // Prepare
    const clauses = splitClauses(normalizeText(text));
    // Act
    const paysToday = saysWhatTheyPayToday(clauses, "What made you reach out?");
    // Assess
    expect(paysToday).toBe(expected);
  });
});

describe("readAmount of what the customer's current setup costs", () => {
  it.each([
    "the avaya maintenance contract alone is 2100/mo",
    "verizons bundle is 520/mo for all 3 tho",
    "the answering service is like 300 a month by itself",
  ])('reads "%s" as today\'s cost, no budget', (text) => {
    // Prepare
    const input = text;
    // Act
    const reading = read(input, true);
    // Assess
    expect(reading?.paidToday).toBe(true);
    expect(reading?.confidence).toBeLessThan(0.6);
  });

  it("still reads a plan to spend as a budget", () => {
    // Act
    const reading = read("the plan is to spend 300 a month", true);
    // Assess
    expect(reading).toMatchObject({ value: "300/mo", confidence: 0.9 });
    expect(reading?.paidToday).toBeUndefined();
  });

  it("reads today's cost said again as the most they would pay", () => {
    // Act
    const reading = read(
      "the avaya maintenance is like eleven thousand a year right now so dana said try not to go over that",
      true,
    );
    // Assess
    expect(reading).toMatchObject({ value: "0-11000/yr", confidence: 0.9 });
  });
});
