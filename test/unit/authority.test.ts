import { describe, expect, it } from "vitest";
import { READER_LABELS, type ReaderLabel, type ReaderScores } from "../../functions/domain/reader/labels.js";
import { confirmedAuthority, readAuthority } from "../../functions/domain/slots/authority.js";

function scoresWith(values: Partial<Record<ReaderLabel, number>>): ReaderScores {
  return Object.fromEntries(READER_LABELS.map((label) => [label, values[label] ?? 0])) as ReaderScores;
}

describe("readAuthority", () => {
  it.each([
    ["authority_decider", "decision_maker"],
    ["authority_joint", "joint"],
    ["authority_other", "not_decision_maker"],
  ] as const)("takes %s as %s when it is the surest and reaches the threshold", (label, value) => {
    // Prepare
    const scores = scoresWith({ authority_decider: 0.2, authority_joint: 0.3, [label]: 0.8 });
    // Act
    const reading = readAuthority(scores, "i'm the owner.", 0.5);
    // Assess
    expect(reading).toEqual({ value, quote: "i'm the owner." });
  });

  it("reads nothing when no who-decides label reaches the threshold", () => {
    // Prepare
    const scores = scoresWith({ authority_decider: 0.49, authority_other: 0.3, objection_authority: 0.9 });
    // Act
    const reading = readAuthority(scores, "we need call recording.", 0.5);
    // Assess
    expect(reading).toBeNull();
  });

  it("quotes the sentence that reads surest on its own for the value taken", () => {
    // Prepare
    const scores = scoresWith({ authority_other: 0.9 });
    const text = "we have twelve agents. my boss signs off on anything like this. call me monday.";
    const read = (sentence: string) =>
      scoresWith({ authority_other: sentence.includes("boss") ? 0.95 : 0.1, authority_decider: 0.99 });
    // Act
    const reading = readAuthority(scores, text, 0.5, read);
    // Assess
    expect(reading).toEqual({
      value: "not_decision_maker",
      quote: "my boss signs off on anything like this.",
    });
  });

  it("quotes the whole turn when it cannot read the sentences alone", () => {
    // Prepare
    const scores = scoresWith({ authority_joint: 0.7 });
    // Act
    const reading = readAuthority(scores, "me and my partner. we split it.", 0.5);
    // Assess
    expect(reading?.quote).toBe("me and my partner. we split it.");
  });
});

describe("confirmedAuthority", () => {
  it("reads the AI's question in the customer's voice and takes the value it is sure of", () => {
    // Prepare
    const read = (text: string) =>
      scoresWith({ authority_decider: text.includes("i'd be the decision maker") ? 0.99 : 0.1 });
    // Act
    const value = confirmedAuthority("Since you own it, I assume you'd be the decision maker?", read, 0.9);
    // Assess
    expect(value).toBe("decision_maker");
  });

  it("confirms nothing of a question the reader is not sure of", () => {
    // Prepare
    const read = () => scoresWith({ authority_decider: 0.57, authority_other: 0.1 });
    // Act
    const value = confirmedAuthority("Would anyone else be involved in the decision?", read, 0.9);
    // Assess
    expect(value).toBeNull();
  });
});
