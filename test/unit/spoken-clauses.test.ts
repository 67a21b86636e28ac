import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { readCampaignText } from "../../functions/domain/campaign-document.js";
import { defaultSpelling } from "../../functions/domain/default-spelling.js";
import { processCustomerTurn, recordLine, startContact } from "../../functions/domain/engine.js";
import {
  breakFeatures,
  type SentenceBreakModel,
  wordHash,
} from "../../functions/domain/reader/sentence-breaks.js";
import { withSpokenSentenceEnds } from "../../functions/domain/spoken-clauses.js";
import { fixedReader } from "../support/fixed-reader.js";

const everywhere: SentenceBreakModel = { bits: 8, weights: new Int8Array(256), threshold: -1 };
const never: SentenceBreakModel = { bits: 8, weights: new Int8Array(256), threshold: 1 };

/** A model that ends a sentence after `word` and nowhere else. */
function breaksAfter(word: string): SentenceBreakModel {
  const bits = 16;
  const weights = new Int8Array(1 << bits);
  const features = breakFeatures([wordHash(word), wordHash("next")], 0, (1 << bits) - 1, new Int32Array(16));
  weights[features[1] as number] = 10;
  return { bits, weights, threshold: 5 };
}

describe("a spoken turn's sentence ends, for the slot readers", () => {
  it("ends a sentence where the breaks say, keeping each at least three words long", () => {
    // Prepare
    const text = "one two three four five six seven eight nine ten eleven";
    // Act
    const broken = withSpokenSentenceEnds(text, everywhere);
    const unbroken = withSpokenSentenceEnds(text, never);
    // Assess: only periods are added; the last sentence keeps the words that could not stand alone.
    expect(broken).toBe("one two three. four five six. seven eight nine ten eleven");
    expect(unbroken).toBe(text);
  });

  it.each([
    ["a turn with punctuation", "we pay about nine hundred, maybe less. it depends"],
    ["a short turn", "under seven hundred a month"],
    ["a turn the breaks cannot read", "café one two three four five six seven"],
  ])("leaves %s as it was", (_, text) => {
    expect(withSpokenSentenceEnds(text, everywhere)).toBe(text);
  });

  it("lets the engine read a spoken turn's answer from its first sentence, as a written one", async () => {
    // Prepare: breaks after "mostly" only; the AI asked Ledgerly's use case; a reader that hears nothing.
    const text = await readFile(new URL("../../campaigns/ledgerly-demo.json", import.meta.url), "utf8");
    const reading = readCampaignText(text, "json");
    if (!reading.ok) throw new Error("the shipped Ledgerly campaign does not read");
    const campaign = reading.campaign;
    const state = recordLine(
      startContact({ contactId: "c-spoken", campaignId: campaign.id }),
      "ai",
      "Which part of your finance work would you want Ledgerly to take off your plate first?",
      campaign,
    );
    const spoken =
      "the books mostly we are a small firm and the month end takes our controller about nine days";
    const read = (breaks: SentenceBreakModel | undefined) =>
      processCustomerTurn(
        state,
        { text: spoken },
        campaign,
        fixedReader(() => []),
        defaultSpelling,
        breaks,
      ).signals.slots;
    // Act
    const withBreaks = read(breaksAfter("mostly"));
    // (undefined would take the shipped breaks: the default parameter.)
    const withoutBreaks = read(never);
    // Assess: "the books mostly" answers the question; read as one clause, the turn answers nothing.
    expect(withBreaks.map(({ slot, value, quote }) => ({ slot, value, quote }))).toEqual([
      { slot: "use_case", value: "month_end_close", quote: "books" },
    ]);
    expect(withoutBreaks).toEqual([]);
  });
});
