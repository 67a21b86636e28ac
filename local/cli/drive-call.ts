import { performance } from "node:perf_hooks";
import * as z from "zod";
import { type CallOutcome, CallRecord, type CallStatus } from "../api/call-api.js";
import { DeskEntry } from "../api/desk-api.js";
import type { Persona } from "../api/persona-api.js";
import type { DeskWatcher } from "./desk-watcher.js";

export interface CallRun {
  personaId: string;
  callId: string;
  status: CallStatus;
  outcome?: CallOutcome | undefined;
  /** Customer turn (1-based) whose utterance closed the call. */
  triggerTurn?: number | undefined;
  /** The desk's entry, when the call was handed off. */
  deskEntry?: DeskEntry | undefined;
  /** From sending the trigger utterance to the desk API answering with the screen pop. */
  popAvailableMs?: number | undefined;
}

const CallResponse = z.looseObject({ call: CallRecord });
const EntryResponse = z.looseObject({ entry: DeskEntry });
const POP_TIMEOUT_MS = 5_000;

/**
 * Plays a persona through the local server's HTTP API, as the console does, and times the handoff the
 * way a closer experiences it: from sending the customer's trigger utterance until the desk announces
 * the screen pop (its server-sent event), confirmed by `GET /api/desk/<contact>` answering with it.
 */
export async function driveCall(baseUrl: string, persona: Persona, desk: DeskWatcher): Promise<CallRun> {
  const { call: started } = await request(baseUrl, "/api/calls", CallResponse, {
    campaignId: persona.campaign,
    personaId: persona.id,
  });
  let call = started;
  for (const [index, turn] of persona.turns.entries()) {
    const sentAt = performance.now();
    ({ call } = await request(baseUrl, `/api/calls/${encodeURIComponent(call.callId)}/turns`, CallResponse, {
      text: turn.text,
      turnId: `${call.callId}:demo:${index}`,
      ...(turn.sentiment ? { sentiment: turn.sentiment } : {}),
    }));
    if (call.status === "active") continue;
    const base = {
      personaId: persona.id,
      callId: call.callId,
      status: call.status,
      outcome: call.outcome,
      triggerTurn: index + 1,
    };
    if (call.status !== "handed_off") return base;
    const announcedAt = await desk.waitFor(call.contactId, POP_TIMEOUT_MS);
    const deskEntry = await readDeskEntry(baseUrl, call.contactId);
    return { ...base, deskEntry, popAvailableMs: announcedAt - sentAt };
  }
  return { personaId: persona.id, callId: call.callId, status: call.status, outcome: call.outcome };
}

async function readDeskEntry(baseUrl: string, contactId: string): Promise<DeskEntry> {
  const response = await fetch(`${baseUrl}/api/desk/${encodeURIComponent(contactId)}`);
  if (!response.ok)
    throw new Error(`the desk announced ${contactId} but its API answered ${response.status}`);
  return EntryResponse.parse(await response.json()).entry;
}

async function request<S extends z.ZodType>(
  baseUrl: string,
  path: string,
  schema: S,
  body: unknown,
): Promise<z.output<S>> {
  const response = await fetch(`${baseUrl}${path}`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  const json: unknown = await response.json().catch(() => ({}));
  if (!response.ok) throw new Error(`POST ${path} answered ${response.status}: ${JSON.stringify(json)}`);
  return schema.parse(json);
}
