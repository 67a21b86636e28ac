import { writeFile } from "node:fs/promises";
import { parseArgs } from "node:util";
import { READER_LABELS } from "../functions/domain/reader/labels.js";
import { scoreTurn } from "../functions/domain/reader/model.js";
import { sentenceBreaksFileBytes } from "../functions/domain/reader/sentence-breaks-file.js";
import { spellingFileText } from "../functions/domain/spelling-artifact.js";
import {
  CATEGORY_VALUES_FILE,
  categorySlots,
  loadCategoryTurns,
  trainCategoryValues,
} from "./category-values.js";
import { MODEL_FILE, SENTENCE_BREAKS_FILE, SPELLING_FILE, weightsFileBeside } from "./data-files.js";
import { BUYING_LABELS, DEFAULT_HANDOFF_THRESHOLD, intentFigures, labelFigures } from "./figures.js";
import { trainSentenceBreaks } from "./sentence-breaks.js";
import { buildSpellingVocabulary, englishWords } from "./spelling-vocabulary.js";
import { loadTrainingData, trainReader } from "./train-model.js";

/**
 * `npm run train [-- --out <file>] [--exclude <source prefix>]...`: trains the default turn reader
 * from data/ and writes the versioned artifact: the JSON header at --out and the binary weights beside it
 * (same name, .bin). Deterministic: the same data gives the same bytes.
 */
const { values } = parseArgs({
  options: {
    out: { type: "string", default: MODEL_FILE },
    exclude: { type: "string", multiple: true, default: [] },
  },
});

const started = Date.now();
const loaded = await loadTrainingData();
const { model, artifact, weightsFile, heldout } = trainReader(loaded, values.exclude);
await writeFile(values.out, `${JSON.stringify(artifact, null, 2)}\n`);
const weightsOut = weightsFileBeside(values.out);
await writeFile(weightsOut, weightsFile);
const spelling = buildSpellingVocabulary(loaded, await englishWords(), values.exclude);
const spellingOut =
  values.out === MODEL_FILE ? SPELLING_FILE : values.out.replace(/\.json$/, ".spelling.txt");
await writeFile(spellingOut, spellingFileText(spelling));
console.log(`${spellingOut}: ${spelling.words.length} known words`);
const breaks = trainSentenceBreaks(loaded, values.exclude);
const breaksOut =
  values.out === MODEL_FILE ? SENTENCE_BREAKS_FILE : values.out.replace(/\.json$/, ".sentence-breaks.bin");
await writeFile(breaksOut, sentenceBreaksFileBytes(breaks));
console.log(
  `${breaksOut}: 2^${breaks.bits} weights, threshold ${breaks.threshold}; sentence ends read at F1 ${breaks.heldOutF1.toFixed(3)} on the fifth of the texts held out to choose it`,
);

const categoryTurns = await loadCategoryTurns();
const categoryValues = trainCategoryValues(categoryTurns, await categorySlots(), values.exclude);
const categoryOut =
  values.out === MODEL_FILE ? CATEGORY_VALUES_FILE : values.out.replace(/\.json$/, ".category-values.json");
await writeFile(categoryOut, `${JSON.stringify(categoryValues.artifact)}\n`);
console.log(
  `${categoryOut}: ${categoryValues.models.map((model) => `${model.campaign}/${model.slot} ${model.values.length} values, ${model.rows.size} features`).join("; ")}, from ${categoryValues.artifact.trainedOn.map(({ file, examples }) => `${examples} turns of ${file}`).join(" and ")}`,
);

console.log(
  `${values.out} + ${weightsOut}: ${artifact.modelVersion}, ${artifact.training.fitExamples} training turns, ${artifact.training.calibrationExamples} calibration turns, ${((Date.now() - started) / 1000).toFixed(1)} s`,
);
for (const label of READER_LABELS) {
  const s = artifact.scores[label];
  if (s)
    console.log(
      `  ${label.padEnd(22)} P ${s.precision.toFixed(2)} R ${s.recall.toFixed(2)} F1 ${s.f1.toFixed(2)} (n=${s.support})`,
    );
}
const intents = intentFigures(
  (example) => scoreTurn(model, { text: example.text, aiLine: example.ai }),
  heldout,
);
console.log(
  `public held-out (at the default handoff threshold): buying-request recall ${(intents.buyingRecall * 100).toFixed(1)}% of ${intents.buying}, false handoffs on service requests ${(intents.serviceFalseHandoff * 100).toFixed(1)}% of ${intents.service}`,
);
const heldoutByLabel = labelFigures(model, heldout, DEFAULT_HANDOFF_THRESHOLD);
console.log(
  `public held-out recall by label (at the default handoff threshold): ${[
    ...BUYING_LABELS,
    "person_request" as const,
  ]
    .filter((label) => heldoutByLabel[label].support > 0)
    .map(
      (label) =>
        `${label} ${(heldoutByLabel[label].recall * 100).toFixed(1)}% of ${heldoutByLabel[label].support}`,
    )
    .join(", ")}`,
);
