import { readFile } from "node:fs/promises";
import { crc32 } from "node:zlib";
import { describe, expect, it } from "vitest";
import { BatonInputError } from "../../functions/domain/errors.js";
import {
  type ArtifactFiles,
  modelFromArtifact,
  TurnReaderArtifact,
} from "../../functions/domain/reader/artifact.js";
import { marginsOf } from "../../functions/domain/reader/model.js";
import { SHIPPED_WEIGHTS, shippedTurnReaderModel } from "../../models/turn-reader.js";
import { MODEL_FILE, weightsFileBeside } from "../../train/data-files.js";
import { dataHashOf } from "../../train/examples.js";
import { labelFigures } from "../../train/figures.js";
import { annotatedLabels } from "../../train/network.js";
import { isCalibrationExample, loadTrainingData, TRAINING } from "../../train/train-model.js";

const FILES: ArtifactFiles = { header: MODEL_FILE, weights: weightsFileBeside(MODEL_FILE) };

async function committedArtifact(): Promise<{ header: TurnReaderArtifact; weights: Uint8Array }> {
  return {
    header: TurnReaderArtifact.parse(JSON.parse(await readFile(FILES.header, "utf8"))),
    weights: await readFile(FILES.weights),
  };
}

describe("the committed turn reader model", () => {
  it("was trained on the committed data, by hash", async () => {
    // Prepare
    const { header } = await committedArtifact();
    // Act
    const loaded = await loadTrainingData();
    // Assess
    expect(loaded.map(({ file, sha256 }) => ({ file, sha256 }))).toEqual(
      header.trainedOn.map(({ file, sha256 }) => ({ file, sha256 })),
    );
    expect(dataHashOf(loaded)).toBe(header.dataHash);
  });

  it("reproduces its recorded scores on the calibration split", async () => {
    // Prepare
    const { header, weights } = await committedArtifact();
    const model = modelFromArtifact(header, weights, FILES);
    const calibration = (await loadTrainingData())
      .flatMap((file) => file.examples)
      .filter((example) => example.split === "train" && isCalibrationExample(example));
    // Act
    const figures = labelFigures(model, calibration, 0.5, annotatedLabels);
    // Assess
    expect(calibration).toHaveLength(Number(header.training.calibrationExamples));
    expect(figures).toEqual(header.scores);
  });

  it("was trained with the training options the code has now", async () => {
    // Prepare
    const { header } = await committedArtifact();
    // Act
    const recorded = header.training;
    // Assess: a changed option without a retrain would leave the model and the code telling two stories.
    expect(recorded).toMatchObject({ ...TRAINING, excluded: "" });
  });

  it("stays within 5 MB, header and weights together", async () => {
    // Prepare
    const { weights } = await committedArtifact();
    // Act
    const bytes = weights.length + (await readFile(FILES.header)).length;
    // Assess
    expect(bytes).toBeLessThanOrEqual(5 * 1024 * 1024);
  });
});

