import { describe, expect, it } from "vitest";
import { FeatureRows } from "../../functions/domain/reader/model.js";

function table(rows: number, width: number) {
  const hashes = Array.from(
    { length: rows },
    (_, row) => (Math.imul(row + 1, 0x85ebca6b) ^ (row << 7)) >>> 0,
  );
  const weights = Int8Array.from({ length: rows * width }, (_, i) => ((i * 37) % 255) - 127);
  return { hashes, weights };
}

describe("feature rows", () => {
  it("finds every row's weights and no row for an unseen feature, before and after warming", () => {
    // Prepare
    const width = 20;
    const { hashes, weights } = table(3000, width);
    const rows = new FeatureRows(hashes, weights, width);
    const unseen = 0x12345678;

    // Act
    const before = hashes.map((hash) => rows.weightsAt(hash));
    rows.warm(Int32Array.from([...hashes, unseen]), hashes.length + 1);
    const after = hashes.map((hash) => rows.weightsAt(hash));

    // Assess
    expect(after).toEqual(before);
    hashes.forEach((_, row) => {
      const base = after[row] as number;
      expect(Array.from(rows.packed.subarray(base, base + width))).toEqual(
        Array.from(weights.subarray(row * width, row * width + width)),
      );
    });
    expect(rows.weightsAt(unseen)).toBe(-1);
    expect(rows.entries()).toEqual(hashes.map((hash, row) => [hash, row]));
  });

  it("keeps a row's weights inside one 64-byte cache line", () => {
    // Prepare
    const width = 20;
    const { hashes, weights } = table(500, width);

    // Act
    const rows = new FeatureRows(hashes, weights, width);
    const lines = hashes.map((hash) => {
      const base = rows.weightsAt(hash);
      return [Math.floor(base / 64), Math.floor((base + width - 1) / 64)];
    });

    // Assess
    for (const [first, last] of lines) expect(last).toBe(first);
  });

  it("holds labels that do not fill a whole word", () => {
    // Prepare
    const width = 7;
    const { hashes, weights } = table(100, width);

    // Act
    const rows = new FeatureRows(hashes, weights, width);
    const base = rows.weightsAt(hashes[41] as number);

    // Assess
    expect(Array.from(rows.packed.subarray(base, base + width))).toEqual(
      Array.from(weights.subarray(41 * width, 42 * width)),
    );
  });
});
