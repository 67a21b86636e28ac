import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { BatonInputError } from "../../functions/domain/errors.js";
import { SpellingArtifact, spellingFromArtifact } from "../../functions/domain/spelling-artifact.js";
import { shippedSpelling } from "../../models/spelling.js";
import { SPELLING_FILE } from "../../train/data-files.js";
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

describe("shippedSpelling", () => {
  it("stops the start with the file's name when the vocabulary is missing", () => {
    // Prepare
    const missing = new URL("file:///nowhere/baton/spelling.json");
    // Act
    const load = () => shippedSpelling(missing);
    // Assess
    expect(load).toThrow(BatonInputError);
    expect(load).toThrow(/spelling vocabulary \/nowhere\/baton\/spelling\.json: ENOENT/);
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

  it("refuses a word that is not lowercase letters, naming the field", () => {
    // Prepare
    const bad = {
      format: "baton-spelling",
      formatVersion: 1,
      dataHash: "0".repeat(64),
      words: ["Quote"],
      counts: [3],
    };
    // Act
    const load = () => spellingFromArtifact(bad, "m.json");
    // Assess
    expect(load).toThrow(/spelling vocabulary m\.json: words: must be a list of lowercase words/);
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
