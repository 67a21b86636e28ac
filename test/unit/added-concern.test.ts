import { describe, expect, it } from "vitest";
import { concedesThenObjects, opensWithAddition } from "../../functions/domain/added-concern.js";
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

describe("concedesThenObjects", () => {
  it.each([
    "Maybe. But 8x8 has been solid for us, never had an outage. Why risk it?",
    "Eh, maybe. And even if I liked it, I don't make the call.",
    "maybe but we really have no money like zero",
    "Mm, maybe, but we're in peak season right now.",
  ])("hears a maybe that turns against the AI's point at once: %j", (text) => {
    // Act
    const conceding = concedesThenObjects(normalizeText(text));
    // Assess
    expect(conceding).toBe(true);
  });

  it.each([
    "Sure, but I should say I'm not the one who decides.",
    "OK, but quickly, please!",
    "Maybe next month would work better.",
    "We could do it maybe, but not this year.",
    "",
  ])("hears none in an agreement to go on, a maybe that does not turn, or a maybe later on: %j", (text) => {
    // Act
    const conceding = concedesThenObjects(normalizeText(text));
    // Assess
    expect(conceding).toBe(false);
  });
});
