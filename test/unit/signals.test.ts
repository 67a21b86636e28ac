import { describe, expect, it } from "vitest";
import type { QualificationState } from "../../contracts/qualification-state.js";
import type { Sentiment } from "../../contracts/transcript.js";
import { defaultCampaign } from "../../functions/domain/campaigns.js";
import { processCustomerTurn, recordLine, startContact } from "../../functions/domain/engine.js";

const OPENER = "Hi, this is the Nimbus assistant calling about business phone systems. Do you have a minute?";

/** A fresh call: the AI's opener, then the customer's turns; the result of the last turn. */
function afterTurns(customerTurns: readonly string[], sentiment?: Sentiment) {
  let state: QualificationState = startContact({ contactId: "contact-signals", campaignId: "default" });
  state = recordLine(state, "ai", OPENER, defaultCampaign);
  let last: ReturnType<typeof processCustomerTurn> | undefined;
  for (const text of customerTurns) {
    last = processCustomerTurn(state, { text, sentiment }, defaultCampaign);
    state = recordLine(
      last.state,
      "ai",
      "I see. Could you tell me a bit more about your team?",
      defaultCampaign,
    );
  }
  if (!last) throw new Error("no customer turn");
  return last;
}

const afterTurn = (text: string, sentiment?: Sentiment) => afterTurns([text], sentiment);

describe("person request", () => {
  it.each([
    "Can I talk to a real person please?",
    "I want to speak to a human.",
    "Let me talk to your manager.",
    "Can I speak to a salesperson?",
    "Representative!",
    "Put me through to an agent.",
    "Get me someone real.",
    "No, I want a real person.",
    "I want an agent.",
    "Agent please",
  ])('"%s" asks for a person and is handed off', (text) => {
    // Prepare
    const input = text;
    // Act
    const { signals, decision } = afterTurn(input);
    // Assess
    expect(signals.personRequest).toBe(true);
    expect(decision).toMatchObject({ action: "handoff", trigger: "customer_request" });
  });

  it.each(["I don't need a person.", "No, you're fine.", "Not interested in talking to sales."])(
    '"%s" declines a person: not a request',
    (text) => {
      // Prepare
      const input = text;
      // Act
      const { signals, decision } = afterTurn(input);
      // Assess
      expect(signals.personRequest).toBe(false);
      expect(decision).not.toMatchObject({ action: "handoff", trigger: "customer_request" });
    },
  );

  it.each([
    "We have 12 agents on the phones.",
    "Our agents are overloaded on Mondays.",
    "I'm the only person in the office.",
    "We're a travel agent.",
    "Every person on my team takes calls.",
  ])('"%s" uses "agent" or "person" innocently: not a request', (text) => {
    // Prepare
    const input = text;
    // Act
    const { signals, decision } = afterTurn(input);
    // Assess
    expect(signals.personRequest).toBe(false);
    expect(decision).not.toMatchObject({ action: "handoff", trigger: "customer_request" });
  });
});

describe("buying intent", () => {
  it.each([
    ["I'd like to buy it.", "buy_now"],
    ["Let's do it.", "buy_now"],
    ["Where do I sign?", "buy_now"],
    ["We're ready to order.", "buy_now"],
    ["We'd like to get started.", "buy_now"],
    ["How much does it cost?", "price_request"],
    ["Can you send me a quote?", "quote_request"],
    ["Send me a proposal.", "quote_request"],
    ["Send over the contract.", "contract_request"],
  ])('"%s" is buying intent (%s) and is handed off', (text, kind) => {
    // Prepare
    const input = text;
    // Act
    const { signals, decision } = afterTurn(input);
    // Assess
    expect(signals.buyingIntent).toBe(kind);
    expect(decision).toMatchObject({ action: "handoff", trigger: "buying_intent" });
  });

  it.each([
    "Maybe someday.",
    "I'm not ready to buy.",
    "Just looking.",
    "Maybe down the road.",
    "No rush, we might buy something at some point.",
    "We're just researching options.",
  ])('"%s" is hedged or negated: not buying intent', (text) => {
    // Prepare
    const input = text;
    // Act
    const { signals, decision } = afterTurn(input);
    // Assess
    expect(signals.buyingIntent).toBeNull();
    expect(decision).not.toMatchObject({ action: "handoff", trigger: "buying_intent" });
  });
});

