import { readFile } from "node:fs/promises";
import { HandoffRequested } from "../../contracts/events/catalog.js";
import { ScreenPop } from "../../contracts/screen-pop.js";
import { describeIssue } from "../domain/zod-issue.js";

/** `--screen-pop <file.json>`: a screen pop, a Handoff.Requested detail, or its EventBridge envelope. */
export async function loadScreenPopFile(path: string): Promise<ScreenPop> {
  const document: unknown = JSON.parse(await readFile(path, "utf8"));
  const candidates = [document, pick(document, "screenPop"), pick(pick(document, "detail"), "screenPop")];
  for (const candidate of candidates) {
    const parsed = ScreenPop.safeParse(candidate);
    if (parsed.success) return parsed.data;
  }
  const first = ScreenPop.safeParse(document);
  throw new Error(
    `${path}: no screen pop (expected a screen pop, a Handoff.Requested detail or its envelope)${
      first.success ? "" : `; ${describeIssue(first.error).message}`
    }`,
  );
}

/** Baton's own handoff for a contact: its campaign, trigger and the screen pop the closer saw. */
export interface KnownHandoff {
  campaign: string;
  trigger: string;
  screenPop: ScreenPop;
}

/**
 * `--handoffs <events.jsonl>`: Handoff.Requested events, one a line (details or EventBridge envelopes, e.g. from
 * the bus archive), by contact id. A line that is not one is an error naming the line.
 */
export async function loadHandoffEvents(path: string): Promise<Map<string, KnownHandoff>> {
  const byContact = new Map<string, KnownHandoff>();
  const lines = (await readFile(path, "utf8")).split(/\r?\n/);
  for (const [index, line] of lines.entries()) {
    if (line.trim() === "") continue;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (error) {
      throw new Error(
        `${path}:${index + 1}: not valid JSON (${error instanceof Error ? error.message : error})`,
      );
    }
    const detail = HandoffRequested.detail.safeParse(pick(value, "detail") ?? value);
    if (!detail.success) {
      throw new Error(
        `${path}:${index + 1}: not a Handoff.Requested event (${describeIssue(detail.error).message})`,
      );
    }
    const { meta, trigger, screenPop } = detail.data;
    if (!byContact.has(meta.contactId))
      byContact.set(meta.contactId, { campaign: meta.campaignId, trigger, screenPop });
  }
  return byContact;
}

function pick(value: unknown, key: string): unknown {
  return typeof value === "object" && value !== null ? (value as Record<string, unknown>)[key] : undefined;
}
