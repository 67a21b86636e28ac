import { parseArgs } from "node:util";
import { DEFAULT_CAMPAIGN_DIR, loadCampaignRegistry } from "../functions/cli/campaign-option.js";
import { classifyTiming, enginePredictor, type Timing } from "../functions/domain/evaluation.js";
import { FORMS, transcriptInForm } from "../functions/domain/forms.js";
import { modelReader } from "../functions/domain/reader/turn-reader.js";
import { trainSentenceBreaks } from "../train/sentence-breaks.js";
import { loadTrainingData, TRAINING, type TrainingOptions, trainReader } from "../train/train-model.js";
import { loadCorpus } from "./engine.js";
import { LOOK_SETS, spellingOf } from "./reader.js";

/**
 * Which calls of the look sets change their outcome between two readers trained on all the data: one with
 * the shipped options, one with a change. A one- or two-point difference on the look sets is a handful of
 * calls; this shows which, and by which signal, and `'{"seed":1}'` shows how many a seed alone moves.
 *
 *   npx tsx bench/reader-flips.ts '{"dropout":0.1}' [--sets dev-e,dev-f,dev-g]
 */
const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { sets: { type: "string", default: LOOK_SETS.join(",") } },
});
const changed: Partial<TrainingOptions> = JSON.parse(positionals[0] ?? "{}");
const data = await loadTrainingData();
const spelling = await spellingOf(data);
const breaks = trainSentenceBreaks(data);
const campaigns = await loadCampaignRegistry(DEFAULT_CAMPAIGN_DIR);
const readerOf = (options: TrainingOptions) => {
  const { model, artifact } = trainReader(data, [], options);
  return enginePredictor(modelReader(model, artifact.modelVersion, breaks), spelling);
};
const shipped = readerOf(TRAINING);
const variant = readerOf({ ...TRAINING, ...changed });

const tally = new Map<string, number>();
let calls = 0;
let gained = 0;
let lost = 0;
for (const set of values.sets.split(",")) {
  for (const transcript of await loadCorpus(`test/corpus/${set}.jsonl`)) {
    const campaign = campaigns.get(transcript.campaign);
    const gold = transcript.labels?.handoffTurn;
    if (gold === undefined) continue;
    for (const form of FORMS) {
      const call = transcriptInForm(transcript, form);
      const before = shipped(call, campaign);
      const after = variant(call, campaign);
      calls++;
      if (before.turn === after.turn && before.trigger === after.trigger) continue;
      const timings: [Timing, Timing] = [classifyTiming(gold, before.turn), classifyTiming(gold, after.turn)];
      if (timings[0] === "onTime") lost++;
      if (timings[1] === "onTime") gained++;
      const key = `${timings[0]} -> ${timings[1]}, ${before.trigger ?? "none"} -> ${after.trigger ?? "none"}`;
      tally.set(key, (tally.get(key) ?? 0) + 1);
      const said = (turn: number | null) =>
        turn === null ? "" : (call.turns[turn]?.text ?? "").slice(0, 100);
      console.log(
        `${set} ${form} ${call.id} (gold ${gold}): ${key} | shipped at ${before.turn}: ${said(before.turn)} | changed at ${after.turn}: ${said(after.turn)}`,
      );
    }
  }
}
for (const [key, count] of [...tally].sort((a, b) => b[1] - a[1]))
  console.log(`${String(count).padStart(4)}  ${key}`);
console.log(
  `${JSON.stringify(changed)}: of ${calls} calls x forms, ${gained} now on time, ${lost} no longer (net ${gained - lost})`,
);