describe("modelFromArtifact", () => {
  it("refuses a model trained on another label set, naming the file", async () => {
    // Prepare
    const { header, weights } = await committedArtifact();
    const foreign = { ...header, labels: [...header.labels.slice(1), "upsell"] };
    // Act
    const load = () => modelFromArtifact(foreign, weights, { ...FILES, header: "models/other.json" });
    // Assess
    expect(load).toThrow(BatonInputError);
    expect(load).toThrow(/models\/other\.json: trained on labels .*upsell.* the policy expects/);
  });

  it("refuses a corrupt header with the file and the field", () => {
    // Prepare
    const corrupt = { format: "baton-turn-reader", formatVersion: 5, weights: 42 };
    // Act
    const load = () => modelFromArtifact(corrupt, new Uint8Array(0), FILES);
    // Assess
    expect(load).toThrow(/turn reader model models\/turn-reader\.json: modelVersion/);
  });

  it("refuses a header of the old format, which carried its weights as base64", async () => {
    // Prepare
    const { header, weights } = await committedArtifact();
    const old = { ...header, formatVersion: 1 };
    // Act
    const load = () => modelFromArtifact(old, weights, FILES);
    // Assess
    expect(load).toThrow(/turn reader model models\/turn-reader\.json: formatVersion/);
  });

  it("refuses a linear model (format 4) and a network whose layers do not fit together", async () => {
    // Prepare
    const { header, weights } = await committedArtifact();
    const linear = { ...header, formatVersion: 4 };
    const misfit = { ...header, network: { ...header.network, output: header.network.output.slice(1) } };
    // Act
    const loadLinear = () => modelFromArtifact(linear, weights, FILES);
    const loadMisfit = () => modelFromArtifact(misfit, weights, FILES);
    // Assess
    expect(loadLinear).toThrow(/turn reader model models\/turn-reader\.json: formatVersion/);
    expect(loadMisfit).toThrow(/turn reader model models\/turn-reader\.json: network needs/);
  });

  it("refuses a truncated weights file, naming it", async () => {
    // Prepare
    const { header, weights } = await committedArtifact();
    // Act
    const load = () => modelFromArtifact(header, weights.subarray(0, 400), FILES);
    // Assess
    expect(load).toThrow(/turn reader weights models\/turn-reader\.bin: 400 bytes/);
  });

  it("refuses weights of another training (same size, other bytes)", async () => {
    // Prepare
    const { header, weights } = await committedArtifact();
    const other = Uint8Array.from(weights);
    other[other.length - 1] = ((other[other.length - 1] ?? 0) + 1) & 0xff;
    // Act
    const load = () => modelFromArtifact(header, other, FILES);
    // Assess
    expect(load).toThrow(/turn reader weights models\/turn-reader\.bin: CRC-32 differs/);
  });

  it("refuses another feature spec", async () => {
    // Prepare
    const { header, weights } = await committedArtifact();
    const otherSpec = { ...header, featureSpec: header.featureSpec + 1 };
    // Act
    const load = () => modelFromArtifact(otherSpec, weights, FILES);
    // Assess
    expect(load).toThrow(/feature spec/);
  });

  it("refuses bucket starts that do not span the records, naming the weights file", async () => {
    // Prepare
    const { header, weights } = await committedArtifact();
    const shortIndex = Uint8Array.from(weights);
    // The last bucket start says one record fewer than the file holds.
    const last = header.weights.buckets * 4;
    new DataView(shortIndex.buffer).setUint32(last, header.weights.features - 1, true);
    const matching = { ...header, weights: { ...header.weights, crc32: crc32(shortIndex) } };
    // Act
    const load = () => modelFromArtifact(matching, shortIndex, FILES);
    // Assess
    expect(load).toThrow(/turn reader weights models\/turn-reader\.bin: the bucket starts do not span/);
  });

  it("has records in bucket order and bucket starts where their buckets start", () => {
    // Prepare
    const { model } = shippedTurnReaderModel();
    // Act
    const verify = () => model.rows.verify();
    // Assess
    expect(verify).not.toThrow();
  });

  it("reads the weights from an unaligned buffer as from an aligned one", async () => {
    // Prepare
    const { header, weights } = await committedArtifact();
    const shifted = new Uint8Array(weights.length + 1).subarray(1);
    shifted.set(weights);
    const text = { text: "how much would that cost for thirty seats", aiLine: "Anything else?" };
    // Act
    const aligned = marginsOf(modelFromArtifact(header, weights, FILES), text);
    const unaligned = marginsOf(modelFromArtifact(header, shifted, FILES), text);
    // Assess
    expect([...unaligned]).toEqual([...aligned]);
  });
});

describe("shippedTurnReaderModel", () => {
  it("loads the committed header and weights", () => {
    // Act
    const { model, version } = shippedTurnReaderModel();
    // Assess
    expect(version).toMatch(/^turn-reader-/);
    expect(model.rows.size).toBeGreaterThan(0);
    // The weights file's bytes are the table: nothing is copied at cold start.
    expect(model.rows.inPlace).toBe(true);
  });

  it("stops the start with the weights file's path when it is missing", () => {
    // Prepare
    const missing = new URL("missing-turn-reader.bin", SHIPPED_WEIGHTS);
    // Act
    const load = () => shippedTurnReaderModel(missing);
    // Assess
    expect(load).toThrow(BatonInputError);
    expect(load).toThrow(/turn reader weights .*models\/missing-turn-reader\.bin: ENOENT/);
  });
});
