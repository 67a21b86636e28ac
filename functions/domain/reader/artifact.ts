import { createHash } from "node:crypto";
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

/**
 * The header `npm run train` writes (models/turn-reader.json): what the model was trained on, how well it
 * did, and the small per-label numbers. The weights live in a binary file beside it (models/turn-reader.bin,
 * see `weightsFile`), read at start as typed-array views: no text to parse, no base64 to decode.
 */
export const TurnReaderArtifact = z.strictObject({
  format: z.literal("baton-turn-reader"),
  formatVersion: z.literal(2),
  modelVersion: z.string().min(1),
  featureSpec: z.number().int(),
  labels: z.array(z.string()),
  /** sha256 over the training files, in order: a test recomputes it from the committed data. */
  dataHash: z.string().regex(/^[0-9a-f]{64}$/),
  trainedOn: z.array(z.strictObject({ file: z.string(), sha256: z.string(), examples: z.number().int() })),
  training: z.record(z.string(), z.union([z.number(), z.string(), z.boolean()])),
  /** Figures on the calibration split (never trained on), per label. */
  scores: z.record(z.string(), LabelFigures),
  bias: z.array(z.number()),
  scale: z.array(z.number()),
  /** The binary weights file: how many feature rows it holds and its sha256, so a stale or torn file is refused. */
  weights: z.strictObject({
    features: z.number().int().nonnegative(),
    sha256: z.string().regex(/^[0-9a-f]{64}$/),
  }),
});
export type TurnReaderArtifact = z.infer<typeof TurnReaderArtifact>;

/** Where the header and its weights file were read from, for the errors. */
export interface ArtifactFiles {
  header: string;
  weights: string;
}

/**
 * The weights file: `features` uint32 little-endian feature hashes, then `features x labels` int8 weights,
 * row-major (one feature's labels side by side, the order FeatureRows packs them in).
 */
export function weightsFile(hashes: ArrayLike<number>, weights: Int8Array): Uint8Array {
  const bytes = new Uint8Array(hashes.length * 4 + weights.length);
  const view = new DataView(bytes.buffer);
  for (let row = 0; row < hashes.length; row++) view.setUint32(row * 4, hashes[row] as number, true);
  bytes.set(new Uint8Array(weights.buffer, weights.byteOffset, weights.length), hashes.length * 4);
  return bytes;
}

export function sha256Of(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

/** A corrupt, stale or foreign artifact is a startup error naming the file, never a silent fallback. */
export function modelFromArtifact(
  document: unknown,
  weightBytes: Uint8Array,
  files: ArtifactFiles,
): TurnReaderModel {
  // Parsed once at start: zod's compiled fast path would cost more than it saves.
  const parsed = TurnReaderArtifact.safeParse(document, { jitless: true });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue ? issue.path.join(".") : "";
    throw new BatonInputError(
      `turn reader model ${files.header}: ${field ? `${field}: ` : ""}${issue?.message ?? "invalid"}`,
      { field },
    );
  }
  const artifact = parsed.data;
  if (artifact.featureSpec !== FEATURE_SPEC_VERSION) {
    throw new BatonInputError(
      `turn reader model ${files.header}: built for feature spec ${artifact.featureSpec}, this code reads ${FEATURE_SPEC_VERSION}; retrain with npm run train`,
      { field: "featureSpec" },
    );
  }
  if (!sameLabelSet(artifact.labels)) {
    throw new BatonInputError(
      `turn reader model ${files.header}: trained on labels [${artifact.labels.join(", ")}], the policy expects [${READER_LABELS.join(", ")}]; retrain with npm run train`,
      { field: "labels" },
    );
  }
  const width = artifact.labels.length;
  if (artifact.bias.length !== width || artifact.scale.length !== width) {
    throw new BatonInputError(`turn reader model ${files.header}: bias and scale need one value per label`, {
      field: "bias",
    });
  }
  const features = artifact.weights.features;
  const expected = features * (4 + width);
  if (weightBytes.length !== expected) {
    throw new BatonInputError(
      `turn reader weights ${files.weights}: ${weightBytes.length} bytes, ${files.header} expects ${expected} (${features} features x (4 + ${width} labels)); retrain with npm run train`,
      { field: "weights" },
    );
  }
  if (sha256Of(weightBytes) !== artifact.weights.sha256) {
    throw new BatonInputError(
      `turn reader weights ${files.weights}: sha256 differs from ${files.header}; the two files come from different trainings`,
      { field: "weights.sha256" },
    );
  }
  const weights = new Int8Array(weightBytes.buffer, weightBytes.byteOffset + features * 4, features * width);
  return {
    labels: artifact.labels as ReaderLabel[],
    rows: new FeatureRows(featureHashes(weightBytes, features), weights, width),
    weights,
    scale: Float64Array.from(artifact.scale),
    bias: Float64Array.from(artifact.bias),
  };
}

const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

/** The hashes as a view on the file's bytes where the host allows it (aligned, little-endian), else a copy. */
function featureHashes(bytes: Uint8Array, features: number): Uint32Array {
  if (LITTLE_ENDIAN && bytes.byteOffset % 4 === 0)
    return new Uint32Array(bytes.buffer, bytes.byteOffset, features);
  const view = new DataView(bytes.buffer, bytes.byteOffset, features * 4);
  return Uint32Array.from({ length: features }, (_, row) => view.getUint32(row * 4, true));
}
