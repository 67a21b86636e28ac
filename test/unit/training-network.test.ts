import { describe, expect, it } from "vitest";
import { LexSignal } from "../../contracts/campaign.js";
import { READER_LABELS } from "../../functions/domain/reader/labels.js";
import type { Example } from "../../train/examples.js";
import { freshSource } from "../../train/fresh-sets.js";
import { annotatedLabels, vocabularyOf } from "../../train/network.js";

const turn = (text: string): Example => ({ text, labels: [], source: "authored", split: "train" });

describe("which labels a training turn teaches", () => {
  it("reads a fresh set's call turn for the request labels only", () => {
    // Prepare: a turn before a gold handoff says nothing of objections, tone or who decides.
    const source = `${freshSource("dev-h")}h1-001:3`;
    // Act
    const taught = annotatedLabels({ source });
    // Assess
    expect([...taught].sort()).toEqual([...LexSignal.options].sort());
  });

  it("reads a fresh turn annotators read for the labels they agreed on, and the request labels", () => {
    // Prepare
    const turn = {
      source: `${freshSource("dev-h")}h1-001:5`,
      annotated: new Set([...LexSignal.options, "sarcasm", "objection_price"] as const),
    };
    // Act
    const taught = annotatedLabels(turn);
    // Assess
    expect([...taught].sort()).toEqual([...LexSignal.options, "objection_price", "sarcasm"].sort());
  });

  it("reads the authored turns for every label", () => {
    // Prepare
    const source = "authored";
    // Act
    const taught = annotatedLabels({ source });
    // Assess
    expect(taught.size).toBe(READER_LABELS.length);
  });
});

describe("the feature rows", () => {
  it("keeps the most frequent features when more are frequent enough than fit", () => {
    // Prepare: "price" in every turn, "quote" in three, "plan" and "seats" in two.
    const examples = [
      turn("price quote plan"),
      turn("price quote seats"),
      turn("price quote plan seats"),
      turn("price"),
    ];
    const all = vocabularyOf(examples, 2);
    // Act
    const capped = vocabularyOf(examples, 2, all.size - 2);
    // Assess: every feature kept is as frequent as any left out.
    const count = (hash: number) => examples.filter((example) => vocabularyOf([example], 1).has(hash)).length;
    const kept = [...capped.keys()];
    const dropped = [...all.keys()].filter((hash) => !capped.has(hash));
    expect(kept).toHaveLength(all.size - 2);
    expect(Math.min(...kept.map(count))).toBeGreaterThanOrEqual(Math.max(...dropped.map(count)));
    expect([...capped.values()].sort((a, b) => a - b)).toEqual(kept.map((_, row) => row));
  });

  it("gives the same rows to the same data", () => {
    // Prepare
    const examples = [turn("we need ten seats"), turn("we need a quote"), turn("need seats")];
    // Act
    const first = vocabularyOf(examples, 1, 5);
    const second = vocabularyOf([...examples].reverse(), 1, 5);
    // Assess
    expect([...second]).toEqual([...first]);
  });
});
