import { describe, expect, it } from "vitest";
import { Transcript } from "../../contracts/transcript.js";
import { defaultCampaign } from "../../functions/domain/campaigns.js";
import { replayTranscript } from "../../functions/domain/replay.js";
import { buildScreenPop, screenPopAttributes } from "../../functions/domain/screen-pop.js";
import {
  inCustomerVoice,
  isConfirmation,
  lastQuestion,
  opensWithYes,
  startsWithYes,
} from "../../functions/domain/slots/confirmation.js";
import { normalizeText, splitClauses } from "../../functions/domain/text.js";
import { fixedReader } from "../support/fixed-reader.js";

/** Slots do not depend on the turn reader; a silent one keeps the call with the AI. */
const silentReader = fixedReader(() => []);

const callWith = (aiLine: string, customer: string, callDate?: string, reader = silentReader) =>
  replayTranscript(
    Transcript.parse({
      id: "confirmation",
      ...(callDate ? { callDate } : {}),
      turns: [
        { speaker: "ai", text: "Hi, this is Nimbus Voice. Do you have a minute?" },
        { speaker: "customer", text: "Sure." },
        { speaker: "ai", text: aiLine },
        { speaker: "customer", text: customer },
      ],
    }),
    defaultCampaign,
    reader,
  ).finalState;

const clausesOf = (text: string) => splitClauses(normalizeText(text));

describe("a value the customer confirms with a yes", () => {
  it("is the AI's value, quoted as the customer's yes with the AI's question beside it", () => {
    // Prepare
    const question = "So your budget is about two thousand dollars a month?";
    // Act
    const state = callWith(`Got it. ${question}`, "Yes.");
    // Assess
    expect(state.slots.budget).toMatchObject({ value: "2000/mo", quote: "yes", confirms: question, turn: 3 });
  });

  it("reads the date of a confirmed timeline against the call's date", () => {
    // Prepare
    const question = "Great. So you'd want to be live by the end of Q2?";
    // Act
    const state = callWith(question, "yeah that's right", "2026-01-20");
    // Assess
    expect(state.slots.timeline).toMatchObject({
      value: "within_6_months",
      date: "2026-06-30",
      quote: "yeah that's right",
      confirms: "So you'd want to be live by the end of Q2?",
    });
  });

  it("fills nothing when the customer says no", () => {
    // Prepare
    const question = "So your budget is about two thousand dollars a month?";
    // Act
    const state = callWith(question, "No, not really.");
    // Assess
    expect(state.slots.budget).toBeUndefined();
  });

  it("takes the customer's own words over the AI's", () => {
    // Prepare
    const question = "So your budget is about two thousand dollars a month?";
    // Act
    const state = callWith(question, "Yes, well, more like three thousand a month.");
    // Assess
    expect(state.slots.budget).toMatchObject({ value: "3000/mo", quote: "three thousand a month" });
    expect(state.slots.budget?.confirms).toBeUndefined();
  });

  it("confirms no value of a question that offers a choice", () => {
    // Prepare
    const question = "Is your budget closer to one thousand or two thousand a month?";
    // Act
    const state = callWith(question, "Yes.");
    // Assess
    expect(state.slots.budget).toBeUndefined();
  });

  it("shows the closer the question the customer said yes to", () => {
    // Prepare
    const question = "So your budget is about two thousand dollars a month?";
    const state = callWith(question, "Yes.");
    // Act
    const pop = buildScreenPop(state, defaultCampaign, {
      status: "handed_off",
      trigger: "qualified",
      turn: 3,
      reasons: ["test"],
    });
    // Assess
    expect(pop.confirmed.find((fact) => fact.slot === "budget")).toMatchObject({
      display: "$2,000 a month",
      said: "Yes.",
      confirms: question,
    });
    expect(screenPopAttributes(pop).baton_confirmed_budget).toBe(
      `$2,000 a month (turn 3): "Yes." to "${question}"`,
    );
  });
});

