import { describe, expect, it } from "vitest";
import { FeatureRows } from "../../functions/domain/reader/feature-rows.js";
import { featurizeTurn } from "../../functions/domain/reader/features.js";
import { READER_LABELS } from "../../functions/domain/reader/labels.js";
import { marginsOf, type TurnReaderModel } from "../../functions/domain/reader/model.js";
import { REMEMBERED_LETTERS } from "../../functions/domain/reader/word-sums.js";

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
    const rows = FeatureRows.fromRows(hashes, weights, width);
    const unseen = 0x12345678;

    // Act
    const before = hashes.map((hash) => rows.weightsAt(hash));
    rows.warm(Int32Array.from([...hashes, unseen]), hashes.length + 1);
    const after = hashes.map((hash) => rows.weightsAt(hash));

    // Assess
    expect(after).toEqual(before);
    hashes.forEach((hash, row) => {
      expect(Array.from(rows.weightsOf(hash) ?? [])).toEqual(
        Array.from(weights.subarray(row * width, row * width + width)),
      );
    });
    expect(rows.weightsAt(unseen)).toBe(-1);
    expect(rows.weightsOf(unseen)).toBeUndefined();
  });

  it("reads its own file in place, with every row where it was", () => {
    // Prepare
    const width = 20;
    const { hashes, weights } = table(3000, width);
    const rows = FeatureRows.fromRows(hashes, weights, width);
    const file = rows.fileBytes();

    // Act
    const read = FeatureRows.fromFile(file, hashes.length, width, rows.buckets);

    // Assess
    expect(read.inPlace).toBe(true);
    expect(read.packed.buffer).toBe(file.buffer);
    expect(read.fileBytes()).toEqual(file);
    expect(() => read.verify()).not.toThrow();
    hashes.forEach((hash, row) => {
      expect(Array.from(read.weightsOf(hash) ?? [])).toEqual(
        Array.from(weights.subarray(row * width, row * width + width)),
      );
    });
  });

  it("copies records it cannot read in place (not word-aligned) and finds the same rows", () => {
    // Prepare
    const width = 20;
    const { hashes, weights } = table(500, width);
    const rows = FeatureRows.fromRows(hashes, weights, width);
    const file = rows.fileBytes();
    const shifted = new Uint8Array(file.length + 1).subarray(1);
    shifted.set(file);

    // Act
    const read = FeatureRows.fromFile(shifted, hashes.length, width, rows.buckets);

    // Assess
    expect(read.inPlace).toBe(false);
    expect(read.fileBytes()).toEqual(file);
    expect(hashes.map((hash) => Array.from(read.weightsOf(hash) ?? []))).toEqual(
      hashes.map((_, row) => Array.from(weights.subarray(row * width, row * width + width))),
    );
  });

  it("finds records out of bucket order when verified, and refuses a file of the wrong size or bucket count", () => {
    // Prepare
    const width = 20;
    const { hashes, weights } = table(100, width);
    const rows = FeatureRows.fromRows(hashes, weights, width);
    const file = rows.fileBytes();
    const firstRecord = (rows.buckets + 1) * 4;
    const swapped = Uint8Array.from(file);
    swapped.set(file.subarray(firstRecord, firstRecord + 24), firstRecord + 24);
    swapped.set(file.subarray(firstRecord + 24, firstRecord + 48), firstRecord);

    // Act
    const outOfOrder = () => FeatureRows.fromFile(swapped, hashes.length, width, rows.buckets).verify();
    const torn = () =>
      FeatureRows.fromFile(file.subarray(0, file.length - 1), hashes.length, width, rows.buckets);
    const otherBuckets = () => FeatureRows.fromFile(file, hashes.length, width, rows.buckets * 2);

    // Assess
    expect(outOfOrder).toThrow(/record 1 is out of bucket order/);
    expect(torn).toThrow(RangeError);
    expect(otherBuckets).toThrow(RangeError);
  });

  it("finds a bucket start that is not where its bucket starts when verified", () => {
    // Prepare
    const width = 20;
    const { hashes, weights } = table(300, width);
    const rows = FeatureRows.fromRows(hashes, weights, width);
    const file = rows.fileBytes();
    const view = new DataView(file.buffer);
    // A start in the middle of the index, moved one record on (the ends still span the records).
    const bucket = rows.buckets / 2;
    view.setUint32(bucket * 4, view.getUint32(bucket * 4, true) + 1, true);

    // Act
    const verify = () => FeatureRows.fromFile(file, hashes.length, width, rows.buckets).verify();

    // Assess
    expect(verify).toThrow(new RegExp(`bucket ${bucket} starts at record`));
  });

  it("holds labels that do not fill a whole word", () => {
    // Prepare
    const width = 7;
    const { hashes, weights } = table(100, width);

    // Act
    const rows = FeatureRows.fromRows(hashes, weights, width);
    const base = rows.weightsAt(hashes[41] as number);

    // Assess
    expect(Array.from(rows.packed.subarray(base, base + width))).toEqual(
      Array.from(weights.subarray(41 * width, 42 * width)),
    );
    expect(rows.size).toBe(hashes.length);
    expect(Array.from(hashes).every((hash) => rows.weightsAt(hash) >= 0)).toBe(true);
  });
});

