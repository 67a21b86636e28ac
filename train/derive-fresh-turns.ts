import { existsSync } from "node:fs";
import { readFile, writeFile } from "node:fs/promises";
import type { Transcript } from "../contracts/transcript.js";
import { loadTranscripts } from "../functions/cli/load-transcripts.js";
import { defaultTurnReader } from "../functions/domain/reader/default-reader.js";
import { BUYING_LABELS, type ReaderLabel, type ReaderScores } from "../functions/domain/reader/labels.js";
import { loadAnnotations, type TurnLine } from "./fresh-annotations.js";
import { labeledFreshLines } from "./fresh-passes.js";
import { loadProspectReadings } from "./fresh-prospects.js";
import { FRESH_LOOK_SETS, freshSource } from "./fresh-sets.js";

/**
 * The fresh sets' calls (test/corpus/dev-h ... : `FRESH_LOOK_SETS`) as turn-level examples of what hands off
 * and what does not. Each call's gold label says the turn it hands off on and why; the turns before it hand
 * nobody off, so they teach "no request for a person, no buying" in thousands of callers' own words, and a
 * request or buying turn at the gold turn teaches the request. Nothing else is labeled: training reads these
 * turns for the request labels only (`annotatedLabels`, train/network.ts).
 *
 * - Turns after a turn the reader read as a non-prospect, wrong number or do-not-call are left out: their
 *   calls hand nobody off because of who the caller is, not because of the words. The turn annotators say shows
 *   a caller is no prospect joins again (train/fresh-prospects.ts).
 * - A buying turn's kind is the kind the shipped reader read surest there; the gold label names no kind.
 * - Handoff turns of other triggers (qualified, complex) and turns after the handoff are left out, but for a
 *   complex handoff turn annotators read (below): no request fired there, or it would have handed off first.
 *
 * Turns annotators read (data/fresh-turn-annotations.jsonl, train/fresh-annotations.ts) also teach the
 * labels every annotator agreed on, yes or no: their line lists them in `annotated`. Who decides is taught from
 * each call's gold authority (train/fresh-authority.ts): no on every turn of a call that says nobody's role, the
 * value on the customer's last answer to the AI's who-decides question. Who is on the line is taught from
 * annotators' readings of each call never handed off or handed off on a person request
 * (data/fresh-prospect-readings.jsonl): `non_prospect` on the turn that shows a caller is none, no on a prospect's.
 *
 * `npx tsx train/derive-fresh-turns.ts` adds the sets data/corpus/fresh-set-turns.jsonl does not have yet; the
 * lines of the sets it has stay as they are, so a retrained reader does not relabel them.
 */
const OUT = "data/corpus/fresh-set-turns.jsonl";
const NOT_A_PROSPECT: readonly ReaderLabel[] = ["non_prospect", "wrong_number", "do_not_call"];

const surestBuyingKind = (scores: ReaderScores): ReaderLabel =>
  BUYING_LABELS.reduce((best, kind) => (scores[kind] > scores[best] ? kind : best), BUYING_LABELS[0]);

function turnsOf(transcripts: readonly Transcript[], set: string): TurnLine[] {
  const lines: TurnLine[] = [];
  for (const transcript of transcripts) {
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
      lines.push({
        text: line.text,
        ...(aiLine ? { ai: aiLine } : {}),
        labels,
        source: `${freshSource(set)}${transcript.id}:${turn}`,
        split: "train",
      });
    }
  }
  return lines;
}

const existing = existsSync(OUT) ? (await readFile(OUT, "utf8")).split("\n").filter(Boolean) : [];
const annotations = await loadAnnotations();
const prospectReadings = await loadProspectReadings();
const lines: string[] = [];
const added: string[] = [];
for (const set of FRESH_LOOK_SETS) {
  const transcripts = await loadTranscripts(`test/corpus/${set}.jsonl`);
  const kept = existing
    .filter((line) => line.includes(`"source":"${freshSource(set)}`))
    .map((line) => JSON.parse(line) as TurnLine);
  if (kept.length === 0) added.push(set);
  const setLines = kept.length > 0 ? kept : turnsOf(transcripts, set);
  const labeled = labeledFreshLines(setLines, transcripts, set, annotations, prospectReadings);
  lines.push(...labeled.map((line) => JSON.stringify(line)));
}
await writeFile(OUT, `${lines.join("\n")}\n`);
console.log(`${OUT}: ${lines.length} turns; derived now: ${added.join(", ") || "none"}`);
