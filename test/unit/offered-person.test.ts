import { describe, expect, it } from "vitest";
import { acceptsOfferedPerson } from "../../functions/domain/offered-person.js";
import { normalizeText } from "../../functions/domain/text.js";

describe("acceptsOfferedPerson", () => {
  it.each([
    [
      "Since compliance is involved, a specialist can walk you through it. Would you like me to connect you now?",
      "yeah actually go ahead put me through",
    ],
    ["Want me to have one of our specialists call you this afternoon?", "Sure."],
    ["Can I transfer you now?", "yes please"],
    ["Would it help to speak with someone on our team?", "Yeah, fine."],
    // A yes with its reason (dev-ad): twelve words.
    [
      "Would you like me to connect you with one now?",
      "Yes, please. I think that would be easier than going back and forth.",
    ],
  ])('hears "%s" "%s" as taking up the offered person', (aiLine, text) => {
    // Act
    const accepted = acceptsOfferedPerson(aiLine, normalizeText(text));
    // Assess
    expect(accepted).toBe(true);
  });

  it.each([
    ["Would you like me to connect you now?", "no you're fine"],
    ["Would you like me to connect you now?", "yeah but not today"],
    ["Would you like me to connect you now?", "maybe later"],
    ["Would you like me to connect you with a specialist, or keep going here?", "yes"],
    ["Did you get a chance to talk to your manager?", "yes she said go ahead"],
    ["Can I send you the brochure?", "sure"],
    [
      "Would you like me to connect you now?",
      "sure, but first tell me how the pricing works for three stores and whether the contract is monthly",
    ],
    [
      "Would you like me to connect you now?",
      "yes we have three stores and about twenty people on the phones and the budget is around four hundred a month",
    ],
  ])('hears "%s" "%s" as no person taken up', (aiLine, text) => {
    // Act
    const accepted = acceptsOfferedPerson(aiLine, normalizeText(text));
    // Assess
    expect(accepted).toBe(false);
  });

  it("takes up nothing without an AI line", () => {
    // Act
    const accepted = acceptsOfferedPerson(undefined, "yes");
    // Assess
    expect(accepted).toBe(false);
  });
});
