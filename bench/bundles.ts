import { execFileSync } from "node:child_process";
import {
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { build } from "esbuild";
import { esbuildOptions, FILES_BESIDE_BUNDLE } from "../infra/bundling.js";

/** Each Lambda bundle's minified size and cold module-init time, bundled exactly as BatonFunction does. */
export interface BundleFigure {
  function: string;
  /** index.mjs alone. */
  bytes: number;
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
      const outfile = join(dir, name, "index.mjs");
      await build(esbuildOptions(entry, outfile));
      const besideBytes = copyBesideBundle(name, outfile);
      rows.push({ function: name, bytes: statSync(outfile).size, besideBytes, initMs: medianInit(outfile) });
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

/** What BatonFunction's bundling copies beside index.mjs; returns their bytes. */
function copyBesideBundle(name: string, bundle: string): number {
  let bytes = 0;
  for (const file of FILES_BESIDE_BUNDLE[name] ?? []) {
    const target = join(dirname(bundle), basename(file));
    copyFileSync(join(ROOT, file), target);
    bytes += statSync(target).size;
  }
  return bytes;
}

function medianInit(bundle: string): number {
  return median(Array.from({ length: RUNS }, () => timeImport(bundle).wallMs));
}

/** One fresh `node` importing a bundle: wall time, and CPU time (steadier on a shared machine). */
function timeImport(
  bundle: string,
  extraEnvironment: Record<string, string> = {},
): { wallMs: number; cpuMs: number } {
  const script = `const t=performance.now();const c=process.cpuUsage();await import(${JSON.stringify(pathToFileURL(bundle).href)});const u=process.cpuUsage(c);process.stdout.write(JSON.stringify([performance.now()-t,(u.user+u.system)/1000]));`;
  const [wallMs, cpuMs] = JSON.parse(
    execFileSync(process.execPath, ["--enable-source-maps", "--input-type=module", "-e", script], {
      env: { PATH: process.env.PATH ?? "", ...FAKE_ENVIRONMENT, ...extraEnvironment },
      encoding: "utf8",
    }),
  ) as [number, number];
  return { wallMs, cpuMs };
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
   * Powertools tracer and the X-Ray SDK load at start. Measured in the same alternation, for reference.
   */
  handlerTraced: { wallMs: number; cpuMs: number; wallRatio: number; cpuRatio: number };
}

/** What a deployed function with X-Ray active sees: a Lambda execution environment, tracing left on. */
const TRACED_ENVIRONMENT = { AWS_EXECUTION_ENV: "AWS_Lambda_nodejs22.x", POWERTOOLS_TRACE_ENABLED: "true" };

/**
 * Cold start of the conversation-turn function against importing and constructing the same AWS SDK
 * clients alone, side by side in one run (runs alternate, so machine load hits both alike).
 */
export async function coldStartFigures(runs = 9): Promise<ColdStartFigures> {
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
    const handlerBundle = join(dir, "handler", "index.mjs");
    const sdkBundle = join(dir, "sdk", "index.mjs");
    await build(esbuildOptions(entry, handlerBundle));
    copyBesideBundle("conversation-turn", handlerBundle);
    await build(esbuildOptions(sdkEntry, sdkBundle));
    const handler: Array<{ wallMs: number; cpuMs: number }> = [];
    const sdk: Array<{ wallMs: number; cpuMs: number }> = [];
    const traced: Array<{ wallMs: number; cpuMs: number }> = [];
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
      },
    };
  });
}

function readFileText(file: string): string {
  return readFileSync(file, "utf8");
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const rows = await bundleFigures();
  console.log("function              bytes     KB  beside KB   init ms   target");
  for (const row of rows) {
    const target = BUNDLE_TARGETS[row.function as keyof typeof BUNDLE_TARGETS];
    const verdict = target
      ? row.bytes <= target.maxBytes && row.initMs <= target.maxInitMs
        ? "ok (<= 400 KB, <= 150 ms)"
        : "MISSED (<= 400 KB, <= 150 ms)"
      : "";
    console.log(
      `${row.function.padEnd(20)} ${String(row.bytes).padStart(8)} ${(row.bytes / 1024).toFixed(0).padStart(6)} ${(row.besideBytes / 1024).toFixed(0).padStart(10)} ${row.initMs.toFixed(1).padStart(9)}   ${verdict}`,
    );
  }
  console.log(JSON.stringify(await coldStartFigures(), null, 2));
}