describe("margins over feature rows", () => {
  /** The margins read the plain way: a Map of rows, byte by byte, unit by unit. */
  function plainMargins(model: TurnReaderModel, text: string): number[] {
    const hidden = model.inputScale.length;
    const sums = new Array<number>(hidden).fill(0);
    for (const hash of featurizeTurn({ text }).features) {
      const row = model.rows.weightsOf(hash);
      if (row === undefined) continue;
      for (let u = 0; u < hidden; u++) sums[u] = (sums[u] as number) + (row[u] as number);
    }
    return model.labels.map((_, l) =>
      sums.reduce((margin, sum, u) => {
        const activation = Math.max(
          0,
          (model.hiddenBias[u] as number) + (model.inputScale[u] as number) * sum,
        );
        return margin + activation * (model.output[u * model.labels.length + l] as number);
      }, model.outputBias[l] as number),
    );
  }

  it("sums a hidden width that is not a multiple of four through the rectified units, short turns and long", () => {
    // Prepare
    const hidden = 7;
    const labels = READER_LABELS.slice(0, 3);
    const texts = [
      "send me the quote please",
      "well we looked at it last year and honestly the price was too high for us but now we might want to talk to a person about the plan",
    ];
    const hashes = [...new Set(texts.flatMap((text) => featurizeTurn({ text }).features))];
    const weights = Int8Array.from({ length: hashes.length * hidden }, (_, i) => ((i * 53) % 255) - 127);
    const model: TurnReaderModel = {
      labels,
      rows: FeatureRows.fromRows(hashes, weights, hidden),
      inputScale: Float64Array.from({ length: hidden }, (_, u) => 0.01 * (u + 1)),
      hiddenBias: Float64Array.from({ length: hidden }, (_, u) => u - 3),
      output: Float64Array.from({ length: hidden * labels.length }, (_, i) => ((i * 7) % 5) - 2),
      outputBias: Float64Array.from({ length: labels.length }, (_, l) => l - 1),
    };

    // Act
    const margins = texts.map((text) => Array.from(marginsOf(model, { text })));

    // Assess: the same up to float rounding (the sums are added in another order).
    const plain = texts.map((text) => plainMargins(model, text));
    margins.forEach((row, i) => {
      row.forEach((margin, l) => {
        expect(margin).toBeCloseTo(plain[i]?.[l] as number, 9);
      });
    });
  });
  it("reads a word from its remembered sum as from its rows: again, negated, and past the remembered length", () => {
    // Prepare: one word read three times, said and negated, and a word too long to remember.
    const hidden = 5;
    const labels = READER_LABELS.slice(0, 2);
    const long = `${"x".repeat(REMEMBERED_LETTERS - 3)}yzzyzw`;
    const texts = ["pricing pricing pricing please", `the ${long} plan and the pricing`, `${long} pricing`];
    const hashes = [...new Set(texts.flatMap((text) => featurizeTurn({ text }).features))];
    const weights = Int8Array.from({ length: hashes.length * hidden }, (_, i) => ((i * 29) % 255) - 127);
    const model: TurnReaderModel = {
      labels,
      rows: FeatureRows.fromRows(hashes, weights, hidden),
      inputScale: Float64Array.from({ length: hidden }, (_, u) => 0.02 * (u + 1)),
      hiddenBias: Float64Array.from({ length: hidden }, (_, u) => u - 2),
      output: Float64Array.from({ length: hidden * labels.length }, (_, i) => ((i * 3) % 5) - 2),
      outputBias: Float64Array.from({ length: labels.length }, (_, l) => l),
    };

    // Act: each text twice, the second time from the memo.
    const first = texts.map((text) => Array.from(marginsOf(model, { text })));
    const again = texts.map((text) => Array.from(marginsOf(model, { text })));

    // Assess
    expect(again).toEqual(first);
    const plain = texts.map((text) => plainMargins(model, text));
    first.forEach((row, i) => {
      row.forEach((margin, l) => {
        expect(margin).toBeCloseTo(plain[i]?.[l] as number, 9);
      });
    });
  });
});
