import type { Transcript } from "../../contracts/transcript.js";
import { replayTranscript } from "../domain/replay.js";
import { screenPopAttributes } from "../domain/screen-pop.js";
import { DEFAULT_CAMPAIGN_DIR, loadCampaignRegistry } from "./campaign-option.js";
import { commandLine } from "./command-line.js";
import { readTranscriptFile, usage } from "./load-transcripts.js";
import { printContactLensFacts, printRestart } from "./print-restart.js";
import { loadScreenPopFile } from "./screen-pop-file.js";

/**
 * `npm run replay -- <file.jsonl | contact-lens.json> [--campaigns <dir>] [--screen-pop <file.json>]`: signals, slots and decision
 * per turn, the screen pop, and (when the call has closer turns) the restart KPI of the human part.
 * Exits 1 when anything in the file could not be read or nothing was replayed.
 */
const USAGE =
  "usage: npm run replay -- <transcripts.jsonl | contact-lens.json> [--campaigns <dir>] [--screen-pop <file.json>]";
const { values: options, positionals } = commandLine(
  process.argv.slice(2),
  { campaigns: { type: "string", default: DEFAULT_CAMPAIGN_DIR }, "screen-pop": { type: "string" } },
  USAGE,
);
const file = positionals[0] ?? usage(USAGE);
const screenPopPath = options["screen-pop"];
const givenScreenPop = screenPopPath ? await loadScreenPopFile(screenPopPath) : undefined;
const campaigns = await loadCampaignRegistry(options.campaigns);

export function printReplay(transcript: Transcript): void {
  const campaign = campaigns.get(transcript.campaign);
  const result = replayTranscript(transcript, campaign);
  console.log(`\n=== ${transcript.id} (campaign ${campaign.id}) ===`);
  for (const step of result.steps) {
    console.log(`[${step.turn}] ${step.speaker}: ${step.text.slice(0, 200)}`);
    if (!step.signals || !step.decision) continue;
    const s = step.signals;
    const flags = [
      s.personRequest && "asks-for-person",
      s.buyingIntent,
      ...s.objections.map((kind) => `objection:${kind}`),
      s.acknowledgement && "accepts-answer",
      s.sarcasm && "sarcasm",
      s.strongNegative && "strongly-negative",
      s.confusion && "confused",
      s.deferral && "wants-later",
      s.endReason,
    ].filter(Boolean);
    console.log(
      `      signals: tone ${s.tone} (${s.negativity.toFixed(2)})${flags.length ? `; ${flags.join(", ")}` : ""}`,
    );
    for (const change of step.slotChanges ?? []) {
      console.log(
        `      slot ${change.slot} = ${change.value}${change.previous ? ` (was ${change.previous})` : ""} @${change.confidence.toFixed(2)}`,
      );
    }
    const d = step.decision;
    console.log(
      `      decision: ${d.action}${d.action === "handoff" ? ` ${d.trigger} -> ${d.queue}${d.first ? "" : " (already handed off)"}: ${d.reasons.join("; ")}` : d.action === "end" ? ` (${d.reason})` : d.action === "nurture" ? `: ${d.reasons.join("; ")}` : ""}`,
    );
  }
  if (result.firstHandoff) {
    console.log(`\n--- screen pop at turn ${result.firstHandoff.turn} ---`);
    console.log(JSON.stringify(result.firstHandoff.screenPop, null, 2));
    console.log("--- as Connect contact attributes ---");
    console.log(JSON.stringify(screenPopAttributes(result.firstHandoff.screenPop), null, 2));
  } else {
    console.log("\n(no handoff)");
  }
  printRestart(transcript, campaign, givenScreenPop);
}

const { calls, errors } = await readTranscriptFile(file);
let failed = errors;
for (const { transcript, contactLens } of calls) {
  try {
    if (contactLens) printContactLensFacts(contactLens);
    printReplay(transcript);
  } catch (error) {
    failed += 1;
    console.error(`skipped ${transcript.id}: ${error instanceof Error ? error.message : String(error)}`);
  }
}
if (calls.length - (failed - errors) <= 0) console.error(`${file}: nothing replayed`);
if (failed > 0 || calls.length === 0) process.exitCode = 1;
