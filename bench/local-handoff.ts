import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import type { Persona } from "../local/api/persona-api.js";
import { DeskWatcher } from "../local/cli/desk-watcher.js";
import { driveCall } from "../local/cli/drive-call.js";
import { startLocalStack } from "../local/stack.js";
import { silentLog } from "../local/support/log.js";

export interface LocalHandoffFigures {
  handoffs: number;
  /** From sending the trigger utterance to the screen pop announced and served by the desk API. */
  medianMs: number;
  p99Ms: number;
  maxMs: number;
  targetP99Ms: number;
  meetsTarget: boolean;
  /** Handoffs before measuring (JIT, DynamoDB Local's first requests); not counted. */
  warmup: number;
}

const HANDOFFS = 100;
const WARMUP = 10;
const TARGET_P99_MS = 250;

/**
 * Time from the trigger utterance to the screen pop available on the agent desk API, on the whole local
 * pipeline (HTTP API, Lex V2 events, the conversation-turn code, DynamoDB Local on disk, the local bus
 * and its rules, the desk): median and p99 over 100 handoffs, cycling through every persona that hands
 * off. Calls run one after another, as one customer console would drive them.
 */
export async function localHandoffFigures(handoffs = HANDOFFS): Promise<LocalHandoffFigures> {
  const dataDir = await mkdtemp(join(tmpdir(), "baton-bench-"));
  const stack = await startLocalStack({ dataDir, port: 0, log: silentLog });
  const desk = await DeskWatcher.open(stack.url);
  try {
    const { personas } = await stack.personas();
    const handingOff = personas.filter((persona) => persona.expect.outcome === "handoff");
    if (handingOff.length === 0) throw new Error("no persona in local/personas expects a handoff");
    const samples: number[] = [];
    for (let index = 0; samples.length < handoffs; index++) {
      if (index > (handoffs + WARMUP) * 3) throw new Error("too few calls hand off; check the personas");
      const persona = handingOff[index % handingOff.length] as Persona;
      const run = await driveCall(stack.url, persona, desk);
      if (run.popAvailableMs === undefined) continue;
      if (index >= WARMUP) samples.push(run.popAvailableMs);
    }
    samples.sort((a, b) => a - b);
    const p99 = percentile(samples, 0.99);
    return {
      handoffs: samples.length,
      medianMs: round(percentile(samples, 0.5)),
      p99Ms: round(p99),
      maxMs: round(samples[samples.length - 1] ?? 0),
      targetP99Ms: TARGET_P99_MS,
      meetsTarget: p99 <= TARGET_P99_MS,
      warmup: WARMUP,
    };
  } finally {
    desk.close();
    await stack.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
}

/** Nearest-rank percentile of sorted samples. */
function percentile(sorted: readonly number[], fraction: number): number {
  const rank = Math.max(1, Math.ceil(fraction * sorted.length));
  return sorted[rank - 1] ?? 0;
}

function round(ms: number): number {
  return Math.round(ms * 10) / 10;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const figures = await localHandoffFigures();
  console.log(
    `local handoff (trigger utterance -> screen pop on the desk API), ${figures.handoffs} handoffs: ` +
      `median ${figures.medianMs} ms, p99 ${figures.p99Ms} ms, max ${figures.maxMs} ms ` +
      `(target p99 <= ${figures.targetP99Ms} ms: ${figures.meetsTarget ? "met" : "NOT met"})`,
  );
}
