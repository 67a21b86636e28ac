import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";
import { CampaignRegistry, defaultCampaign } from "../domain/campaigns.js";
import { type EvaluationReport, evaluate, type Scores } from "../domain/evaluation.js";
import { FORMS, transcriptInForm } from "../domain/forms.js";
import { defaultTurnReader } from "../domain/reader/default-reader.js";
import { lexiconReader } from "../domain/reader/lexicon-reader.js";
import type { TurnReader } from "../domain/reader/turn-reader.js";
import { loadTranscripts, usage } from "./load-transcripts.js";

const READERS: Record<string, TurnReader> = { local: defaultTurnReader, lexicon: lexiconReader };

const USAGE =
  "usage: npm run eval -- <corpus.jsonl> [--form written|speech|chat] [--reader local|lexicon] [--json] [--misses]";

/** `npm run eval -- <corpus.jsonl> ...`: the engine and two baselines against the labels. */
const { values: options, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    form: { type: "string", default: "written" },
    reader: { type: "string", default: "local" },
    json: { type: "boolean", default: false },
    misses: { type: "boolean", default: false },
  },
});
const file = positionals[0] ?? usage(USAGE);
const form = FORMS.find((f) => f === options.form) ?? usage(`unknown --form "${options.form}"; ${USAGE}`);
const reader = READERS[options.reader] ?? usage(`unknown --reader "${options.reader}"; ${USAGE}`);
const campaigns = new CampaignRegistry([defaultCampaign]);
const all = (await loadTranscripts(file)).map((transcript) => transcriptInForm(transcript, form));
const transcripts = all.filter((transcript) => {
  if (campaigns.has(transcript.campaign)) return true;
  console.error(`skipped ${transcript.id}: unknown campaign "${transcript.campaign}"`);
  return false;
});

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
  const { misses: _misses, ...summary } = report;
  console.log(JSON.stringify({ ...summary, turnsPerSecond }));
} else {
  printTable(report, turnsPerSecond);
  if (options.misses) for (const miss of report.misses) console.log(JSON.stringify(miss));
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
