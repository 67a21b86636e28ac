import { describe, expect, it } from "vitest";
import { ByteLaneSums } from "../../functions/domain/reader/byte-lane-sums.js";

/** Rows of int8 weights as the weights file lays them out: four a word, the first the lowest byte (x86, arm64). */
function rowsOf(weights: number[][]): Int32Array {
  const bytes = new Int8Array(weights.flat());
  return new Int32Array(bytes.buffer);
}

/** The plain sums: each block's rows added unit by unit. */
function expectedSums(weights: number[][], blockOf: number[], blocks: number, units: number): number[] {
  const sums = new Array<number>(blocks * units).fill(0);
  weights.forEach((row, r) => {
    row.forEach((weight, u) => {
      const at = (blockOf[r] as number) * units + u;
      sums[at] = (sums[at] as number) + weight;
    });
  });
  return sums;
}

describe("byte lane sums", () => {
  it("sums rows into their blocks exactly, the extremes of int8 included", () => {
    // Prepare
    const units = 8;
    const weights = [
      [-128, 127, 0, -1, 1, -128, 127, 5],
      [127, 127, 127, 127, -128, -128, -128, -128],
      [3, -7, 11, -13, 17, -19, 23, -29],
    ];
    const blockOf = [1, 0, 1];
    const sums = new Int32Array(2 * units);
    const lanes = new ByteLaneSums();
    const words = rowsOf(weights);

    // Act
    lanes.reset(2, units / 4);
    weights.forEach((_, r) => {
      lanes.add(words, r * (units / 4), blockOf[r] as number, sums);
    });
    lanes.finish(sums);

    // Assess
    expect(Array.from(sums)).toEqual(expectedSums(weights, blockOf, 2, units));
  });

  it("stays exact past the rows a lane holds, where the sums carry over into the next lane otherwise", () => {
    // Prepare: 1,000 rows of the largest weight into one block, 700 of the smallest into another.
    const units = 4;
    const weights = [
      ...Array.from({ length: 1000 }, () => [127, 127, 127, 127]),
      ...Array.from({ length: 700 }, () => [-128, -128, -128, -128]),
    ];
    const blockOf = weights.map((_, r) => (r < 1000 ? 0 : 1));
    const sums = new Int32Array(2 * units);
    const lanes = new ByteLaneSums();
    const words = rowsOf(weights);

    // Act
    lanes.reset(2, 1);
    weights.forEach((_, r) => {
      lanes.add(words, r, blockOf[r] as number, sums);
    });
    lanes.finish(sums);

    // Assess
    expect(Array.from(sums)).toEqual([
      127_000, 127_000, 127_000, 127_000, -89_600, -89_600, -89_600, -89_600,
    ]);
  });

  it("starts empty after a reset, whatever was left from the turn before", () => {
    // Prepare
    const words = rowsOf([[9, 9, 9, 9]]);
    const lanes = new ByteLaneSums();
    lanes.reset(1, 1);
    lanes.add(words, 0, 0, new Int32Array(4));
    const sums = new Int32Array(4);

    // Act
    lanes.reset(1, 1);
    lanes.finish(sums);

    // Assess
    expect(Array.from(sums)).toEqual([0, 0, 0, 0]);
  });
});
