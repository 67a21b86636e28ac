import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type HandoffTrigger, Transcript } from "../../contracts/transcript.js";
import { defaultCampaign } from "../../functions/domain/campaigns.js";
import {
  classifyTiming,
  evaluate,
  keywordPredictor,
  type Prediction,
  qualifiedOnlyPredictor,
  score,
  type Timing,
} from "../../functions/domain/evaluation.js";

/** A labeled conversation of `pairs` AI/customer exchanges: customer turns have odd indices. */
function labeled(
  id: string,
  handoffTurn: number | null,
  trigger: HandoffTrigger | null = null,
  slots: Record<string, string> = {},
  pairs = 6,
): Transcript {
  const turns = Array.from({ length: pairs }, (_, i) => [
    { speaker: "ai" as const, text: `Question ${i}?` },
    { speaker: "customer" as const, text: `Answer ${i}.` },
  ]).flat();
  return Transcript.parse({ id, turns, labels: { handoffTurn, trigger, slots } });
}

const prediction = (turn: number | null, trigger: string | null = null, slots = {}): Prediction => ({
  turn,
  trigger,
  slots,
});

const rateSum = (scores: { onTime: number; early: number; late: number; missed: number; false: number }) =>
  scores.onTime + scores.early + scores.late + scores.missed + scores.false;

describe("classifyTiming", () => {
  it.each<[number | null, number | null, Timing]>([
    [null, null, "onTime"],
    [5, 5, "onTime"],
    [5, 6, "onTime"],
    [0, 0, "onTime"],
    [0, 1, "onTime"],
    [5, 4, "early"],
    [5, 0, "early"],
    [5, 7, "late"],
    [5, 100, "late"],
    [5, null, "missed"],
    [0, null, "missed"],
    [null, 3, "false"],
    [null, 0, "false"],
  ])("gold %s, predicted %s: %s", (gold, predicted, expected) => {
    // Prepare
    const input = [gold, predicted] as const;
    // Act
    const timing = classifyTiming(...input);
    // Assess
    expect(timing).toBe(expected);
  });

  it("agrees with the definition for any gold and predicted turn", () => {
    // Prepare
    const turn = fc.option(fc.nat({ max: 200 }), { nil: null });
    const definition = (k: number | null, p: number | null): Timing => {
      if (k === null && p === null) return "onTime";
      if (k === null) return "false";
      if (p === null) return "missed";
      if (k <= p && p <= k + 1) return "onTime";
      return p < k ? "early" : "late";
    };
    // Act
    const check = () =>
      fc.assert(
        fc.property(turn, turn, (k, p) => {
          expect(classifyTiming(k, p)).toBe(definition(k, p));
        }),
      );
    // Assess
    expect(check).not.toThrow();
  });
});

