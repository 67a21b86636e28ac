import { ReaderThresholds } from "../contracts/campaign.js";
import { READER_LABELS, type ReaderLabel, type ReaderScores } from "../functions/domain/reader/labels.js";
import { scoreTurn, type TurnReaderModel } from "../functions/domain/reader/model.js";
import type { Example } from "./examples.js";

/** The probability from which a campaign with default thresholds hands off on a buying or person signal. */
export const DEFAULT_HANDOFF_THRESHOLD = ReaderThresholds.parse({}).buyingIntent;

export interface LabelFigures {
  precision: number;
  recall: number;
  f1: number;
  support: number;
}

const round = (x: number) => Math.round(x * 10_000) / 10_000;

/**
 * Precision, recall and F1 per label at `threshold` (0.5 for the recorded figures), rounded so the
 * recorded figures reproduce exactly.
 */
export function labelFigures(
  model: TurnReaderModel,
  examples: readonly Example[],
  threshold = 0.5,
  labeledFor?: (example: Example) => ReadonlySet<ReaderLabel>,
): Record<ReaderLabel, LabelFigures> {
  return labelFiguresOf(
    (example) => scoreTurn(model, { text: example.text, aiLine: example.ai }),
    examples,
    threshold,
    labeledFor,
  );
}

/** Precision, recall and F1 per label at `threshold` for any way of scoring a turn. */
export function labelFiguresOf(
  score: (example: Example) => ReaderScores,
  examples: readonly Example[],
  threshold = 0.5,
  /** The labels each turn was labeled for (default: all): a label counts only on turns labeled for it. */
  labeledFor?: (example: Example) => ReadonlySet<ReaderLabel>,
): Record<ReaderLabel, LabelFigures> {
  const counts = READER_LABELS.map(() => ({ tp: 0, fp: 0, fn: 0 }));
  for (const example of examples) {
    const scores = score(example);
    const labeled = labeledFor?.(example);
    for (const [l, label] of READER_LABELS.entries()) {
      if (labeled && !labeled.has(label)) continue;
      const predicted = scores[label] >= threshold;
      const actual = example.labels.includes(label);
      const count = counts[l] as { tp: number; fp: number; fn: number };
      if (predicted && actual) count.tp++;
      else if (predicted) count.fp++;
      else if (actual) count.fn++;
    }
  }
  const figures = {} as Record<ReaderLabel, LabelFigures>;
  for (const [l, label] of READER_LABELS.entries()) {
    const { tp, fp, fn } = counts[l] as { tp: number; fp: number; fn: number };
    const precision = tp + fp === 0 ? 1 : tp / (tp + fp);
    const recall = tp + fn === 0 ? 1 : tp / (tp + fn);
    const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
    figures[label] = { precision: round(precision), recall: round(recall), f1: round(f1), support: tp + fn };
  }
  return figures;
}

export const BUYING_LABELS: readonly ReaderLabel[] = [
  "buy_now",
  "price_request",
  "quote_request",
  "contract_request",
  "enroll_request",
];

/**
 * Buying-request recall, and how often a service request (no label) would be read as a handoff, at the
 * campaigns' default threshold for a handoff signal unless told another.
 */
export function intentFigures(
  read: (example: Example) => ReaderScores,
  examples: readonly Example[],
  threshold = DEFAULT_HANDOFF_THRESHOLD,
): { buyingRecall: number; buying: number; serviceFalseHandoff: number; service: number } {
  let buying = 0;
  let found = 0;
  let service = 0;
  let falseHandoffs = 0;
  for (const example of examples) {
    const scores = read(example);
    const fires =
      BUYING_LABELS.some((label) => scores[label] >= threshold) || scores.person_request >= threshold;
    if (example.labels.some((label) => BUYING_LABELS.includes(label))) {
      buying++;
      if (BUYING_LABELS.some((label) => scores[label] >= threshold)) found++;
    } else if (example.labels.length === 0) {
      service++;
      if (fires) falseHandoffs++;
    }
  }
  return {
    buyingRecall: buying === 0 ? 1 : found / buying,
    buying,
    serviceFalseHandoff: service === 0 ? 0 : falseHandoffs / service,
    service,
  };
}
