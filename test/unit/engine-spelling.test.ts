import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { readCampaignText } from "../../functions/domain/campaign-document.js";
import { defaultCampaign } from "../../functions/domain/campaigns.js";
import { processCustomerTurn, recordLine, startContact } from "../../functions/domain/engine.js";
import { SpellingVocabulary } from "../../functions/domain/spelling.js";
import { fixedReader } from "../support/fixed-reader.js";

// As in the training data, "route" (a word of the default campaign, one edit from "qoute") is a common word.
const vocabulary = new SpellingVocabulary({
  words: ["about", "fifteen", "quote", "set", "thousand", "we", "have", "aside", "can", "you", "me", "route"],
  counts: [50, 20, 30, 40, 25, 90, 80, 10, 70, 99, 60, 43],
  pairs: { words: ["you-quote", "quote-me", "set-aside"], counts: [6, 9, 8] },
});

function askedForBudget() {
  const state = startContact({ contactId: "c-typo", campaignId: defaultCampaign.id, callDate: "2026-03-02" });
  return recordLine(
    state,
    "ai",
    "Roughly what budget have you set aside for a new phone system?",
    defaultCampaign,
  );
}

describe("a typed turn with typos", () => {
  it("confirms the amount the customer meant, quoting the words they typed", () => {
    // Act
    const result = processCustomerTurn(
      askedForBudget(),
      { text: "we have about fifteen thuosand set aside" },
      defaultCampaign,
      fixedReader(() => []),
      vocabulary,
    );
    // Assess
    expect(result.state.slots.budget).toMatchObject({ value: "15000", quote: "fifteen thuosand" });
  });

  it("reads a timeline typed with a shortened unit, quoting the words typed", () => {
    // Prepare
    const state = recordLine(
      startContact({ contactId: "c-units", campaignId: defaultCampaign.id, callDate: "2026-03-02" }),
      "ai",
      "And when would you want it set up?",
      defaultCampaign,
    );
    // Act
    const result = processCustomerTurn(
      state,
      { text: "holiday rush starts in like 5 wks so before that" },
      defaultCampaign,
      fixedReader(() => []),
      vocabulary,
    );
    // Assess
    expect(result.state.slots.timeline).toMatchObject({ value: "within_quarter", quote: "5 wks" });
  });

  it("reads a timeline typed with a day as chats shorten it, quoting the words typed", () => {
    // Prepare: Monday 2 March; "fri" is Friday the 6th.
    const state = recordLine(
      startContact({ contactId: "c-days", campaignId: defaultCampaign.id, callDate: "2026-03-02" }),
      "ai",
      "And when would you want it set up?",
      defaultCampaign,
    );
    // Act
    const result = processCustomerTurn(
      state,
      { text: "by fri if u can" },
      defaultCampaign,
      fixedReader(() => []),
      vocabulary,
    );
    // Assess
    expect(result.state.slots.timeline).toMatchObject({ value: "immediate", quote: "fri" });
  });

  it("lets the reader read the repaired words", () => {
    // Prepare
    const read: string[] = [];
    const reader = fixedReader((text) => {
      read.push(text);
      return text.includes("quote") ? ["quote_request"] : [];
    });
    // Act
    const result = processCustomerTurn(
      askedForBudget(),
      { text: "can you qoute me" },
      defaultCampaign,
      reader,
      vocabulary,
    );
    // Assess
    expect(read).toEqual(["can you quote me"]);
    expect(result.signals.buyingIntent).toBe("quote_request");
    expect(result.state.recent.at(-1)?.text).toBe("can you qoute me");
  });

  it("keeps a name the campaign asks about, which the training vocabulary would repair into a word", async () => {
    // Prepare: the shipped Ledgerly campaign asks which accounting system runs today; "zero" is a frequent word.
    const text = await readFile(new URL("../../campaigns/ledgerly-demo.json", import.meta.url), "utf8");
    const reading = readCampaignText(text, "json");
    if (!reading.ok) throw new Error("the shipped Ledgerly campaign does not read");
    const campaign = reading.campaign;
    const words = new SpellingVocabulary({ words: ["we", "use", "zero"], counts: [90, 40, 30] });
    const state = recordLine(
      startContact({ contactId: "c-erp", campaignId: campaign.id, callDate: "2026-03-02" }),
      "ai",
      "Got it. What accounting system or ERP are you running today?",
      campaign,
    );
    // Act
    const result = processCustomerTurn(
      state,
      { text: "Xero." },
      campaign,
      fixedReader(() => []),
      words,
    );
    // Assess
    expect(result.state.slots.erp).toMatchObject({ value: "xero", quote: "xero" });
  });
});
