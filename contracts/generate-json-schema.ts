import { mkdir, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { campaignJsonSchema, eventJsonSchemas } from "./json-schema.js";

/** `npm run contracts`: one JSON Schema per event (EventBridge schema registry) and one for campaign files. */
const outDir = join(dirname(fileURLToPath(import.meta.url)), "json-schema");
await mkdir(outDir, { recursive: true });
for (const { fileName, schema } of eventJsonSchemas()) {
  await writeFile(join(outDir, fileName), `${JSON.stringify(schema, null, 2)}\n`);
  console.log(`wrote contracts/json-schema/${fileName}`);
}
await writeFile(join(outDir, "campaign.json"), `${JSON.stringify(campaignJsonSchema(), null, 2)}\n`);
console.log("wrote contracts/json-schema/campaign.json");
