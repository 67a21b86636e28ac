import { describe, expect, it } from "vitest";
import { takesItBack } from "../../functions/domain/retraction.js";
import { normalizeText } from "../../functions/domain/text.js";

describe("takesItBack", () => {
  it.each([
    "my partner keeps saying we should just get a quote from you guys but i dont know yet",
    "Honestly? If it were up to me I'd sign tomorrow. But it isn't. The clinic owner decides.",
    "Maybe down the road? Like if we get bigger, sure, I'd probably want a quote then. Right now, though — nah.",
    "sign me up, but not now, next month",
  ])('hears the turn take its buying words back: "%s"', (text) => {
    // Prepare
    const normalized = normalizeText(text);
    // Act
    const taken = takesItBack(normalized);
    // Assess
    expect(taken).toBe(true);
  });

  it.each([
    "let's do it, but not before the 15th",
    "I'd like to sign up but I don't know which plan",
    "yes lets do it. but idk how to port my numbers",
    "Where do I sign? But honestly, the price is high.",
    "we should get a quote. I don't know why we waited",
  ])('hears no retraction in a limit, an open question or another point: "%s"', (text) => {
    // Prepare
    const normalized = normalizeText(text);
    // Act
    const taken = takesItBack(normalized);
    // Assess
    expect(taken).toBe(false);
  });
});
