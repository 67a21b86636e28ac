import type { CallRecord } from "../api/call-api.js";
import type { Persona } from "../api/persona-api.js";
import { CallEndedError, type CallService } from "./call-service.js";

/**
 * Plays a persona's lines into a call, server-side, so a browser that disconnects mid-call loses
 * nothing. Turn ids are derived from the call and the line, so replaying is idempotent. Stops when
 * the call closes (handoff, nurture, end, the customer hung up), when the lines run out, or when aborted.
 */
export async function runPersona(
  calls: CallService,
  callId: string,
  persona: Persona,
  options: { paceMs: number; signal?: AbortSignal },
): Promise<CallRecord> {
  let call = await calls.get(callId);
  for (const [index, turn] of persona.turns.entries()) {
    if (call.status !== "active" || options.signal?.aborted) break;
    if (index > 0 && options.paceMs > 0) await sleep(options.paceMs, options.signal);
    if (options.signal?.aborted) break;
    try {
      ({ call } = await calls.say(callId, {
        text: turn.text,
        turnId: `${callId}:persona:${persona.id}:${index}`,
        inputMode: "Speech",
        sentiment: turn.sentiment,
      }));
    } catch (error) {
      // The call ended between two lines (the console's Hang up): the persona stops there.
      if (error instanceof CallEndedError) return error.call;
      throw error;
    }
  }
  return call;
}

function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener(
      "abort",
      () => {
        clearTimeout(timer);
        resolve();
      },
      { once: true },
    );
  });
}
