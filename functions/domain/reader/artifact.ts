import * as z from "zod";
import { BatonInputError } from "../errors.js";
import { FEATURE_SPEC_VERSION } from "./features.js";
import { READER_LABELS, type ReaderLabel } from "./labels.js";
import { FeatureRows, sameLabelSet, type TurnReaderModel } from "./model.js";

const LabelFigures = z.strictObject({
  precision: z.number(),
  recall: z.number(),
  f1: z.number(),
  support: z.number().int(),
});

/** The versioned file `npm run train` writes: what it was trained on, how well it did, and the weights. */
export const TurnReaderArtifact = z.strictObject({
  format: z.literal("baton-turn-reader"),
  formatVersion: z.literal(1),
  modelVersion: z.string().min(1),
  featureSpec: z.number().int(),
  /** The feature hashes that have a row, uint32 little-endian, base64. */
  features: z.string(),
  labels: z.array(z.string()),
  /** sha256 over the training files, in order: a test recomputes it from the committed data. */
  dataHash: z.string().regex(/^[0-9a-f]{64}$/),
  trainedOn: z.array(z.strictObject({ file: z.string(), sha256: z.string(), examples: z.number().int() })),
  training: z.record(z.string(), z.union([z.number(), z.string(), z.boolean()])),
  /** Figures on the calibration split (never trained on), per label. */
  scores: z.record(z.string(), LabelFigures),
  bias: z.array(z.number()),
  scale: z.array(z.number()),
  /** int8 weights, one row per feature, base64. */
  weights: z.string(),
});
export type TurnReaderArtifact = z.infer<typeof TurnReaderArtifact>;

/** A corrupt or foreign artifact is a startup error naming the file, never a silent fallback. */
export function modelFromArtifact(document: unknown, file: string): TurnReaderModel {
  const parsed = TurnReaderArtifact.safeParse(document);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue ? issue.path.join(".") : "";
    throw new BatonInputError(
      `turn reader model ${file}: ${field ? `${field}: ` : ""}${issue?.message ?? "invalid"}`,
      {
        field,
      },
    );
  }
  const artifact = parsed.data;
  if (artifact.featureSpec !== FEATURE_SPEC_VERSION) {
    throw new BatonInputError(
      `turn reader model ${file}: built for feature spec ${artifact.featureSpec}, this code reads ${FEATURE_SPEC_VERSION}; retrain with npm run train`,
      { field: "featureSpec" },
    );
  }
  if (!sameLabelSet(artifact.labels)) {
    throw new BatonInputError(
      `turn reader model ${file}: trained on labels [${artifact.labels.join(", ")}], the policy expects [${READER_LABELS.join(", ")}]; retrain with npm run train`,
      { field: "labels" },
    );
  }
  const width = artifact.labels.length;
  if (artifact.bias.length !== width || artifact.scale.length !== width) {
    throw new BatonInputError(`turn reader model ${file}: bias and scale need one value per label`, {
      field: "bias",
    });
  }
  const hashes = Buffer.from(artifact.features, "base64");
  const bytes = Buffer.from(artifact.weights, "base64");
  if (hashes.length % 4 !== 0 || bytes.length !== (hashes.length / 4) * width) {
    throw new BatonInputError(
      `turn reader model ${file}: ${bytes.length} weight bytes for ${hashes.length / 4} features, expected features x labels`,
      { field: "weights" },
    );
  }
  const rowHashes = new Uint32Array(hashes.length / 4);
  for (let row = 0, at = 0; row < rowHashes.length; row++, at += 4) {
    rowHashes[row] =
      ((hashes[at] as number) |
        ((hashes[at + 1] as number) << 8) |
        ((hashes[at + 2] as number) << 16) |
        ((hashes[at + 3] as number) << 24)) >>>
      0;
  }
  const weights = new Int8Array(bytes.buffer, bytes.byteOffset, bytes.length);
  return {
    labels: artifact.labels as ReaderLabel[],
    rows: new FeatureRows(rowHashes, weights, width),
    weights,
    scale: Float64Array.from(artifact.scale),
    bias: Float64Array.from(artifact.bias),
  };
}
