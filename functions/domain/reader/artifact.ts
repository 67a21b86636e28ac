import { crc32 } from "node:zlib";
import * as z from "../../../contracts/zod.js";
import { BatonInputError } from "../errors.js";
import { FeatureRows, recordBytes } from "./feature-rows.js";
import { FEATURE_SPEC_VERSION } from "./features.js";
import { READER_LABELS, type ReaderLabel } from "./labels.js";
import { sameLabelSet, type TurnReaderModel } from "./model.js";

const LabelFigures = z.strictObject({
  precision: z.number(),
  recall: z.number(),
  f1: z.number(),
  support: z.number().check(z.int()),
});

/**
 * The header `npm run train` writes (models/turn-reader.json): what the model was trained on, how well it
 * did, and the small per-label numbers. The weights live in a binary file beside it (models/turn-reader.bin):
 * FeatureRows' file, the bucket starts (uint32 little-endian) then the records, [uint32 little-endian
 * hash][int8 weight per hidden unit, padded to whole words], in bucket order, read in place at start: no text to
 * parse, no base64 to decode, no table to build.
 */
export const TurnReaderArtifact = z.strictObject({
  format: z.literal("baton-turn-reader"),
  formatVersion: z.literal(5),
  modelVersion: z.string().check(z.minLength(1)),
  featureSpec: z.number().check(z.int()),
  labels: z.array(z.string()),
  /** sha256 over the training files, in order: a test recomputes it from the committed data. */
  dataHash: z.string().check(z.regex(/^[0-9a-f]{64}$/)),
  trainedOn: z.array(
    z.strictObject({ file: z.string(), sha256: z.string(), examples: z.number().check(z.int()) }),
  ),
  training: z.record(z.string(), z.union([z.number(), z.string(), z.boolean()])),
  /** Figures on the calibration split (never trained on), per label. */
  scores: z.record(z.string(), LabelFigures),
  /** The small layers (model.ts): per hidden unit its input scale and bias; hidden x labels output weights. */
  network: z.strictObject({
    hidden: z.number().check(z.int(), z.positive()),
    inputScale: z.array(z.number()),
    hiddenBias: z.array(z.number()),
    output: z.array(z.number()),
    outputBias: z.array(z.number()),
  }),
  /**
   * The binary weights file: how many feature rows and buckets it holds, and its CRC-32, so a stale, torn or
   * damaged file is refused (a CRC reads the 4 MB in a third of sha256's time, and no one forges a model
   * file they could replace whole).
   */
  weights: z.strictObject({
    features: z.number().check(z.int(), z.nonnegative()),
    buckets: z.number().check(z.int(), z.positive()),
    crc32: z.number().check(z.int(), z.nonnegative()),
  }),
});
export type TurnReaderArtifact = z.infer<typeof TurnReaderArtifact>;

/** Where the header and its weights file were read from, for the errors. */
export interface ArtifactFiles {
  header: string;
  weights: string;
}

/** A corrupt, stale or foreign artifact is a startup error naming the file, never a silent fallback. */
export function modelFromArtifact(
  document: unknown,
  weightBytes: Uint8Array,
  files: ArtifactFiles,
): TurnReaderModel {
  const parsed = TurnReaderArtifact.safeParse(document);
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
  const { network } = artifact;
  const width = network.hidden;
  if (
    network.inputScale.length !== width ||
    network.hiddenBias.length !== width ||
    network.output.length !== width * artifact.labels.length ||
    network.outputBias.length !== artifact.labels.length
  ) {
    throw new BatonInputError(
      `turn reader model ${files.header}: network needs an input scale and a bias per hidden unit (${width}), an output weight per unit and label, and an output bias per label`,
      { field: "network" },
    );
  }
  const { features, buckets } = artifact.weights;
  const expected = (buckets + 1) * 4 + features * recordBytes(width);
  if (weightBytes.length !== expected) {
    throw new BatonInputError(
      `turn reader weights ${files.weights}: ${weightBytes.length} bytes, ${files.header} expects ${expected} (${buckets} bucket starts, ${features} records of ${recordBytes(width)} bytes); retrain with npm run train`,
      { field: "weights" },
    );
  }
  if (crc32(weightBytes) !== artifact.weights.crc32) {
    throw new BatonInputError(
      `turn reader weights ${files.weights}: CRC-32 differs from ${files.header}; the file is damaged or the two files come from different trainings`,
      { field: "weights.crc32" },
    );
  }
  let rows: FeatureRows;
  try {
    rows = FeatureRows.fromFile(weightBytes, features, width, buckets);
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    throw new BatonInputError(
      `turn reader weights ${files.weights}: ${error.message}; retrain with npm run train`,
      {
        field: "weights",
      },
    );
  }
  return {
    labels: artifact.labels as ReaderLabel[],
    rows,
    inputScale: Float64Array.from(network.inputScale),
    hiddenBias: Float64Array.from(network.hiddenBias),
    output: Float64Array.from(network.output),
    outputBias: Float64Array.from(network.outputBias),
  };
}
