import { Campaign } from "./campaign.js";
import { EVENT_CATALOG } from "./events/catalog.js";
import * as z from "./zod.js";

export interface EventJsonSchema {
  fileName: string;
  source: string;
  detailType: string;
  version: string;
  schema: Record<string, unknown>;
}

/** JSON Schema (draft 2020-12) of each event's detail, named `<detail-type>.v<version>.json`. */
export function eventJsonSchemas(): EventJsonSchema[] {
  return EVENT_CATALOG.map((contract) => ({
    fileName: `${contract.detailType}.v${contract.version}.json`,
    source: contract.source,
    detailType: contract.detailType,
    version: contract.version,
    schema: {
      ...z.toJSONSchema(contract.detail, { io: "input" }),
      title: contract.detailType,
      description: `detail of "${contract.detailType}" events from source "${contract.source}", schema version ${contract.version}`,
    },
  }));
}

/**
 * JSON Schema (draft 2020-12) of a campaign file, for editors (`"$schema"` in JSON, a modeline in YAML)
 * and for the AppConfig validator that refuses a bad campaign before any call sees it. Rules the schema
 * cannot say (a required slot, unique slot names, values only for category slots) are checked by
 * `npm run campaign -- check`.
 */
export function campaignJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(Campaign, { io: "input", unrepresentable: "any" }),
    $id: "https://baton.dev/schemas/campaign.json",
    title: "Baton campaign",
    description: "A contact center's campaign: product, slots with questions, objection answers, routes.",
  };
}

/** The same contract in JSON Schema draft-04, the draft AWS AppConfig's JSON Schema validators read. */
export function campaignValidatorSchema(): Record<string, unknown> {
  return z.toJSONSchema(Campaign, { io: "input", unrepresentable: "any", target: "draft-04" });
}
