import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import {
  SPELLING_FILE,
  SpellingArtifact,
  spellingFromArtifact,
} from "../../functions/domain/default-spelling.js";
import { BatonInputError } from "../../functions/domain/errors.js";
import { buildSpellingVocabulary, englishWords } from "../../train/spelling-vocabulary.js";
import { loadTrainingData } from "../../train/train-model.js";

describe("the committed spelling vocabulary", () => {
  it("is exactly what npm run train learns from the committed data", async () => {
    // Prepare
    const committed = SpellingArtifact.parse(JSON.parse(await readFile(SPELLING_FILE, "utf8")));
    // Act
    const rebuilt = buildSpellingVocabulary(await loadTrainingData(), await englishWords());
    // Assess
    expect(rebuilt.dataHash).toBe(committed.dataHash);
    expect(rebuilt).toEqual(committed);
  });
});

describe("spellingFromArtifact", () => {
  it("refuses a corrupt file, naming it and the field", () => {
    // Prepare
    const corrupt = { format: "baton-spelling", formatVersion: 1, dataHash: "x", words: [], counts: [] };
    // Act
    const load = () => spellingFromArtifact(corrupt, "models/spelling.json");
    // Assess
    expect(load).toThrow(BatonInputError);
    expect(load).toThrow(/spelling vocabulary models\/spelling\.json: dataHash/);
  });

  it("refuses words and counts of different lengths", () => {
    // Prepare
    const uneven = {
      format: "baton-spelling",
      formatVersion: 1,
      dataHash: "0".repeat(64),
      words: ["quote", "week"],
      counts: [3],
    };
    // Act
    const load = () => spellingFromArtifact(uneven, "m.json");
    // Assess
    expect(load).toThrow(/words and counts differ/);
  });
});