describe("who decides, confirmed with a yes", () => {
  // Hears who decides only in the question said in the customer's voice, never in a bare yes.
  const voicedReader = fixedReader((text) =>
    text.includes("i'd be the decision maker") ? ["authority_decider"] : [],
  );
  const whoDecides = (aiLine: string, customer: string) =>
    callWith(aiLine, customer, undefined, voicedReader).slots.authority;

  it("is the value the AI's who-decides question says, quoted as the yes", () => {
    // Prepare
    const question = "Since you own the practice, I assume you'd be the decision maker?";
    // Act
    const authority = whoDecides(`We can do that. ${question}`, "thats right");
    // Assess
    expect(authority).toMatchObject({ value: "decision_maker", quote: "thats right", confirms: question });
  });

  it("is nothing after a no, or after a question that does not ask who decides", () => {
    // Prepare
    const question = "Since you own the practice, I assume you'd be the decision maker?";
    // Act
    const refused = whoDecides(question, "No, not really.");
    const unasked = whoDecides("So you'd be the one using it most days?", "Yes.");
    // Assess
    expect(refused).toBeUndefined();
    expect(unasked).toBeUndefined();
  });
});

describe("inCustomerVoice", () => {
  it.each([
    [
      "Since you own the practice, I assume you'd be the decision maker?",
      "since i own the practice, i assume i'd be the decision maker",
    ],
    ["Are you the one who signs off on your budget?", "i'm the one who signs off on my budget"],
    ["And do you make the final call?", "and i make the final call"],
    ["So would you be signing off yourself?", "so i'd be signing off myself"],
    ["Youre the owner, right?", "im the owner, right"],
  ])("says %j as the customer's yes would say it of themselves", (question, voiced) => {
    // Act
    const said = inCustomerVoice(question);
    // Assess
    expect(said).toBe(voiced);
  });
});

describe("isConfirmation", () => {
  it.each(["Yes.", "yeah", "yep that's right", "Correct.", "uh huh", "yes, and we'd start soon"])(
    "reads %j as a yes",
    (text) => {
      // Prepare
      const clauses = clausesOf(text);
      // Act
      const yes = isConfirmation(clauses);
      // Assess
      expect(yes).toBe(true);
    },
  );

  it.each(["No.", "yes, no wait, it's less", "sure, but not now", "what do you mean?", ""])(
    "reads %j as no yes",
    (text) => {
      // Prepare
      const clauses = clausesOf(text);
      // Act
      const yes = isConfirmation(clauses);
      // Assess
      expect(yes).toBe(false);
    },
  );
});

describe("opensWithYes", () => {
  it.each([
    ["yep my kennel my rules", true],
    ["yeah i manage the hall", true],
    ["Yes.", true],
    ["yeah we would need to check with the board first before anything", false],
    ["yeah, no, my partner decides", false],
    ["my kennel my rules", false],
  ])("reads %j as a yes with its reason: %s", (text, yes) => {
    // Prepare
    const clauses = clausesOf(text);
    // Act
    const opens = opensWithYes(clauses);
    // Assess
    expect(opens).toBe(yes);
  });
});

describe("startsWithYes", () => {
  it.each([
    ["oh sure i have a couple minutes", true],
    ["ya go for it", true],
    ["wow another 30 min demo thats never 30 min", false],
    ["no, not now", false],
  ])("reads %j as opening with a yes: %s", (text, yes) => {
    // Act
    const opens = startsWithYes(text);
    // Assess
    expect(opens).toBe(yes);
  });
});

describe("lastQuestion", () => {
  it("is the AI's last question, as it said it", () => {
    // Prepare
    const line = "Thanks. Our plans start at $20 a seat. So about 2,000 a month, is that right?";
    // Act
    const question = lastQuestion(line);
    // Assess
    expect(question).toBe("So about 2,000 a month, is that right?");
  });

  it("is none when the AI asked nothing", () => {
    // Prepare
    const line = "Our plans start at $20 a seat.";
    // Act
    const question = lastQuestion(line);
    // Assess
    expect(question).toBeUndefined();
  });
});
