import { READER_LABELS, type ReaderLabel, type ReaderScores } from "../../functions/domain/reader/labels.js";
import type { TurnReader } from "../../functions/domain/reader/turn-reader.js";

/** A reader that reports the labels a test names for each text (0.9), and nothing else (0.02). */
export function fixedReader(labelsOf: (text: string) => readonly ReaderLabel[]): TurnReader {
  return {
    version: "fixed",
    read: ({ text }) => {
      const fired = labelsOf(text);
      return Object.fromEntries(
        READER_LABELS.map((label) => [label, fired.includes(label) ? 0.9 : 0.02]),
      ) as ReaderScores;
    },
  };
}

/** A reader that reports the scores a test gives for each text, and 0.02 for every other label. */
export function scoredReader(scoresOf: (text: string) => Partial<Record<ReaderLabel, number>>): TurnReader {
  return {
    version: "scored",
    read: ({ text }) => {
      const given = scoresOf(text);
      return Object.fromEntries(READER_LABELS.map((label) => [label, given[label] ?? 0.02])) as ReaderScores;
    },
  };
}
