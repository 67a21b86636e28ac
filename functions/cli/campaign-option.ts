import { resolve } from "node:path";
import { formatProblems, readCampaignFolder } from "../adapters/campaign-folder.js";
import { CampaignRegistry } from "../domain/campaigns.js";
import { usage } from "./load-transcripts.js";

export const DEFAULT_CAMPAIGN_DIR = "campaigns";

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
