import { describe, expect, it } from "vitest";
import { Campaign } from "../../contracts/campaign.js";
import {
  ContactAttributes,
  SCREEN_POP_ATTRIBUTE_BUDGET_BYTES,
  ScreenPop,
} from "../../contracts/screen-pop.js";
import { Transcript } from "../../contracts/transcript.js";
import { defaultCampaign } from "../../functions/domain/campaigns.js";
import { amountInWords, valueInWords } from "../../functions/domain/pop-wording.js";
import type { TurnReader } from "../../functions/domain/reader/turn-reader.js";
import { replayTranscript } from "../../functions/domain/replay.js";
import { buildScreenPop, screenPopAttributes } from "../../functions/domain/screen-pop.js";
import { normalizeText } from "../../functions/domain/text.js";
import { fixedReader } from "../support/fixed-reader.js";

const encoder = new TextEncoder();
const utf8Bytes = (text: string): number => encoder.encode(text).length;
const attributeBytes = (attributes: Record<string, string>): number =>
  Object.entries(attributes).reduce((total, [key, value]) => total + utf8Bytes(key) + utf8Bytes(value), 0);

const PRICE_ANSWER =
  "Totally fair. Most teams our size end up paying less than their old phone bill, and there's no setup fee.";

/** A call that raises and settles a price objection, then answers the four BANT questions. */
const QUALIFYING_CALL = Transcript.parse({
  id: "screen-pop-1",
  turns: [
    { speaker: "ai", text: "What's the main thing you'd want a new phone system to fix for you?" },
    { speaker: "customer", text: "We need call recording for compliance." },
    { speaker: "ai", text: "Got it. Nimbus records every call and keeps it searchable." },
    { speaker: "customer", text: "Honestly that sounds expensive." },
    { speaker: "ai", text: PRICE_ANSWER },
    { speaker: "customer", text: "Ok, that makes sense." },
    { speaker: "ai", text: "Roughly what budget have you set aside?" },
    { speaker: "customer", text: "About 30k a year." },
    { speaker: "ai", text: "Who else would be involved in making this decision?" },
    { speaker: "customer", text: "It's my call, I own the company." },
    { speaker: "ai", text: "When would you want it up and running?" },
    { speaker: "customer", text: "Within 2 months." },
  ],
});

/** Reads the four objections of `hugeCall` by their opening words: the pop's size is under test, not the reader. */
const objectionReader = fixedReader((text) =>
  text.startsWith("That's way too expensive")
    ? ["objection_price"]
    : text.startsWith("Is this a scam")
      ? ["objection_trust"]
      : text.startsWith("We're already using")
        ? ["objection_competitor"]
        : text.startsWith("It's a bad time")
          ? ["objection_timing"]
          : text.startsWith("Ok, that makes sense")
            ? ["acknowledgement"]
            : [],
);

/** The signals these calls carry, read the same whatever model ships: the pop's wording is under test. */
const signalsByWords = fixedReader((text) =>
  text.includes("too expensive")
    ? ["objection_price"]
    : text.includes("RingCentral")
      ? ["objection_competitor"]
      : text.includes("real person")
        ? ["person_request"]
        : [],
);

function handoffOf(transcript: Transcript, campaign: Campaign, reader?: TurnReader) {
  const result = replayTranscript(transcript, campaign, reader);
  if (!result.firstHandoff) throw new Error(`${transcript.id} was never handed off`);
  return result.firstHandoff;
}

const NATO = [
  "alpha",
  "bravo",
  "charlie",
  "delta",
  "echo",
  "foxtrot",
  "golf",
  "hotel",
  "india",
  "juliett",
  "kilo",
  "lima",
  "mike",
  "november",
  "oscar",
  "papa",
  "quebec",
  "romeo",
  "sierra",
  "tango",
];

/** The largest campaign the contract allows: 20 required category slots with long, non-ASCII values. */
const TWENTY_SLOTS = Campaign.parse({
  ...defaultCampaign,
  id: "twenty-slots",
  slots: NATO.map((word, index) => ({
    name: `slot_${String(index + 1).padStart(2, "0")}_${"x".repeat(23)}`,
    label: `Slot ${index + 1} ${"é".repeat(40)}`,
    description: "One of twenty.",
    required: true,
    kind: "category",
    question: `Tell me about ${word}?`,
    askedBy: [],
    values: { [`value_${word}_${"ü".repeat(400)}`]: [word] },
  })),
});

