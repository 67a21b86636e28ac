import { mkdir, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { eventJsonSchemas } from "./json-schema.js";

/** `npm run contracts`: writes one JSON Schema per event, for the EventBridge schema registry. */
const outDir = join(dirname(fileURLToPath(import.meta.url)), "json-schema");
await mkdir(outDir, { recursive: true });
for (const { fileName, schema } of eventJsonSchemas()) {
  await writeFile(join(outDir, fileName), `${JSON.stringify(schema, null, 2)}\n`);
  console.log(`wrote contracts/json-schema/${fileName}`);
}
