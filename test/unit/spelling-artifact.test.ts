import { readFile } from "node:fs/promises";
import { crc32 } from "node:zlib";
import { describe, expect, it } from "vitest";
import { BatonInputError } from "../../functions/domain/errors.js";
import { readSpellingFile, spellingFileText } from "../../functions/domain/spelling-artifact.js";
import { shippedSpelling } from "../../models/spelling.js";
import { SPELLING_FILE } from "../../train/data-files.js";
import { buildSpellingVocabulary, englishWords } from "../../train/spelling-vocabulary.js";
import { loadTrainingData } from "../../train/train-model.js";

const HASH = "0".repeat(64);
const bytesOf = (text: string) => new Uint8Array(Buffer.from(text, "latin1"));
const fileOf = (words: string[], counts: number[]) =>
  bytesOf(spellingFileText({ dataHash: HASH, words, counts }));

describe("the committed spelling vocabulary", () => {
  it("is exactly what npm run train learns from the committed data", async () => {
    // Prepare
    const committed = await readFile(SPELLING_FILE, "latin1");
    // Act
    const rebuilt = buildSpellingVocabulary(await loadTrainingData(), await englishWords());
    // Assess
    expect(spellingFileText(rebuilt)).toBe(committed);
  });

  it("reads back in word order, with the data hash it records", async () => {
    // Prepare
    const bytes = new Uint8Array(await readFile(SPELLING_FILE));
    // Act
    const { dataHash, vocabulary } = readSpellingFile(bytes, SPELLING_FILE);
    // Assess
    expect(dataHash).toMatch(/^[0-9a-f]{64}$/);
    for (const counts of [vocabulary.known, vocabulary.pairs]) {
      expect(() => counts.verifyLines()).not.toThrow();
      expect(() => counts.verifyOrder()).not.toThrow();
    }
    expect(vocabulary.size).toBeGreaterThan(10_000);
  });
});

describe("shippedSpelling", () => {
  it("stops the start with the file's name when the vocabulary is missing", () => {
    // Prepare
    const missing = new URL("file:///nowhere/baton/spelling.txt");
    // Act
    const load = () => shippedSpelling(missing);
    // Assess
    expect(load).toThrow(BatonInputError);
    expect(load).toThrow(/spelling vocabulary \/nowhere\/baton\/spelling\.txt: ENOENT/);
  });
});

describe("readSpellingFile", () => {
  it("reads the words and counts spellingFileText wrote", () => {
    // Prepare
    const bytes = fileOf(["week", "quote", "month"], [7, 12, 30]);
    // Act
    const { dataHash, vocabulary } = readSpellingFile(bytes, "m.txt");
    // Assess
    expect(dataHash).toBe(HASH);
    expect([0, 1, 2].map((i) => [vocabulary.known.wordAt(i), vocabulary.known.countAt(i)])).toEqual([
      ["month", 30],
      ["quote", 12],
      ["week", 7],
    ]);
  });

  it("refuses a file in another format, naming it", () => {
    // Prepare
    const json = bytesOf('{"format":"baton-spelling","formatVersion":1}');
    // Act
    const load = () => readSpellingFile(json, "models/spelling.txt");
    // Assess
    expect(load).toThrow(BatonInputError);
    expect(load).toThrow(/spelling vocabulary models\/spelling\.txt: not a baton-spelling 4 file/);
  });

  it("refuses a file whose words were changed after it was written", () => {
    // Prepare
    const edited = Buffer.from(fileOf(["month", "quote"], [30, 12]))
      .toString("latin1")
      .replace("quote", "qu0te");
    // Act
    const load = () => readSpellingFile(bytesOf(edited), "m.txt");
    // Assess
    expect(load).toThrow(/spelling vocabulary m\.txt: the words do not match the file's CRC-32/);
  });

  it("is never written with a line that is not a lowercase word and a count (a start trusts the checksum)", () => {
    // Prepare
    const artifact = { dataHash: HASH, words: ["month", "Quote"], counts: [30, 12] };
    // Act
    const write = () => spellingFileText(artifact);
    // Assess
    expect(write).toThrow(/line "Quote 12" is not "<lowercase word> <count>"/);
  });

  it("refuses pairs whose last line has no newline, even with a matching checksum, naming the file", () => {
    // Prepare
    const lines = "month 30\n--\nmonth-end 3";
    const bytes = bytesOf(`baton-spelling 4 ${HASH} ${crc32Hex(lines)}\n${lines}`);
    // Act
    const load = () => readSpellingFile(bytes, "m.txt");
    // Assess
    expect(load).toThrow(BatonInputError);
    expect(load).toThrow(/spelling vocabulary m\.txt: the last line does not end the text/);
  });
});

describe("readSpellingFile, word pairs", () => {
  it("reads back the word pairs spellingFileText wrote", () => {
    // Prepare
    const bytes = bytesOf(
      spellingFileText({
        dataHash: HASH,
        words: ["thank", "you"],
        counts: [40, 90],
        pairs: { words: ["thank-you", "you-thank"], counts: [35, 2] },
      }),
    );
    // Act
    const { vocabulary } = readSpellingFile(bytes, "m.txt");
    // Assess
    expect(vocabulary.size).toBe(2);
    expect(vocabulary.pairs.countOf("thank-you")).toBe(35);
    expect(vocabulary.pairs.countOf("you-thank")).toBe(2);
    expect(vocabulary.known.has("thank-you")).toBe(false);
  });

  it("reads back the number word in words and pairs", () => {
    // Prepare
    const bytes = bytesOf(
      spellingFileText({
        dataHash: HASH,
        words: ["#", "under"],
        counts: [300, 40],
        pairs: { words: ["#-under", "under-#"], counts: [2, 35] },
      }),
    );
    // Act
    const { vocabulary } = readSpellingFile(bytes, "m.txt");
    // Assess
    expect(vocabulary.known.countOf("#")).toBe(300);
    expect(vocabulary.pairs.countOf("under-#")).toBe(35);
  });

  it("refuses a file without the line that starts the pairs, naming it", () => {
    // Prepare
    const lines = "month 30\nquote 12\n";
    const bytes = bytesOf(`baton-spelling 4 ${HASH} ${crc32Hex(lines)}\n${lines}`);
    // Act
    const load = () => readSpellingFile(bytes, "m.txt");
    // Assess
    expect(load).toThrow(BatonInputError);
    expect(load).toThrow(/spelling vocabulary m\.txt: no "--" line between the words and the word pairs/);
  });

  it("is never written with a pair line that is not two lowercase words and a count", () => {
    // Prepare
    const artifact = {
      dataHash: HASH,
      words: ["month"],
      counts: [30],
      pairs: { words: ["per-month", "per month"], counts: [3, 2] },
    };
    // Act
    const write = () => spellingFileText(artifact);
    // Assess
    expect(write).toThrow(/line "per month 2" is not/);
  });
});

function crc32Hex(text: string): string {
  return crc32(text).toString(16).padStart(8, "0");
}
