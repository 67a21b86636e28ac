import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { BatonInputError } from "../../functions/domain/errors.js";
import {
  readSentenceBreaksFile,
  sentenceBreaksFileBytes,
} from "../../functions/domain/reader/sentence-breaks-file.js";
import { shippedSentenceBreaks } from "../../models/sentence-breaks.js";
import header from "../../models/turn-reader.json" with { type: "json" };
import { SENTENCE_BREAKS_FILE } from "../../train/data-files.js";
import { trainSentenceBreaks } from "../../train/sentence-breaks.js";
import { loadTrainingData } from "../../train/train-model.js";

const HASH = "0".repeat(64);
const fileOf = (bits: number, fill = 0) =>
  new Uint8Array(
    sentenceBreaksFileBytes({
      dataHash: HASH,
      bits,
      threshold: -3,
      weights: new Int8Array(2 ** bits).fill(fill),
    }),
  );

describe("the committed sentence-break model", () => {
  it("is exactly what npm run train learns from the committed data, the turn reader's", async () => {
    // Prepare
    const committed = await readFile(SENTENCE_BREAKS_FILE);
    // Act
    const rebuilt = sentenceBreaksFileBytes(trainSentenceBreaks(await loadTrainingData()));
    const { dataHash } = readSentenceBreaksFile(committed, SENTENCE_BREAKS_FILE);
    // Assess
    expect(rebuilt.equals(committed)).toBe(true);
    expect(dataHash).toBe(header.dataHash);
  });
});

describe("shippedSentenceBreaks", () => {
  it("stops the start with the file's name when the model is missing", () => {
    // Prepare
    const missing = new URL("file:///nowhere/baton/sentence-breaks.bin");
    // Act
    const load = () => shippedSentenceBreaks(missing);
    // Assess
    expect(load).toThrow(BatonInputError);
    expect(load).toThrow(/sentence-break model \/nowhere\/baton\/sentence-breaks\.bin: ENOENT/);
  });
});

describe("readSentenceBreaksFile", () => {
  it("reads back the weights, table size and threshold it wrote", () => {
    // Prepare
    const bytes = fileOf(8, 3);
    // Act
    const { dataHash, model } = readSentenceBreaksFile(bytes, "m.bin");
    // Assess
    expect(dataHash).toBe(HASH);
    expect(model.bits).toBe(8);
    expect(model.threshold).toBe(-3);
    expect([...model.weights]).toEqual(Array(256).fill(3));
  });

  it("refuses a file of another format, naming it", () => {
    // Prepare
    const json = new Uint8Array(Buffer.from('{"format":"baton-spelling"}\n'));
    // Act
    const load = () => readSentenceBreaksFile(json, "models/sentence-breaks.bin");
    // Assess
    expect(load).toThrow(
      /sentence-break model models\/sentence-breaks\.bin: not a baton-sentence-breaks 1 file/,
    );
  });

  it("refuses weights edited after training", () => {
    // Prepare
    const bytes = fileOf(8);
    bytes[bytes.length - 1] = 9;
    // Act
    const load = () => readSentenceBreaksFile(bytes, "m.bin");
    // Assess
    expect(load).toThrow(/sentence-break model m\.bin: the weights do not match the file's CRC-32/);
  });

  it("refuses a file cut short", () => {
    // Prepare
    const bytes = fileOf(8).subarray(0, -10);
    // Act
    const load = () => readSentenceBreaksFile(bytes, "m.bin");
    // Assess
    expect(load).toThrow(/sentence-break model m\.bin: 246 weight bytes where 2\^8 = 256 were expected/);
  });

  it("refuses a table size outside what Baton reads", () => {
    // Prepare
    const bytes = new Uint8Array(Buffer.from(`baton-sentence-breaks 1 ${HASH} 30 -3 00000000\n`));
    // Act
    const load = () => readSentenceBreaksFile(bytes, "m.bin");
    // Assess
    expect(load).toThrow(/sentence-break model m\.bin: a table of 2\^30 weights is outside 2\^8\.\.2\^22/);
  });
});
