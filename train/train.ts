import { writeFile } from "node:fs/promises";
import { parseArgs } from "node:util";
import { chatForm, seededRandom } from "../functions/domain/forms.js";
import type { TurnReaderArtifact } from "../functions/domain/reader/artifact.js";
import { FEATURE_SPEC_VERSION } from "../functions/domain/reader/features.js";
import { READER_LABELS } from "../functions/domain/reader/labels.js";
import { scoreTurn } from "../functions/domain/reader/model.js";
import { MODEL_FILE, trainingDataFiles } from "./data-files.js";
import { dataHashOf, type Example, loadExamples, unitHash } from "./examples.js";
import { intentFigures, labelFigures } from "./figures.js";
import { calibrate, quantize, trainLogistic } from "./logistic.js";

/**
 * `npm run train [-- --out <file>] [--exclude <source prefix>]...`: trains the default turn reader
 * from data/ and writes the versioned artifact. Deterministic: the same data gives the same bytes.
 */
const { values } = parseArgs({
  options: {
    out: { type: "string", default: MODEL_FILE },
    exclude: { type: "string", multiple: true, default: [] },
    buckets: { type: "string", default: String(2 ** 17) },
    epochs: { type: "string", default: "6" },
  },
});
export const TRAINING = {
  buckets: Number(values.buckets),
  epochs: Number(values.epochs),
  learningRate: 0.15,
  l2: 1e-5,
  seed: 20261130,
  calibrationShare: 0.1,
  chatCopies: 0.5,
};

const loaded = await Promise.all((await trainingDataFiles()).map(loadExamples));
const excluded = (example: Example) => values.exclude.some((prefix) => example.source.startsWith(prefix));
const all = loaded.flatMap((file) => file.examples).filter((example) => !excluded(example));
const trainable = all.filter((example) => example.split === "train");
const calibration = trainable.filter((example) => unitHash(example.text) < TRAINING.calibrationShare);
const fit = trainable.filter((example) => unitHash(example.text) >= TRAINING.calibrationShare);
const random = seededRandom(TRAINING.seed);
const augmented = [
  ...fit,
  ...fit
    .filter(() => random() < TRAINING.chatCopies)
    .map((example) => ({ ...example, text: chatForm(example.text, random) })),
];

const started = Date.now();
const { weights, bias } = trainLogistic(augmented, READER_LABELS, TRAINING);
const model = calibrate(quantize(weights, bias, READER_LABELS, TRAINING.buckets), calibration);
const scores = labelFigures(model, calibration);
const dataHash = dataHashOf(loaded);

const artifact: TurnReaderArtifact = {
  format: "baton-turn-reader",
  formatVersion: 1,
  modelVersion: `turn-reader-${FEATURE_SPEC_VERSION}-${dataHash.slice(0, 12)}${values.exclude.length ? "-partial" : ""}`,
  featureSpec: FEATURE_SPEC_VERSION,
  buckets: TRAINING.buckets,
  labels: [...READER_LABELS],
  dataHash,
  trainedOn: loaded.map(({ file, sha256, examples }) => ({ file, sha256, examples: examples.length })),
  training: {
    ...TRAINING,
    excluded: values.exclude.join(","),
    fitExamples: augmented.length,
    calibrationExamples: calibration.length,
  },
  scores,
  bias: [...model.bias],
  scale: [...model.scale],
  weights: Buffer.from(model.weights.buffer, model.weights.byteOffset, model.weights.byteLength).toString(
    "base64",
  ),
};
await writeFile(values.out, `${JSON.stringify(artifact)}\n`);

const heldout = all.filter((example) => example.split === "heldout");
const intents = intentFigures(
  (example) => scoreTurn(model, { text: example.text, aiLine: example.ai }),
  heldout,
);
console.log(
  `${values.out}: ${artifact.modelVersion}, ${augmented.length} training turns, ${calibration.length} calibration turns, ${((Date.now() - started) / 1000).toFixed(1)} s`,
);
for (const label of READER_LABELS) {
  const s = scores[label];
  console.log(
    `  ${label.padEnd(22)} P ${s.precision.toFixed(2)} R ${s.recall.toFixed(2)} F1 ${s.f1.toFixed(2)} (n=${s.support})`,
  );
}
console.log(
  `public held-out: buying-request recall ${(intents.buyingRecall * 100).toFixed(1)}% of ${intents.buying}, false handoffs on service requests ${(intents.serviceFalseHandoff * 100).toFixed(1)}% of ${intents.service}`,
);