describe("score", () => {
  it("rates each timing over the labeled conversations, and the five rates add up to 1", () => {
    // Prepare
    const transcripts = [
      labeled("on-time", 3, "qualified"),
      labeled("on-time-none", null),
      labeled("early", 5, "complex"),
      labeled("late", 3, "buying_intent"),
      labeled("missed", 7, "customer_request"),
      labeled("false", null),
    ];
    const predictions = [
      prediction(4, "qualified"),
      prediction(null),
      prediction(1, "complex"),
      prediction(9, "buying_intent"),
      prediction(null),
      prediction(5, "customer_request"),
    ];
    // Act
    const scores = score(transcripts, predictions);
    // Assess
    expect(scores.timings).toEqual(["onTime", "onTime", "early", "late", "missed", "false"]);
    expect(scores.onTime).toBeCloseTo(2 / 6);
    expect(scores.early).toBeCloseTo(1 / 6);
    expect(scores.late).toBeCloseTo(1 / 6);
    expect(scores.missed).toBeCloseTo(1 / 6);
    expect(scores.false).toBeCloseTo(1 / 6);
    expect(rateSum(scores)).toBeCloseTo(1, 10);
  });

  it("keeps the five rates adding up to 1 for any labels and predictions", () => {
    // Prepare
    const customerTurn = fc.option(
      fc.nat({ max: 5 }).map((i) => 2 * i + 1),
      { nil: null },
    );
    const anyTurn = fc.option(fc.nat({ max: 12 }), { nil: null });
    const rows = fc.array(fc.tuple(customerTurn, anyTurn), { minLength: 1, maxLength: 20 });
    // Act
    const check = () =>
      fc.assert(
        fc.property(rows, (pairs) => {
          const transcripts = pairs.map(([gold], i) =>
            labeled(`c-${i}`, gold, gold === null ? null : "qualified"),
          );
          const predictions = pairs.map(([, turn]) => prediction(turn, turn === null ? null : "qualified"));
          expect(rateSum(score(transcripts, predictions))).toBeCloseTo(1, 10);
        }),
      );
    // Assess
    expect(check).not.toThrow();
  });

  it("measures trigger accuracy only among on-time handoffs", () => {
    // Prepare
    const transcripts = [
      labeled("right", 3, "buying_intent"),
      labeled("wrong", 3, "qualified"),
      labeled("late-but-right", 3, "customer_request"),
      labeled("early-but-right", 9, "complex"),
      labeled("no-handoff", null),
    ];
    const predictions = [
      prediction(3, "buying_intent"),
      prediction(4, "complex"),
      prediction(11, "customer_request"),
      prediction(1, "complex"),
      prediction(null),
    ];
    // Act
    const scores = score(transcripts, predictions);
    // Assess
    expect(scores.triggerAccuracy).toBeCloseTo(1 / 2);
  });

  it("scores slot precision, recall and F1 on the final slot values", () => {
    // Prepare
    const transcripts = [
      labeled("a", null, null, { budget: "50000", timeline: "within_quarter", authority: "joint" }),
      labeled("b", null, null, { budget: "20000-30000" }),
    ];
    const predictions = [
      prediction(null, null, { budget: "50000", timeline: "within_6_months", need: "cut_costs" }),
      prediction(null, null, { budget: "20000-30000" }),
    ];
    // Act
    const scores = score(transcripts, predictions);
    // Assess
    // 2 right of 4 predicted and of 4 gold values.
    expect(scores.slotPrecision).toBeCloseTo(2 / 4);
    expect(scores.slotRecall).toBeCloseTo(2 / 4);
    expect(scores.slotF1).toBeCloseTo(2 / 4);
  });

  it("gives a perfect slot F1 when every final value matches", () => {
    // Prepare
    const slots = {
      budget: "500/mo",
      authority: "decision_maker",
      need: "call_recording",
      timeline: "later",
    };
    const transcripts = [labeled("a", null, null, slots)];
    const predictions = [prediction(null, null, { ...slots })];
    // Act
    const scores = score(transcripts, predictions);
    // Assess
    expect(scores.slotPrecision).toBe(1);
    expect(scores.slotRecall).toBe(1);
    expect(scores.slotF1).toBe(1);
  });
});

