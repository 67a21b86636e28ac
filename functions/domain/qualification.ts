import type { SlotValue } from "../../contracts/qualification-state.js";
import type { SlotCandidate } from "../../contracts/turn-signals.js";
import type { CompiledCampaign } from "./compiled-campaign.js";
import { readAmount } from "./slots/amount.js";
import { readAuthority } from "./slots/authority.js";
import { CORRECTION, HEDGE } from "./slots/hedges.js";
import { readTimeline } from "./slots/timeline.js";

interface Reading {
  value: string;
  confidence: number;
  quote: string;
}

/** Slot values in one customer turn, read clause by clause; the strongest (then latest) reading of a slot wins. */
export function extractSlots(
  compiled: CompiledCampaign,
  clauses: readonly string[],
  askedSlot: string | undefined,
): SlotCandidate[] {
  const candidates: SlotCandidate[] = [];
  const wholeTurn = clauses.join(", ");
  let correction: boolean | undefined;
  let hedged: boolean | undefined;
  for (const slot of compiled.slots) {
    const { name, kind } = slot.definition;
    const asked = askedSlot === name;
    let best: Reading | null = null;
    // Who decides and what is needed read across commas ("my boss, the head of CX, signs off").
    const spans = kind === "authority" || kind === "category" ? [wholeTurn] : clauses;
    for (const clause of spans) {
      const reading: Reading | null =
        kind === "amount"
          ? readAmount(clause, asked, askedSlot !== undefined && !asked)
          : kind === "timeline"
            ? readTimeline(clause, asked)
            : kind === "authority"
              ? readAuthority(clause, asked)
              : (slot.category?.read(clause, asked) ?? null);
      if (reading && (!best || reading.confidence >= best.confidence)) best = reading;
    }
    if (!best) continue;
    correction ??= CORRECTION.test(wholeTurn);
    hedged ??= HEDGE.test(wholeTurn);
    // A hedge still fills the slot ("maybe around 20k"); it only lowers how sure Baton is.
    const confidence = Math.max(0, Math.min(1, hedged ? best.confidence - 0.05 : best.confidence));
    candidates.push({
      slot: name,
      value: best.value,
      confidence,
      correction,
      quote: best.quote.slice(0, 200),
    });
  }
  return candidates;
}

export interface SlotChange {
  slot: string;
  value: string;
  previous?: string;
  confidence: number;
}

/** A later value replaces an earlier one when it is a correction, an answer to the question, or at least as sure. */
export function mergeSlots(
  current: Readonly<Record<string, SlotValue>>,
  candidates: readonly SlotCandidate[],
  turn: number,
  askedSlot: string | undefined,
  minConfidence: number,
  /** Slots whose first value stands unless corrected or asked again (a need mentioned in passing is not a new need). */
  sticky: ReadonlySet<string> = new Set(),
): { slots: Record<string, SlotValue>; changes: SlotChange[] } {
  const slots: Record<string, SlotValue> = { ...current };
  const changes: SlotChange[] = [];
  for (const candidate of candidates) {
    if (candidate.confidence < minConfidence) continue;
    const existing = slots[candidate.slot];
    const asSure = sticky.has(candidate.slot)
      ? candidate.confidence > (existing?.confidence ?? 0)
      : candidate.confidence >= (existing?.confidence ?? 0);
    const replaces = !existing || candidate.correction || askedSlot === candidate.slot || asSure;
    if (!replaces) continue;
    const corrected = existing !== undefined && existing.value !== candidate.value;
    slots[candidate.slot] = {
      value: candidate.value,
      turn,
      confidence: candidate.confidence,
      quote: candidate.quote,
      corrected,
    };
    if (existing?.value !== candidate.value) {
      changes.push({
        slot: candidate.slot,
        value: candidate.value,
        confidence: candidate.confidence,
        ...(existing ? { previous: existing.value } : {}),
      });
    }
  }
  return { slots, changes };
}

export function missingRequired(
  compiled: CompiledCampaign,
  slots: Readonly<Record<string, SlotValue>>,
): string[] {
  return compiled.required.filter((name) => slots[name] === undefined);
}
