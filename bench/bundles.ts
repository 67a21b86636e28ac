import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { basename, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { bundleFunction, totalBytes } from "../infra/bundling.js";

/** Each Lambda bundle's minified size and cold module-init time, bundled exactly as BatonFunction does. */
export interface BundleFigure {
  function: string;
  /** index.mjs and the chunks it imports statically: what every cold start parses (the budget). */
  bytes: number;
  /** Chunks only a dynamic import reaches (the tracer when tracing is on), together. */
  lazyBytes: number;
  /** The files the bundling copies beside index.mjs (the turn reader's weights), together. */
  besideBytes: number;
  initMs: number;
}

export const BUNDLE_TARGETS = { "conversation-turn": { maxBytes: 400 * 1024, maxInitMs: 150 } } as const;

const ROOT = resolve(fileURLToPath(new URL(".", import.meta.url)), "..");
const HANDLERS = join(ROOT, "functions", "handlers");
const RUNS = 5;

/** Enough environment for every handler's fail-fast config read at import (nothing is called). */
const FAKE_ENVIRONMENT: Record<string, string> = {
  AWS_REGION: "us-east-1",
  AWS_ACCESS_KEY_ID: "AKIDEXAMPLE",
  AWS_SECRET_ACCESS_KEY: "example",
  AWS_LAMBDA_FUNCTION_NAME: "bench",
  NODE_OPTIONS: "--enable-source-maps",
  BATON_TABLE_NAME: "baton-bench",
  BATON_EVENT_BUS_NAME: "baton",
  BATON_MODEL_ID: "us.amazon.nova-lite-v1:0",
  BATON_CAMPAIGN_APPLICATION: "baton-campaigns",
  BATON_PENDING_EVENTS_QUEUE_URL: "https://sqs.us-east-1.amazonaws.com/111122223333/baton-pending-events",
  BATON_CAMPAIGN_ENVIRONMENT: "live",
  BATON_CONNECT_INSTANCE_ID:
    "arn:aws:connect:us-east-1:111122223333:instance/00000000-0000-4000-8000-000000000000",
  BATON_QUEUE_MAP:
    '{"baton-closers":"arn:aws:connect:us-east-1:111122223333:instance/00000000-0000-4000-8000-000000000000/queue/00000000-0000-4000-8000-000000000001"}',
  BATON_CALLBACK_FUNCTION_ARN: "arn:aws:lambda:us-east-1:111122223333:function:start-callback",
  BATON_SCHEDULER_ROLE_ARN: "arn:aws:iam::111122223333:role/scheduler",
  BATON_OUTBOUND_FLOW_ID: "00000000-0000-4000-8000-000000000002",
  BATON_OUTBOUND_QUEUE_ID: "00000000-0000-4000-8000-000000000001",
  POWERTOOLS_TRACE_ENABLED: "false",
  NODE_NO_WARNINGS: "1",
};

/** The Lambda entry points: every handler file that exports `handler`. */
export function handlerEntries(): string[] {
  return readdirSync(HANDLERS)
    .filter((file) => file.endsWith(".ts"))
    .map((file) => join(HANDLERS, file))
    .filter((file) => /export const handler\b/.test(readFileText(file)));
}

/** Bundles each handler with BatonFunction's esbuild options; init is the median of 5 fresh `node` imports. */
export async function bundleFigures(entries: string[] = handlerEntries()): Promise<BundleFigure[]> {
  return inBundleDir("baton-bundles-", async (dir) => {
    const rows: BundleFigure[] = [];
    for (const entry of entries) {
      const name = basename(entry, ".ts");
      const bundle = bundleFunction({ name, entry, outdir: join(dir, name), repoRoot: ROOT });
      rows.push({
        function: name,
        bytes: totalBytes(bundle.eager),
        lazyBytes: totalBytes(bundle.lazy),
        besideBytes: totalBytes(bundle.beside),
        initMs: medianInit(bundle.entry),
      });
    }
    return rows;
  });
}

/** A scratch folder inside node_modules, so that the external AWS SDK resolves as the Lambda runtime's does. */
async function inBundleDir<T>(prefix: string, work: (dir: string) => Promise<T>): Promise<T> {
  const cache = join(ROOT, "node_modules", ".cache");
  mkdirSync(cache, { recursive: true });
  const dir = mkdtempSync(join(cache, prefix));
  try {
    return await work(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function medianInit(bundle: string): number {
  return median(Array.from({ length: RUNS }, () => timeImport(bundle).wallMs));
}

/**
 * One fresh `node` importing a bundle: wall time, CPU time (steadier on a shared machine), and whether the
 * X-Ray SDK loaded (its context store, cls-hooked, sets `process.namespaces` when it loads).
 */
function timeImport(
  bundle: string,
  extraEnvironment: Record<string, string> = {},
): { wallMs: number; cpuMs: number; xraySdkLoaded: boolean } {
  const script = `const t=performance.now();const c=process.cpuUsage();await import(${JSON.stringify(pathToFileURL(bundle).href)});const u=process.cpuUsage(c);process.stdout.write(JSON.stringify([performance.now()-t,(u.user+u.system)/1000,typeof process.namespaces==="object"]));`;
  const [wallMs, cpuMs, xraySdkLoaded] = JSON.parse(
    execFileSync(process.execPath, ["--enable-source-maps", "--input-type=module", "-e", script], {
      env: { PATH: process.env.PATH ?? "", ...FAKE_ENVIRONMENT, ...extraEnvironment },
      encoding: "utf8",
    }),
  ) as [number, number, boolean];
  return { wallMs, cpuMs, xraySdkLoaded };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return Math.round((sorted[Math.floor(sorted.length / 2)] ?? 0) * 10) / 10;
}

export interface ColdStartFigures {
  sdkClients: string[];
  /** Medians over alternating runs: the handler's bundle (with the turn reader) and its SDK clients alone. */
  handler: { wallMs: number; cpuMs: number };
  sdkOnly: { wallMs: number; cpuMs: number };
  wallRatio: number;
  cpuRatio: number;
  /**
   * The same handler as deployed with X-Ray active (in a Lambda environment, tracing not turned off): the
   * Powertools tracer and the X-Ray SDK load at start from their chunk. Measured in the same alternation, for
   * reference; `xraySdkLoaded` says whether every traced run loaded it and no untraced run did.
   */
  handlerTraced: {
    wallMs: number;
    cpuMs: number;
    wallRatio: number;
    cpuRatio: number;
    xraySdkLoaded: boolean;
  };
}

/** What a deployed function with X-Ray active sees: a Lambda execution environment, tracing left on. */
const TRACED_ENVIRONMENT = { AWS_EXECUTION_ENV: "AWS_Lambda_nodejs22.x", POWERTOOLS_TRACE_ENABLED: "true" };

/**
 * Cold start of the conversation-turn function against importing and constructing the same AWS SDK
 * clients alone, side by side in one run (runs alternate, so machine load hits both alike). 31 runs, about 15 s:
 * with 9, the same two bundles read ratios from 1.33 to 1.46 within twenty minutes (session 48); with 31, from
 * 1.35 to 1.44 in three runs of this function. The rest of the spread is the shared machine's load drifting.
 */
export async function coldStartFigures(runs = 31): Promise<ColdStartFigures> {
  const entry = join(HANDLERS, "conversation-turn.ts");
  const clients = [
    ...readFileText(entry).matchAll(/import \{ (\w+Client) \} from "(@aws-sdk\/client-[\w-]+)";/g),
  ].map(([, client, module]) => ({ client, module }));
  return inBundleDir("baton-cold-start-", async (dir) => {
    const sdkEntry = join(dir, "sdk-only.ts");
    writeFileSync(
      sdkEntry,
      clients
        .map(
          ({ client, module }, i) =>
            `import { ${client} as C${i} } from "${module}";\nexport const c${i} = new C${i}({});`,
        )
        .join("\n"),
    );
    const handlerBundle = bundleFunction({
      name: "conversation-turn",
      entry,
      outdir: join(dir, "handler"),
      repoRoot: ROOT,
    }).entry;
    const sdkBundle = bundleFunction({
      name: "sdk-only",
      entry: sdkEntry,
      outdir: join(dir, "sdk"),
      repoRoot: ROOT,
    }).entry;
    const handler: Array<ReturnType<typeof timeImport>> = [];
    const sdk: Array<ReturnType<typeof timeImport>> = [];
    const traced: Array<ReturnType<typeof timeImport>> = [];
    for (let run = 0; run < runs; run++) {
      handler.push(timeImport(handlerBundle));
      sdk.push(timeImport(sdkBundle));
      traced.push(timeImport(handlerBundle, TRACED_ENVIRONMENT));
    }
    const handlerFigures = {
      wallMs: median(handler.map((t) => t.wallMs)),
      cpuMs: median(handler.map((t) => t.cpuMs)),
    };
    const sdkFigures = { wallMs: median(sdk.map((t) => t.wallMs)), cpuMs: median(sdk.map((t) => t.cpuMs)) };
    const tracedFigures = {
      wallMs: median(traced.map((t) => t.wallMs)),
      cpuMs: median(traced.map((t) => t.cpuMs)),
    };
    return {
      sdkClients: clients.map(({ client, module }) => `${client} from ${module}`),
      handler: handlerFigures,
      sdkOnly: sdkFigures,
      wallRatio: Math.round((handlerFigures.wallMs / sdkFigures.wallMs) * 100) / 100,
      cpuRatio: Math.round((handlerFigures.cpuMs / sdkFigures.cpuMs) * 100) / 100,
      handlerTraced: {
        ...tracedFigures,
        wallRatio: Math.round((tracedFigures.wallMs / sdkFigures.wallMs) * 100) / 100,
        cpuRatio: Math.round((tracedFigures.cpuMs / sdkFigures.cpuMs) * 100) / 100,
        xraySdkLoaded: traced.every((t) => t.xraySdkLoaded) && !handler.some((t) => t.xraySdkLoaded),
      },
    };
  });
}

function readFileText(file: string): string {
  return readFileSync(file, "utf8");
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const rows = await bundleFigures();
  console.log(
    "function              bytes     KB  lazy KB  beside KB   init ms   target (bytes: index.mjs and its static chunks)",
  );
  for (const row of rows) {
    const target = BUNDLE_TARGETS[row.function as keyof typeof BUNDLE_TARGETS];
    const verdict = target
      ? `bytes ${row.bytes <= target.maxBytes ? "ok" : "MISSED"} (<= 400 KB), init ${row.initMs <= target.maxInitMs ? "ok" : "MISSED"} (<= 150 ms)`
      : "";
    console.log(
      `${row.function.padEnd(20)} ${String(row.bytes).padStart(8)} ${(row.bytes / 1024).toFixed(0).padStart(6)} ${(row.lazyBytes / 1024).toFixed(0).padStart(8)} ${(row.besideBytes / 1024).toFixed(0).padStart(10)} ${row.initMs.toFixed(1).padStart(9)}   ${verdict}`,
    );
  }
  console.log(JSON.stringify(await coldStartFigures(), null, 2));
}
