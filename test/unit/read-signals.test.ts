import { describe, expect, it } from "vitest";
import { defaultCampaign } from "../../functions/domain/campaigns.js";
import { READER_LABELS, type ReaderLabel, type ReaderScores } from "../../functions/domain/reader/labels.js";
import { readSignals } from "../../functions/domain/reader/read-signals.js";

const scoresWith = (label: ReaderLabel, score: number): ReaderScores => {
  const scores = Object.fromEntries(READER_LABELS.map((each) => [each, 0])) as Record<ReaderLabel, number>;
  scores[label] = score;
  return scores;
};

describe("readSignals with the default thresholds", () => {
  it.each([
    [0.63, false],
    [0.66, true],
  ])("hears a request for a person read %s: %s", (score, heard) => {
    // Prepare: a gatekeeper's "I'm his assistant. Can I take a message?" read 0.63.
    const scores = scoresWith("person_request", score);
    // Act
    const signals = readSignals(
      scores,
      { text: "Dr. Benson is with a patient. I'm his assistant. Can I take a message?" },
      defaultCampaign.thresholds,
    );
    // Assess
    expect(signals.personRequest).toBe(heard);
  });

  it.each([
    ["a bill complaint the reader hears no hostility in", 0.01, 0, false],
    ["sarcasm the reader hears under its bar", 0, 0.42, true],
    ["a hint of hostility", 0.06, 0, true],
  ])(
    "takes Lex's strongly negative sentiment with %s as strongly negative: %s",
    (_, hostile, ironic, strong) => {
      // Prepare: Lex reads the words as very negative; the reader hears a negative tone.
      const scores = { ...scoresWith("negative", 0.94), strong_negative: hostile, sarcasm: ironic };
      const sentiment = {
        label: "NEGATIVE" as const,
        scores: { positive: 0.08, negative: 0.86, neutral: 0.01, mixed: 0.05 },
      };
      // Act
      const signals = readSignals(
        scores,
        { text: "i got charged twice this month?? i dont understand why", sentiment },
        defaultCampaign.thresholds,
      );
      // Assess
      expect(signals.strongNegative).toBe(strong);
      expect(signals.tone).toBe("negative");
    },
  );

  it.each([
    ["tbh ur pricing page made me wince. per user its a lot for us", 0.83, 0.81, null],
    ["eight grand, thats steep. what would the shop floor alone cost?", 0.7, 0.95, "price_request"],
  ])(
    'takes price talk read both ways as what it reads surer, "%s" (objection %s, request %s)',
    (text, objection, request, buying) => {
      // Prepare
      const scores = { ...scoresWith("objection_price", objection), price_request: request };
      // Act
      const signals = readSignals(scores, { text }, defaultCampaign.thresholds);
      // Assess
      expect(signals.buyingIntent).toBe(buying);
      expect(signals.objections).toEqual(["price"]);
    },
  );

  it.each([
    ["so we could get you like thirty demos a month we just need you to sign a three month contract", null],
    ["ok i can send over a quote today", null],
    ["great, can you send over the contract so we can sign", "contract_request"],
  ])('hears who signs the contract: "%s" is %s', (text, buying) => {
    // Prepare: the reader reads a contract request either way.
    const scores = scoresWith("contract_request", 0.95);
    // Act
    const signals = readSignals(scores, { text }, defaultCampaign.thresholds);
    // Assess
    expect(signals.buyingIntent).toBe(buying);
  });

  it.each([
    [0.62, 0.76, true],
    [0.62, 0.3, false],
    [0.3, 0.9, false],
  ])(
    "hears a callback asked of a person (person %s, callback %s) as a request for one: %s",
    (person, callback, heard) => {
      // Prepare: "i cannot do this now can you have a sales person call me tomorrow morning" read 0.62 and 0.76.
      const scores = { ...scoresWith("person_request", person), deferral: callback };
      // Act
      const signals = readSignals(
        scores,
        { text: "i cannot do this now can you have a sales person call me tomorrow morning" },
        defaultCampaign.thresholds,
      );
      // Assess
      expect(signals.personRequest).toBe(heard);
    },
  );

  it.each([
    ["praise Lex reads POSITIVE in a turn the reader hears as negative", "POSITIVE", 0.72, true],
    ["praise in a turn the reader hears only a little negative", "POSITIVE", 0.45, false],
    ["a turn Lex reads NEUTRAL", "NEUTRAL", 0.72, false],
    ["a turn without Lex's sentiment", undefined, 0.72, false],
  ] as const)("takes %s (Lex %s, reader negative %s) as sarcasm: %s", (_, label, negative, sarcastic) => {
    // Prepare: "Oh, how lovely. A robot ringing me during dinner service. Truly, thank you." reads sarcasm 0.24.
    const scores = { ...scoresWith("negative", negative), sarcasm: 0.24 };
    const sentiment = label ? { label } : undefined;
    // Act
    const signals = readSignals(
      scores,
      { text: "Oh, how lovely. A robot ringing me during dinner service. Truly, thank you.", sentiment },
      defaultCampaign.thresholds,
    );
    // Assess
    expect(signals.sarcasm).toBe(sarcastic);
  });

  it("still hears a bare request for a person whatever it reads", () => {
    // Prepare
    const scores = scoresWith("person_request", 0.1);
    // Act
    const signals = readSignals(scores, { text: "Representative" }, defaultCampaign.thresholds);
    // Assess
    expect(signals.personRequest).toBe(true);
  });

  it.each([
    ["Well, I’d love to get you a quote on our coffee service!", null],
    ["we could put together a quote for u on bulk orders, 500+ units", null],
    ["Oh, totally. I mean, we could put together a quote for you guys, like a custom proposal.", null],
    ["no no im not looking for phones i just wanted to get a quote over to whoever does facilities", null],
    ["id love to get you a quote on our cleaning service", null],
    ["I'd love to put together a quote for you, no obligation, takes about ten minutes.", null],
    ["could you put together a quote for us", "quote_request"],
    ["I'd love to get a quote from you for the three offices", "quote_request"],
    ["can we get a quote for you to look at the three sites", "quote_request"],
  ])('hears who gives the quote: "%s" is %s', (text, buying) => {
    // Prepare: the reader reads a quote either way.
    const scores = scoresWith("quote_request", 0.95);
    // Act
    const signals = readSignals(scores, { text }, defaultCampaign.thresholds);
    // Assess
    expect(signals.buyingIntent).toBe(buying);
  });
});
