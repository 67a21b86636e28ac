import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import * as z from "zod";
import { DeskEntry } from "../api/desk-api.js";
import { DEAD_LETTER_FILE, UNMATCHED_FILE } from "../bus/local-bus.js";
import { describeProblem } from "../persona/load-personas.js";
import { startLocalStack } from "../stack.js";
import type { Log } from "../support/log.js";
import { DeskWatcher } from "./desk-watcher.js";
import { type CallRun, driveCall } from "./drive-call.js";

const EntryResponse = z.looseObject({ entry: DeskEntry });

/**
 * `npm start -- --demo`: every bundled persona through the whole pipeline (HTTP API, real Lex V2 events,
 * the conversation-turn code, DynamoDB Local, the local bus and its rules, the desk), then one handback,
 * with no browser. Runs in a temporary data folder on free ports, so it never disturbs a running
 * `npm start`. Returns the exit code: 0 when the pipeline worked for every persona.
 */
export async function runDemo(out: (line: string) => void): Promise<number> {
  const dataDir = await mkdtemp(join(tmpdir(), "baton-demo-"));
  out(`Baton demo: starting the local stack in ${dataDir} (DynamoDB Local takes a few seconds)`);
  // The stack's warnings are shown after the table, not in the middle of it.
  const notes: string[] = [];
  const log: Log = {
    info: () => {},
    warn: (message) => notes.push(`note: ${message}`),
    error: (message) => notes.push(`error: ${message}`),
  };
  const stack = await startLocalStack({ dataDir, port: 0, log }).catch(async (error: unknown) => {
    await rm(dataDir, { recursive: true, force: true });
    throw error;
  });
  try {
    const { personas, problems } = await stack.personas();
    for (const problem of problems) out(`skipped: ${describeProblem(problem)}`);
    out("");
    out(row("persona", "outcome", "trigger / reason", "turn", "trigger utterance -> screen pop on the desk"));
    let unexpected = 0;
    const runs: CallRun[] = [];
    const desk = await DeskWatcher.open(stack.url);
    for (const persona of personas) {
      const run = await driveCall(stack.url, persona, desk);
      runs.push(run);
      const action = run.outcome?.action ?? "continue";
      const detail = run.outcome?.trigger ?? run.outcome?.endReason ?? "";
      const matches =
        action === persona.expect.outcome && (!persona.expect.trigger || persona.expect.trigger === detail);
      if (!matches) unexpected += 1;
      out(
        row(
          persona.id,
          action,
          detail,
          run.triggerTurn === undefined ? "-" : `${run.triggerTurn}`,
          run.popAvailableMs === undefined ? "-" : `${run.popAvailableMs.toFixed(1)} ms`,
        ) +
          (matches
            ? ""
            : `   UNEXPECTED: ${persona.name} should be ${persona.expect.outcome} ${persona.expect.trigger ?? ""}`),
      );
    }
    desk.close();
    await stack.bus.settled();
    out("");
    await demoHandback(stack.url, runs, out);
    await stack.bus.settled();
    const followUps = stack.desk.followUps();
    out(
      `scheduler: ${followUps.length} follow-ups recorded (${followUps.map((followUp) => followUp.kind).join(", ") || "none"})`,
    );
    out(
      `bus: ${await lineCount(join(dataDir, UNMATCHED_FILE))} events matched no rule (kept in ${UNMATCHED_FILE}), ${await lineCount(join(dataDir, DEAD_LETTER_FILE))} dead letters`,
    );
    if (unexpected > 0)
      out(
        `${unexpected} persona(s) did not get the outcome their file expects (the engine's call, not a pipeline failure)`,
      );
    out(
      "(the first calls meet a cold DynamoDB Local; `npx tsx bench/local-handoff.ts` measures 100 warm handoffs)",
    );
    out("demo: done");
    return 0;
  } finally {
    for (const note of notes) out(note);
    await stack.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
}

/** The closer's side: hand the first handed-off call back to the AI and show the scheduler got it. */
async function demoHandback(
  baseUrl: string,
  runs: readonly CallRun[],
  out: (line: string) => void,
): Promise<void> {
  const handedOff = runs.find((run) => run.deskEntry !== undefined);
  if (!handedOff?.deskEntry) return;
  const contactId = handedOff.deskEntry.contactId;
  const followUpAt = new Date(Date.now() + 86_400_000).toISOString();
  const accepted = await fetch(`${baseUrl}/api/desk/${encodeURIComponent(contactId)}/accept`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ agent: "demo-closer" }),
  });
  if (!accepted.ok) throw new Error(`accept answered ${accepted.status}: ${await accepted.text()}`);
  const response = await fetch(`${baseUrl}/api/desk/${encodeURIComponent(contactId)}/handback`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({
      note: "Call back tomorrow with the pricing sheet",
      followUpAt,
      requestedBy: "demo-closer",
    }),
  });
  if (!response.ok) throw new Error(`handback answered ${response.status}: ${await response.text()}`);
  const { entry } = EntryResponse.parse(await response.json());
  out(
    `handback: ${handedOff.personaId}'s call handed back to the AI for ${entry.handback?.followUpAt ?? "?"} (Handback.Requested on the bus)`,
  );
}

function row(persona: string, outcome: string, detail: string, turn: string, timing: string): string {
  return `${persona.padEnd(18)} ${outcome.padEnd(9)} ${detail.padEnd(18)} ${turn.padStart(4)}  ${timing}`;
}

async function lineCount(path: string): Promise<number> {
  const text = await readFile(path, "utf8").catch(() => "");
  return text.split("\n").filter((line) => line.trim() !== "").length;
}
