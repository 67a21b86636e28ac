import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { digitiseNumberWords } from "../../functions/domain/slots/numbers.js";

const SCALE: Record<string, number> = { thousand: 1_000, grand: 1_000, million: 1_000_000 };

/** The numbers a digitised text states, a trailing scale word applied: "25 thousand" and "25000" are both 25000. */
function numbersIn(text: string): number[] {
  return [...text.matchAll(/(\d+(?:\.\d+)?)(?:\s+(thousand|grand|million)\b)?/g)].map(
    (match) => Number(match[1]) * (match[2] ? (SCALE[match[2]] ?? 1) : 1),
  );
}

const NUMBER_WORDS =
  /\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|couple)\b/;

describe("digitiseNumberWords", () => {
  it("turns a compound number with a scale into one number", () => {
    // Prepare
    const text = "twenty five thousand";
    // Act
    const result = digitiseNumberWords(text);
    // Assess
    expect(result).not.toMatch(NUMBER_WORDS);
    expect(numbersIn(result)).toEqual([25_000]);
  });

  it("reads a hyphenated number followed by a currency word", () => {
    // Prepare
    const text = "twenty-five thousand dollars";
    // Act
    const result = digitiseNumberWords(text);
    // Assess
    expect(result).not.toMatch(NUMBER_WORDS);
    expect(result).toMatch(/dollars$/);
    expect(numbersIn(result)).toEqual([25_000]);
  });

  it('keeps the "and" inside a number: "a hundred and fifty" is 150', () => {
    // Prepare
    const text = "a hundred and fifty";
    // Act
    const result = digitiseNumberWords(text);
    // Assess
    expect(result).toBe("150");
  });

  it('keeps "between twenty and thirty thousand" as two numbers', () => {
    // Prepare
    const text = "between twenty and thirty thousand";
    // Act
    const result = digitiseNumberWords(text);
    // Assess
    expect(result).not.toMatch(NUMBER_WORDS);
    expect(result).toMatch(/^between 20(?:\s?(?:thousand|000))? and 30\s?(?:thousand|000)$/);
    expect(numbersIn(result)).toHaveLength(2);
    expect(result).not.toContain("50");
  });

  it.each([
    ["no no fifteen one five fifteen thousand", [15, 15, 15_000]],
    ["nineteen ninety", [19, 90]],
    ["five six thousand", [5, 6_000]],
    ["two three hundred", [2, 300]],
    ["about eight eight eight fifteen", [8, 15]],
  ])("reads %j as the numbers it says, not one sum", (text, expected) => {
    // Prepare: words that cannot continue one number (a unit after a teen, a ten after a unit)
    // Act
    const result = digitiseNumberWords(text);
    // Assess
    expect(numbersIn(result)).toEqual(expected);
  });

  it.each([
    ["two thousand one", 2_001],
    ["three hundred twenty five", 325],
    ["two fifty", 250],
    ["half a million", 500_000],
  ])("still reads %j as one number", (text, expected) => {
    // Prepare, Act
    const result = digitiseNumberWords(text);
    // Assess
    expect(numbersIn(result)).toEqual([expected]);
  });

  it('reads "a couple of weeks" as 2 weeks', () => {
    // Prepare
    const text = "a couple of weeks";
    // Act
    const result = digitiseNumberWords(text);
    // Assess
    expect(result).toBe("2 weeks");
  });

  it.each([
    ["one hundred", 100],
    ["fifteen hundred", 1_500],
    ["ninety nine", 99],
    ["half a million", 500_000],
    ["seventeen", 17],
  ])('reads "%s" as %d', (text, expected) => {
    // Prepare
    const input = text;
    // Act
    const result = digitiseNumberWords(input);
    // Assess
    expect(result).not.toMatch(NUMBER_WORDS);
    expect(numbersIn(result)).toEqual([expected]);
  });

  it("keeps the words around a number", () => {
    // Prepare
    const text = "we could do about two hundred a month";
    // Act
    const result = digitiseNumberWords(text);
    // Assess
    expect(result).toBe("we could do about 200 a month");
  });

  it.each([
    "we need a new phone system",
    "is there an agent i can talk to",
    "someone at the phone often pays attention",
    "and then an hour later a person called",
    "",
  ])('leaves "%s" unchanged (no number in it)', (text) => {
    // Prepare
    const input = text;
    // Act
    const result = digitiseNumberWords(input);
    // Assess
    expect(result).toBe(text);
  });

  it("leaves any sentence of words without numbers unchanged", () => {
    // Prepare
    const word = fc.constantFrom(
      "we",
      "need",
      "a",
      "an",
      "and",
      "the",
      "phone",
      "someone",
      "anyone",
      "often",
      "tension",
      "agent",
      "budget",
      "is",
      "tight",
      "call",
      "me",
      "later",
      "known",
      "none",
      "weight",
    );
    const sentence = fc.array(word, { maxLength: 12 }).map((words) => words.join(" "));
    // Act
    const check = () =>
      fc.assert(
        fc.property(sentence, (text) => {
          expect(digitiseNumberWords(text)).toBe(text);
        }),
      );
    // Assess
    expect(check).not.toThrow();
  });
});

describe("two spelled numbers joined by and", () => {
  it.each([
    ["between fifteen hundred and two thousand a month", [1_500, 2_000]],
    ["twenty thousand and thirty thousand", [20_000, 30_000]],
    ["between eight hundred and a thousand a month", [800, 1_000]],
    // Slang scale: the run once stopped before "grand" and read 1,502 grand.
    ["somewhere between fifteen hundred and two grand a month", [1_500, 2_000]],
  ])("reads a larger or equal scale after the and as a second number: %j", (text, expected) => {
    // Prepare
    const input = text;
    // Act
    const result = digitiseNumberWords(input);
    // Assess
    expect(numbersIn(result)).toEqual(expected);
  });

  it.each([
    ["two thousand and fifty", [2_050]],
    ["a thousand and two hundred", [1_200]],
    ["one million and two hundred thousand", [1_200_000]],
    ["between eighty and a hundred and twenty thousand", [80, 120_000]],
  ])("still reads a smaller part after the and as the same number: %j", (text, expected) => {
    // Prepare
    const input = text;
    // Act
    const result = digitiseNumberWords(input);
    // Assess
    expect(numbersIn(result)).toEqual(expected);
  });
});

describe("numbers said back to back", () => {
  it.each([
    ["maybe two fifty three hundred a month", [250, 300]],
    ["three hundred four hundred a month", [300, 400]],
    ["two grand one off for setup", [2_000, 1]],
  ])("reads no number as taking a hundred twice or going on after grand: %j", (text, expected) => {
    // Prepare
    const input = text;
    // Act
    const result = digitiseNumberWords(input);
    // Assess
    expect(numbersIn(result)).toEqual(expected);
  });

  it.each([
    ["two fifty three a month", [253]],
    ["twenty five hundred a month", [2_500]],
    ["a hundred and fifty three", [153]],
  ])("still reads one number where the words make one: %j", (text, expected) => {
    // Prepare
    const input = text;
    // Act
    const result = digitiseNumberWords(input);
    // Assess
    expect(numbersIn(result)).toEqual(expected);
  });

  it("leaves grand as an adjective alone", () => {
    // Prepare
    const input = "we had a grand opening last spring";
    // Act
    const result = digitiseNumberWords(input);
    // Assess
    expect(result).toBe(input);
  });
});
