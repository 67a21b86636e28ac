import { readdir } from "node:fs/promises";
import { join, relative } from "node:path";
import { CampaignRegistry, defaultCampaign } from "../domain/campaigns.js";
import { restartForTranscript, restartRates, type TranscriptRestart } from "../domain/restart.js";
import { readTranscriptFile, usage } from "./load-transcripts.js";
import { type KnownHandoff, loadHandoffEvents } from "./screen-pop-file.js";

/**
 * `npm run restart-report -- <folder> [--handoffs <events.jsonl>] [--json]`: the restart KPI over a folder of
 * Contact Lens output files (searched recursively, `*.json`), as rate per campaign and handoff trigger.
 * `--handoffs` gives Baton's Handoff.Requested events (the bus archive, one a line): a call with one is measured
 * against the screen pop the closer saw. A call without one is measured only when it has an AI part to replay;
 * otherwise it is "not applicable", never a 0. A file that cannot be read is named on stderr and makes the exit
 * code 1; the other files are still reported.
 */
const USAGE =
  "usage: npm run restart-report -- <folder of Contact Lens files> [--handoffs <events.jsonl>] [--json]";
const args = process.argv.slice(2);
const handoffsAt = args.indexOf("--handoffs");
const handoffsPath = handoffsAt >= 0 ? (args[handoffsAt + 1] ?? usage(USAGE)) : undefined;
const asJson = args.includes("--json");
const folder =
  args.filter(
    (arg, index) =>
      arg !== "--json" && (handoffsAt < 0 || (index !== handoffsAt && index !== handoffsAt + 1)),
  )[0] ?? usage(USAGE);

const campaigns = new CampaignRegistry([defaultCampaign]);
const handoffs: Map<string, KnownHandoff> = handoffsPath ? await loadHandoffEvents(handoffsPath) : new Map();

const calls: Array<{
  file: string;
  contactId: string;
  campaign: string;
  trigger: string;
  result: TranscriptRestart;
}> = [];
let unreadable = 0;
for (const path of await jsonFiles(folder)) {
  const { calls: read, errors } = await readTranscriptFile(path);
  unreadable += errors;
  for (const { transcript, contactLens } of read) {
    const contactId = contactLens?.contactId ?? transcript.id;
    const handoff = handoffs.get(contactId);
    const campaignId = handoff?.campaign ?? transcript.campaign;
    if (!campaigns.has(campaignId)) {
      console.error(`skipped ${path}: unknown campaign "${campaignId}"`);
      unreadable += 1;
      continue;
    }
    const result = restartForTranscript(transcript, campaigns.get(campaignId), handoff?.screenPop);
    calls.push({
      file: relative(folder, path),
      contactId,
      campaign: handoff ? campaignId : "(no Baton handoff)",
      trigger: handoff?.trigger ?? "-",
      result,
    });
  }
}

const rates = restartRates(calls);
if (asJson) {
  console.log(JSON.stringify({ rates, calls, unreadable }, null, 2));
} else {
  console.log("campaign            trigger            calls  measured  restarts  rate    not applicable");
  for (const rate of rates) {
    console.log(
      `${rate.campaign.padEnd(19)} ${rate.trigger.padEnd(18)} ${String(rate.calls).padStart(5)}  ${String(rate.measured).padStart(8)}  ${String(rate.restarts).padStart(8)}  ${(rate.rate === null ? "n/a" : `${(rate.rate * 100).toFixed(1)}%`).padEnd(6)}  ${rate.notApplicable}`,
    );
  }
  for (const call of calls) {
    const { result } = call;
    if (!result.applicable) {
      console.log(`${call.file} (${call.contactId}): not applicable: ${result.reason}`);
      continue;
    }
    console.log(`${call.file} (${call.contactId}): restart ${result.report.restart}`);
    for (const finding of result.report.findings) {
      const what =
        finding.kind === "reasked_slot" ? `re-asked ${finding.slot}` : finding.kind.replace(/_/g, " ");
      console.log(`  turn ${result.humanFrom + finding.turn}: ${what}: ${finding.text.slice(0, 160)}`);
    }
  }
}
if (unreadable > 0) console.error(`${unreadable} file(s) or line(s) could not be read`);
if (unreadable > 0 || calls.length === 0) process.exitCode = 1;

async function jsonFiles(root: string): Promise<string[]> {
  const entries = await readdir(root, { withFileTypes: true, recursive: true }).catch((error: unknown) => {
    console.error(`cannot read ${root}: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  });
  return entries
    .filter((entry) => entry.isFile() && entry.name.endsWith(".json"))
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
}
