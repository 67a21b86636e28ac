import { writeFile } from "node:fs/promises";
import { basename } from "node:path";
import type { TurnSignals } from "../contracts/turn-signals.js";
import { loadTranscripts } from "../functions/cli/load-transcripts.js";
import { defaultCampaign } from "../functions/domain/campaigns.js";
import type { ReaderLabel } from "../functions/domain/reader/labels.js";
import { replayTranscript } from "../functions/domain/replay.js";

/**
 * One-off: the project's tuned corpora as turn-level examples. Labels are the signals the phrase-list
 * engine (v0) read on each turn, corrected by the conversation's gold label on the handoff turn.
 * `npx tsx train/derive-corpus-turns.ts` writes data/corpus/turns.jsonl.
 */
const FILES = [
  "test/corpus/conversations.jsonl",
  "test/corpus/dev-b.jsonl",
  "test/corpus/dev-c.jsonl",
  "test/corpus/dev-d.jsonl",
];

function labelsOf(signals: TurnSignals): ReaderLabel[] {
  const labels: ReaderLabel[] = [];
  if (signals.personRequest) labels.push("person_request");
  if (signals.buyingIntent) labels.push(signals.buyingIntent);
  for (const kind of signals.objections) labels.push(`objection_${kind}`);
  if (signals.acknowledgement) labels.push("acknowledgement");
  if (signals.confusion) labels.push("confusion");
  if (signals.sarcasm) labels.push("sarcasm");
  if (signals.strongNegative) labels.push("strong_negative");
  if (signals.tone === "negative" || signals.strongNegative) labels.push("negative");
  if (signals.endReason) labels.push(signals.endReason);
  if (signals.deferral) labels.push("deferral");
  return labels;
}

const lines: string[] = [];
for (const file of FILES) {
  const set = basename(file, ".jsonl");
  for (const transcript of await loadTranscripts(file)) {
    const replay = replayTranscript(transcript, defaultCampaign);
    let aiLine: string | undefined;
    for (const step of replay.steps) {
      if (step.speaker === "ai") aiLine = step.text;
      if (!step.signals) continue;
      const labels = new Set(labelsOf(step.signals));
      const gold = transcript.labels;
      if (gold && gold.handoffTurn === step.turn && gold.trigger === "customer_request") {
        labels.add("person_request");
      }
      // Before the gold handoff turn no person request or buying intent should fire.
      if (gold && (gold.handoffTurn === null || step.turn < gold.handoffTurn)) {
        for (const label of [
          "person_request",
          "buy_now",
          "price_request",
          "quote_request",
          "contract_request",
        ] as const)
          labels.delete(label);
      }
      lines.push(
        JSON.stringify({
          text: step.text,
          ...(aiLine ? { ai: aiLine } : {}),
          labels: [...labels].sort(),
          source: `corpus:${set}:${transcript.id}:${step.turn}`,
          split: "train",
        }),
      );
    }
  }
}
await writeFile("data/corpus/turns.jsonl", `${lines.join("\n")}\n`);
console.log(`data/corpus/turns.jsonl: ${lines.length} turns`);
