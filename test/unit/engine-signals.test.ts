import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import type { QualificationState } from "../../contracts/qualification-state.js";
import type { Sentiment } from "../../contracts/transcript.js";
import { readCampaignText } from "../../functions/domain/campaign-document.js";
import { defaultCampaign } from "../../functions/domain/campaigns.js";
import { processCustomerTurn, recordLine, startContact } from "../../functions/domain/engine.js";
import type { ReaderLabel } from "../../functions/domain/reader/labels.js";
import type { TurnReader } from "../../functions/domain/reader/turn-reader.js";
import { fixedReader, scoredReader } from "../support/fixed-reader.js";

/**
 * How the engine acts on what the reader reports, whatever reader it is: a reader that reads fixed
 * labels from a table keeps these tests about the engine and the policy, not about the model.
 */
const READINGS: Record<string, readonly ReaderLabel[]> = {
  "That's too expensive.": ["objection_price", "negative"],
  "And we're already using RingCentral.": ["objection_competitor"],
  "Ok, that makes sense.": ["acknowledgement"],
  "I don't understand.": ["confusion"],
  "What do you mean?": ["confusion"],
  "Please don't call me again.": ["do_not_call"],
  "Call me next quarter.": ["deferral"],
  "Hmm, not sure.": ["negative"],
  "Are you even listening? I said we're fine.": ["negative"],
  "Expense reports, mostly. The receipts are a nightmare.": [],
  "I want a real person, and that's too expensive.": ["person_request", "objection_price"],
  "Send me a quote. I'm not interested otherwise.": ["quote_request", "not_interested"],
  "Bad timing, our contract with Comcast runs another six months.": [
    "objection_timing",
    "objection_competitor",
  ],
  "We're a small shop, money's tight.": [],
  "Eh. Also, I don't trust cloud phones for this.": ["objection_trust"],
  "eh also i dont trust cloud phones for this": ["objection_trust"],
  "Our phone bill's also way too high.": ["objection_price"],
  "Plus the setup fee is steep.": ["objection_price"],
  "We already have that through a vendor. I don't think we're interested, but thank you.": [
    "objection_competitor",
    "not_interested",
  ],
  "We already have a vendor. Not interested, stop wasting my time.": [
    "objection_competitor",
    "not_interested",
    "strong_negative",
    "negative",
  ],
};

const tableReader = fixedReader((text) => READINGS[text] ?? []);

const OPENER = "Hi, this is the Nimbus assistant calling about business phone systems. Do you have a minute?";

/** A new contact of the default campaign after the AI's opener. */
function afterOpener(contactId: string): QualificationState {
  return recordLine(startContact({ contactId, campaignId: "default" }), "ai", OPENER, defaultCampaign);
}

/** A new contact of the default campaign after one AI line. */
function afterAiLine(contactId: string, aiLine: string): QualificationState {
  return recordLine(afterOpener(contactId), "ai", aiLine, defaultCampaign);
}

/** The buying intent the engine hears in one customer turn. */
function buyingHeard(state: QualificationState, text: string, reader: TurnReader) {
  return processCustomerTurn(state, { text }, defaultCampaign, reader).signals.buyingIntent;
}

