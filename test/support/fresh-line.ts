import type { TurnLine } from "../../train/fresh-annotations.js";

/** A line of data/corpus/fresh-set-turns.jsonl for customer turn `turn` of call `call` in set dev-z. */
export const freshLineOf = (call: string, turn: number, overrides: Partial<TurnLine> = {}): TurnLine => ({
  text: "text",
  labels: [],
  source: `fresh:dev-z:${call}:${turn}`,
  split: "train",
  ...overrides,
});
