import type { Campaign } from "../../contracts/campaign.js";
import type { Transcript } from "../../contracts/transcript.js";
import { compileCampaign } from "./compiled-campaign.js";
import { processCustomerTurn, recordLine, startContact } from "./engine.js";
import { missingRequired } from "./qualification.js";
import type { TurnReader } from "./reader/turn-reader.js";
import { replayTranscript } from "./replay.js";
import { type SlotComparison, type SlotErrors, type SlotTally, slotErrors } from "./slot-errors.js";
import type { CategoryValueReader } from "./slots/category-values.js";
import type { SpellingVocabulary } from "./spelling.js";

export type Timing = "onTime" | "early" | "late" | "missed" | "false";

export interface Prediction {
  turn: number | null;
  trigger: string | null;
  slots: Record<string, string>;
}

export interface Scores {
  onTime: number;
  early: number;
  late: number;
  missed: number;
  false: number;
  triggerAccuracy: number;
  slotF1: number;
  slotPrecision: number;
  slotRecall: number;
}

export interface EvaluationReport {
  conversations: number;
  engine: Scores;
  baselines: { keyword: Scores; qualifiedOnly: Scores };
  /** Conversations whose engine timing was not on time, for reading. */
  misses: Array<{
    id: string;
    timing: Timing;
    gold: number | null;
    predicted: number | null;
    goldTrigger: string | null;
    trigger: string | null;
  }>;
  /** The engine's slots against the labels, slot by slot, and each conversation's wrong, missed or extra value. */
  slots: SlotErrors;
}

/**
 * Gold turn k, first predicted handoff p: on time when k <= p <= k+1 (or both absent), early when p < k,
 * late when p > k+1, missed when k is set and p absent, false when k is null and p set. The five rates
 * partition the labeled conversations.
 */
export function classifyTiming(gold: number | null, predicted: number | null): Timing {
  if (gold === null) return predicted === null ? "onTime" : "false";
  if (predicted === null) return "missed";
  if (predicted < gold) return "early";
  return predicted <= gold + 1 ? "onTime" : "late";
}

export type Predictor = (transcript: Transcript, campaign: Campaign) => Prediction;

export const enginePredictor =
  (
    reader?: TurnReader,
    spelling?: SpellingVocabulary,
    categoryValues?: CategoryValueReader | null,
  ): Predictor =>
  (transcript, campaign) => {
    const result = replayTranscript(transcript, campaign, reader, spelling, categoryValues);
    return {
      turn: result.firstHandoff?.turn ?? null,
      trigger: result.firstHandoff?.trigger ?? null,
      slots: Object.fromEntries(
        Object.entries(result.finalState.slots).map(([name, slot]) => [name, slot.value]),
      ),
    };
  };

const KEYWORD = /\b(?:agent|human|person|representative)\b/i;

/** Baseline: hand off when the customer says agent/human/person/representative. */
export const keywordPredictor: Predictor = (transcript) => {
  const turn = transcript.turns.findIndex((t) => t.speaker === "customer" && KEYWORD.test(t.text));
  return { turn: turn < 0 ? null : turn, trigger: turn < 0 ? null : "customer_request", slots: {} };
};

/** Baseline: hand off when all required slots are filled (same slot reader as the engine). */
export const qualifiedOnlyPredictor: Predictor = (transcript, campaign) => {
  const compiled = compileCampaign(campaign);
  let state = startContact({
    contactId: transcript.id,
    campaignId: campaign.id,
    callDate: transcript.callDate,
  });
  let turn: number | null = null;
  for (const [index, t] of transcript.turns.entries()) {
    if (t.speaker !== "customer") {
      state = recordLine(state, t.speaker, t.text, campaign);
      continue;
    }
    state = processCustomerTurn(state, { text: t.text }, campaign).state;
    if (turn === null && missingRequired(compiled, state.slots).length === 0) turn = index;
  }
  const slots = Object.fromEntries(Object.entries(state.slots).map(([name, slot]) => [name, slot.value]));
  return { turn, trigger: turn === null ? null : "qualified", slots };
};

