import { READER_LABELS, type ReaderScores, SIGNAL_LABELS } from "./labels.js";
import type { TurnReader } from "./turn-reader.js";

/** Probabilities in this band are the turns where a second reader is worth its latency. */
export interface UncertainBand {
  low: number;
  high: number;
}

export const DEFAULT_UNCERTAIN_BAND: UncertainBand = { low: 0.25, high: 0.75 };

/** Unsure of a signal the policy acts on: who decides alone is not worth a second reader's latency. */
export function isUncertain(scores: ReaderScores, band: UncertainBand = DEFAULT_UNCERTAIN_BAND): boolean {
  return SIGNAL_LABELS.some((label) => scores[label] > band.low && scores[label] < band.high);
}

/**
 * The second reader decides only where the first was unsure: a confident local reading stands, an
 * uncertain one is averaged with the second opinion. No second opinion: the local reading stands.
 */
export function withSecondOpinion(
  local: ReaderScores,
  second: ReaderScores | null,
  band: UncertainBand = DEFAULT_UNCERTAIN_BAND,
): ReaderScores {
  if (!second) return local;
  const merged = { ...local };
  for (const label of READER_LABELS) {
    if (local[label] > band.low && local[label] < band.high)
      merged[label] = (local[label] + second[label]) / 2;
  }
  return merged;
}

/**
 * A reader that answers a reading already made: how a turn read before the engine runs reaches it. Any
 * other text (a sentence of the turn, read for its quote) goes to `local`.
 */
export function settledReader(
  settled: { text: string; scores: ReaderScores },
  version: string,
  local: TurnReader,
): TurnReader {
  return {
    version,
    read: (input) => (input.text === settled.text ? settled.scores : local.read(input)),
  };
}

/** A second opinion recorded earlier (or by a run with credentials), keyed by the AI line and the turn. */
export type RecordedReadings = ReadonlyMap<string, ReaderScores>;

export function readingKey(input: { text: string; aiLine?: string | undefined }): string {
  return `${input.aiLine ?? ""}\u0000${input.text}`;
}

/** The local reader with recorded second opinions replayed: how the Bedrock reader is scored offline. */
export function replayedSecondOpinion(local: TurnReader, recorded: RecordedReadings): TurnReader {
  return {
    version: `${local.version}+recorded`,
    read(input) {
      const scores = local.read(input);
      return isUncertain(scores)
        ? withSecondOpinion(scores, recorded.get(readingKey(input)) ?? null)
        : scores;
    },
  };
}
