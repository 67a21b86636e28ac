import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { BatonInputError } from "../../functions/domain/errors.js";
import { modelFromArtifact, TurnReaderArtifact } from "../../functions/domain/reader/artifact.js";
import { MODEL_FILE } from "../../train/data-files.js";
import { dataHashOf } from "../../train/examples.js";
import { labelFigures } from "../../train/figures.js";
import { isCalibrationExample, loadTrainingData } from "../../train/train-model.js";

async function committedArtifact(): Promise<TurnReaderArtifact> {
  return TurnReaderArtifact.parse(JSON.parse(await readFile(MODEL_FILE, "utf8")));
}

describe("the committed turn reader model", () => {
  it("was trained on the committed data, by hash", async () => {
    // Prepare
    const artifact = await committedArtifact();
    // Act
    const loaded = await loadTrainingData();
    // Assess
    expect(loaded.map(({ file, sha256 }) => ({ file, sha256 }))).toEqual(
      artifact.trainedOn.map(({ file, sha256 }) => ({ file, sha256 })),
    );
    expect(dataHashOf(loaded)).toBe(artifact.dataHash);
  });

  it("reproduces its recorded scores on the calibration split", async () => {
    // Prepare
    const artifact = await committedArtifact();
    const model = modelFromArtifact(artifact, MODEL_FILE);
    const calibration = (await loadTrainingData())
      .flatMap((file) => file.examples)
      .filter((example) => example.split === "train" && isCalibrationExample(example));
    // Act
    const figures = labelFigures(model, calibration);
    // Assess
    expect(calibration).toHaveLength(Number(artifact.training.calibrationExamples));
    expect(figures).toEqual(artifact.scores);
  });
});

describe("modelFromArtifact", () => {
  it("refuses a model trained on another label set, naming the file", async () => {
    // Prepare
    const artifact = await committedArtifact();
    const foreign = { ...artifact, labels: [...artifact.labels.slice(1), "upsell"] };
    // Act
    const load = () => modelFromArtifact(foreign, "models/other.json");
    // Assess
    expect(load).toThrow(BatonInputError);
    expect(load).toThrow(/models\/other\.json: trained on labels .*upsell.* the policy expects/);
  });

  it("refuses a corrupt artifact with the file and the field", () => {
    // Prepare
    const corrupt = { format: "baton-turn-reader", formatVersion: 1, weights: 42 };
    // Act
    const load = () => modelFromArtifact(corrupt, "models/turn-reader.json");
    // Assess
    expect(load).toThrow(/turn reader model models\/turn-reader\.json: modelVersion/);
  });

  it("refuses truncated weights and another feature spec", async () => {
    // Prepare
    const artifact = await committedArtifact();
    const truncated = { ...artifact, weights: artifact.weights.slice(0, 400) };
    const otherSpec = { ...artifact, featureSpec: artifact.featureSpec + 1 };
    // Act
    const loadTruncated = () => modelFromArtifact(truncated, "m.json");
    const loadOtherSpec = () => modelFromArtifact(otherSpec, "m.json");
    // Assess
    expect(loadTruncated).toThrow(/weight bytes/);
    expect(loadOtherSpec).toThrow(/feature spec/);
  });
});
