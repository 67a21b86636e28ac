import type { S3Client } from "@aws-sdk/client-s3";
import { CampaignRegistry, defaultCampaign } from "../domain/campaigns.js";
import {
  type RestartRate,
  restartForTranscript,
  restartRates,
  type TranscriptRestart,
} from "../domain/restart.js";
import { parseTranscriptFile } from "../domain/transcript-file.js";
import { contactLensFiles } from "./contact-lens-files.js";
import type { KnownHandoff } from "./screen-pop-file.js";

export interface RestartBatch {
  rates: RestartRate[];
  calls: Array<{
    file: string;
    contactId: string;
    campaign: string;
    trigger: string;
    result: TranscriptRestart;
  }>;
  /** Each file (or line) that could not be read, with why. */
  unreadable: string[];
}

/**
 * The restart KPI of every Contact Lens file at a location (folder or S3 prefix). A call with Baton's
 * Handoff.Requested is measured against the screen pop the closer saw and grouped by its campaign and trigger;
 * a call without one is measured only when it has an AI part to replay, else it is "not applicable".
 */
export async function restartBatch(
  location: string,
  handoffs: ReadonlyMap<string, KnownHandoff>,
  s3?: () => S3Client,
): Promise<RestartBatch> {
  const campaigns = new CampaignRegistry([defaultCampaign]);
  const batch: RestartBatch = { rates: [], calls: [], unreadable: [] };
  for (const file of await contactLensFiles(location, s3)) {
    let bytes: Uint8Array;
    try {
      bytes = await file.read();
    } catch (error) {
      batch.unreadable.push(`${file.name}: ${error instanceof Error ? error.message : String(error)}`);
      continue;
    }
    for (const entry of parseTranscriptFile(bytes, file.name)) {
      if ("error" in entry) {
        batch.unreadable.push(entry.error.message);
        continue;
      }
      const contactId = entry.contactLens?.contactId ?? entry.transcript.id;
      const handoff = handoffs.get(contactId);
      const campaignId = handoff?.campaign ?? entry.transcript.campaign;
      if (!campaigns.has(campaignId)) {
        batch.unreadable.push(`${file.name}: unknown campaign "${campaignId}"`);
        continue;
      }
      batch.calls.push({
        file: file.name,
        contactId,
        campaign: handoff ? campaignId : "(no Baton handoff)",
        trigger: handoff?.trigger ?? "-",
        result: restartForTranscript(entry.transcript, campaigns.get(campaignId), handoff?.screenPop),
      });
    }
  }
  batch.rates = restartRates(batch.calls);
  return batch;
}
