import { describe, expect, it } from "vitest";
import { defaultCampaign } from "../../functions/domain/campaigns.js";
import { defaultTurnReader } from "../../functions/domain/reader/default-reader.js";
import { BUYING_LABELS, type ReaderLabel } from "../../functions/domain/reader/labels.js";

/**
 * The shipped model on everyday phrasings (none of them in its training data). A learned reader is
 * judged by its share right, not phrase by phrase. The bars are regression gates a little under what
 * the shipped model reads (requests 0.79, declines 0.89, the rest 0.91 when it was trained); a failure
 * lists every misread so the next data can be written for the gap.
 */
const AI_LINE = "I see. Could you tell me a bit more about your team?";

const t = defaultCampaign.thresholds.reader;
const THRESHOLD: Record<ReaderLabel, number> = {
  person_request: t.personRequest,
  buy_now: t.buyingIntent,
  price_request: t.buyingIntent,
  quote_request: t.buyingIntent,
  contract_request: t.buyingIntent,
  enroll_request: t.buyingIntent,
  objection_price: t.objection,
  objection_competitor: t.objection,
  objection_timing: t.objection,
  objection_authority: t.objection,
  objection_trust: t.objection,
  acknowledgement: t.acknowledgement,
  confusion: t.confusion,
  sarcasm: t.sarcasm,
  strong_negative: t.strongNegative,
  negative: t.negative,
  not_interested: t.notInterested,
  do_not_call: t.doNotCall,
  wrong_number: t.wrongNumber,
  deferral: t.deferral,
  authority_decider: t.authority,
  authority_joint: t.authority,
  authority_other: t.authority,
  non_prospect: t.nonProspect,
};

function firesOn(text: string, label: ReaderLabel): boolean {
  return defaultTurnReader.read({ text, aiLine: AI_LINE })[label] >= THRESHOLD[label];
}

function expectShare(cases: ReadonlyArray<readonly [string, ReaderLabel, boolean]>, bar: number) {
  const misread = cases.filter(([text, label, expected]) => firesOn(text, label) !== expected);
  const share = 1 - misread.length / cases.length;
  expect({ share: share >= bar ? "ok" : share, misread: share >= bar ? [] : misread }).toEqual({
    share: "ok",
    misread: [],
  });
}