export function normaliseSlotValue(value: string): string {
  return value
    .toLowerCase()
    .replace(/[\s$,]/g, "")
    .replace(/usd$/, "");
}

export function score(
  transcripts: readonly Transcript[],
  predictions: readonly Prediction[],
): Scores & { timings: Timing[]; slots: SlotErrors } {
  const counts: Record<Timing, number> = { onTime: 0, early: 0, late: 0, missed: 0, false: 0 };
  const timings: Timing[] = [];
  const comparisons: SlotComparison[] = [];
  let onTimeHandoffs = 0;
  let rightTrigger = 0;
  transcripts.forEach((transcript, index) => {
    const prediction = predictions[index];
    const labels = transcript.labels;
    if (!prediction || !labels) return;
    const timing = classifyTiming(labels.handoffTurn, prediction.turn);
    counts[timing] += 1;
    timings.push(timing);
    if (timing === "onTime" && labels.handoffTurn !== null) {
      onTimeHandoffs += 1;
      if (prediction.trigger === labels.trigger) rightTrigger += 1;
    }
    comparisons.push({ id: transcript.id, gold: labels.slots ?? {}, predicted: prediction.slots });
  });
  const slots = slotErrors(
    comparisons,
    (gold, predicted) => normaliseSlotValue(gold) === normaliseSlotValue(predicted),
  );
  const tallies = Object.values(slots.bySlot);
  const total = (pick: (tally: SlotTally) => number) => tallies.reduce((sum, tally) => sum + pick(tally), 0);
  const truePositive = total((tally) => tally.right);
  const predictedCount = total((tally) => tally.right + tally.wrong + tally.extra);
  const goldCount = total((tally) => tally.right + tally.wrong + tally.missed);
  const n = timings.length || 1;
  const precision = predictedCount === 0 ? 0 : truePositive / predictedCount;
  const recall = goldCount === 0 ? 0 : truePositive / goldCount;
  return {
    onTime: counts.onTime / n,
    early: counts.early / n,
    late: counts.late / n,
    missed: counts.missed / n,
    false: counts.false / n,
    triggerAccuracy: onTimeHandoffs === 0 ? 0 : rightTrigger / onTimeHandoffs,
    slotPrecision: precision,
    slotRecall: recall,
    slotF1: precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall),
    timings,
    slots,
  };
}

/** Scores the engine and both baselines on the same labeled conversations. */
export function evaluate(
  transcripts: readonly Transcript[],
  campaignFor: (id: string) => Campaign,
  reader?: TurnReader,
  spelling?: SpellingVocabulary,
): EvaluationReport {
  const labeled = transcripts.filter((transcript) => transcript.labels !== undefined);
  const run = (predictor: Predictor) => labeled.map((t) => predictor(t, campaignFor(t.campaign)));
  const enginePredictions = run(enginePredictor(reader, spelling));
  const { timings, slots, ...engine } = score(labeled, enginePredictions);
  const { timings: _k, slots: _ks, ...keyword } = score(labeled, run(keywordPredictor));
  const { timings: _q, slots: _qs, ...qualifiedOnly } = score(labeled, run(qualifiedOnlyPredictor));
  const misses = labeled.flatMap((transcript, index) => {
    const timing = timings[index];
    const prediction = enginePredictions[index];
    if (!timing || !prediction || timing === "onTime") return [];
    return [
      {
        id: transcript.id,
        timing,
        gold: transcript.labels?.handoffTurn ?? null,
        predicted: prediction.turn,
        goldTrigger: transcript.labels?.trigger ?? null,
        trigger: prediction.trigger,
      },
    ];
  });
  return { conversations: labeled.length, engine, baselines: { keyword, qualifiedOnly }, misses, slots };
}