describe("price objection and price request", () => {
  it.each(["That's too expensive.", "The price is too high for us."])(
    '"%s" is a price objection, not a request for a price',
    (text) => {
      // Prepare
      const input = text;
      // Act
      const { signals } = afterTurn(input);
      // Assess
      expect(signals.objections).toContain("price");
      expect(signals.buyingIntent).toBeNull();
    },
  );

  it.each(["How much is it per user?", "What's the price?"])(
    '"%s" asks for a price: intent, not an objection',
    (text) => {
      // Prepare
      const input = text;
      // Act
      const { signals } = afterTurn(input);
      // Assess
      expect(signals.buyingIntent).toBe("price_request");
      expect(signals.objections).not.toContain("price");
    },
  );

  it("keeps a single price objection open without handing off", () => {
    // Prepare
    const input = "That's too expensive.";
    // Act
    const { state, decision } = afterTurn(input);
    // Assess
    expect(state.objections).toMatchObject([{ kind: "price", status: "open" }]);
    expect(decision).toEqual({ action: "continue" });
  });

  it("hands off as complex on a second distinct objection while the first is open", () => {
    // Prepare
    const turns = ["That's too expensive.", "And we're already using RingCentral."];
    // Act
    const { signals, state, decision } = afterTurns(turns);
    // Assess
    expect(signals.objections).toContain("competitor");
    expect(state.objections.filter((o) => o.status === "open").map((o) => o.kind)).toEqual([
      "price",
      "competitor",
    ]);
    expect(decision).toMatchObject({ action: "handoff", trigger: "complex" });
  });

  it("resolves the objection when the next turn accepts the AI's answer", () => {
    // Prepare
    let state = startContact({ contactId: "contact-ack", campaignId: "default" });
    state = recordLine(state, "ai", OPENER, defaultCampaign);
    state = processCustomerTurn(state, { text: "That's too expensive." }, defaultCampaign).state;
    const answer = "Most teams end up paying less than their old phone bill.";
    state = recordLine(state, "ai", answer, defaultCampaign);
    // Act
    const { state: after } = processCustomerTurn(state, { text: "Ok, that makes sense." }, defaultCampaign);
    // Assess
    expect(after.objections).toMatchObject([{ kind: "price", status: "resolved", answer }]);
  });
});

describe("tone", () => {
  it.each(["Oh great, another robot."])('"%s" is sarcastic and handed off as complex', (text) => {
    // Prepare
    const input = text;
    // Act
    const { signals, decision } = afterTurn(input);
    // Assess
    expect(signals.sarcasm).toBe(true);
    expect(decision).toMatchObject({ action: "handoff", trigger: "complex" });
  });

  it.each(["This is a waste of my time.", "This is ridiculous."])(
    '"%s" is strongly negative and handed off as complex',
    (text) => {
      // Prepare
      const input = text;
      // Act
      const { signals, decision } = afterTurn(input);
      // Assess
      expect(signals.strongNegative).toBe(true);
      expect(decision).toMatchObject({ action: "handoff", trigger: "complex" });
    },
  );

  it('"Hmm, not sure." is mildly negative: not strongly negative, no handoff', () => {
    // Prepare
    const input = "Hmm, not sure.";
    // Act
    const { signals, decision } = afterTurn(input);
    // Assess
    expect(signals.strongNegative).toBe(false);
    expect(signals.sarcasm).toBe(false);
    expect(decision).toEqual({ action: "continue" });
  });

  it("reads a Lex NEGATIVE score above the campaign threshold as strongly negative", () => {
    // Prepare
    const sentiment: Sentiment = {
      label: "NEGATIVE",
      scores: { positive: 0.01, negative: 0.95, neutral: 0.02, mixed: 0.02 },
    };
    // Act
    const { signals, decision } = afterTurn("Okay.", sentiment);
    // Assess
    expect(signals.strongNegative).toBe(true);
    expect(signals.tone).toBe("negative");
    expect(decision).toMatchObject({ action: "handoff", trigger: "complex" });
  });

  it("does not read a mild Lex score as strongly negative", () => {
    // Prepare
    const sentiment: Sentiment = {
      label: "NEUTRAL",
      scores: { positive: 0.2, negative: 0.1, neutral: 0.68, mixed: 0.02 },
    };
    // Act
    const { signals } = afterTurn("Okay.", sentiment);
    // Assess
    expect(signals.strongNegative).toBe(false);
  });
});