describe("the default turn reader on everyday phrasings", () => {
  it("reads most requests and buying signals", () => {
    // Prepare
    const cases = [
      ["Can I talk to a real person please?", "person_request", true],
      ["I want to speak to a human.", "person_request", true],
      ["Let me talk to your manager.", "person_request", true],
      ["Can I speak to a salesperson?", "person_request", true],
      ["Put me through to an agent.", "person_request", true],
      ["Get me someone real.", "person_request", true],
      ["No, I want a real person.", "person_request", true],
      ["I want an agent.", "person_request", true],
      ["Agent, please.", "person_request", true],
      ["i want to talk to somebody who works there", "person_request", true],
      ["I'd like to buy it.", "buy_now", true],
      ["Let's do it.", "buy_now", true],
      ["Where do I sign?", "buy_now", true],
      ["We're ready to order.", "buy_now", true],
      ["We'd like to get started.", "buy_now", true],
      ["We want to start right away.", "buy_now", true],
      ["Send me a proposal.", "quote_request", true],
      ["can you quote me a life policy", "quote_request", true],
      ["How much is it per user?", "price_request", true],
      ["What's the price?", "price_request", true],
      ["Can I get a price?", "price_request", true],
      ["What are your prices?", "price_request", true],
      ["Send over the contract and I'll sign it today.", "contract_request", true],
      ["I'd like to open a new account.", "enroll_request", true],
    ] as const;
    // Act, Assess
    expectShare(cases, 0.75);
  });

  it("almost never reads a request into a declined, negated, hedged or innocent turn", () => {
    // Prepare
    const cases = [
      ["I don't need a person.", "person_request", false],
      ["No, you're fine.", "person_request", false],
      ["Not interested in talking to sales.", "person_request", false],
      ["We have 12 agents on the phones.", "person_request", false],
      ["Our agents are overloaded on Mondays.", "person_request", false],
      ["I'm the only person in the office.", "person_request", false],
      ["We're a travel agent.", "person_request", false],
      ["Every person on my team takes calls.", "person_request", false],
      ["Are you a real person?", "person_request", false],
      ["Can you transfer 200 dollars to my savings?", "person_request", false],
      ["Maybe someday.", "buy_now", false],
      ["I'm not ready to buy.", "buy_now", false],
      ["Just looking.", "buy_now", false],
      ["Maybe down the road.", "buy_now", false],
      ["We're just researching options.", "buy_now", false],
      ["That's too expensive.", "price_request", false],
      ["Why was I charged twice this month?", "price_request", false],
      ["What's the status of my claim?", "quote_request", false],
    ] as const;
    // Act, Assess
    expectShare(cases, 0.85);
  });

  it("reads most objections, tone, confusion and ends of the call", () => {
    // Prepare
    const cases = [
      ["That's too expensive.", "objection_price", true],
      ["The price is too high for us.", "objection_price", true],
      ["We're already using RingCentral.", "objection_competitor", true],
      ["It's a bad time for us.", "objection_timing", true],
      ["I'd have to run it by my boss.", "objection_authority", true],
      ["Is this a scam?", "objection_trust", true],
      ["Oh great, another robot.", "sarcasm", true],
      ["This is a waste of my time.", "strong_negative", true],
      ["This is ridiculous.", "strong_negative", true],
      ["I don't understand.", "confusion", true],
      ["What do you mean?", "confusion", true],
      ["I'm confused.", "confusion", true],
      ["Please don't call me again.", "do_not_call", true],
      ["Stop calling me.", "do_not_call", true],
      ["Take me off your list.", "do_not_call", true],
      ["Sorry, wrong number.", "wrong_number", true],
      ["You have the wrong number.", "wrong_number", true],
      ["Not interested, thanks.", "not_interested", true],
      ["I'm not interested.", "not_interested", true],
      ["No thanks, we're all set.", "not_interested", true],
      ["Call me back next quarter.", "deferral", true],
      ["Hmm, not sure.", "strong_negative", false],
      ["Oh great, that helps a lot, thanks!", "sarcasm", false],
    ] as const;
    // Act, Assess
    expectShare(cases, 0.8);
  });

  it("hands nobody off on a short answer to a question that checks a fact", () => {
    // Prepare: each answer after the AI line it confirms; before the short answers were trained on, a bare
    // "Correct." read as enrolling (0.78) and "Of course." as sarcasm (0.67), both handing off at once.
    const cases = [
      ["So that's three locations, right?", "Correct."],
      ["Your renewal is on the 14th of May?", "That's correct."],
      ["I've got your email as sam at keystone dot com. Is that right?", "Yes, correct."],
      ["You're currently with Comcast Business?", "Right."],
      ["And that's about 40 seats in total?", "Spot on."],
      ["So the budget is around ten thousand?", "Exactly."],
      ["Can I ask you a couple of quick questions?", "Of course."],
      ["Is this still the best number for you?", "Yep, that's the one."],
      ["You mentioned the lease ends in August?", "That's it."],
      ["Just checking, the account is under Greenway Logistics?", "Affirmative."],
      ["So mostly support calls, not sales?", "Pretty much."],
      ["And you'd want the calls recorded too?", "Definitely."],
      ["Did I spell your last name right, P-A-T-E-L?", "You got it."],
      ["Is now still an okay time?", "Sure, go ahead."],
      ["So that's for the Denver office only?", "Only Denver, yes."],
      ["You said five drivers, right?", "Five, correct."],
      ["Is that Pacific time?", "Yes ma'am."],
      ["You'd be using the desk phones you have now?", "I believe so."],
      ["And your current contract is month to month?", "Mm-hmm."],
      ["So about 200 calls a day?", "Roughly, yeah."],
    ] as const;
    const atOnce: ReaderLabel[] = ["person_request", ...BUYING_LABELS, "sarcasm", "strong_negative"];

    // Act
    const misread = cases.filter(([aiLine, text]) => {
      const scores = defaultTurnReader.read({ text, aiLine });
      return atOnce.some((label) => scores[label] >= THRESHOLD[label]);
    });

    // Assess: a regression gate a little under the shipped model's 20 of 20 (the model before: 17).
    expect(1 - misread.length / cases.length >= 0.9 ? [] : misread).toEqual([]);
  });
});