/** Four objections with huge quotes and answers, each settled, then all twenty slots in two turns. */
function hugeCall(): Transcript {
  const filler = (word: string) => ` ${word}`.repeat(10_000);
  const objections = [
    "That's way too expensive",
    "Is this a scam",
    "We're already using RingCentral",
    "It's a bad time for us",
  ];
  const turns: Array<{ speaker: "ai" | "customer"; text: string }> = [
    { speaker: "ai", text: "Hi, do you have a minute?" },
  ];
  for (const objection of objections) {
    turns.push(
      { speaker: "customer", text: `${objection}.${filler("honestly")}` },
      { speaker: "ai", text: `I hear you. ${"Here is a long answer ✓ ".repeat(400)}` },
      { speaker: "customer", text: "Ok, that makes sense." },
      { speaker: "ai", text: "Shall we carry on?" },
    );
  }
  turns.push(
    { speaker: "customer", text: `We care about ${NATO.slice(0, 10).join(", ")}.` },
    { speaker: "ai", text: "And the rest?" },
    { speaker: "customer", text: `Also ${NATO.slice(10).join(", ")}.` },
  );
  return Transcript.parse({ id: "huge", campaign: "twenty-slots", turns });
}

function expectValidAttributes(attributes: Record<string, string>) {
  expect(ContactAttributes.safeParse(attributes).success).toBe(true);
  for (const [key, value] of Object.entries(attributes)) {
    expect(key).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(key.startsWith("baton_")).toBe(true);
    expect(typeof value).toBe("string");
  }
  expect(attributeBytes(attributes)).toBeLessThanOrEqual(SCREEN_POP_ATTRIBUTE_BUDGET_BYTES);
  expect(SCREEN_POP_ATTRIBUTE_BUDGET_BYTES).toBeLessThanOrEqual(8192);
}

describe("buildScreenPop after a replayed call", () => {
  it("is a valid screen pop for the handoff turn, with nothing missing", () => {
    // Prepare
    const transcript = QUALIFYING_CALL;
    // Act
    const { turn, trigger, screenPop } = handoffOf(transcript, defaultCampaign);
    // Assess
    expect(ScreenPop.safeParse(screenPop).success).toBe(true);
    expect(turn).toBe(11);
    expect(trigger).toBe("qualified");
    expect(screenPop).toMatchObject({
      contactId: "screen-pop-1",
      campaignId: "default",
      trigger: "qualified",
      decidedAtTurn: 11,
      missing: [],
    });
  });

  it("lists the confirmed facts with their normalised values", () => {
    // Prepare
    const transcript = QUALIFYING_CALL;
    // Act
    const { screenPop } = handoffOf(transcript, defaultCampaign);
    // Assess
    expect(Object.fromEntries(screenPop.confirmed.map((fact) => [fact.slot, fact.value]))).toEqual({
      need: "call_recording",
      budget: "30000/yr",
      authority: "decision_maker",
      timeline: "within_quarter",
    });
  });

  it("gives each confirmed fact the customer turn it came from and a quote of that turn", () => {
    // Prepare
    const transcript = QUALIFYING_CALL;
    const expectedTurns = { need: 1, budget: 7, authority: 9, timeline: 11 };
    // Act
    const { screenPop } = handoffOf(transcript, defaultCampaign);
    // Assess
    expect(Object.fromEntries(screenPop.confirmed.map((fact) => [fact.slot, fact.turn]))).toEqual(
      expectedTurns,
    );
    for (const fact of screenPop.confirmed) {
      const source = transcript.turns[fact.turn];
      expect(source?.speaker).toBe("customer");
      expect(fact.quote.length).toBeGreaterThan(0);
      expect(normalizeText(source?.text ?? "")).toContain(fact.quote.toLowerCase());
      expect(fact.confidence).toBeGreaterThan(0);
      expect(fact.confidence).toBeLessThanOrEqual(1);
    }
  });

  it("shows the settled objection with the AI's answer", () => {
    // Prepare
    const transcript = QUALIFYING_CALL;
    // Act
    const { screenPop } = handoffOf(transcript, defaultCampaign);
    // Assess
    expect(screenPop.objections).toEqual([
      {
        kind: "price",
        status: "resolved",
        turn: 3,
        customerSaid: "Honestly that sounds expensive.",
        aiAnswer: PRICE_ANSWER,
      },
    ]);
  });
});