function afterTurns(customerTurns: readonly string[], sentiment?: Sentiment, reader = tableReader) {
  let state = afterOpener("contact-signals");
  let last: ReturnType<typeof processCustomerTurn> | undefined;
  for (const text of customerTurns) {
    last = processCustomerTurn(state, { text, sentiment }, defaultCampaign, reader);
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

describe("engine on the reader's signals", () => {
  it("keeps a single price objection open without handing off", () => {
    // Prepare
    const turns = ["That's too expensive."];
    // Act
    const { state, decision } = afterTurns(turns);
    // Assess
    expect(state.objections).toMatchObject([{ kind: "price", status: "open" }]);
    expect(decision).toEqual({ action: "continue" });
  });

  it("hands off as complex on a second distinct objection while the first is open", () => {
    // Prepare
    const turns = ["That's too expensive.", "And we're already using RingCentral."];
    // Act
    const { state, decision } = afterTurns(turns);
    // Assess
    expect(state.objections.filter((o) => o.status === "open").map((o) => o.kind)).toEqual([
      "price",
      "competitor",
    ]);
    expect(decision).toMatchObject({ action: "handoff", trigger: "complex" });
  });

  it("waits for a second objection turn when one turn names two kinds (one contract, not layered objections)", () => {
    // Prepare
    const oneTurn = ["Bad timing, our contract with Comcast runs another six months."];
    const thenAnother = [...oneTurn, "That's too expensive."];
    // Act
    const first = afterTurns(oneTurn);
    const second = afterTurns(thenAnother);
    // Assess
    expect(first.state.objections.map((o) => o.kind)).toEqual(["competitor", "timing"]);
    expect(first.decision).toEqual({ action: "continue" });
    expect(second.decision).toMatchObject({ action: "handoff", trigger: "complex" });
  });

  it.each(["Eh. Also, I don't trust cloud phones for this.", "eh also i dont trust cloud phones for this"])(
    "hands off as complex on an objection the customer adds to an earlier concern: %j",
    (added) => {
      // Prepare: the earlier concern is not heard as an objection.
      const turns = ["We're a small shop, money's tight.", added];
      // Act
      const { state, decision } = afterTurns(turns);
      // Assess
      expect(state.objections.map((o) => o.kind)).toEqual(["trust"]);
      expect(decision).toMatchObject({
        action: "handoff",
        trigger: "complex",
        reasons: ["an objection on top of an earlier concern: trust"],
      });
    },
  );

  it("hears a soft objection after 'maybe, but' as layered on the concern before it", () => {
    // Prepare: the objection reads under the bar (0.45) in both turns of the second call.
    const soft = "8x8 has been solid for us, never had an outage. Why risk it?";
    const reader = scoredReader((text) =>
      text === "That's too expensive."
        ? { objection_price: 0.9 }
        : text.endsWith(soft)
          ? { objection_competitor: 0.3 }
          : {},
    );
    const call = (second: string) => {
      let state = afterOpener("contact-maybe");
      state = processCustomerTurn(state, { text: "That's too expensive." }, defaultCampaign, reader).state;
      state = recordLine(state, "ai", "Most teams your size pay less with us.", defaultCampaign);
      return processCustomerTurn(state, { text: second }, defaultCampaign, reader);
    };
    // Act
    const conceded = call(`Maybe. But ${soft}`);
    const plain = call(soft);
    // Assess
    expect(conceded.state.objections.map((o) => o.kind)).toEqual(["price", "competitor"]);
    expect(conceded.decision).toMatchObject({ action: "handoff", trigger: "complex" });
    expect(plain.state.objections.map((o) => o.kind)).toEqual(["price"]);
    expect(plain.decision).toEqual({ action: "continue" });
  });

  it("hears no layered objection in 'maybe, but' answering a pitch question before any concern was heard", () => {
    // Prepare: a price worry read under the bar, said first to the AI's question, or after its statement.
    const worry = "it sounds pricey, our margins are thin";
    const reader = scoredReader((text) => (text.endsWith(worry) ? { objection_price: 0.3 } : {}));
    const answering = (aiLine: string) => {
      const state = recordLine(afterOpener("contact-pitch"), "ai", aiLine, defaultCampaign);
      return processCustomerTurn(state, { text: `Maybe, but ${worry}` }, defaultCampaign, reader);
    };
    // Act
    const toQuestion = answering(
      "Nimbus lets your aides call from an app that shows the agency number. Would that help?",
    );
    const toStatement = answering("We can put together a short summary you could share with her.");
    // Assess
    expect(toQuestion.state.objections).toEqual([]);
    expect(toQuestion.decision).toEqual({ action: "continue" });
    expect(toStatement.decision).toMatchObject({ action: "handoff", trigger: "complex" });
  });

  it("counts no addition in an 'also' inside a sentence, or in one adding to an objection already open", () => {
    // Prepare
    const inside = ["Our phone bill's also way too high."];
    const again = ["That's too expensive.", "Plus the setup fee is steep."];
    // Act
    const once = afterTurns(inside);
    const twice = afterTurns(again);
    // Assess
    expect(once.decision).toEqual({ action: "continue" });
    expect(twice.state.objections).toMatchObject([{ kind: "price", status: "open" }]);
    expect(twice.decision).toEqual({ action: "continue" });
  });

  it("ends a call the customer declines politely after a second objection, and hands off a hostile one", () => {
    // Prepare
    const polite = [
      "That's too expensive.",
      "We already have that through a vendor. I don't think we're interested, but thank you.",
    ];
    const hostile = [
      "That's too expensive.",
      "We already have a vendor. Not interested, stop wasting my time.",
    ];
    // Act
    const ended = afterTurns(polite);
    const rescued = afterTurns(hostile);
    // Assess
    expect(ended.decision).toEqual({ action: "end", reason: "not_interested" });
    expect(rescued.decision).toMatchObject({ action: "handoff", trigger: "complex" });
  });

  it("resolves the objection when the next turn accepts the AI's answer", () => {
    // Prepare
    let state = afterOpener("contact-ack");
    state = processCustomerTurn(state, { text: "That's too expensive." }, defaultCampaign, tableReader).state;
    const answer = "Most teams end up paying less than their old phone bill.";
    state = recordLine(state, "ai", answer, defaultCampaign);
    // Act
    const { state: after } = processCustomerTurn(
      state,
      { text: "Ok, that makes sense." },
      defaultCampaign,
      tableReader,
    );
    // Assess
    expect(after.objections).toMatchObject([{ kind: "price", status: "resolved", answer }]);
  });

  it("does not hand off on the first confused turn, and does on the second", () => {
    // Prepare
    const first = ["I don't understand."];
    const second = ["I don't understand.", "We have twelve people.", "What do you mean?"];
    // Act
    const once = afterTurns(first);
    const twice = afterTurns(second);
    // Assess
    expect(once.decision).toEqual({ action: "continue" });
    expect(twice.state.confusionTurns).toBe(2);
    expect(twice.decision).toMatchObject({ action: "handoff", trigger: "complex" });
  });

  it("counts a turn read as maybe confused toward the second, and hands off only on a sure one", () => {
    // Prepare
    const reader = scoredReader((text) =>
      text.startsWith("wait so")
        ? { confusion: 0.45 }
        : text.startsWith("sorry you lost me")
          ? { confusion: 0.95 }
          : {},
    );
    const muddled = "wait so you are the phone company like at and t or what is this";
    const lost = "sorry you lost me whats an ivr";
    // Act
    const maybeTwice = afterTurns([muddled, "We have twelve people.", muddled], undefined, reader);
    const maybeThenSure = afterTurns([muddled, "We have twelve people.", lost], undefined, reader);
    const twoMaybesThenSure = afterTurns([muddled, muddled, lost], undefined, reader);
    // Assess
    expect(maybeTwice.state.confusionTurns).toBe(2);
    expect(maybeTwice.decision).toEqual({ action: "continue" });
    expect(maybeThenSure.decision).toMatchObject({ action: "handoff", trigger: "complex" });
    expect(twoMaybesThenSure.decision).toMatchObject({ action: "handoff", trigger: "complex" });
  });

  it("ends a do-not-call request and nurtures a wish to be called later", () => {
    // Prepare
    const doNotCall = ["Please don't call me again."];
    const later = ["Call me next quarter."];
    // Act
    const ended = afterTurns(doNotCall);
    const nurtured = afterTurns(later);
    // Assess
    expect(ended.decision).toEqual({ action: "end", reason: "do_not_call" });
    expect(nurtured.decision.action).toBe("nurture");
  });

  it("honours a request for a person before anything else, and buying intent before not interested", () => {
    // Prepare
    const person = ["I want a real person, and that's too expensive."];
    const quote = ["Send me a quote. I'm not interested otherwise."];
    // Act
    const asked = afterTurns(person);
    const quoted = afterTurns(quote);
    // Assess
    expect(asked.decision).toMatchObject({ action: "handoff", trigger: "customer_request" });
    expect(quoted.decision).toMatchObject({ action: "handoff", trigger: "buying_intent" });
    expect(quoted.signals.buyingIntent).toBe("quote_request");
  });

  it("reads a Lex NEGATIVE score above the campaign threshold as strongly negative when the reader hears a negative tone too", () => {
    // Prepare: the reader hears the first turn as negative (not strongly); the second only describes a problem.
    const strong: Sentiment = {
      label: "NEGATIVE",
      scores: { positive: 0.01, negative: 0.93, neutral: 0.04, mixed: 0.02 },
    };
    const mild: Sentiment = {
      label: "NEGATIVE",
      scores: { positive: 0.1, negative: 0.55, neutral: 0.3, mixed: 0.05 },
    };
    const fedUp = "Are you even listening? I said we're fine.";
    // As the shipped reader reads it: negative, some hostility, under the strongly negative bar.
    const fedUpReader = scoredReader(() => ({ negative: 0.77, strong_negative: 0.43 }));
    // Act
    const angry = afterTurns([fedUp], strong, fedUpReader);
    const grumpy = afterTurns([fedUp], mild, fedUpReader);
    const pained = afterTurns(["Expense reports, mostly. The receipts are a nightmare."], strong);
    // Assess
    expect(angry.signals.strongNegative).toBe(true);
    expect(angry.decision).toMatchObject({ action: "handoff", trigger: "complex" });
    expect(grumpy.signals.strongNegative).toBe(false);
    expect(grumpy.signals.tone).toBe("negative");
    // The labeling guide: a customer's problem told in negative words is not hostility toward the call.
    expect(pained.signals.strongNegative).toBe(false);
    expect(pained.decision.action).toBe("continue");
  });

  it("treats a bare word for a person as a request whatever the model reads", () => {
    // Prepare
    const turns = ["Representative!"];
    // Act
    const { decision } = afterTurns(turns);
    // Assess
    expect(decision).toMatchObject({ action: "handoff", trigger: "customer_request" });
  });

  it("does not count an authority objection when the AI just asked who decides", () => {
    // Prepare
    let state = startContact({ contactId: "contact-authority", campaignId: "default" });
    state = recordLine(state, "ai", "Who makes the final call on something like this?", defaultCampaign);
    const reader = fixedReader(() => ["objection_authority"]);
    // Act
    const { signals } = processCustomerTurn(state, { text: "My boss decides." }, defaultCampaign, reader);
    // Assess
    expect(state.askedSlot).toBe("authority");
    expect(signals.objections).toEqual([]);
  });

  it("hears buying words said only inside a quote as reported, and buying said beside one as asked", () => {
    // Prepare: the reader reads an order wherever "signed today" or "sign us up" stands.
    const reader = fixedReader((text) => (/signed today|sign us up/.test(text) ? ["buy_now"] : []));
    const state = afterOpener("contact-quoted");
    // Act
    const reported = buyingHeard(
      state,
      "the sales guy there was always like 'lets get u signed today!!' every time i called",
      reader,
    );
    const asked = buyingHeard(state, "my old rep kept saying 'you'll love it', so fine, sign us up", reader);
    // Assess
    expect(reported).toBeNull();
    expect(asked).toBe("buy_now");
  });

  it("hears a yes to the AI's offer to check back later as no order", () => {
    // Prepare: the reader reads "lets do it" as buying now.
    const reader = fixedReader(() => ["buy_now"]);
    const offered = afterAiLine(
      "contact-callback-offer",
      "Understood. Would it help if I checked back in closer to then?",
    );
    const pitched = afterAiLine("contact-start-offer", "Great. Shall we get your account started today?");
    // Act
    const callback = buyingHeard(offered, "sure lets do it, ping me then", reader);
    const order = buyingHeard(pitched, "sure lets do it", reader);
    // Assess
    expect(callback).toBeNull();
    expect(order).toBe("buy_now");
  });

  it("hears no buying intent the turn takes back or tells as done, and still hears one it asks", () => {
    // Prepare: the reader reads a quote request, or an order, in each.
    const quote = fixedReader(() => ["quote_request"]);
    const order = fixedReader(() => ["buy_now"]);
    const state = afterOpener("contact-taken-back");
    // Act
    const takenBack = buyingHeard(
      state,
      "my partner keeps saying we should just get a quote from you guys but i dont know yet",
      quote,
    );
    const meant = buyingHeard(state, "we should just get a quote from you guys", quote);
    const done = buyingHeard(state, "yeah hi um yeah i did sign up", order);
    const signingIn = buyingHeard(state, "where do i sign in to start the recordings", order);
    // Assess
    expect(takenBack).toBeNull();
    expect(done).toBeNull();
    expect(signingIn).toBeNull();
    expect(meant).toBe("quote_request");
  });

  it("hears no price pushback in an amount given when asked what the customer would spend", () => {
    // Prepare: the reader hears a cap as pushback on price.
    let state = startContact({ contactId: "contact-cap", campaignId: "default" });
    state = recordLine(state, "ai", "Lovely. What would you want to spend each month?", defaultCampaign);
    const reader = fixedReader(() => ["objection_price"]);
    // Act
    const capped = processCustomerTurn(
      state,
      { text: "not more than 80 dollars for month, for all" },
      defaultCampaign,
      reader,
    );
    const refused = processCustomerTurn(
      state,
      { text: "honestly we cant afford anything" },
      defaultCampaign,
      reader,
    );
    // Assess
    expect(capped.signals.slots).toContainEqual(
      expect.objectContaining({ slot: "budget", value: "0-80/mo" }),
    );
    expect(capped.signals.objections).toEqual([]);
    expect(refused.signals.objections).toEqual(["price"]);
  });

  it("reads who decides from a short answer before a but, with the question it answers", () => {
    // Prepare: the reader hears the short answer after the question, not the whole turn.
    let state = startContact({ contactId: "contact-answer-but", campaignId: "default" });
    state = recordLine(
      state,
      "ai",
      "$400 a month is realistic. Are you the one who'd decide?",
      defaultCampaign,
    );
    const reader = fixedReader((text) =>
      text === "i am" ? ["authority_decider"] : text.includes("square") ? ["objection_competitor"] : [],
    );
    const text = "i am but tbh we already use square for booking, so im not sure i need yours too";
    // Act
    const { signals } = processCustomerTurn(state, { text }, defaultCampaign, reader);
    // Assess
    expect(signals.slots).toContainEqual(
      expect.objectContaining({ slot: "authority", value: "decision_maker", quote: "i am" }),
    );
    expect(signals.objections).toEqual(["competitor"]);
  });

  it("reads who decides from a short answer ending the first sentence, with the question it answers", () => {
    // Prepare: the reader hears the short answer after the question, not the whole turn.
    let state = startContact({ contactId: "contact-answer-sentence", campaignId: "default" });
    state = recordLine(state, "ai", "Are you the person who'd sign off on a change?", defaultCampaign);
    const reader = fixedReader((text) => (text === "yep owner" ? ["authority_decider"] : []));
    const text = "yep owner. also can ur queue do whisper so ops know which client line it is";
    // Act
    const { signals } = processCustomerTurn(state, { text }, defaultCampaign, reader);
    // Assess
    expect(signals.slots).toContainEqual(
      expect.objectContaining({ slot: "authority", value: "decision_maker", quote: "yep owner" }),
    );
  });

  it("hears no irony in a yes to the AI asking for the caller's time, and still hears it elsewhere", () => {
    // Prepare: a reader that hears sarcasm in both answers.
    const GIVES_TIME = "oh sure i have a couple minutes";
    const MOCKS = "wow another 30 min demo thats never 30 min. cant wait";
    const reader = fixedReader((text) => (text === GIVES_TIME || text === MOCKS ? ["sarcasm"] : []));
    const askedTime = afterAiLine(
      "contact-gives-time",
      "Thanks for the webinar signup. Do you have a couple of minutes?",
    );
    const askedDemo = afterAiLine("contact-mocks-demo", "When would be a good time for a 30-minute demo?");
    // Act
    const time = processCustomerTurn(askedTime, { text: GIVES_TIME }, defaultCampaign, reader);
    const demo = processCustomerTurn(askedDemo, { text: MOCKS }, defaultCampaign, reader);
    // Assess
    expect(time.signals.sarcasm).toBe(false);
    expect(time.decision.action).toBe("continue");
    expect(demo.signals.sarcasm).toBe(true);
  });

  it("hears no request for a person of ours from a caller heard as a wrong number", () => {
    // Prepare: the first turn reads as a wrong number, the second as a request for someone.
    const LOOKING = "hi, is this morrison funeral home? my dad passed this morning";
    const ASKING = "i just need to talk to somebody about arrangements";
    const reader = fixedReader((text) =>
      text === LOOKING ? ["wrong_number"] : text === ASKING ? ["person_request"] : [],
    );
    const wrong = processCustomerTurn(
      afterOpener("contact-wrong-number"),
      { text: LOOKING },
      defaultCampaign,
      reader,
    );
    const pointed = recordLine(
      wrong.state,
      "ai",
      "You've reached Nimbus Voice by mistake. Try 555-0142.",
      defaultCampaign,
    );
    // Act
    const after = processCustomerTurn(pointed, { text: ASKING }, defaultCampaign, reader);
    const prospect = processCustomerTurn(
      afterOpener("contact-asks-person"),
      { text: ASKING },
      defaultCampaign,
      reader,
    );
    // Assess
    expect(wrong.state.intentTags).toContain("wrong_number");
    expect(after.signals.personRequest).toBe(false);
    expect(after.decision.action).not.toBe("handoff");
    expect(prospect.signals.personRequest).toBe(true);
  });

  it("hears no request for a person in advice the caller quotes, and hears one said unquoted", () => {
    // Prepare: a reader that hears a request wherever the words are.
    const reader = fixedReader((text) => (text.includes("actual human") ? ["person_request"] : []));
    const quoted =
      "my sister told me, 'Renee, whatever you do, talk to an actual human before you sign anything' because she got burned";
    const own = "honestly i would rather talk to an actual human before i sign anything";
    // Act
    const advice = processCustomerTurn(
      afterOpener("contact-quoted-advice"),
      { text: quoted },
      defaultCampaign,
      reader,
    );
    const request = processCustomerTurn(
      afterOpener("contact-own-request"),
      { text: own },
      defaultCampaign,
      reader,
    );
    // Assess
    expect(advice.signals.personRequest).toBe(false);
    expect(request.signals.personRequest).toBe(true);
  });

  it("hears who signs in an answer to who decides as that answer, not an order", () => {
    // Prepare: a reader that hears an order in the words "i sign".
    const answer = "yeah its my firm i sign everything the engagement letters the payroll all of it";
    const reader = fixedReader((text) => (text === answer ? ["buy_now"] : []));
    const askedWho = afterAiLine("contact-who-signs", "Are you the one who'd sign off on this?");
    const askedNothing = afterAiLine(
      "contact-signs-unasked",
      "That's the whole setup. Anything else on your mind?",
    );
    // Act
    const answered = processCustomerTurn(askedWho, { text: answer }, defaultCampaign, reader);
    const unasked = processCustomerTurn(askedNothing, { text: answer }, defaultCampaign, reader);
    // Assess
    expect(answered.signals.buyingIntent).toBeNull();
    expect(unasked.signals.buyingIntent).toBe("buy_now");
  });

  it("reads a yes with its reason as the answer to who decides, when the question was put to the caller", () => {
    // Prepare: the reader hears who decides in the question only, said in the caller's voice.
    const reader = fixedReader((text) =>
      text.includes("the one who'd sign off") ? ["authority_decider"] : [],
    );
    const askedYou = afterAiLine(
      "contact-yes-reason",
      "Got it, within the next month. Are you the one who'd sign off on this?",
    );
    const askedAboutFrank = afterAiLine(
      "contact-yes-frank",
      "Would Frank be the one who'd sign off on this?",
    );
    // Act
    const yours = processCustomerTurn(askedYou, { text: "yep my kennel my rules" }, defaultCampaign, reader);
    const franks = processCustomerTurn(
      askedAboutFrank,
      { text: "oh yeah frank decides everything" },
      defaultCampaign,
      reader,
    );
    // Assess
    expect(yours.signals.slots).toContainEqual(
      expect.objectContaining({ slot: "authority", value: "decision_maker" }),
    );
    expect(franks.signals.slots.filter((slot) => slot.slot === "authority")).toEqual([]);
  });

  it("hears a yes to the AI's offer to connect a person as a request for one", () => {
    // Prepare: a reader that hears no request in the words themselves
    let state = startContact({ contactId: "contact-offer-taken", campaignId: "default" });
    state = recordLine(
      state,
      "ai",
      "Would you like me to connect you with a specialist now?",
      defaultCampaign,
    );
    // Act
    const { signals, decision } = processCustomerTurn(
      state,
      { text: "yeah go ahead" },
      defaultCampaign,
      fixedReader(() => []),
    );
    // Assess
    expect(signals.personRequest).toBe(true);
    expect(decision).toMatchObject({ action: "handoff", trigger: "customer_request" });
  });

  it("reads a bare yes to the AI's who-decides question as what the question says", () => {
    // Prepare: the shipped reader, which reads the question in the customer's voice ("i'm the one who'd decide on
    // this") 0.70 sure of a decider
    let state = startContact({ contactId: "contact-bare-yes", campaignId: "default" });
    state = recordLine(state, "ai", "Totally doable. Are you the one who'd decide on this?", defaultCampaign);
    // Act
    const { signals } = processCustomerTurn(state, { text: "ya" }, defaultCampaign);
    // Assess
    expect(signals.slots).toContainEqual(
      expect.objectContaining({ slot: "authority", value: "decision_maker", quote: "ya" }),
    );
  });

  it("confirms nothing from a sarcastic turn, whose words mean the opposite", () => {
    // Prepare
    let state = startContact({ contactId: "contact-sarcasm", campaignId: "default" });
    state = recordLine(state, "ai", "We help businesses cut their phone costs.", defaultCampaign);
    const text = "Oh sure, cut my phone costs, never heard that one before.";
    // Act
    // The campaign's examples alone: the learned category values would drop this word in passing anyway.
    const sincere = processCustomerTurn(
      state,
      { text },
      defaultCampaign,
      fixedReader(() => []),
      undefined,
      undefined,
      null,
    );
    const sarcastic = processCustomerTurn(
      state,
      { text },
      defaultCampaign,
      fixedReader(() => ["sarcasm"]),
    );
    // Assess
    expect(sincere.signals.slots.map((slot) => slot.slot)).toContain("need");
    expect(sarcastic.signals.slots).toEqual([]);
    expect(sarcastic.state.slots).toEqual(state.slots);
  });

  it("reads a time in a request to be called back as the callback, though the AI asked for the timeline", () => {
    // Prepare
    const start = startContact({ contactId: "contact-callback", campaignId: "default" });
    const pitched = recordLine(
      start,
      "ai",
      "Do you have a few minutes to talk about your phones?",
      defaultCampaign,
    );
    const asked = recordLine(
      start,
      "ai",
      "And when would you want the new system up and running?",
      defaultCampaign,
    );
    const text = "Not right now. Call me back next quarter.";
    const timelineOf = (result: ReturnType<typeof processCustomerTurn>) =>
      result.signals.slots.find((slot) => slot.slot === "timeline")?.value;
    // Act
    const plain = processCustomerTurn(
      pitched,
      { text },
      defaultCampaign,
      fixedReader(() => []),
    );
    const deferred = processCustomerTurn(
      pitched,
      { text },
      defaultCampaign,
      fixedReader(() => ["deferral"]),
    );
    const answered = processCustomerTurn(
      asked,
      { text },
      defaultCampaign,
      fixedReader(() => ["deferral"]),
    );
    // Assess: when to call again is no time to be live (session 43: dev-h, dev-k, dev-q and dev-r's labelers)
    expect(timelineOf(plain)).toBeUndefined();
    expect(timelineOf(deferred)).toBeUndefined();
    expect(timelineOf(answered)).toBeUndefined();
  });

  it("multiplies a per-seat budget by the head count said earlier in the call, by the customer or read back by the AI", () => {
    // Prepare
    const budgetOf = (lines: ReadonlyArray<readonly ["ai" | "customer", string]>) => {
      let state = startContact({ contactId: "contact-seats", campaignId: "default" });
      let last: ReturnType<typeof processCustomerTurn> | undefined;
      for (const [speaker, text] of lines) {
        if (speaker === "ai") state = recordLine(state, "ai", text, defaultCampaign);
        else {
          last = processCustomerTurn(
            state,
            { text },
            defaultCampaign,
            fixedReader(() => []),
          );
          state = last.state;
        }
      }
      return last?.signals.slots.find((slot) => slot.slot === "budget")?.value;
    };
    const ASK = "Do you have a budget per person in mind?";
    // Act
    const saidEarlier = budgetOf([
      ["ai", "Hi, I'm the Nimbus Voice assistant. What can I help you with?"],
      ["customer", "small cpa firm, 8 ppl, half of us work from home"],
      ["ai", ASK],
      ["customer", "like 25 a seat per month is what i was thinking"],
    ]);
    const readBack = budgetOf([
      ["ai", "How many people would need a line?"],
      ["customer", "like twenty two nurses plus the two of us so twenty four"],
      ["ai", `Got it, twenty-four lines. ${ASK}`],
      ["customer", "i was told like twenty dollars a person a month is about what we can do"],
    ]);
    const none = budgetOf([
      ["ai", "What's going on with your phones?"],
      ["customer", "they drop calls all the time"],
      ["ai", ASK],
      ["customer", "like 25 a seat per month is what i was thinking"],
    ]);
    // Assess
    expect(saidEarlier).toBe("200/mo");
    expect(readBack).toBe("480/mo");
    expect(none).toBe("25/mo");
  });

  it("reads what a customer pays today, said when asked what to fix, as the need and not a price objection", () => {
    // Prepare
    const start = startContact({ contactId: "contact-need-cost", campaignId: "default" });
    const askedNeed = recordLine(
      start,
      "ai",
      "What's the main thing you'd want to improve?",
      defaultCampaign,
    );
    const pitched = recordLine(start, "ai", "Our plans start at 29 dollars a user.", defaultCampaign);
    const text = "The cost. We're paying for lines we don't even use.";
    const reader = fixedReader(() => ["objection_price"]);
    // Act
    const answered = processCustomerTurn(askedNeed, { text }, defaultCampaign, reader);
    const objected = processCustomerTurn(pitched, { text }, defaultCampaign, reader);
    // Assess
    expect(askedNeed.askedSlot).toBe("need");
    expect(answered.signals.objections).toEqual([]);
    expect(objected.signals.objections).toEqual(["price"]);
  });

  it("does not count the current insurer named as the answer to who insures them as a competitor objection", async () => {
    // Prepare: the shipped insurance campaign declares it on its current insurer slot.
    const campaign = await shippedCampaign("insurance-quotes.yaml");
    const start = startContact({ contactId: "contact-insurer", campaignId: campaign.id });
    const asked = recordLine(start, "ai", "Who are you insured with right now, if anyone?", campaign);
    const other = recordLine(start, "ai", "When does that policy renew?", campaign);
    const text = "We switched to Progressive when we moved last year.";
    const reader = fixedReader(() => ["objection_competitor"]);
    // Act
    const answered = processCustomerTurn(asked, { text }, campaign, reader);
    const unasked = processCustomerTurn(other, { text }, campaign, reader);
    // Assess
    expect(asked.askedSlot).toBe("current_insurer");
    expect(answered.signals.objections).toEqual([]);
    expect(unasked.signals.objections).toEqual(["competitor"]);
  });

  it("does not count an authority objection on the answer to any authority slot's question, whatever its name", async () => {
    // Prepare: Ledgerly's authority slot is evaluator_role and declares nothing itself.
    const campaign = await shippedCampaign("ledgerly-demo.json");
    const start = startContact({ contactId: "contact-evaluator", campaignId: campaign.id });
    const asked = recordLine(start, "ai", "Who else on your team should join the demo?", campaign);
    const reader = fixedReader(() => ["objection_authority"]);
    // Act
    const { signals } = processCustomerTurn(
      asked,
      { text: "My controller signs off on tools." },
      campaign,
      reader,
    );
    // Assess
    expect(asked.askedSlot).toBe("evaluator_role");
    expect(signals.objections).toEqual([]);
  });
});

describe("engine on a turn that is an aside", () => {
  it.each<[string, readonly ReaderLabel[]]>([
    ["person_request", ["person_request"]],
    ["confusion", ["confusion"]],
    ["wrong_number", ["wrong_number"]],
    ["nothing", []],
  ])("reads a need from a word in passing only when the reader hears no aside (%s)", (_, labels) => {
    // Prepare: "on the phone" is a contact center's example word, said in passing.
    const start = afterOpener("contact-aside");
    const text = "ok, can i get someone on the phone? my partner has more questions";
    // Act: by the campaign's examples alone (the learned category values drop this word in passing too).
    const { signals } = processCustomerTurn(
      start,
      { text },
      defaultCampaign,
      fixedReader(() => labels),
      undefined,
      undefined,
      null,
    );
    // Assess
    const need = signals.slots.find((slot) => slot.slot === "need");
    if (labels.length === 0) expect(need?.value).toBe("contact_center");
    else expect(need).toBeUndefined();
  });

  it.each([
    [0.3, undefined],
    [0.02, "remote_work"],
  ])("reads no need in passing from a turn that may be a wrong number (reader %s)", (wrongNumber, value) => {
    // Prepare: whoever picked up says whose phone it is; "cell" is a remote-work example word.
    const start = afterOpener("contact-whose-phone");
    const reader = scoredReader(() => ({ wrong_number: wrongNumber }));
    // Act
    // By the campaign's examples alone (the learned category values drop this word in passing too).
    const { signals, decision } = processCustomerTurn(
      start,
      { text: "no, this is mike, this is my personal cell." },
      defaultCampaign,
      reader,
      undefined,
      undefined,
      null,
    );
    // Assess: the call goes on either way; only the need read in passing differs.
    expect(signals.endReason).toBeNull();
    expect(decision.action).toBe("continue");
    expect(signals.slots.find((slot) => slot.slot === "need")?.value).toBe(value);
  });
});

async function shippedCampaign(file: string) {
  const text = await readFile(new URL(`../../campaigns/${file}`, import.meta.url), "utf8");
  const reading = readCampaignText(text, file.endsWith(".json") ? "json" : "yaml");
  if (!reading.ok) throw new Error(`the shipped campaign ${file} does not read`);
  return reading.campaign;
}

describe("engine with a caller who is no buyer", () => {
  const JOB_SEEKER = "hi, saw you're hiring for customer support. i did six years of dispatch";
  const APPLYING = "ok perfect, how do i apply?";
  const reader = fixedReader((text) =>
    text === JOB_SEEKER ? ["non_prospect"] : text === APPLYING ? ["enroll_request"] : [],
  );

  it("hears no buying intent later in the call once the caller has said they came for something else", () => {
    // Prepare: the first turn says the caller wants a job.
    const start = afterOpener("contact-job-seeker");
    const first = processCustomerTurn(start, { text: JOB_SEEKER }, defaultCampaign, reader);
    const pointed = recordLine(
      first.state,
      "ai",
      "All our openings are on the careers page.",
      defaultCampaign,
    );
    // Act
    const { signals, decision, state } = processCustomerTurn(
      pointed,
      { text: APPLYING },
      defaultCampaign,
      reader,
    );
    // Assess
    expect(first.state.intentTags).toContain("not_a_prospect");
    expect(signals.buyingIntent).toBeNull();
    expect(decision.action).toBe("continue");
    expect(state.intentTags).toContain("not_a_prospect");
  });

  it("hands off on the same words from a caller who said nothing of the kind", () => {
    // Prepare
    const start = afterOpener("contact-prospect");
    const first = processCustomerTurn(
      start,
      { text: "we need phones for our support team" },
      defaultCampaign,
      reader,
    );
    // Act
    const { signals, decision } = processCustomerTurn(
      first.state,
      { text: APPLYING },
      defaultCampaign,
      reader,
    );
    // Assess
    expect(first.state.intentTags).not.toContain("not_a_prospect");
    expect(signals.buyingIntent).toBe("enroll_request");
    expect(decision.action).toBe("handoff");
  });

  // A quote for a house move asked of a phone company: a quote request, and maybe no prospect (0.35).
  const MOVE = "hi, i'm looking to get a quote for a move from fremont to sacramento";
  const moveReader = scoredReader((text) =>
    text === MOVE ? { quote_request: 0.95, non_prospect: 0.35 } : {},
  );

  it("hears no buying in a request the reader hears as maybe another business's, under the bar that drops every reading", () => {
    // Prepare: the move quote (above) in the default campaign.
    // Act
    const { signals, decision, state } = processCustomerTurn(
      afterOpener("contact-move"),
      { text: MOVE },
      defaultCampaign,
      moveReader,
    );
    // Assess
    expect(signals.buyingIntent).toBeNull();
    expect(decision.action).toBe("continue");
    expect(state.intentTags).not.toContain("not_a_prospect");
  });

  it("hands off that request in a campaign that raises the maybe-no-prospect bar above it", () => {
    // Prepare: a moving company's own campaign, whose quote requests the default reader hears as another business's.
    const movers = {
      ...defaultCampaign,
      thresholds: {
        ...defaultCampaign.thresholds,
        reader: { ...defaultCampaign.thresholds.reader, maybeNonProspect: 0.5 },
      },
    };
    // Act
    const { signals, decision } = processCustomerTurn(
      afterOpener("contact-movers"),
      { text: MOVE },
      movers,
      moveReader,
    );
    // Assess
    expect(signals.buyingIntent).toBe("quote_request");
    expect(decision.action).toBe("handoff");
  });

  it("still hands off a price request the reader hears as a prospect's", () => {
    // Prepare
    const SEATS = "how much would ten seats cost us";
    const seatsReader = scoredReader((text) =>
      text === SEATS ? { price_request: 0.95, non_prospect: 0.2 } : {},
    );
    // Act
    const { signals, decision } = processCustomerTurn(
      afterOpener("contact-seats"),
      { text: SEATS },
      defaultCampaign,
      seatsReader,
    );
    // Assess
    expect(signals.buyingIntent).toBe("price_request");
    expect(decision.action).toBe("handoff");
  });

  it("confirms no qualification slot from the words of a caller who came for something else", () => {
    // Prepare: a vendor's amounts, dates and phone words are their pitch, not a lead's budget, timeline or need.
    const VENDOR =
      "hi, i sell call center staffing. our plans start at 2000 a month and we can start next week";
    const vendorReader = fixedReader((text) => (text === VENDOR ? ["non_prospect"] : []));
    const start = afterOpener("contact-vendor");
    // Act
    const { signals, state } = processCustomerTurn(start, { text: VENDOR }, defaultCampaign, vendorReader);
    // Assess
    expect(state.intentTags).toContain("not_a_prospect");
    expect(signals.slots).toEqual([]);
    expect(state.slots).toEqual(start.slots);
  });

  it("takes a caller heard as no prospect for one after all when they answer the AI's qualification question", () => {
    // Prepare: the first turn reads as a vendor's, the answer to who decides as nothing of the kind.
    const OPENING =
      "hi, i'm calling from still water yoga, a friend said you guys helped her with her phones";
    const firstReader = fixedReader((text) =>
      text === OPENING ? ["non_prospect"] : text.includes("i decide") ? ["authority_decider"] : [],
    );
    const first = processCustomerTurn(
      afterOpener("contact-prospect-again"),
      { text: OPENING },
      defaultCampaign,
      firstReader,
    );
    const asked = recordLine(
      first.state,
      "ai",
      "Who besides you would be involved in deciding on this?",
      defaultCampaign,
    );
    const vendorAsked = recordLine(
      first.state,
      "ai",
      "Our partners team reviews offers by email. Anything else?",
      defaultCampaign,
    );
    // Act
    const answer = processCustomerTurn(asked, { text: "just me, i decide" }, defaultCampaign, firstReader);
    const pitch = processCustomerTurn(
      vendorAsked,
      { text: "we can start next week" },
      defaultCampaign,
      firstReader,
    );
    // Assess
    expect(first.state.intentTags).toContain("not_a_prospect");
    expect(answer.signals.slots).toContainEqual(
      expect.objectContaining({ slot: "authority", value: "decision_maker" }),
    );
    expect(answer.state.intentTags).not.toContain("not_a_prospect");
    expect(pitch.signals.slots).toEqual([]);
    expect(pitch.state.intentTags).toContain("not_a_prospect");
  });

  it("confirms the same slots from a prospect's same words", () => {
    // Prepare
    const PROSPECT = "we run a call center. we can spend 2000 a month and want to start next week";
    const start = afterOpener("contact-prospect-slots");
    // Act
    const { signals } = processCustomerTurn(start, { text: PROSPECT }, defaultCampaign, reader);
    // Assess
    expect(signals.slots.map((slot) => slot.slot).sort()).toEqual(["budget", "need", "timeline"]);
  });

  it("still hands a request for a person to a human", () => {
    // Prepare
    const start = afterOpener("contact-job-seeker-person");
    const first = processCustomerTurn(start, { text: JOB_SEEKER }, defaultCampaign, reader);
    const askingForPerson = fixedReader((text) =>
      text === JOB_SEEKER ? ["non_prospect"] : ["person_request"],
    );
    // Act
    const { decision } = processCustomerTurn(
      first.state,
      { text: "can i talk to a person?" },
      defaultCampaign,
      askingForPerson,
    );
    // Assess
    expect(decision.action).toBe("handoff");
  });
});

describe("engine with a complaint about today's bill", () => {
  const COMPLAINT =
    "our phone bill is just way too high for what we get, we pay about three hundred a month to the phone company";
  const reader = fixedReader((text) => (text === COMPLAINT ? ["objection_price"] : []));

  it("hears no objection to a price the AI never named", () => {
    // Prepare
    const state = afterAiLine("contact-bill-complaint", "What made you reach out?");
    // Act
    const { signals } = processCustomerTurn(state, { text: COMPLAINT }, defaultCampaign, reader);
    // Assess
    expect(signals.objections).toEqual([]);
  });

  it("still hears the objection after the AI named its price", () => {
    // Prepare
    const state = afterAiLine("contact-bill-after-price", "Plans start at $24 per user per month.");
    // Act
    const { signals } = processCustomerTurn(state, { text: COMPLAINT }, defaultCampaign, reader);
    // Assess
    expect(signals.objections).toEqual(["price"]);
  });

  it("still hears pushback that says nothing of what they pay today", () => {
    // Prepare
    const pushback = "honestly that sounds way too expensive for a shop our size";
    const pushbackReader = fixedReader((text) => (text === pushback ? ["objection_price"] : []));
    const state = afterAiLine("contact-pushback", "What made you reach out?");
    // Act
    const { signals } = processCustomerTurn(state, { text: pushback }, defaultCampaign, pushbackReader);
    // Assess
    expect(signals.objections).toEqual(["price"]);
  });
});

describe("engine with a caller who asks to be called back", () => {
  const PRICE = "honestly that sounds like more than we want to spend";
  const CALLBACK = "look i cant think about this right now, can you call me back in september";

  /** The call after a price objection, then the callback request read as deferral with `deferral`. */
  function afterCallbackRequest(contactId: string, deferral: number) {
    const reader = scoredReader((text) =>
      text === PRICE
        ? { objection_price: 0.9 }
        : text === CALLBACK
          ? { objection_timing: 0.9, deferral }
          : {},
    );
    const first = processCustomerTurn(
      afterAiLine(contactId, "Plans start at $24 per user per month."),
      { text: PRICE },
      defaultCampaign,
      reader,
    );
    const asked = recordLine(first.state, "ai", "When would you want it running?", defaultCampaign);
    return processCustomerTurn(asked, { text: CALLBACK }, defaultCampaign, reader);
  }

  it("takes a sure callback request's time as the callback's, not a second objection", () => {
    // Act
    const { signals, decision } = afterCallbackRequest("contact-callback-sure", 1);
    // Assess
    expect(signals.objections).toEqual([]);
    expect(decision.action).not.toBe("handoff");
  });

  it("still layers a timing objection the reader is not sure asks for a callback", () => {
    // Act
    const { signals, decision } = afterCallbackRequest("contact-callback-unsure", 0.6);
    // Assess
    expect(signals.objections).toEqual(["timing"]);
    expect(decision).toMatchObject({ action: "handoff", trigger: "complex" });
  });
});

describe("engine with strong words about today's bill", () => {
  const BILL =
    "They raised our bill again. We're paying almost six hundred a month for five lines. It's ridiculous.";
  const HOSTILE = "This is ridiculous. Stop wasting my time with this robot nonsense.";
  const reader = fixedReader((text) =>
    text === BILL || text === HOSTILE ? ["strong_negative", "negative"] : [],
  );

  it("hears frustration with the bill, not hostility toward the call", () => {
    // Prepare
    const state = afterAiLine("contact-bill-anger", "What made you start looking?");
    // Act
    const { signals, decision } = processCustomerTurn(state, { text: BILL }, defaultCampaign, reader);
    // Assess
    expect(signals.strongNegative).toBe(false);
    expect(signals.tone).toBe("negative");
    expect(decision.action).not.toBe("handoff");
  });

  it("still hands a hostile turn to a human", () => {
    // Prepare
    const state = afterAiLine("contact-hostile", "What made you start looking?");
    // Act
    const { signals, decision } = processCustomerTurn(state, { text: HOSTILE }, defaultCampaign, reader);
    // Assess
    expect(signals.strongNegative).toBe(true);
    expect(decision).toMatchObject({ action: "handoff", trigger: "complex" });
  });
});
