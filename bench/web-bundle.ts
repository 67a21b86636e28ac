import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { buildWebAssets } from "../local/web/web-assets.js";

/** A page's script or style sheet as the local server serves it (source maps left out). */
export interface WebBundleFigure {
  asset: string;
  bytes: number;
  gzipBytes: number;
}

/**
 * The web pages bundled exactly as `npm start` serves them (local/web/web-assets.ts: esbuild, minified):
 * the agent desk's React + Cloudscape script and CSS, the console's script. The build time is the whole
 * in-memory build, once.
 */
export async function webBundleFigures(): Promise<{ buildMs: number; assets: WebBundleFigure[] }> {
  const started = performance.now();
  const assets = await buildWebAssets();
  const buildMs = Math.round(performance.now() - started);
  const figures = [...assets]
    .filter(([path]) => path.startsWith("/assets/") && !path.endsWith(".map"))
    .map(([asset, { body }]) => ({ asset, bytes: body.length, gzipBytes: gzipSync(body).length }));
  return { buildMs, assets: figures };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { buildMs, assets } = await webBundleFigures();
  console.log("asset                    bytes    KB  gzip KB");
  for (const row of assets)
    console.log(
      `${row.asset.padEnd(20)} ${String(row.bytes).padStart(9)} ${(row.bytes / 1024).toFixed(0).padStart(5)} ${(row.gzipBytes / 1024).toFixed(0).padStart(8)}`,
    );
  console.log(`in-memory build: ${buildMs} ms`);
}