describe("screenPopAttributes", () => {
  it("flattens a screen pop into string baton_* attributes within the budget", () => {
    // Prepare
    const { screenPop } = handoffOf(QUALIFYING_CALL, defaultCampaign);
    // Act
    const attributes = screenPopAttributes(screenPop);
    // Assess
    expectValidAttributes(attributes);
    expect(attributes).toMatchObject({ baton_trigger: "qualified", baton_decided_turn: "11" });
  });

  it("stays within 8 KB after a call with 20 slots and huge objection quotes", () => {
    // Prepare
    const transcript = hugeCall();
    const { screenPop } = handoffOf(transcript, TWENTY_SLOTS, objectionReader);
    // Act
    const attributes = screenPopAttributes(screenPop);
    // Assess
    expect(utf8Bytes(JSON.stringify(screenPop))).toBeGreaterThan(SCREEN_POP_ATTRIBUTE_BUDGET_BYTES);
    expect(screenPop.confirmed).toHaveLength(20);
    expect(screenPop.objections.length).toBeGreaterThanOrEqual(4);
    expectValidAttributes(attributes);
  });

  it("stays within 8 KB when every field of the screen pop is huge and multi-byte", () => {
    // Prepare
    const huge = (unit: string, count: number) => unit.repeat(count);
    const pop: ScreenPop = {
      contactId: "c-huge",
      campaignId: "default",
      trigger: "complex",
      decidedAtTurn: 999,
      summary: huge("€", 30_000),
      opener: huge("🙂", 30_000),
      confirmed: Array.from({ length: 20 }, (_, i) => ({
        slot: `slot_${String(i).padStart(2, "0")}_${"y".repeat(24)}`,
        label: huge("ß", 60),
        value: huge("ü", 5_000),
        turn: i,
        confidence: 0.9,
        quote: huge("q", 5_000),
      })),
      missing: Array.from({ length: 20 }, () => huge("m", 60)),
      intentTags: Array.from({ length: 30 }, (_, i) => `tag_${i}_${huge("t", 50)}`),
      tone: { label: "negative", trend: "worsening", sarcasm: true },
      urgency: "medium",
      objections: Array.from({ length: 50 }, (_, i) => ({
        kind: "price" as const,
        status: i % 2 === 0 ? ("open" as const) : ("resolved" as const),
        turn: i,
        customerSaid: huge("!", 10_000),
        aiAnswer: huge("ä", 10_000),
      })),
      reasons: Array.from({ length: 10 }, () => huge("r", 1_000)),
      transcript: [],
    };
    // Act
    const attributes = screenPopAttributes(pop);
    // Assess
    expect(utf8Bytes(JSON.stringify(pop))).toBeGreaterThan(SCREEN_POP_ATTRIBUTE_BUDGET_BYTES);
    expectValidAttributes(attributes);
    expect(attributes.baton_trigger).toBe("complex");
  });
});

describe("screenPopAttributes near the end of its budget", () => {
  it("stops cleanly when only a few bytes are left for a value", () => {
    // Prepare: sizes that leave 1 to 2 bytes before the last key, which once looped forever
    const { screenPop } = handoffOf(QUALIFYING_CALL, defaultCampaign);
    const values = [1000, 1000, 1000, 1000, 1000, 868];
    const pop = {
      ...screenPop,
      summary: "s".repeat(1200),
      opener: "o".repeat(1200),
      missing: ["x".repeat(3000)],
      confirmed: values.map((length, index) => ({
        slot: `s${index}`,
        label: `S${index}`,
        value: "v".repeat(length),
        turn: 1,
        confidence: 0.9,
        quote: "q",
      })),
    };
    // Act
    const attributes = screenPopAttributes(pop);
    // Assess
    expectValidAttributes(attributes);
  });
});

/** A call whose handoff turn is a request in the customer's words. */
function callEndingWith(...customerLines: string[]): Transcript {
  const turns: Array<{ speaker: "ai" | "customer"; text: string }> = [
    { speaker: "ai", text: defaultCampaign.script.greeting },
  ];
  customerLines.forEach((text, index) => {
    if (index > 0) turns.push({ speaker: "ai", text: "Got it. Roughly what budget have you set aside?" });
    turns.push({ speaker: "customer", text });
  });
  return Transcript.parse({ id: `call-${customerLines.length}`, turns });
}

const QUOTE_CALL = callEndingWith(
  "We run a support line with about 30 agents and keep missing calls.",
  "About 2,000 a month. Can you send me a quote for 30 seats?",
);

const INTERNAL_VALUE = /\b[a-z]+_[a-z_0-9]+\b|\d\/(?:mo|yr)\b/;

