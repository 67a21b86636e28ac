import { existsSync } from "node:fs";
import { readFile, stat, writeFile } from "node:fs/promises";
import { join } from "node:path";
import {
  type CampaignFileProblems,
  formatProblems,
  readCampaignFile,
  readCampaignFolder,
} from "../adapters/campaign-folder.js";
import { type DeploymentQueues, deploymentQueues } from "../domain/campaign-document.js";
import { campaignStarter } from "./campaign-starter.js";
import { usage } from "./load-transcripts.js";

/**
 * `npm run campaign -- check <file | folder>...`: every problem of each campaign file, by field and line;
 * with a cdk.json here, also each route to a queue that deployment neither creates nor references.
 * `npm run campaign -- new [id] [--out <file>]`: writes a commented starter (default campaigns/<id>.yaml).
 */
const USAGE = [
  "usage: npm run campaign -- check <file | folder>...",
  "       npm run campaign -- new [id] [--out <file>]",
].join("\n");
const [command, ...args] = process.argv.slice(2);

if (command === "check") process.exitCode = await check(args.length > 0 ? args : usage(USAGE));
else if (command === "new") process.exitCode = await create(args);
else usage(USAGE);

async function check(paths: readonly string[]): Promise<number> {
  let failed = 0;
  const deployment = await deploymentOf("cdk.json");
  if (deployment)
    console.log(`routes checked against ${deployment.source}: ${[...deployment.queues].sort().join(", ")}`);
  for (const path of paths) {
    const isFolder = existsSync(path) && (await stat(path)).isDirectory();
    const results: Array<CampaignFileProblems & { id?: string }> = [];
    if (isFolder) {
      const folder = await readCampaignFolder(path, deployment);
      results.push(...folder.rejected);
      for (const campaign of folder.campaigns)
        results.push({ file: `${path}/(${campaign.id})`, problems: [], id: campaign.id });
    } else {
      const reading = await readCampaignFile(path, deployment);
      results.push(
        reading.ok
          ? { file: path, problems: [], id: reading.campaign.id }
          : { file: path, problems: reading.problems },
      );
    }
    for (const result of results) {
      if (result.problems.length === 0) {
        console.log(`ok ${result.file}: campaign "${result.id}"`);
        continue;
      }
      failed += 1;
      for (const line of formatProblems(result)) console.log(line);
    }
  }
  return failed === 0 ? 0 : 1;
}

/**
 * The queues of the deployment cdk.json describes (its campaignFile's routes and its `queues`), or none when
 * there is no cdk.json or its default campaign cannot be read (checking that file says why).
 */
async function deploymentOf(cdkJson: string): Promise<DeploymentQueues | undefined> {
  if (!existsSync(cdkJson)) return undefined;
  let context: { campaignFile?: unknown; queues?: unknown } = {};
  try {
    context = (JSON.parse(await readFile(cdkJson, "utf8")) as { context?: typeof context }).context ?? {};
  } catch {
    return undefined;
  }
  if (typeof context.campaignFile !== "string") return undefined;
  const reading = await readCampaignFile(context.campaignFile);
  if (!reading.ok) return undefined;
  const declared =
    typeof context.queues === "object" && context.queues !== null ? Object.keys(context.queues) : [];
  return deploymentQueues(reading.campaign, declared, `the queues of ${cdkJson}`);
}

async function create(args: readonly string[]): Promise<number> {
  const outAt = args.indexOf("--out");
  const id = args.find((arg, index) => !arg.startsWith("--") && index !== outAt + 1) ?? "my-campaign";
  if (!/^[a-z0-9][a-z0-9-]{0,62}$/.test(id)) usage(`campaign ids are lower-kebab-case: "${id}"\n${USAGE}`);
  const out = outAt >= 0 ? (args[outAt + 1] ?? usage(USAGE)) : join("campaigns", `${id}.yaml`);
  if (existsSync(out)) {
    console.error(`${out} already exists: pick another id or --out <file>`);
    return 1;
  }
  await writeFile(out, campaignStarter(id), { flag: "wx" });
  console.log(`wrote ${out}: edit it, then npm run campaign -- check ${out}`);
  return 0;
}