describe("baselines", () => {
  it('the keyword baseline fires on the first customer turn that says "agent"', () => {
    // Prepare
    const transcript = Transcript.parse({
      id: "kw",
      turns: [
        { speaker: "ai", text: "Would you like an agent to call you?" },
        { speaker: "customer", text: "Not yet, tell me more." },
        { speaker: "ai", text: "Sure." },
        { speaker: "customer", text: "Actually, get me an agent." },
        { speaker: "ai", text: "One moment." },
        { speaker: "customer", text: "Agent!" },
      ],
    });
    // Act
    const result = keywordPredictor(transcript, defaultCampaign);
    // Assess
    expect(result).toEqual({ turn: 3, trigger: "customer_request", slots: {} });
  });

  it("the keyword baseline stays quiet without its words", () => {
    // Prepare
    const transcript = Transcript.parse({
      id: "kw-none",
      turns: [
        { speaker: "ai", text: "Hi there." },
        { speaker: "customer", text: "How much does it cost?" },
      ],
    });
    // Act
    const result = keywordPredictor(transcript, defaultCampaign);
    // Assess
    expect(result).toEqual({ turn: null, trigger: null, slots: {} });
  });

  it("the qualified-only baseline fires on the turn the last required slot is filled", () => {
    // Prepare
    const transcript = Transcript.parse({
      id: "qo",
      turns: [
        { speaker: "ai", text: "What's the main thing you'd want a new phone system to fix for you?" },
        { speaker: "customer", text: "We need call recording for compliance." },
        { speaker: "ai", text: "Roughly what budget have you set aside?" },
        { speaker: "customer", text: "About 30k a year." },
        { speaker: "ai", text: "Who else would be involved in making this decision?" },
        { speaker: "customer", text: "It's my call, I own the company." },
        { speaker: "ai", text: "When would you want it up and running?" },
        { speaker: "customer", text: "Within 2 months." },
      ],
    });
    // Act
    const result = qualifiedOnlyPredictor(transcript, defaultCampaign);
    // Assess
    expect(result.turn).toBe(7);
    expect(result.trigger).toBe("qualified");
    expect(result.slots).toEqual({
      need: "call_recording",
      budget: "30000/yr",
      authority: "decision_maker",
      timeline: "within_quarter",
    });
  });
});

describe("evaluate", () => {
  it("scores only labeled conversations, for the engine and both baselines", () => {
    // Prepare
    const unlabeled = Transcript.parse({
      id: "unlabeled",
      turns: [
        { speaker: "ai", text: "Hi." },
        { speaker: "customer", text: "Agent." },
      ],
    });
    const request = Transcript.parse({
      id: "request",
      turns: [
        { speaker: "ai", text: "Hi, do you have a minute?" },
        { speaker: "customer", text: "Can I talk to a real person please?" },
      ],
      labels: { handoffTurn: 1, trigger: "customer_request", slots: {} },
    });
    const quiet = labeled("quiet", null);
    // Act
    const report = evaluate([unlabeled, request, quiet], () => defaultCampaign);
    // Assess
    expect(report.conversations).toBe(2);
    expect(rateSum(report.engine)).toBeCloseTo(1, 10);
    expect(rateSum(report.baselines.keyword)).toBeCloseTo(1, 10);
    expect(rateSum(report.baselines.qualifiedOnly)).toBeCloseTo(1, 10);
    expect(report.baselines.keyword.onTime).toBe(1);
  });

  it("tallies the engine's slots so that their precision and recall are the scores'", () => {
    // Prepare
    const answered = Transcript.parse({
      id: "answered",
      turns: [
        { speaker: "ai", text: "Roughly what budget have you set aside for a new phone system?" },
        { speaker: "customer", text: "About 500 a month." },
        { speaker: "ai", text: "Who else would be involved in making this decision?" },
        { speaker: "customer", text: "Just me, I own the company." },
      ],
      labels: { handoffTurn: null, trigger: null, slots: { budget: "500/mo", timeline: "within_quarter" } },
    });
    // Act
    const report = evaluate([answered], () => defaultCampaign);
    // Assess
    const tallies = Object.values(report.slots.bySlot);
    const sum = (pick: (t: (typeof tallies)[number]) => number) => tallies.reduce((n, t) => n + pick(t), 0);
    const right = sum((t) => t.right);
    expect(right / sum((t) => t.right + t.wrong + t.extra)).toBeCloseTo(report.engine.slotPrecision, 10);
    expect(right / sum((t) => t.right + t.wrong + t.missed)).toBeCloseTo(report.engine.slotRecall, 10);
    expect(report.slots.bySlot.timeline).toEqual({ right: 0, wrong: 0, missed: 1, extra: 0 });
  });
});
