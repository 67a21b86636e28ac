import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { buildWebAssets } from "../../local/web/web-assets.js";

/**
 * Writes the agent workspace app as static files into a folder, built exactly as the local server builds
 * it (local/web/web-assets.ts): `index.html` is the `/workspace` page, `assets/` the bundles and styles.
 * The CDK app runs it at synth (infra/workspace/site-bundle.ts) and deploys the folder to the site bucket.
 * Usage: `tsx infra/workspace/write-site.ts <folder>`.
 */
export async function writeWorkspaceSite(folder: string): Promise<string[]> {
  const assets = await buildWebAssets();
  const written: string[] = [];
  for (const [path, asset] of assets) {
    const file = path === "/workspace" ? "index.html" : path.startsWith("/assets/") ? path.slice(1) : null;
    // The local desk, the console and the index page are not part of the workspace app.
    if (!file || file.startsWith("assets/console.")) continue;
    const target = join(folder, file);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, asset.body);
    written.push(file);
  }
  return written.sort();
}

const [, script, folder] = process.argv;
if (script && resolve(script) === fileURLToPath(import.meta.url)) {
  if (!folder) throw new Error("usage: tsx infra/workspace/write-site.ts <folder>");
  await writeWorkspaceSite(folder);
}
