import { describe, expect, it } from "vitest";
import { defaultCampaign } from "../../functions/domain/campaigns.js";
import { categoryMatcher } from "../../functions/domain/slots/category.js";

const need = defaultCampaign.slots.find((slot) => slot.name === "need");
const matcher = categoryMatcher(need?.values ?? {});

describe("the default campaign's need examples", () => {
  it("do not read a need from a count of seats or agents", () => {
    // Act
    const readings = [
      "Hi, I want to order 25 seats on the Business plan.",
      "We have about forty agents.",
    ].map((text) => matcher.read(text, false));
    // Assess
    expect(readings).toEqual([null, null]);
  });

  it("do not read a cost-cutting need from a word of a price objection", () => {
    // Act
    const readings = [
      "And I bet it costs a fortune on top of that.",
      "They were cheaper.",
      "Sounds expensive.",
    ].map((text) => matcher.read(text, false));
    // Assess
    expect(readings).toEqual([null, null, null]);
  });

  it("still read a cost-cutting need said as one", () => {
    // Act
    const reading = matcher.read("Honestly we're paying way too much for the phones we have.", false);
    // Assess
    expect(reading?.value).toBe("cut_costs");
  });

  it("still read a contact center from its queues and routing", () => {
    // Act
    const reading = matcher.read("Our agents sit in a call queue with no routing at all.", false);
    // Assess
    expect(reading?.value).toBe("contact_center");
  });

  it("read a contact center from calls nobody answers, as a caller describes them", () => {
    // Act
    const readings = [
      "At lunch the phone just rings and rings while we're with customers.",
      "Half the time nobody picks up and the caller goes elsewhere.",
      "People tell us they can't get through on the main number.",
    ].map((text) => matcher.read(text, false)?.value);
    // Assess
    expect(readings).toEqual(["contact_center", "contact_center", "contact_center"]);
  });
});
