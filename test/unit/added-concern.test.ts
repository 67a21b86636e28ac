import { describe, expect, it } from "vitest";
import { opensWithAddition } from "../../functions/domain/added-concern.js";
import { normalizeText, splitClauses } from "../../functions/domain/text.js";

const clausesOf = (text: string) => splitClauses(normalizeText(text));

describe("opensWithAddition", () => {
  it.each([
    "eh. also idk if i trust cloud for this.",
    "Plus we're already on RingCentral and it does the job.",
    "Mm, maybe. But also, I am manager only, the owner decides everything.",
    "Hm, on top of that, our budget cycle just closed.",
    "And another thing: we just renewed with them.",
    "also my daughter handles my finances these days",
  ])("hears a clause that opens by adding to what came before: %j", (text) => {
    // Act
    const added = opensWithAddition(clausesOf(text));
    // Assess
    expect(added).toBe(true);
  });

  it.each([
    "Our phone bill's also way too high for what it is.",
    "We also use Zoom for the meetings.",
    "Alsop Realty, that's us.",
    "besidesthat word is not a word",
    "we looked at it also were locked in till june",
    "",
  ])("hears none in an 'also' inside a clause, or in other words: %j", (text) => {
    // Act
    const added = opensWithAddition(clausesOf(text));
    // Assess
    expect(added).toBe(false);
  });
});
