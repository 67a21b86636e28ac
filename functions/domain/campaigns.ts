import defaultCampaignJson from "../../campaigns/default.json" with { type: "json" };
import { Campaign } from "../../contracts/campaign.js";
import { BatonInputError } from "./errors.js";
import { describeIssue } from "./zod-issue.js";

/** Parses a campaign document; an invalid one names the field. */
export function parseCampaign(document: unknown, source: string): Campaign {
  const parsed = Campaign.safeParse(document);
  if (!parsed.success) {
    const { field, message } = describeIssue(parsed.error);
    throw new BatonInputError(`campaign ${source}: ${message}`, { field });
  }
  return parsed.data;
}

// Pure for the bundler: a function that never uses the default campaign (the call path reads campaigns
// from AppConfig) does not parse it at every cold start. Tests parse it.
export const defaultCampaign: Campaign = /* @__PURE__ */ parseCampaign(
  defaultCampaignJson,
  "campaigns/default.json",
);

/** The campaigns a deployment knows, by id; an unknown id is a typed error, never a silent default. */
export class CampaignRegistry {
  private readonly byId: Map<string, Campaign>;
  constructor(campaigns: readonly Campaign[]) {
    this.byId = new Map(campaigns.map((campaign) => [campaign.id, campaign]));
  }
  get(id: string): Campaign {
    const campaign = this.byId.get(id);
    if (!campaign)
      throw new BatonInputError(`unknown campaign "${id}" (known: ${[...this.byId.keys()].join(", ")})`, {
        field: "campaign",
      });
    return campaign;
  }
  has(id: string): boolean {
    return this.byId.has(id);
  }
  list(): Campaign[] {
    return [...this.byId.values()];
  }
}
