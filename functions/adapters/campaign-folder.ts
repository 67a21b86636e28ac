import { readdirSync, readFileSync } from "node:fs";
import { readdir, readFile } from "node:fs/promises";
import { basename, join } from "node:path";
import type { Campaign } from "../../contracts/campaign.js";
import {
  type CampaignProblem,
  type DeploymentQueues,
  formatOf,
  readCampaignText,
} from "../domain/campaign-document.js";

export interface CampaignFileProblems {
  file: string;
  problems: CampaignProblem[];
}

export interface CampaignFolder {
  campaigns: Campaign[];
  /** Files that could not be used, each with every problem; the other campaigns still load. */
  rejected: CampaignFileProblems[];
}

/** Reads one campaign file (`.json`, `.yaml` or `.yml`). */
export async function readCampaignFile(
  path: string,
  deployment?: DeploymentQueues,
): Promise<{ ok: true; campaign: Campaign } | { ok: false; problems: CampaignProblem[] }> {
  const format = formatOf(path);
  if (!format) {
    return {
      ok: false,
      problems: [{ field: "(file)", message: "campaign files end in .json, .yaml or .yml" }],
    };
  }
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path);
  } catch (error) {
    return { ok: false, problems: [{ field: "(file)", message: (error as Error).message }] };
  }
  return readCampaignBytes(bytes, format, deployment);
}

type FileReading = Awaited<ReturnType<typeof readCampaignFile>>;

function readCampaignBytes(
  bytes: Uint8Array,
  format: "json" | "yaml",
  deployment?: DeploymentQueues,
): FileReading {
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return { ok: false, problems: [{ field: "(file)", message: "not UTF-8 text" }] };
  }
  return readCampaignText(text, format, deployment);
}

/** The same as `readCampaignFolder`, synchronously, for the CDK app (which synthesizes synchronously). */
export function readCampaignFolderSync(dir: string, deployment?: DeploymentQueues): CampaignFolder {
  const readings = campaignFileNames(readdirSync(dir, { withFileTypes: true })).map((name) => {
    const file = join(dir, name);
    const format = formatOf(name) ?? "json";
    try {
      return { file, reading: readCampaignBytes(readFileSync(file), format, deployment) };
    } catch (error) {
      const reading: FileReading = {
        ok: false,
        problems: [{ field: "(file)", message: (error as Error).message }],
      };
      return { file, reading };
    }
  });
  return collect(readings);
}

function campaignFileNames(entries: ReadonlyArray<{ name: string; isFile(): boolean }>): string[] {
  return entries
    .filter((entry) => entry.isFile() && formatOf(entry.name) !== null)
    .map((entry) => entry.name)
    .sort();
}

/** Every campaign file in a folder (not its subfolders), in name order; two files with one id: the second is refused. */
export async function readCampaignFolder(
  dir: string,
  deployment?: DeploymentQueues,
): Promise<CampaignFolder> {
  const names = campaignFileNames(await readdir(dir, { withFileTypes: true }));
  const readings: Array<{ file: string; reading: FileReading }> = [];
  for (const name of names) {
    const file = join(dir, name);
    readings.push({ file, reading: await readCampaignFile(file, deployment) });
  }
  return collect(readings);
}

function collect(readings: ReadonlyArray<{ file: string; reading: FileReading }>): CampaignFolder {
  const campaigns: Campaign[] = [];
  const rejected: CampaignFileProblems[] = [];
  const fileById = new Map<string, string>();
  for (const { file, reading } of readings) {
    if (!reading.ok) {
      rejected.push({ file, problems: reading.problems });
      continue;
    }
    const earlier = fileById.get(reading.campaign.id);
    if (earlier) {
      rejected.push({
        file,
        problems: [
          {
            field: "id",
            message: `campaign "${reading.campaign.id}" is already defined in ${basename(earlier)}`,
          },
        ],
      });
      continue;
    }
    fileById.set(reading.campaign.id, file);
    campaigns.push(reading.campaign);
  }
  return { campaigns, rejected };
}

/** `file:line: field: message`, one line per problem, as editors and CI logs link them. */
export function formatProblems({ file, problems }: CampaignFileProblems): string[] {
  return problems.map(
    (problem) =>
      `${file}${problem.line === undefined ? "" : `:${problem.line}`}: ${problem.field}: ${problem.message}`,
  );
}
