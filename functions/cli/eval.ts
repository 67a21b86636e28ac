import { performance } from "node:perf_hooks";
import { lexiconReader } from "../../bench/baseline/lexicon-reader.js";
import { type EvaluationReport, evaluate, type Scores } from "../domain/evaluation.js";
import { FORMS, transcriptInForm } from "../domain/forms.js";
import { defaultTurnReader } from "../domain/reader/default-reader.js";
import { replayedSecondOpinion } from "../domain/reader/second-opinion.js";
import type { TurnReader } from "../domain/reader/turn-reader.js";
import { DEFAULT_CAMPAIGN_DIR, loadCampaignRegistry } from "./campaign-option.js";
import { commandLine } from "./command-line.js";
import { loadTranscripts, usage } from "./load-transcripts.js";
import { loadReadings, recordReadings } from "./recorded-readings.js";

const READERS: Record<string, TurnReader> = { local: defaultTurnReader, lexicon: lexiconReader };

const USAGE =
  "usage: npm run eval -- <corpus.jsonl> [--campaigns <dir>] [--form written|speech|chat] [--reader local|lexicon|bedrock [--readings <file.jsonl>] [--record]] [--json] [--misses] [--slots]";

/**
 * `npm run eval -- <corpus.jsonl> ...`: the engine and two baselines against the labels, each conversation
 * under the campaign it names (from `campaigns/` unless told).
 */
const { values: options, positionals } = commandLine(
  process.argv.slice(2),
  {
    campaigns: { type: "string", default: DEFAULT_CAMPAIGN_DIR },
    form: { type: "string", default: "written" },
    reader: { type: "string", default: "local" },
    json: { type: "boolean", default: false },
    misses: { type: "boolean", default: false },
    slots: { type: "boolean", default: false },
    readings: { type: "string", default: "test/fixtures/bedrock-readings.jsonl" },
    record: { type: "boolean", default: false },
  },
  USAGE,
);
const file = positionals[0] ?? usage(USAGE);
const form = FORMS.find((f) => f === options.form) ?? usage(`unknown --form "${options.form}"; ${USAGE}`);
const chosen =
  options.reader === "bedrock"
    ? "bedrock"
    : (READERS[options.reader] ?? usage(`unknown --reader "${options.reader}"; ${USAGE}`));
const campaigns = await loadCampaignRegistry(options.campaigns);
const all = (await loadTranscripts(file)).map((transcript) => transcriptInForm(transcript, form));
const transcripts = all.filter((transcript) => {
  if (campaigns.has(transcript.campaign)) return true;
  console.error(`skipped ${transcript.id}: unknown campaign "${transcript.campaign}"`);
  return false;
});

// Bedrock is a second opinion on uncertain turns: recorded once with credentials, replayed offline.
const recorded = chosen === "bedrock" ? await loadReadings(options.readings) : new Map();
if (chosen === "bedrock" && options.record)
  await recordReadings(transcripts, defaultTurnReader, options.readings, recorded);
const reader = chosen === "bedrock" ? replayedSecondOpinion(defaultTurnReader, recorded) : chosen;

const started = performance.now();
const report = evaluate(transcripts, (id) => campaigns.get(id), reader);
const seconds = (performance.now() - started) / 1000;
// Three predictors replay every customer turn.
const customerTurns = transcripts.reduce(
  (n, t) => n + t.turns.filter((turn) => turn.speaker === "customer").length,
  0,
);
const turnsPerSecond = Math.round((customerTurns * 3) / seconds);

if (options.json) {
  const { misses: _misses, slots, ...summary } = report;
  console.log(JSON.stringify({ ...summary, slots: slots.bySlot, turnsPerSecond }));
} else {
  printTable(report, turnsPerSecond);
  if (options.misses) for (const miss of report.misses) console.log(JSON.stringify(miss));
  if (options.slots) {
    printSlotTable(report);
    for (const error of report.slots.errors) console.log(JSON.stringify(error));
  }
}

function printTable(r: EvaluationReport, tps: number): void {
  const rows: Array<[string, Scores]> = [
    ["engine", r.engine],
    ["keyword", r.baselines.keyword],
    ["qualified-only", r.baselines.qualifiedOnly],
  ];
  const pct = (x: number) => `${(x * 100).toFixed(1)}%`.padStart(7);
  console.log(`${r.conversations} labeled conversations, ${tps} turns decided per second\n`);
  console.log(
    `${"".padEnd(16)}${["on time", "early", "late", "missed", "false", "trigger", "slot F1"].map((h) => h.padStart(8)).join("")}`,
  );
  for (const [name, s] of rows) {
    console.log(
      `${name.padEnd(16)}${[s.onTime, s.early, s.late, s.missed, s.false, s.triggerAccuracy, s.slotF1].map((x) => ` ${pct(x)}`).join("")}`,
    );
  }
}

function printSlotTable(r: EvaluationReport): void {
  const outcomes = ["right", "wrong", "missed", "extra"] as const;
  console.log(`\n${"slot".padEnd(16)}${outcomes.map((h) => h.padStart(8)).join("")}`);
  for (const [slot, tally] of Object.entries(r.slots.bySlot).sort(([a], [b]) => a.localeCompare(b))) {
    console.log(`${slot.padEnd(16)}${outcomes.map((o) => String(tally[o]).padStart(8)).join("")}`);
  }
}
