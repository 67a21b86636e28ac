import { describe, expect, it } from "vitest";
import { defaultCampaign } from "../../functions/domain/campaigns.js";
import { compileCampaign } from "../../functions/domain/compiled-campaign.js";
import { extractSlots } from "../../functions/domain/qualification.js";
import { normalizeText, splitClauses } from "../../functions/domain/text.js";

const compiled = compileCampaign(defaultCampaign);
const budgetOf = (turn: string) =>
  extractSlots(compiled, splitClauses(normalizeText(turn)), "budget").find((c) => c.slot === "budget");

describe("extractSlots", () => {
  it.each([
    ["we were thinking 600 a month, tops.", "0-600/mo"],
    ["5k, or more if it works", "5000+"],
  ])("reads a bound said after a comma as part of the amount: %j", (turn, value) => {
    // Prepare
    const text = turn;
    // Act
    const budget = budgetOf(text);
    // Assess
    expect(budget?.value).toBe(value);
  });

  it("does not borrow a bound from a clause after other words", () => {
    // Prepare
    const text = "600 a month for the phones, max two sites";
    // Act
    const budget = budgetOf(text);
    // Assess
    expect(budget?.value).toBe("600/mo");
  });
});
