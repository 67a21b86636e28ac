import { chatForm, seededRandom } from "../functions/domain/forms.js";
import type { TurnReaderArtifact } from "../functions/domain/reader/artifact.js";
import { FEATURE_SPEC_VERSION } from "../functions/domain/reader/features.js";
import { READER_LABELS } from "../functions/domain/reader/labels.js";
import type { TurnReaderModel } from "../functions/domain/reader/model.js";
import { trainingDataFiles } from "./data-files.js";
import { dataHashOf, type Example, type LoadedFile, loadExamples, unitHash } from "./examples.js";
import { labelFigures } from "./figures.js";
import { calibrate, quantize, trainLogistic } from "./logistic.js";

export const TRAINING = {
  buckets: 2 ** 17,
  epochs: 6,
  learningRate: 0.15,
  l2: 1e-5,
  seed: 20261130,
  calibrationShare: 0.1,
  chatCopies: 0.5,
};

export interface TrainedReader {
  model: TurnReaderModel;
  artifact: TurnReaderArtifact;
  /** Examples never trained on: the public held-out split. */
  heldout: Example[];
  calibration: Example[];
}

export async function loadTrainingData(): Promise<LoadedFile[]> {
  return Promise.all((await trainingDataFiles()).map(loadExamples));
}

/** Trains the reader on every `train` example whose source does not start with an excluded prefix. */
export function trainReader(loaded: readonly LoadedFile[], exclude: readonly string[] = []): TrainedReader {
  const excluded = (example: Example) => exclude.some((prefix) => example.source.startsWith(prefix));
  const all = loaded.flatMap((file) => file.examples).filter((example) => !excluded(example));
  const trainable = all.filter((example) => example.split === "train");
  const calibration = trainable.filter((example) => unitHash(example.text) < TRAINING.calibrationShare);
  const fit = trainable.filter((example) => unitHash(example.text) >= TRAINING.calibrationShare);
  const random = seededRandom(TRAINING.seed);
  // Half the turns again as typed in a chat, so typos are seen in training, not only at run time.
  const augmented = [
    ...fit,
    ...fit
      .filter(() => random() < TRAINING.chatCopies)
      .map((example) => ({ ...example, text: chatForm(example.text, random) })),
  ];
  const { weights, bias } = trainLogistic(augmented, READER_LABELS, TRAINING);
  const model = calibrate(quantize(weights, bias, READER_LABELS, TRAINING.buckets), calibration);
  const dataHash = dataHashOf(loaded);
  const artifact: TurnReaderArtifact = {
    format: "baton-turn-reader",
    formatVersion: 1,
    modelVersion: `turn-reader-${FEATURE_SPEC_VERSION}-${dataHash.slice(0, 12)}${exclude.length ? "-partial" : ""}`,
    featureSpec: FEATURE_SPEC_VERSION,
    buckets: TRAINING.buckets,
    labels: [...READER_LABELS],
    dataHash,
    trainedOn: loaded.map(({ file, sha256, examples }) => ({ file, sha256, examples: examples.length })),
    training: {
      ...TRAINING,
      excluded: exclude.join(","),
      fitExamples: augmented.length,
      calibrationExamples: calibration.length,
    },
    scores: labelFigures(model, calibration),
    bias: [...model.bias],
    scale: [...model.scale],
    weights: Buffer.from(model.weights.buffer, model.weights.byteOffset, model.weights.byteLength).toString(
      "base64",
    ),
  };
  return { model, artifact, heldout: all.filter((example) => example.split === "heldout"), calibration };
}
