import { describe, expect, it } from "vitest";
import { FRESH_FOLDS, FRESH_LOOK_SETS, FRESH_SOURCE, freshSource } from "../../train/fresh-sets.js";

describe("the fresh sets' folds", () => {
  it("puts every fresh set in exactly one of five folds, of sizes that differ by one at most", () => {
    // Prepare
    const sets = [...FRESH_LOOK_SETS].sort();
    // Act
    const folded = FRESH_FOLDS.flat().sort();
    // Assess
    expect(folded).toEqual(sets);
    const sizes = FRESH_FOLDS.map((fold) => fold.length);
    expect(sizes).toHaveLength(5);
    expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
  });

  it("names one set's turns so that no other set's share the prefix", () => {
    // Prepare
    const source = `${freshSource("dev-a")}a1-001:3`;
    // Act
    const others = FRESH_LOOK_SETS.filter((set) => source.startsWith(freshSource(set)));
    // Assess: dev-a is no fresh set, and dev-aa's prefix does not take dev-a's turns.
    expect(source.startsWith(FRESH_SOURCE)).toBe(true);
    expect(others).toEqual([]);
  });
});
