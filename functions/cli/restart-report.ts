import { readFile } from "node:fs/promises";
import type { Campaign } from "../../contracts/campaign.js";
import { ScreenPop } from "../../contracts/screen-pop.js";
import type { Transcript } from "../../contracts/transcript.js";
import { restartForTranscript } from "../domain/restart.js";
import { describeIssue } from "../domain/transcript-file.js";

/** `--screen-pop <file.json>`: a screen pop, a Handoff.Requested detail, or its EventBridge envelope. */
export async function loadScreenPopFile(path: string): Promise<ScreenPop> {
  const document: unknown = JSON.parse(await readFile(path, "utf8"));
  const candidates = [document, pick(document, "screenPop"), pick(pick(document, "detail"), "screenPop")];
  for (const candidate of candidates) {
    const parsed = ScreenPop.safeParse(candidate);
    if (parsed.success) return parsed.data;
  }
  const first = ScreenPop.safeParse(document);
  throw new Error(
    `${path}: no screen pop (expected a screen pop, a Handoff.Requested detail or its envelope)${
      first.success ? "" : `; ${describeIssue(first.error).message}`
    }`,
  );
}

function pick(value: unknown, key: string): unknown {
  return typeof value === "object" && value !== null ? (value as Record<string, unknown>)[key] : undefined;
}

/** Prints the restart KPI of the human part of a call (nothing when the transcript has no closer turn). */
export function printRestart(transcript: Transcript, campaign: Campaign, screenPop?: ScreenPop): void {
  const result = restartForTranscript(transcript, campaign, screenPop);
  if (!result) return;
  const { report, screenPopFrom, humanFrom } = result;
  const from = {
    given: "the --screen-pop file",
    ai_handoff: "replaying the AI part up to its handoff",
    ai_state: "replaying the AI part (no handoff decided)",
  }[screenPopFrom];
  console.log(`\n--- restart KPI (human part from turn ${humanFrom}; screen pop from ${from}) ---`);
  console.log(
    `restart: ${report.restart} (${report.findings.length} finding(s) in ${report.agentTurns} closer turn(s); do not re-ask: ${
      report.confirmedSlots.join(", ") || "nothing confirmed"
    })`,
  );
  for (const finding of report.findings) {
    const what =
      finding.kind === "reasked_slot" ? `re-asked ${finding.slot}` : finding.kind.replace(/_/g, " ");
    console.log(`  [${humanFrom + finding.turn}] ${what}: ${finding.text.slice(0, 160)}`);
  }
}
