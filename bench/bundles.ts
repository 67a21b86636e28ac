import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { basename, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { build } from "esbuild";
import { esbuildOptions } from "../infra/bundling.js";

/** Each Lambda bundle's minified size and cold module-init time, bundled exactly as BatonFunction does. */
export interface BundleFigure {
  function: string;
  bytes: number;
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
  // Inside node_modules, so that the external AWS SDK resolves as the Lambda runtime's does.
  const cache = join(ROOT, "node_modules", ".cache");
  mkdirSync(cache, { recursive: true });
  const dir = mkdtempSync(join(cache, "baton-bundles-"));
  try {
    const rows: BundleFigure[] = [];
    for (const entry of entries) {
      const name = basename(entry, ".ts");
      const outfile = join(dir, name, "index.mjs");
      await build(esbuildOptions(entry, outfile));
      rows.push({ function: name, bytes: statSync(outfile).size, initMs: medianInit(outfile) });
    }
    return rows;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function medianInit(bundle: string): number {
  const script = `const t=performance.now();await import(${JSON.stringify(pathToFileURL(bundle).href)});process.stdout.write(String(performance.now()-t));`;
  const times = Array.from({ length: RUNS }, () =>
    Number(
      execFileSync(process.execPath, ["--enable-source-maps", "--input-type=module", "-e", script], {
        env: { PATH: process.env.PATH ?? "", ...FAKE_ENVIRONMENT },
        encoding: "utf8",
      }),
    ),
  ).sort((a, b) => a - b);
  return Math.round((times[Math.floor(RUNS / 2)] ?? 0) * 10) / 10;
}

function readFileText(file: string): string {
  return readFileSync(file, "utf8");
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const rows = await bundleFigures();
  console.log("function              bytes     KB   init ms   target");
  for (const row of rows) {
    const target = BUNDLE_TARGETS[row.function as keyof typeof BUNDLE_TARGETS];
    const verdict = target
      ? row.bytes <= target.maxBytes && row.initMs <= target.maxInitMs
        ? "ok (<= 400 KB, <= 150 ms)"
        : "MISSED (<= 400 KB, <= 150 ms)"
      : "";
    console.log(
      `${row.function.padEnd(20)} ${String(row.bytes).padStart(8)} ${(row.bytes / 1024).toFixed(0).padStart(6)} ${row.initMs.toFixed(1).padStart(9)}   ${verdict}`,
    );
  }
}
