import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

export interface WebAsset {
  contentType: string;
  body: Buffer;
}

const WEB_ROOT = fileURLToPath(new URL("../../web/", import.meta.url));

/** Each page's entry; the agent desk bundle is the same one the Connect agent workspace loads. */
const ENTRIES = {
  desk: "desk/main.tsx",
  console: "console/main.ts",
} as const;

const CONTENT_TYPES: Record<string, string> = {
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".map": "application/json; charset=utf-8",
};

/**
 * Bundles `web/` with esbuild into memory at start (about a second: the desk carries React and
 * Cloudscape): no build step, no files to go stale. Returns the assets by URL path; a page's CSS
 * (Cloudscape's, imported by the desk) comes out beside its script.
 */
export async function buildWebAssets(): Promise<Map<string, WebAsset>> {
  const result = await build({
    entryPoints: Object.entries(ENTRIES).map(([name, path]) => ({ in: `${WEB_ROOT}${path}`, out: name })),
    bundle: true,
    write: false,
    format: "esm",
    platform: "browser",
    target: "es2022",
    outdir: "/assets",
    // Minified with linked source maps: the desk's Cloudscape and React are megabytes unminified.
    minify: true,
    sourcemap: "linked",
    // React's production build: the development one is several times larger and slower.
    define: { "process.env.NODE_ENV": '"production"' },
    logLevel: "silent",
  });
  const assets = new Map<string, WebAsset>();
  for (const file of result.outputFiles) {
    const path = file.path.replace(/^.*\/assets\//, "/assets/");
    const contentType = CONTENT_TYPES[path.slice(path.lastIndexOf("."))];
    if (contentType) assets.set(path, { contentType, body: Buffer.from(file.contents) });
  }
  assets.set("/assets/style.css", {
    contentType: "text/css; charset=utf-8",
    body: await readFile(`${WEB_ROOT}style.css`),
  });
  for (const [path, page] of Object.entries(PAGES)) {
    assets.set(path, { contentType: "text/html; charset=utf-8", body: Buffer.from(page) });
  }
  return assets;
}

/** The desk is styled by Cloudscape alone (its bundle's CSS); the console by the plain style sheet. */
function shell(title: string, script: string, host: "local" | "connect"): string {
  const style = script === "desk" ? "/assets/desk.css" : "/assets/style.css";
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
<link rel="stylesheet" href="${style}">
</head>
<body data-host="${host}">
<div id="app"></div>
<script type="module" src="/assets/${script}.js"></script>
</body>
</html>
`;
}

/** `/workspace` is the desk as the Connect agent workspace hosts it (reads contact attributes). */
const INDEX = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Baton local</title><link rel="stylesheet" href="/assets/style.css"></head>
<body><div class="index">
<h1>Baton, running on this machine</h1>
<p><a href="/console">Customer console</a>: start a call, type as the customer or pick a persona.</p>
<p><a href="/desk">Agent desk</a>: the queue of handed-off calls and each screen pop.</p>
</div></body>
</html>
`;

const PAGES: Record<string, string> = {
  "/index": INDEX,
  "/desk": shell("Baton agent desk", "desk", "local"),
  "/console": shell("Baton customer console", "console", "local"),
  "/workspace": shell("Baton screen pop", "desk", "connect"),
};
