import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { WordCounts } from "../../functions/domain/word-counts.js";

describe("WordCounts", () => {
  it("finds every word it holds and no other, with its count", () => {
    // Prepare
    const words = fc.uniqueArray(fc.stringMatching(/^[a-z]{1,8}$/), { minLength: 1, maxLength: 60 });
    fc.assert(
      fc.property(words, fc.stringMatching(/^[a-z]{1,8}$/), (list, probe) => {
        const counts = list.map((_, index) => index + 1);
        // Act
        const known = WordCounts.fromLists(list, counts);
        // Assess
        list.forEach((word, index) => {
          expect(known.countOf(word)).toBe(counts[index]);
        });
        expect(known.has(probe)).toBe(list.includes(probe));
        expect(known.size).toBe(list.length);
      }),
    );
  });

  it("answers the same whether its lines are indexed at once or at the first lookup", () => {
    // Prepare
    const lines = WordCounts.fromLists(["per-month", "a-year", "the-quote"], [3, 7, 2]).lines;
    // Act
    const now = WordCounts.fromLines(lines, "now");
    const later = WordCounts.fromLines(lines, "on first lookup");
    // Assess
    for (const pair of ["a-year", "per-month", "the-quote", "per-year"]) {
      expect(later.countOf(pair)).toBe(now.countOf(pair));
    }
    expect(later.size).toBe(3);
    expect(later.countOf("a-year")).toBe(7);
  });

  it("orders a word before the longer words it starts", () => {
    // Prepare
    const known = WordCounts.fromLists(["quotes", "quote", "quo"], [1, 2, 3]);
    // Act
    const order = [0, 1, 2].map((index) => known.wordAt(index));
    // Assess
    expect(order).toEqual(["quo", "quote", "quotes"]);
    expect(known.indexOf("quote")).toBe(1);
    expect(known.indexOf("quot")).toBe(-1);
  });

  it("refuses a line that is not a lowercase word, a space and a positive count", () => {
    // Prepare
    const lines = ["month 30\nweek\n", "month 30\nweek 0\n", "month 30\n\n", "month 30"];
    // Act
    const loads = lines.map((text) => () => WordCounts.fromLines(text));
    // Assess
    for (const load of loads) expect(load).toThrow(/is not "<lowercase word> <count>"/);
  });

  it("finds words out of order when verified", () => {
    // Prepare
    const known = WordCounts.fromLines("week 2\nmonth 3\n");
    // Act
    const verify = () => known.verifyOrder();
    // Assess
    expect(verify).toThrow(/not in order at "month"/);
  });

  it("refuses the same word twice", () => {
    // Prepare
    const twice = () => WordCounts.fromLists(["week", "week"], [1, 2]);
    // Act and assess
    expect(twice).toThrow(/not in order at "week"/);
  });

  it("holds nothing when empty", () => {
    // Prepare
    const empty = WordCounts.fromLines("");
    // Act
    const found = empty.has("week");
    // Assess
    expect(found).toBe(false);
    expect(empty.size).toBe(0);
  });
});