describe("the screen pop a closer reads", () => {
  it("puts the customer's ask first, in their words and in the third person", () => {
    // Prepare
    const transcript = QUOTE_CALL;
    // Act
    const { screenPop } = handoffOf(transcript, defaultCampaign);
    // Assess
    expect(screenPop.trigger).toBe("buying_intent");
    expect(screenPop.ask).toEqual({
      turn: 3,
      said: "Can you send me a quote for 30 seats?",
      headline: "Wants a quote for 30 seats",
    });
    expect(screenPop.summary).toContain("Wants a quote for 30 seats");
  });

  it("says each confirmed fact in plain words with the customer's sentence it came from", () => {
    // Prepare
    const transcript = QUOTE_CALL;
    // Act
    const { screenPop } = handoffOf(transcript, defaultCampaign);
    // Assess
    const facts = Object.fromEntries(screenPop.confirmed.map((fact) => [fact.slot, fact]));
    expect(facts.budget).toMatchObject({
      value: "2000/mo",
      display: "$2,000 a month",
      said: "About 2,000 a month.",
    });
    expect(facts.need).toMatchObject({
      value: "contact_center",
      display: "Run a contact center (queues, routing, missed calls)",
      said: "We run a support line with about 30 agents and keep missing calls.",
    });
    for (const fact of screenPop.confirmed) expect(fact.display ?? "").not.toMatch(INTERNAL_VALUE);
    expect(screenPop.missing).toEqual(["Decision maker", "Timeline"]);
  });

  it("opens from the customer's request without reading out the notes or claiming more", () => {
    // Prepare
    const transcript = QUOTE_CALL;
    // Act
    const { screenPop } = handoffOf(transcript, defaultCampaign);
    // Assess
    expect(screenPop.opener).toContain("You'd like a quote for 30 seats");
    expect(screenPop.opener).toContain("who else would be involved in making this decision?");
    for (const fact of screenPop.confirmed) {
      expect(screenPop.opener).not.toContain(fact.display ?? fact.value);
      expect(screenPop.opener.toLowerCase()).not.toContain(fact.label.toLowerCase());
    }
    expect(screenPop.opener).not.toMatch(/ready to move forward|notes here|\b(\w+) \1\b/i);
    expect(`${screenPop.opener} ${screenPop.summary}`).not.toMatch(INTERNAL_VALUE);
  });

  it("shows the AI's reply to an objection the customer has not accepted yet", () => {
    // Prepare
    const transcript = Transcript.parse({
      id: "objector",
      turns: [
        { speaker: "ai", text: defaultCampaign.script.greeting },
        { speaker: "customer", text: "We have an old PBX in the office." },
        { speaker: "ai", text: "Got it. Roughly what budget have you set aside?" },
        { speaker: "customer", text: "Honestly it sounds too expensive for us." },
        { speaker: "ai", text: `${PRICE_ANSWER} Who else would be involved?` },
        { speaker: "customer", text: "And we are already with RingCentral, switching sounds like a pain." },
      ],
    });
    const { finalState } = replayTranscript(transcript, defaultCampaign, signalsByWords);
    if (finalState.outcome.status !== "handed_off") throw new Error("the objector was not handed off");
    // The call path records the AI's handoff line before the pop is built: it is no answer.
    const afterHandoff = {
      turn: finalState.outcome.turn + 1,
      speaker: "ai" as const,
      text: defaultCampaign.script.handoff,
    };
    const state = { ...finalState, recent: [...finalState.recent, afterHandoff] };
    // Act
    const screenPop = buildScreenPop(state, defaultCampaign, finalState.outcome);
    // Assess
    expect(screenPop.trigger).toBe("complex");
    expect(screenPop.objections[0]).toMatchObject({ kind: "price", status: "open" });
    expect(screenPop.objections[0]?.aiAnswer).toContain(PRICE_ANSWER);
    expect(screenPop.objections[1]).toMatchObject({ kind: "competitor", status: "open" });
    expect(screenPop.objections[1]?.aiAnswer).toBeUndefined();
    expect(screenPop.opener).toContain("your current provider");
    expect(screenPop.opener).toContain("Let me take that one head on.");
    expect(screenPop.opener).not.toContain(PRICE_ANSWER);
    // The summary names the concern still open as a person would, not by its internal kind.
    expect(screenPop.summary).toMatch(/Still weighing their current provider\.$/);
    expect(screenPop.summary).not.toMatch(/concern: competitor/);
  });

  it("answers a person request by continuing, and names what the customer still asked", () => {
    // Prepare
    const transcript = callEndingWith(
      "We want to replace our old PBX.",
      "Can I speak to a real person? Do you port our numbers?",
    );
    // Act
    const { screenPop } = handoffOf(transcript, defaultCampaign, signalsByWords);
    // Assess
    expect(screenPop.trigger).toBe("customer_request");
    expect(screenPop.ask?.headline).toBe("Wants to speak to a real person");
    expect(screenPop.opener).toContain('You asked "Do you port our numbers?"');
    expect(screenPop.opener).not.toMatch(/PBX|phone system/i);
  });

  it("names another language, raises the urgency and opens in that language", () => {
    // Prepare
    const { finalState } = replayTranscript(
      Transcript.parse({
        id: "spanish",
        turns: [
          { speaker: "customer", text: "Hola, no hablo inglés. Quiero hablar con una persona por favor." },
        ],
      }),
      defaultCampaign,
    );
    const handoff = {
      status: "handed_off" as const,
      trigger: "system_fallback" as const,
      turn: 0,
      reasons: ["language"],
    };
    // Act
    const pop = buildScreenPop(finalState, defaultCampaign, handoff);
    // Assess
    expect(pop.language).toEqual({ name: "Spanish", campaignSpeaks: false });
    expect(pop.urgency).toBe("high");
    expect(pop.summary).toMatch(/^Speaks Spanish\./);
    expect(pop.summary).not.toContain("failed");
    expect(pop.opener).toMatch(/^Hola/);
    expect(screenPopAttributes(pop).baton_language).toBe("Spanish (the AI does not speak it)");
  });

  it("carries who is calling, the returning lead and the last handback note into the attributes", () => {
    // Prepare
    const { finalState } = replayTranscript(QUOTE_CALL, defaultCampaign);
    const state = { ...finalState, resumed: true, handbackNote: "Call after the board meeting." };
    if (state.outcome.status !== "handed_off") throw new Error("the quote call was not handed off");
    // Act
    const pop = buildScreenPop(state, defaultCampaign, state.outcome, {
      name: "Dana Ruiz",
      phone: "+15555550123",
      company: "Ruiz Dental",
      direction: "inbound",
      previousContactId: " ",
    });
    const attributes = screenPopAttributes(pop);
    // Assess
    expect(pop.caller).toEqual({
      name: "Dana Ruiz",
      phone: "+15555550123",
      company: "Ruiz Dental",
      direction: "inbound",
      returning: true,
      lastHandbackNote: "Call after the board meeting.",
    });
    expect(attributes).toMatchObject({
      baton_customer_name: "Dana Ruiz",
      baton_customer_phone: "+15555550123",
      baton_company: "Ruiz Dental",
      baton_returning: "yes",
      baton_handback_note: "Call after the board meeting.",
      baton_ask: "Wants a quote for 30 seats",
    });
    expect(attributes.baton_confirmed_budget).toBe('$2,000 a month (turn 3): "About 2,000 a month."');
    expectValidAttributes(attributes);
  });
});

