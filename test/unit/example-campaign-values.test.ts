import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { readCampaignText } from "../../functions/domain/campaign-document.js";
import { compileCampaign } from "../../functions/domain/compiled-campaign.js";

async function matcherOf(file: string, slot: string) {
  const text = await readFile(new URL(`../../campaigns/${file}`, import.meta.url), "utf8");
  const reading = readCampaignText(text, file.endsWith(".json") ? "json" : "yaml");
  if (!reading.ok) throw new Error(`the shipped campaign ${file} does not read`);
  const matcher = compileCampaign(reading.campaign).slots.find(
    (each) => each.definition.name === slot,
  )?.category;
  if (!matcher) throw new Error(`${file} has no category slot ${slot}`);
  return matcher;
}

describe("the example campaigns' values, said as callers say them", () => {
  it("read Ledgerly's use cases from the work described, not only its name", async () => {
    // Prepare
    const useCase = await matcherOf("ledgerly-demo.json", "use_case");
    // Act
    const readings = [
      "honestly our AR is a mess",
      "our customers pay late and we spend hours chasing payments",
      "reimbursements, everyone waits weeks to get paid back",
      "intercompany is the nightmare with fourteen entities",
    ].map((text) => useCase.read(text, false)?.value);
    // Assess
    expect(readings).toEqual(["accounts_receivable", "accounts_receivable", "expenses", "month_end_close"]);
  });

  it("read the insurance campaign's household of roommates and a caller with no insurer", async () => {
    // Prepare
    const household = await matcherOf("insurance-quotes.yaml", "household");
    const insurer = await matcherOf("insurance-quotes.yaml", "current_insurer");
    // Act
    const roommates = household.read("we split the rent three ways", false)?.value;
    const none = insurer.read("honestly nothing, I let it lapse", true)?.value;
    // Assess
    expect(roommates).toBe("roommates");
    expect(none).toBe("none");
  });
});
