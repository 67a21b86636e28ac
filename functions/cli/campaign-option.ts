import { resolve } from "node:path";
import { formatProblems, readCampaignFolder } from "../adapters/campaign-folder.js";
import { CampaignRegistry } from "../domain/campaigns.js";
import { usage } from "./load-transcripts.js";

export const DEFAULT_CAMPAIGN_DIR = "campaigns";

/** `--campaigns <dir>` (default `campaigns/`) and the rest of the arguments. */
export function takeCampaignsOption(args: readonly string[]): { dir: string; rest: string[] } {
  const at = args.indexOf("--campaigns");
  if (at < 0) return { dir: DEFAULT_CAMPAIGN_DIR, rest: [...args] };
  const dir = args[at + 1];
  if (!dir || dir.startsWith("--")) throw new Error("--campaigns needs a folder, e.g. --campaigns campaigns");
  return { dir, rest: args.filter((_, index) => index !== at && index !== at + 1) };
}

/** The campaigns of a folder; a file with problems is reported on stderr and left out. */
export async function loadCampaignRegistry(dir: string): Promise<CampaignRegistry> {
  const folder = await readCampaignFolder(resolve(dir)).catch((error: NodeJS.ErrnoException) =>
    usage(`cannot read the campaign folder ${dir}: ${error.code ?? error.message}`),
  );
  for (const rejected of folder.rejected) {
    for (const line of formatProblems(rejected)) console.error(`campaign skipped: ${line}`);
  }
  if (folder.campaigns.length === 0) usage(`no usable campaign file in ${dir}`);
  return new CampaignRegistry(folder.campaigns);
}
