import { describe, expect, it } from "vitest";
import type { ScreenPop } from "../../contracts/screen-pop.js";
import { screenPopAttributes } from "../../functions/domain/screen-pop.js";
import { WARM_BRIEF_MAX_CHARS, warmBrief } from "../../functions/domain/warm-brief.js";

const pop: ScreenPop = {
  contactId: "c-1",
  campaignId: "default",
  trigger: "buying_intent",
  decidedAtTurn: 3,
  summary: "Ready to buy. Wants a quote for 30 seats. Confirmed 2 of 4.",
  opener: "Happy to put that quote together for you.",
  confirmed: [],
  missing: [],
  intentTags: [],
  tone: { label: "positive", trend: "improving", sarcasm: false },
  urgency: "high",
  objections: [],
  reasons: ["asked for a quote"],
  ask: { turn: 3, said: "Can you send me a quote for 30 seats?", headline: "Wants a quote for 30 seats" },
  caller: { name: "Ana Ruiz", company: "Acme" },
  transcript: [],
};

describe("the warm brief the closer hears as the call connects", () => {
  it("names the caller, gives the one-line summary and the customer's own words", () => {
    expect(warmBrief(pop)).toBe(
      'Ana Ruiz. Ready to buy. Wants a quote for 30 seats. Confirmed 2 of 4. They said: "Can you send me a quote for 30 seats?"',
    );
  });

  it("does not repeat the words when the summary already quotes them (no safe headline)", () => {
    const quoted = {
      ...pop,
      caller: undefined,
      summary: 'Ready to buy. "Is there a discount if we sign today?" Confirmed 2 of 4.',
      ask: { turn: 3, said: "Is there a discount if we sign today?" },
    };
    expect(warmBrief(quoted)).toBe(quoted.summary);
  });

  it("stays a few seconds long: cut at a word, marked", () => {
    const long = { ...pop, summary: `Ready to buy. ${"and the contract terms ".repeat(30)}` };
    const line = warmBrief(long);
    expect(line.length).toBeLessThanOrEqual(WARM_BRIEF_MAX_CHARS);
    expect(line.endsWith("…")).toBe(true);
    expect(line).not.toMatch(/\s…$/);
  });

  it("is the baton_whisper contact attribute the whisper flow speaks", () => {
    expect(screenPopAttributes(pop).baton_whisper).toBe(warmBrief(pop));
  });
});