describe("confusion", () => {
  it.each(["I don't understand.", "What do you mean?", "I'm confused."])('"%s" is confusion', (text) => {
    // Prepare
    const input = text;
    // Act
    const { signals } = afterTurn(input);
    // Assess
    expect(signals.confusion).toBe(true);
  });

  it("does not hand off on the first confused turn", () => {
    // Prepare
    const turns = ["I don't understand."];
    // Act
    const { decision } = afterTurns(turns);
    // Assess
    expect(decision).toEqual({ action: "continue" });
  });

  it("hands off as complex on the second confused turn", () => {
    // Prepare
    const turns = ["I don't understand.", "We have twelve people.", "What do you mean?"];
    // Act
    const { decision, state } = afterTurns(turns);
    // Assess
    expect(state.confusionTurns).toBe(2);
    expect(decision).toMatchObject({ action: "handoff", trigger: "complex" });
  });
});

describe("ends of the call", () => {
  it.each([
    "Please don't call me again.",
    "Stop calling me.",
    "Take me off your list.",
    "Put me on your do not call list.",
  ])('"%s" is a do-not-call request: end, never a transfer', (text) => {
    // Prepare
    const input = text;
    // Act
    const { signals, decision } = afterTurn(input);
    // Assess
    expect(signals.endReason).toBe("do_not_call");
    expect(decision).toEqual({ action: "end", reason: "do_not_call" });
  });

  it.each(["Sorry, wrong number.", "You have the wrong number."])('"%s" is a wrong number: end', (text) => {
    // Prepare
    const input = text;
    // Act
    const { signals, decision } = afterTurn(input);
    // Assess
    expect(signals.endReason).toBe("wrong_number");
    expect(decision).toEqual({ action: "end", reason: "wrong_number" });
  });

  it.each(["Not interested, thanks.", "I'm not interested.", "No thanks, we're all set."])(
    '"%s" is not interested: end',
    (text) => {
      // Prepare
      const input = text;
      // Act
      const { signals, decision } = afterTurn(input);
      // Assess
      expect(signals.endReason).toBe("not_interested");
      expect(decision).toEqual({ action: "end", reason: "not_interested" });
    },
  );

  it('"Not interested in talking to sales" is neither a request nor a not-interested end', () => {
    // Prepare
    const input = "Not interested in talking to sales.";
    // Act
    const { signals, decision } = afterTurn(input);
    // Assess
    expect(signals.personRequest).toBe(false);
    expect(signals.endReason).not.toBe("not_interested");
    expect(decision.action).not.toBe("end");
    expect(decision).not.toMatchObject({ action: "handoff", trigger: "customer_request" });
  });

  it("asks to be called next quarter: nurture, not a handoff", () => {
    // Prepare
    const input = "Call me back next quarter.";
    // Act
    const { signals, decision } = afterTurn(input);
    // Assess
    expect(signals.deferral).toBe(true);
    expect(decision.action).toBe("nurture");
  });
});

describe("requests found after review", () => {
  it.each(["Can I get a price?", "What are your prices?", "How much?"])('"%s" is a price request', (text) => {
    // Prepare
    const input = text;
    // Act
    const result = afterTurn(input);
    // Assess
    expect(result.signals.buyingIntent).toBe("price_request");
    expect(result.decision).toMatchObject({ action: "handoff", trigger: "buying_intent" });
  });

  it.each(["We want to start right away.", "Let's start."])('"%s" is buying intent', (text) => {
    // Prepare
    const input = text;
    // Act
    const result = afterTurn(input);
    // Assess
    expect(result.decision).toMatchObject({ action: "handoff", trigger: "buying_intent" });
  });

  it.each(["Agent, please.", "Human, please."])('"%s" is a request for a person', (text) => {
    // Prepare
    const input = text;
    // Act
    const result = afterTurn(input);
    // Assess
    expect(result.decision).toMatchObject({ action: "handoff", trigger: "customer_request" });
  });
});
