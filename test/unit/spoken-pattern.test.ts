import { describe, expect, it } from "vitest";
import { spokenPattern } from "../../functions/domain/slots/spoken-pattern.js";

describe("spokenPattern", () => {
  it("makes an apostrophe inside a word optional, and only there", () => {
    // Prepare
    const source = "(?<![a-z'])(?:i'm the owner|that's me|can't)";
    // Act
    const pattern = new RegExp(spokenPattern(source));
    // Assess
    expect(spokenPattern(source)).toBe("(?<![a-z'])(?:i'?m the owner|that'?s me|can'?t)");
    expect(["im the owner", "i'm the owner", "thats me", "cant"].every((text) => pattern.test(text))).toBe(
      true,
    );
    expect(pattern.test("i the owner")).toBe(false);
  });
});
