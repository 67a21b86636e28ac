import { S3Client } from "@aws-sdk/client-s3";
import { commandLine } from "./command-line.js";
import { usage } from "./load-transcripts.js";
import { restartBatch } from "./restart-batch.js";
import { type KnownHandoff, loadHandoffEvents } from "./screen-pop-file.js";

/**
 * `npm run restart-report -- <folder | s3://bucket/prefix> [--handoffs <events.jsonl>] [--json]`: the restart KPI
 * over Contact Lens output files (`*.json`, searched recursively), as rate per campaign and handoff trigger.
 * `--handoffs` gives Baton's Handoff.Requested events (the bus archive, one a line). A file that cannot be read
 * is named on stderr and makes the exit code 1; the other files are still reported.
 */
const USAGE =
  "usage: npm run restart-report -- <folder | s3://bucket/prefix> [--handoffs <events.jsonl>] [--json]";
const { values: options, positionals } = commandLine(
  process.argv.slice(2),
  { handoffs: { type: "string" }, json: { type: "boolean", default: false } },
  USAGE,
);
const handoffsPath = options.handoffs;
const asJson = options.json;
const location = positionals[0] ?? usage(USAGE);

const handoffs: Map<string, KnownHandoff> = handoffsPath ? await loadHandoffEvents(handoffsPath) : new Map();
const batch = await restartBatch(location, handoffs, () => new S3Client({})).catch((error: unknown) => {
  console.error(`cannot read ${location}: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});

if (asJson) {
  console.log(JSON.stringify(batch, null, 2));
} else {
  console.log("campaign            trigger            calls  measured  restarts  rate    not applicable");
  for (const rate of batch.rates) {
    const percent = rate.rate === null ? "n/a" : `${(rate.rate * 100).toFixed(1)}%`;
    console.log(
      `${rate.campaign.padEnd(19)} ${rate.trigger.padEnd(18)} ${String(rate.calls).padStart(5)}  ${String(rate.measured).padStart(8)}  ${String(rate.restarts).padStart(8)}  ${percent.padEnd(6)}  ${rate.notApplicable}`,
    );
  }
  for (const { file, contactId, result } of batch.calls) {
    if (!result.applicable) {
      console.log(`${file} (${contactId}): not applicable: ${result.reason}`);
      continue;
    }
    console.log(`${file} (${contactId}): restart ${result.report.restart}`);
    for (const finding of result.report.findings) {
      const what =
        finding.kind === "reasked_slot" ? `re-asked ${finding.slot}` : finding.kind.replace(/_/g, " ");
      console.log(`  turn ${result.humanFrom + finding.turn}: ${what}: ${finding.text.slice(0, 160)}`);
    }
  }
}
for (const problem of batch.unreadable) console.error(`skipped ${problem}`);
if (batch.unreadable.length > 0)
  console.error(`${batch.unreadable.length} file(s) or line(s) could not be read`);
if (batch.unreadable.length > 0 || batch.calls.length === 0) process.exitCode = 1;
