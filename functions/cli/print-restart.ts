import type { Campaign } from "../../contracts/campaign.js";
import type { ScreenPop } from "../../contracts/screen-pop.js";
import type { Transcript } from "../../contracts/transcript.js";
import type { ContactLensFacts } from "../domain/contact-lens-import.js";
import { restartForTranscript } from "../domain/restart.js";

const SCREEN_POP_FROM = {
  given: "Baton's Handoff.Requested (--screen-pop)",
  ai_handoff: "replaying the AI part up to its handoff",
  ai_state: "replaying the AI part (no handoff decided)",
} as const;

/** Prints the restart KPI of the human part of a call, or why it does not apply. */
export function printRestart(transcript: Transcript, campaign: Campaign, screenPop?: ScreenPop): void {
  const result = restartForTranscript(transcript, campaign, screenPop);
  if (!result.applicable) {
    console.log(`\n--- restart KPI: not applicable (${result.reason}) ---`);
    return;
  }
  const { report, screenPopFrom, humanFrom } = result;
  console.log(
    `\n--- restart KPI (human part from turn ${humanFrom}; screen pop from ${SCREEN_POP_FROM[screenPopFrom]}) ---`,
  );
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

/** What the Contact Lens file said besides the turns. */
export function printContactLensFacts(facts: ContactLensFacts): void {
  const roles = Object.entries(facts.messagesByRole)
    .map(([role, count]) => `${role} ${count}`)
    .join(", ");
  console.log(
    `Contact Lens ${facts.channel} file${facts.version ? ` (${facts.version})` : ""}${
      facts.redacted ? ", redacted" : ""
    }: messages ${roles}; ${facts.skipped.length} item(s) not turns${
      facts.redactedItems ? `; ${facts.redactedItems} with redactions` : ""
    }`,
  );
  if (facts.categories.length > 0) console.log(`categories: ${facts.categories.join(", ")}`);
  if (facts.postContactSummary) console.log(`post-contact summary: ${facts.postContactSummary}`);
  for (const skipped of facts.skipped.filter((item) => item.reason.startsWith("unknown"))) {
    console.log(`  Transcript[${skipped.item}] skipped: ${skipped.reason}`);
  }
}
