import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { HandoffDecision } from "../../contracts/handoff-decision.js";
import { QualificationState } from "../../contracts/qualification-state.js";
import type { Sentiment } from "../../contracts/transcript.js";
import { TurnSignals } from "../../contracts/turn-signals.js";
import { defaultCampaign } from "../../functions/domain/campaigns.js";
import { processCustomerTurn, recordLine, startContact } from "../../functions/domain/engine.js";

const RECENT_TURNS = 12;

/** Words the engine listens for, so random turns reach its rules and not only the "nothing said" path. */
const LOADED_WORDS = [
  "agent",
  "a real person",
  "not",
  "don't",
  "no",
  "maybe",
  "someday",
  "buy",
  "let's do it",
  "how much",
  "quote",
  "contract",
  "too expensive",
  "ringcentral",
  "scam",
  "bad time",
  "oh great",
  "another robot",
  "waste of my time",
  "what do you mean?",
  "i don't understand",
  "stop calling",
  "wrong number",
  "not interested",
  "call me next quarter",
  "ok, that makes sense",
  "actually",
  "$20,000",
  "20 to 30k",
  "under 10k",
  "at least 5k",
  "500 a month",
  "twenty five thousand",
  "12 agents",
  "in two weeks",
  "next year",
  "asap",
  "my boss signs off",
  "it's my call",
  "me and my partner",
  "call recording",
  "salesforce",
  "pbx",
  ",",
  ".",
  "?",
  "!",
  "😡",
  "ñ",
  "\u0000",
  "\n",
];

const loadedText = (maxWords: number) =>
  fc.array(fc.constantFrom(...LOADED_WORDS), { maxLength: maxWords }).map((words) => words.join(" "));

const anyText = (maxLength: number) =>
  fc.oneof(
    fc.string({ unit: "binary", maxLength }),
    fc.string({ unit: "grapheme", maxLength }),
    loadedText(Math.ceil(maxLength / 8)),
  );

const sentiment: fc.Arbitrary<Sentiment | undefined> = fc.option(
  fc.record(
    {
      label: fc.constantFrom("POSITIVE", "NEGATIVE", "NEUTRAL", "MIXED"),
      scores: fc.record(
        {
          positive: fc.double({ min: 0, max: 1, noNaN: true }),
          negative: fc.double({ min: 0, max: 1, noNaN: true }),
          neutral: fc.double({ min: 0, max: 1, noNaN: true }),
          mixed: fc.double({ min: 0, max: 1, noNaN: true }),
        },
        { requiredKeys: [] },
      ),
    },
    { requiredKeys: ["label"] },
  ),
  { nil: undefined },
);

function freshState() {
  return recordLine(
    startContact({ contactId: "contact-robust", campaignId: "default" }),
    "ai",
    "Hi, this is the Nimbus assistant. Do you have a minute?",
    defaultCampaign,
  );
}

describe("processCustomerTurn robustness", () => {
  it("never throws on any unicode text up to 5,000 characters and always gives a valid decision", () => {
    // Prepare
    const turn = fc.record({ text: anyText(5_000), sentiment });
    // Act
    const check = () =>
      fc.assert(
        fc.property(turn, ({ text, sentiment }) => {
          const result = processCustomerTurn(freshState(), { text, sentiment }, defaultCampaign);
          expect(HandoffDecision.safeParse(result.decision).success).toBe(true);
          expect(TurnSignals.safeParse(result.signals).success).toBe(true);
          expect(QualificationState.safeParse(result.state).success).toBe(true);
        }),
        { numRuns: 200 },
      );
    // Assess
    expect(check).not.toThrow();
  });

  it("keeps the state valid after 50 random exchanges", () => {
    // Prepare
    const exchange = fc.record({ ai: anyText(300), customer: anyText(600), sentiment });
    const conversation = fc.array(exchange, { minLength: 50, maxLength: 50 });
    // Act
    const check = () =>
      fc.assert(
        fc.property(conversation, (exchanges) => {
          let state = startContact({ contactId: "contact-robust", campaignId: "default" });
          for (const { ai, customer, sentiment } of exchanges) {
            state = recordLine(state, "ai", ai, defaultCampaign);
            const result = processCustomerTurn(state, { text: customer, sentiment }, defaultCampaign);
            expect(HandoffDecision.safeParse(result.decision).success).toBe(true);
            state = result.state;
            const parsed = QualificationState.safeParse(state);
            expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
          }
          expect(state.customerTurns).toBe(50);
          expect(state.nextTurn).toBe(100);
        }),
        { numRuns: 25 },
      );
    // Assess
    expect(check).not.toThrow();
  });

  it("does not change the state it is given", () => {
    // Prepare
    const turn = fc.record({ text: anyText(500), sentiment });
    // Act
    const check = () =>
      fc.assert(
        fc.property(turn, turn, (first, second) => {
          const before = processCustomerTurn(freshState(), first, defaultCampaign).state;
          const snapshot = structuredClone(before);
          processCustomerTurn(before, second, defaultCampaign);
          expect(before).toEqual(snapshot);
        }),
        { numRuns: 50 },
      );
    // Assess
    expect(check).not.toThrow();
  });

  it("keeps `recent` to the last 12 turns over a 1,000-turn call", () => {
    // Prepare
    const lines = [
      "That's too expensive.",
      "We're already using RingCentral.",
      "Ok, that makes sense.",
      "Hmm, not sure.",
      "What do you mean?",
      `We need call recording. ${"Really. ".repeat(200)}`,
    ];
    let state = startContact({ contactId: "contact-long", campaignId: "default" });
    // Act
    for (let i = 0; i < 500; i++) {
      state = recordLine(state, "ai", `Question number ${i}, could you tell me more?`, defaultCampaign);
      state = processCustomerTurn(state, { text: lines[i % lines.length] ?? "" }, defaultCampaign).state;
    }
    // Assess
    expect(state.nextTurn).toBe(1_000);
    expect(state.recent).toHaveLength(RECENT_TURNS);
    expect(state.recent.map((turn) => turn.turn)).toEqual(
      Array.from({ length: RECENT_TURNS }, (_, i) => 1_000 - RECENT_TURNS + i),
    );
    expect(state.recent.at(-1)?.speaker).toBe("customer");
    expect(QualificationState.safeParse(state).success).toBe(true);
  });
});
