import { existsSync } from "node:fs";
import { readFile, writeFile } from "node:fs/promises";
import { loadTranscripts } from "../functions/cli/load-transcripts.js";
import { defaultTurnReader } from "../functions/domain/reader/default-reader.js";
import { BUYING_LABELS, type ReaderLabel, type ReaderScores } from "../functions/domain/reader/labels.js";
import { FRESH_LOOK_SETS, freshSource } from "./fresh-sets.js";

/**
 * The fresh sets' calls (test/corpus/dev-h ... : `FRESH_LOOK_SETS`) as turn-level examples of what hands off
 * and what does not. Each call's gold label says the turn it hands off on and why; the turns before it hand
 * nobody off, so they teach "no request for a person, no buying" in thousands of callers' own words, and a
 * request or buying turn at the gold turn teaches the request. Nothing else is labeled: training reads these
 * turns for the request labels only (`annotatedLabels`, train/network.ts).
 *
 * - Turns after a turn the reader read as a non-prospect, wrong number or do-not-call are left out: their
 *   calls hand nobody off because of who the caller is, not because of the words.
 * - A buying turn's kind is the kind the shipped reader read surest there; the gold label names no kind.
 * - Handoff turns of other triggers (qualified, complex) and turns after the handoff are left out.
 *
 * `npx tsx train/derive-fresh-turns.ts` adds the sets data/corpus/fresh-set-turns.jsonl does not have yet; the
 * lines of the sets it has stay as they are, so a retrained reader does not relabel them.
 */
const OUT = "data/corpus/fresh-set-turns.jsonl";
const NOT_A_PROSPECT: readonly ReaderLabel[] = ["non_prospect", "wrong_number", "do_not_call"];

const surestBuyingKind = (scores: ReaderScores): ReaderLabel =>
  BUYING_LABELS.reduce((best, kind) => (scores[kind] > scores[best] ? kind : best), BUYING_LABELS[0]);

async function turnsOf(set: string): Promise<string[]> {
  const lines: string[] = [];
  for (const transcript of await loadTranscripts(`test/corpus/${set}.jsonl`)) {
    const gold = transcript.labels;
    if (!gold) continue;
    let aiLine: string | undefined;
    let noProspect = false;
    for (const [turn, line] of transcript.turns.entries()) {
      if (line.speaker === "ai") aiLine = line.text;
      if (line.speaker !== "customer") continue;
      const scores = defaultTurnReader.read({ text: line.text, aiLine });
      let labels: ReaderLabel[] | undefined;
      if (gold.handoffTurn === null || turn < gold.handoffTurn) {
        noProspect ||= NOT_A_PROSPECT.some((label) => scores[label] >= 0.5);
        if (!noProspect) labels = [];
      } else if (turn === gold.handoffTurn && gold.trigger === "customer_request") {
        labels = ["person_request"];
      } else if (turn === gold.handoffTurn && gold.trigger === "buying_intent") {
        labels = [surestBuyingKind(scores)];
      }
      if (!labels) continue;
      lines.push(
        JSON.stringify({
          text: line.text,
          ...(aiLine ? { ai: aiLine } : {}),
          labels,
          source: `${freshSource(set)}${transcript.id}:${turn}`,
          split: "train",
        }),
      );
    }
  }
  return lines;
}

const existing = existsSync(OUT) ? (await readFile(OUT, "utf8")).split("\n").filter(Boolean) : [];
const lines: string[] = [];
const added: string[] = [];
for (const set of FRESH_LOOK_SETS) {
  const kept = existing.filter((line) => line.includes(`"source":"${freshSource(set)}`));
  if (kept.length > 0) lines.push(...kept);
  else {
    lines.push(...(await turnsOf(set)));
    added.push(set);
  }
}
await writeFile(OUT, `${lines.join("\n")}\n`);
console.log(`${OUT}: ${lines.length} turns; derived now: ${added.join(", ") || "none"}`);