describe("amountInWords", () => {
  it.each([
    ["2000/mo", "USD", "$2,000 a month"],
    ["20000-30000/yr", "USD", "$20,000 to $30,000 a year"],
    ["0-5000", "EUR", "up to €5,000"],
    ["5000+", undefined, "5,000 or more"],
    ["about 5k", "USD", "about 5k"],
  ])("%s in %s reads %s", (value, currency, expected) => {
    // Act
    const words = amountInWords(value, currency);
    // Assess
    expect(words).toBe(expected);
  });
});

describe("valueInWords", () => {
  const slotOf = (name: string) => defaultCampaign.slots.find((slot) => slot.name === name);

  it("prints an amount in the currency the customer named, not the campaign's", () => {
    // Prepare
    const evidence = { currency: "EUR" };
    // Act
    const words = valueInWords(slotOf("budget"), "2000/mo", defaultCampaign, evidence);
    // Assess
    expect(words).toBe("€2,000 a month");
  });

  it("prints an amount in the campaign's currency when the customer named none", () => {
    // Prepare
    const value = "2000/mo";
    // Act
    const words = valueInWords(slotOf("budget"), value, defaultCampaign);
    // Assess
    expect(words).toBe("$2,000 a month");
  });

  it("adds the date a timeline names", () => {
    // Prepare
    const evidence = { date: "2026-06-30" };
    // Act
    const words = valueInWords(slotOf("timeline"), "within_6_months", defaultCampaign, evidence);
    // Assess
    expect(words).toBe("Within six months (by Jun 30, 2026)");
  });
});
