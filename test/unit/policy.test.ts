import { describe, expect, it } from "vitest";
import type { QualificationState } from "../../contracts/qualification-state.js";
import { defaultCampaign } from "../../functions/domain/campaigns.js";
import { processCustomerTurn, recordLine, startContact } from "../../functions/domain/engine.js";
import type { TurnReader } from "../../functions/domain/reader/turn-reader.js";
import { fixedReader } from "../support/fixed-reader.js";

function converse(
  lines: ReadonlyArray<readonly [speaker: "ai" | "customer", text: string]>,
  reader?: TurnReader,
) {
  let state: QualificationState = startContact({ contactId: "contact-1", campaignId: "default" });
  const decisions = [];
  for (const [speaker, text] of lines) {
    if (speaker === "ai") {
      state = recordLine(state, "ai", text, defaultCampaign);
      continue;
    }
    const result = processCustomerTurn(state, { text }, defaultCampaign, reader);
    state = result.state;
    decisions.push(result.decision);
  }
  return { state, decisions };
}

describe("policy", () => {
  it("hands off at once when the customer asks for a person", () => {
    // Prepare
    const lines = [
      ["ai", "Hi, do you have a minute?"],
      ["customer", "Can I talk to a real person please?"],
    ] as const;
    // Act
    const { decisions } = converse(lines);
    // Assess
    expect(decisions[0]).toMatchObject({ action: "handoff", trigger: "customer_request", first: true });
  });

  it("does not treat a declined person as a request", () => {
    // Prepare
    const lines = [
      ["ai", "Would you like to speak to a specialist?"],
      ["customer", "No, I don't need a person, you're fine."],
    ] as const;
    // Act
    const { decisions } = converse(lines);
    // Assess
    expect(decisions[0]).toEqual({ action: "continue" });
  });

  it("prefers the customer's request over buying intent on the same turn", () => {
    // Prepare
    const lines = [
      ["ai", "Anything else?"],
      ["customer", "Send me a quote, and put me through to a human."],
    ] as const;
    // Act
    const { decisions } = converse(lines);
    // Assess
    expect(decisions[0]).toMatchObject({ action: "handoff", trigger: "customer_request" });
  });

  it("hands off only once per contact", () => {
    // Prepare
    const lines = [
      ["ai", "Hi"],
      ["customer", "How much does it cost?"],
      ["ai", "Let me get a specialist."],
      ["customer", "Also, can I speak to a manager?"],
    ] as const;
    // Act
    const { decisions } = converse(lines);
    // Assess
    expect(decisions[0]).toMatchObject({ action: "handoff", trigger: "buying_intent", first: true });
    expect(decisions[1]).toMatchObject({ action: "handoff", trigger: "buying_intent", first: false });
  });

  it("hands off as qualified on the turn the last required slot is confirmed", () => {
    // Prepare
    const lines = [
      ["ai", "What's the main thing you'd want a new phone system to fix for you?"],
      ["customer", "We need call recording for compliance."],
      ["ai", "Roughly what budget have you set aside?"],
      ["customer", "About 30k a year."],
      ["ai", "Who else would be involved in making this decision?"],
      ["customer", "It's my call, I own the company."],
      ["ai", "When would you want it up and running?"],
      ["customer", "Within two months."],
    ] as const;
    // Act
    const { decisions, state } = converse(lines);
    // Assess
    expect(decisions.slice(0, 3).every((d) => d.action === "continue")).toBe(true);
    expect(decisions[3]).toMatchObject({ action: "handoff", trigger: "qualified" });
    expect(Object.fromEntries(Object.entries(state.slots).map(([k, v]) => [k, v.value]))).toEqual({
      need: "call_recording",
      budget: "30000/yr",
      authority: "decision_maker",
      timeline: "within_quarter",
    });
  });

  it("ends a do-not-call request instead of transferring it, even when the turn is also hostile", () => {
    // Prepare
    const lines = [
      ["ai", "Hi there"],
      ["customer", "Stop calling me, this is ridiculous."],
    ] as const;
    const reader = fixedReader(() => ["do_not_call", "strong_negative", "negative"]);
    // Act
    const { decisions } = converse(lines, reader);
    // Assess
    expect(decisions[0]).toEqual({ action: "end", reason: "do_not_call" });
  });
});
