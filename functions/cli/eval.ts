import { performance } from "node:perf_hooks";
import { type EvaluationReport, evaluate, type Scores } from "../domain/evaluation.js";
import { loadCampaignRegistry, takeCampaignsOption } from "./campaign-option.js";
import { loadTranscripts, usage } from "./load-transcripts.js";

/**
 * `npm run eval -- <corpus.jsonl> [--campaigns <dir>] [--json] [--misses]`: the engine and two baselines
 * against the labels, each conversation under the campaign it names (from `campaigns/` unless told).
 */
const USAGE = "usage: npm run eval -- <corpus.jsonl> [--campaigns <dir>] [--json] [--misses]";
const { dir, rest: args } = takeCampaignsOrUsage(process.argv.slice(2));
const file = args.find((arg) => !arg.startsWith("--")) ?? usage(USAGE);
const campaigns = await loadCampaignRegistry(dir);
const all = await loadTranscripts(file);
const transcripts = all.filter((transcript) => {
  if (campaigns.has(transcript.campaign)) return true;
  console.error(`skipped ${transcript.id}: unknown campaign "${transcript.campaign}"`);
  return false;
});

const started = performance.now();
const report = evaluate(transcripts, (id) => campaigns.get(id));
const seconds = (performance.now() - started) / 1000;
// Three predictors replay every customer turn.
const customerTurns = transcripts.reduce(
  (n, t) => n + t.turns.filter((turn) => turn.speaker === "customer").length,
  0,
);
const turnsPerSecond = Math.round((customerTurns * 3) / seconds);

if (args.includes("--json")) {
  const { misses: _misses, ...summary } = report;
  console.log(JSON.stringify({ ...summary, turnsPerSecond }));
} else {
  printTable(report, turnsPerSecond);
  if (args.includes("--misses")) for (const miss of report.misses) console.log(JSON.stringify(miss));
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

function takeCampaignsOrUsage(argv: string[]): ReturnType<typeof takeCampaignsOption> {
  try {
    return takeCampaignsOption(argv);
  } catch (error) {
    return usage(`${(error as Error).message}\n${USAGE}`);
  }
}
