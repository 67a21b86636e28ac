import type { AppConfigProvider } from "@aws-lambda-powertools/parameters/appconfig";
import { Campaign } from "../../contracts/campaign.js";
import * as z from "../../contracts/zod.js";
import { CampaignRegistry } from "../domain/campaigns.js";

export interface AppConfigCampaignsOptions {
  provider: Pick<AppConfigProvider, "get">;
  /** How long a campaign is served from memory before AppConfig is asked again. */
  maxAgeSeconds: number;
  log: (level: "warn" | "error", message: string, details: Record<string, unknown>) => void;
}

const CAMPAIGN_ID = /^[a-z0-9][a-z0-9-]{0,62}$/;

/**
 * Campaigns deployed as AWS AppConfig configuration profiles (one per campaign, named by its id), read
 * through Powertools Parameters with its cache. AppConfig's JSON Schema validator refuses a bad file before
 * it is deployed; the contract is still checked here, and a campaign that is unknown, unreadable or invalid
 * is simply absent, so the turn fails toward a human (`system_fallback`) as for any unknown campaign.
 */
export class AppConfigCampaigns {
  /** The last document seen per campaign and its parsed campaign: parsing and compiling happen once per change. */
  private readonly parsed = new Map<string, { text: string; document: unknown; campaign: Campaign }>();

  constructor(private readonly options: AppConfigCampaignsOptions) {}

  async get(id: string): Promise<Campaign | undefined> {
    if (!CAMPAIGN_ID.test(id)) return undefined;
    let document: unknown;
    try {
      document = await this.options.provider.get(id, {
        transform: "json",
        maxAge: this.options.maxAgeSeconds,
      });
    } catch (error) {
      this.options.log("error", "campaign could not be read from AppConfig", {
        campaignId: id,
        error: error instanceof Error ? `${error.name}: ${error.message}` : String(error),
      });
      return undefined;
    }
    const known = this.parsed.get(id);
    if (known && known.document === document) return known.campaign;
    const text = JSON.stringify(document ?? null);
    if (known && known.text === text) {
      known.document = document;
      return known.campaign;
    }
    const campaign = Campaign.safeParse(document);
    if (!campaign.success || campaign.data.id !== id) {
      this.options.log("error", "campaign in AppConfig is invalid", {
        campaignId: id,
        issue: campaign.success
          ? `its id is "${campaign.data.id}"`
          : z.prettifyError(campaign.error).slice(0, 500),
      });
      return undefined;
    }
    this.parsed.set(id, { text, document, campaign: campaign.data });
    return campaign.data;
  }

  /** A registry holding the campaign a turn names, or nothing when it cannot be had. */
  async registryFor(id: string): Promise<CampaignRegistry> {
    const campaign = await this.get(id);
    return new CampaignRegistry(campaign ? [campaign] : []);
  }
}

const LexSessionCampaign = z.object({
  sessionState: z.object({ sessionAttributes: z.optional(z.record(z.string(), z.string())) }),
});

/** The campaign a Lex event names (session attribute `campaignId`), or the deployment's default. */
export function campaignIdOfLexEvent(event: unknown, defaultCampaignId: string): string {
  const parsed = LexSessionCampaign.safeParse(event);
  const id = parsed.success ? parsed.data.sessionState.sessionAttributes?.campaignId?.trim() : undefined;
  return id ? id : defaultCampaignId;
}
