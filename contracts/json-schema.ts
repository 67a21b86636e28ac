import * as z from "zod";
import { EVENT_CATALOG } from "./events/catalog.js";

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
