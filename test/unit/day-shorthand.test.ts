import { describe, expect, it } from "vitest";
import { spelledDay } from "../../functions/domain/day-shorthand.js";

describe("spelledDay", () => {
  it("spells out a chat's short form of a day wherever it stands", () => {
    // Act
    const days = ["tmrw", "2morrow", "fri", "thurs", "tues", "tonite"].map((word) =>
      spelledDay(word, undefined),
    );
    // Assess
    expect(days).toEqual(["tomorrow", "tomorrow", "friday", "thursday", "tuesday", "tonight"]);
  });

  it("reads a short form that is also a word as a day only after a word that names one", () => {
    // Act
    const afterDayWord = ["on", "next", "by", "or"].map((before) => spelledDay("sat", before));
    const elsewhere = [undefined, "i", "the", "and"].map((before) => spelledDay("sat", before));
    // Assess
    expect(afterDayWord).toEqual(["saturday", "saturday", "saturday", "saturday"]);
    expect(elsewhere).toEqual([undefined, undefined, undefined, undefined]);
  });

  it("leaves every other word alone", () => {
    // Act
    const words = ["friday", "fries", "week", "the"].map((word) => spelledDay(word, "on"));
    // Assess
    expect(words).toEqual([undefined, undefined, undefined, undefined]);
  });
});
