import { existsSync } from "node:fs";
import { lexiconReader } from "./baseline/lexicon-reader.js";
import { callPathFigures } from "./call-path.js";
import { categoryValueFigures } from "./category-values.js";
import { corpusFigures, type ThroughputFigures, throughputFigures } from "./engine.js";
import { faultMatrixFigures, faultMatrixTable } from "./fault-matrix.js";
import { readerFigures } from "./reader.js";

/** `npm run bench`: every figure the issues ask for, measured in one run on this machine. */
const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
const mark = (ok: boolean) => (ok ? "ok " : "MISS");

console.log("== Engine accuracy (npm run eval) ==");
for (const { file, report } of await corpusFigures([
  "test/corpus/conversations.jsonl",
  "test/corpus/dev-b.jsonl",
  "test/corpus/dev-c.jsonl",
  "test/corpus/holdout.jsonl",
  "test/corpus/insurance-quotes.jsonl",
  "test/corpus/ledgerly-demo.jsonl",
])) {
  const e = report.engine;
  const best = Math.max(report.baselines.keyword.onTime, report.baselines.qualifiedOnly.onTime);
  console.log(
    `${file} (${report.conversations}): on time ${pct(e.onTime)} early ${pct(e.early)} late ${pct(e.late)} missed ${pct(e.missed)} false ${pct(e.false)} trigger ${pct(e.triggerAccuracy)} slot F1 ${pct(e.slotF1)} | keyword ${pct(report.baselines.keyword.onTime)} qualified-only ${pct(report.baselines.qualifiedOnly.onTime)}`,
  );
  if (file.endsWith("conversations.jsonl")) {
    console.log(
      `  targets: ${mark(e.onTime >= 0.85)} on time >= 85%  ${mark(e.early <= 0.05)} early <= 5%  ${mark(e.false <= 0.05)} false <= 5%  ${mark(e.slotF1 >= 0.85)} slot F1 >= 85%  ${mark(e.onTime > best)} ahead of both baselines`,
    );
  }
}

console.log("\n== Turn reader: every corpus written / speech / chat, cross-set, public intents ==");
for (const line of await readerFigures()) console.log(line);

console.log(
  "\n== Category values: need, budget and timeline by the campaign's examples and rules alone and with the learned models (slots/category-values.ts) ==",
);
for (const line of await categoryValueFigures()) console.log(line);

console.log("\n== Engine throughput (one core) ==");
// The same engine reading turns with the phrase lists it had before the model, measured in turn with the
// model: the machine's speed moves both alike, so their ratio is the model's own cost.
const throughputRuns: Array<{ model: ThroughputFigures; lexicon: ThroughputFigures }> = [];
for (let run = 0; run < 2; run++) {
  throughputRuns.push({ model: await throughputFigures(), lexicon: await throughputFigures(lexiconReader) });
}
const fastest = (
  pick: (run: { model: ThroughputFigures; lexicon: ThroughputFigures }) => ThroughputFigures,
) => throughputRuns.map(pick).reduce((a, b) => (b.turnsPerSecond > a.turnsPerSecond ? b : a));
const throughput = fastest((run) => run.model);
const lexiconThroughput = fastest((run) => run.lexicon);
console.log(`${throughput.turnsPerSecond} customer turns/s (target >= 20,000)`);
for (const row of throughput.perTurnMicros)
  console.log(`  conversation of ${row.length} turns: ${row.micros.toFixed(1)} us per turn`);
console.log(
  `  the same engine with the phrase-list reader, same run: ${lexiconThroughput.turnsPerSecond} turns/s; model / phrase lists ${(throughput.turnsPerSecond / lexiconThroughput.turnsPerSecond).toFixed(2)}`,
);

console.log("\n== Call path against DynamoDB Local ==");
const call = await callPathFigures();
console.log(`DynamoDB round trips per turn: ${call.roundTripsPerTurn} (target 2)`);
console.log(
  `handler ${(call.handlerMicrosPerTurn / 1000).toFixed(2)} ms/turn vs bare GetItem + conditional PutItem ${(call.bareMicrosPerPair / 1000).toFixed(2)} ms: ratio ${call.ratio.toFixed(2)} (target <= 1.3)`,
);
const c = call.concurrent;
console.log(
  `${c.calls} calls x ${c.turnsPerCall} turns at once (every 5th turn delivered twice): ${c.lostTurns} lost turns (neither written nor transferred), ${c.transferredUnwritten} unwritten turns whose caller was transferred, ${c.contactsHandedOff} handed off, ${c.duplicateHandoffIds} duplicate Handoff.Requested ids, ${c.handoffPublishes} handoff publishes, ${c.deadlineTransfers} deliveries past their deadline, ${c.systemFallbacks} system_fallback transfers, ${c.turnsPerSecond} turns/s`,
);

console.log("\n== Call path under faults (npx tsx bench/fault-matrix.ts [calls]) ==");
console.log(faultMatrixTable(await faultMatrixFigures()));

// Figures of the other issues, when their modules are present.
for (const [label, module, fn] of [
  ["Lambda bundles", "./bundles.ts", "bundleFigures"],
  [
    "Cold start: conversation-turn vs its AWS SDK clients alone (target ratio <= 1.3)",
    "./bundles.ts",
    "coldStartFigures",
  ],
  [
    "Who decides on an independent turn set (test/turns/who-decides.jsonl), written / speech / chat",
    "./who-decides.ts",
    "whoDecidesFigures",
  ],
  ["Web pages (agent desk, console)", "./web-bundle.ts", "webBundleFigures"],
  ["Local handoff to screen pop", "./local-handoff.ts", "localHandoffFigures"],
  ["Handoff KPI consumer", "./kpi.ts", "kpiFigures"],
] as const) {
  if (!existsSync(new URL(module, import.meta.url))) continue;
  console.log(`\n== ${label} ==`);
  const imported: Record<string, unknown> = await import(module);
  const run = imported[fn];
  if (typeof run === "function") console.log(JSON.stringify(await run(), null, 2));
}
