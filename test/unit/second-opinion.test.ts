import { describe, expect, it } from "vitest";
import { READER_LABELS, type ReaderScores } from "../../functions/domain/reader/labels.js";
import {
  isUncertain,
  readingKey,
  replayedSecondOpinion,
  withSecondOpinion,
} from "../../functions/domain/reader/second-opinion.js";
import type { TurnReader } from "../../functions/domain/reader/turn-reader.js";

const scores = (overrides: Partial<ReaderScores> = {}): ReaderScores => ({
  ...(Object.fromEntries(READER_LABELS.map((label) => [label, 0.01])) as ReaderScores),
  ...overrides,
});

describe("second opinion", () => {
  it("averages only the labels the local reader was unsure of", () => {
    // Prepare
    const local = scores({ person_request: 0.5, negative: 0.9 });
    const second = scores({ person_request: 0.9, negative: 0.1 });
    // Act
    const merged = withSecondOpinion(local, second);
    // Assess
    expect(merged.person_request).toBeCloseTo(0.7);
    expect(merged.negative).toBe(0.9);
  });

  it("keeps the local reading when there is no second opinion", () => {
    // Prepare
    const local = scores({ quote_request: 0.6 });
    // Act
    const merged = withSecondOpinion(local, null);
    // Assess
    expect(merged).toEqual(local);
  });

  it("replays a recorded reading only for uncertain turns", () => {
    // Prepare
    const local: TurnReader = {
      version: "fixed",
      read: (input) => (input.text === "unsure" ? scores({ buy_now: 0.4 }) : scores({ buy_now: 0.95 })),
    };
    const recorded = new Map([
      [readingKey({ text: "unsure", aiLine: "Ready?" }), scores({ buy_now: 1 })],
      [readingKey({ text: "sure", aiLine: "Ready?" }), scores({ buy_now: 0 })],
    ]);
    const reader = replayedSecondOpinion(local, recorded);
    // Act
    const unsure = reader.read({ text: "unsure", aiLine: "Ready?" });
    const sure = reader.read({ text: "sure", aiLine: "Ready?" });
    // Assess
    expect(isUncertain(scores({ buy_now: 0.4 }))).toBe(true);
    expect(unsure.buy_now).toBeCloseTo(0.7);
    expect(sure.buy_now).toBe(0.95);
  });
});
