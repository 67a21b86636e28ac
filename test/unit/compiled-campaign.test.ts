import { describe, expect, it } from "vitest";
import { defaultCampaign } from "../../functions/domain/campaigns.js";
import { compileCampaign, slotAskedBy } from "../../functions/domain/compiled-campaign.js";
import { normalizeText } from "../../functions/domain/text.js";

const askedBy = (aiLine: string) => slotAskedBy(compileCampaign(defaultCampaign), normalizeText(aiLine));

describe("slotAskedBy", () => {
  it("reads the slot the line's last question asks for", () => {
    // Prepare
    const lines = [
      "Great. And when would you want the new system up and running?",
      "Thanks! How many seats? And when would you like to start?",
      "Who else would be involved in making this decision?",
    ];
    // Act
    const asked = lines.map(askedBy);
    // Assess
    expect(asked).toEqual(["timeline", "timeline", "authority"]);
  });

  it("asks for nothing when only the pitch before the question names a slot", () => {
    // Prepare
    const line = "A cloud system could send calls to your cell when the front desk is busy. Would that help?";
    // Act
    const asked = askedBy(line);
    // Assess
    expect(asked).toBeUndefined();
  });
});
