import type { SlotValue } from "../../contracts/qualification-state.js";
import type { SlotCandidate, SlotEvidence } from "../../contracts/turn-signals.js";
import type { CompiledCampaign, CompiledSlot } from "./compiled-campaign.js";
import {
  type AmountSurroundings,
  askedPeriod,
  asksCount,
  asksCurrentSpend,
  namesAnAmount,
  readAmount,
  SINGLE_AMOUNT,
  widenedAmount,
} from "./slots/amount.js";
import type { AuthorityReading } from "./slots/authority.js";
import type { CategoryValueReader } from "./slots/category-values.js";
import { isConfirmation, lastQuestion } from "./slots/confirmation.js";
import { CORRECTION, HEDGE } from "./slots/hedges.js";
import { readTimeline } from "./slots/timeline.js";
import { normalizeText } from "./text.js";

interface Reading extends SlotEvidence {
  value: string;
  confidence: number;
  quote: string;
}

/** What a turn is read against besides its words. */
export interface SlotContext {
  /** The day of the call (YYYY-MM-DD). */
  callDate?: string | undefined;
  /** The AI's line before the turn: a plain yes confirms the value its question names. */
  aiLine?: string | undefined;
  /**
   * The customer asks to be contacted later ("call me back next quarter"): a time in the turn names the
   * callback, not when they want to be live, unless the AI asked for the timeline.
   */
  callbackRequested?: boolean | undefined;
  /** The turn raises an objection other than price (see the slot's `readWhileObjecting`). */
  objecting?: boolean | undefined;
  /**
   * The turn pushes back on a price: after an AI line that named one, an amount said unasked in it is that
   * price weighed (see `AmountSurroundings.priceObjected`).
   */
  priceObjected?: boolean | undefined;
  /**
   * The turn asks for a person or ends the call: a category word in passing ("can I get someone on the
   * phone", "this is my cell phone") names no value unless the slot was asked.
   */
  aside?: boolean | undefined;
  /** Who decides, as the turn reader heard it (`readAuthority`): what an authority slot takes. */
  authority?: AuthorityReading | null | undefined;
  /** How many seats the call named before this turn (read only when needed): a per-seat budget's multiplier. */
  earlierHeadCount?: (() => number | undefined) | undefined;
  /** Which value of a category slot the turn names, learned from labeled calls; absent: the examples decide. */
  categoryValues?: CategoryValueReader | null | undefined;
  /** Whether the call already has a value of the slot. */
  filled?: ((slot: string) => boolean) | undefined;
}

/** Below this, an unasked category reading rests on a word or a partial example. */
const IN_PASSING = 0.7;
/** A timeline read from the present alone: "now", "right now". */
const PRESENT = /^(?:right\s+)?now$/i;

const DO_NOT_KNOW =
  /^\s*(?:(?:um|uh|oh|honestly|well|so)[\s,]+)*(?:no idea|no clue|not sure|i'?m not sure|i (?:don'?t|do not|dont) know|i dunno|dunno|idk|hard to say|(?:he|she|they) (?:hasn'?t|haven'?t) said)\b/;

const HORIZON_UNTIL = /\b(?:until|till|til)\b/;

/** A value said only by the AI and confirmed with a yes is a little less sure than the customer's own words. */
const CONFIRMED_CONFIDENCE = 0.85;
/** How sure a reading of the AI's question must be to be the value a yes confirms. */
const FIRM = 0.9;
/** Who decides, said in answer to the question, and said unasked. */
const AUTHORITY_ASKED = 0.9;
const AUTHORITY_UNASKED = 0.75;

/** The period an amount's value ends with ("800/mo"). */
const PERIOD = /\/(?:mo|yr)$/;

/**
 * An amount said after a correction ("eight hundred a month... actually, no, make it under seven hundred")
 * replaces the one it corrects however sure each is, and means the same period when it names none, and the same
 * bound when it is a bare number ("no more than six hundred a month? actually, make that five hundred").
 */
function restated(correction: Reading, corrected: Reading): Reading {
  const period = PERIOD.exec(corrected.value)?.[0];
  const bound = UPPER.test(corrected.value) && SINGLE_AMOUNT.test(correction.value) ? "0-" : "";
  const value = `${bound}${correction.value}${period && !PERIOD.test(correction.value) ? period : ""}`;
  return value === correction.value ? correction : { ...correction, value };
}
/** An upper bound's value ("0-600/mo"). */
const UPPER = /^0-\d/;

/** The clause before `index` that says more than a filler ("under, um, a thousand": "under"). */
function saidBefore(spans: readonly string[], index: number): string | undefined {
  for (let at = index - 1; at >= 0; at--) {
    const clause = spans[at] as string;
    if (!FILLER_ONLY.test(clause)) return clause;
  }
  return undefined;
}
const FILLER_ONLY = /^\s*(?:(?:um|uh|er|erm|hmm|like|so|well)[\s.,]*)*$/;

/** A bare number that is one of the numbers of an amount already read ("1000" after "0-1000/mo"). */
function restates(reading: Reading, best: Reading): boolean {
  return (
    /^\d+$/.test(reading.value) &&
    best.value !== reading.value &&
    best.value.split(/[-/+]/).includes(reading.value)
  );
}

/**
 * The examples found that the turn states a value; the learned models say whether it does and which
 * (`category-values.ts`; README, the engine). A value said unasked that the detect model hears as naming none
 * (below `VETO_BAR`) is a word in passing, not a need: "ok, can i get someone on the phone? my partner has more
 * questions" names no contact centre. A value the models change is quoted by an example of it the customer said,
 * else by the part of the turn the choose model reads it in surest.
 */
function learnedValue(
  reading: Reading,
  slot: CompiledSlot,
  campaign: string,
  text: string,
  asked: boolean,
  models: CategoryValueReader,
): Reading | null {
  const { valueIds } = slot;
  const { name } = slot.definition;
  const chosen = models.choose(campaign, name, valueIds, text);
  if (!chosen) return reading;
  if (!asked && models.namesOne(campaign, name, valueIds, text) < VETO_BAR) return null;
  if (chosen.value === reading.value) return reading;
  return {
    ...reading,
    value: chosen.value,
    quote:
      slot.category?.evidence(text, chosen.value) ?? models.surestPart(campaign, name, chosen.value, text),
  };
}
/** Chosen by fold and on the look sets: 0.3 until session 54, when more epochs made the detect model surer. */
const VETO_BAR = 0.4;

/**
 * A value the examples did not find, where the learned model is sure the turn names one (`DETECTION_BAR`); a
 * little less sure than an example said in full, so a fuller mention later replaces it.
 */
function detectedValue(
  slot: CompiledSlot,
  campaign: string,
  text: string,
  asked: boolean,
  models: CategoryValueReader,
): Reading | null {
  const { valueIds } = slot;
  const { name } = slot.definition;
  const detected =
    models.namesOne(campaign, name, valueIds, text) >= DETECTION_BAR &&
    models.choose(campaign, name, valueIds, text);
  if (!detected) return null;
  return {
    value: detected.value,
    confidence: asked ? DETECTED_ASKED : DETECTED,
    quote: models.surestPart(campaign, name, detected.value, text),
  };
}
const DETECTION_BAR = 0.8;

/**
 * An amount or a date said unasked in a turn the learned detect model hears as stating no budget or timeline
 * (below `UNSTATED_BAR`): "we pay like eighty bucks now" is what they pay, "its december" is no go-live.
 */
function unstated(
  reading: Reading,
  slot: CompiledSlot,
  campaign: string,
  text: string,
  asked: boolean,
  models: CategoryValueReader | null | undefined,
): boolean {
  const { kind, name } = slot.definition;
  if (asked || reading.confirms || !models || (kind !== "amount" && kind !== "timeline")) return false;
  return models.namesOne(campaign, name, slot.valueIds, text) < UNSTATED_BAR;
}
const UNSTATED_BAR = 0.1;
const DETECTED = 0.65;
const DETECTED_ASKED = 0.8;

/** The clause names what the slot is about, by one of its `askedBy` words. */
function namesAskedBy(slot: CompiledSlot, clause: string): boolean {
  if (!slot.askedBy) return false;
  slot.askedBy.lastIndex = 0;
  return slot.askedBy.test(clause);
}

function readSlot(
  slot: CompiledSlot,
  clause: string,
  asked: boolean,
  otherAsked: boolean,
  callDate: string | undefined,
  around: AmountSurroundings = {},
): Reading | null {
  switch (slot.definition.kind) {
    case "amount":
      return readAmount(clause, asked, otherAsked, around);
    case "timeline":
      // An appointment's time (a demo) may be when to call again; going live is never a callback's date.
      return readTimeline(clause, asked, callDate, slot.definition.unaskedOnlyWithAskedBy);
    case "authority":
      return null;
    default:
      return slot.category?.read(clause, asked) ?? null;
  }
}

/**
 * Slot values in one customer turn, read clause by clause; the strongest (then latest) reading of a slot wins.
 * A value is only ever the customer's: read from their words, or from the AI's question they said yes to,
 * and then the quote is their yes and `confirms` the question.
 */
export function extractSlots(
  compiled: CompiledCampaign,
  clauses: readonly string[],
  askedSlot: string | undefined,
  context: SlotContext = {},
): SlotCandidate[] {
  const candidates: SlotCandidate[] = [];
  const wholeTurn = clauses.join(", ");
  const question = context.aiLine && isConfirmation(clauses) ? lastQuestion(context.aiLine) : undefined;
  const spendAsked = asksCurrentSpend(context.aiLine);
  const countAsked = asksCount(context.aiLine);
  const quotedPriceObjected = context.priceObjected === true && namesAnAmount(context.aiLine);
  let correction: boolean | undefined;
  let hedged: boolean | undefined;
  for (const slot of compiled.slots) {
    const { name, kind } = slot.definition;
    const asked = askedSlot === name;
    // In a turn asking to be called later, a time names the callback ("call me back in January"), except
    // where the customer says until when nothing happens ("not until next year"): that is the horizon.
    const callbackTimes = kind === "timeline" && context.callbackRequested === true && !asked;
    if (context.objecting && !asked && !slot.definition.readWhileObjecting) continue;
    // A turn that asks for a person or ends the call names a category value unasked only in full and where it
    // says it is stating what it needs ("we need a call center for thirty agents, can i talk to sales?"): "can
    // you get me someone from your sales team on a call" is no contact center, nor "this is my cell phone".
    const aside = kind === "category" && context.aside === true && !asked;
    if (aside && !namesAskedBy(slot, wholeTurn)) continue;
    const otherAsked = askedSlot !== undefined && !asked;
    let best: Reading | null = null;
    if (kind === "authority" && context.authority) {
      // The reader read the AI line too: a yes to "are you the one who signs?" is its answer.
      best = {
        value: context.authority.value,
        confidence: asked ? AUTHORITY_ASKED : AUTHORITY_UNASKED,
        quote: context.authority.quote,
        ...(asked && question ? { confirms: question } : {}),
      };
    }
    // What is needed reads across commas ("a queue, so the team, sales and support, can share calls").
    const spans = kind === "authority" ? [] : kind === "category" ? [wholeTurn] : clauses;
    let correctedSince = false;
    let bestClause = -1;
    // "no idea yet, she hasnt said. ... my license renewal is due in 2 weeks": the answer is that they do not
    // know; a time said after it is another matter unless offered as a guess, hedged or asked ("not sure, maybe in 2 weeks").
    const unknown = kind === "timeline" && asked && DO_NOT_KNOW.test(clauses[0] ?? "");
    for (const [index, clause] of spans.entries()) {
      if (callbackTimes && !HORIZON_UNTIL.test(clause)) continue;
      if (unknown && index > 0 && !HEDGE.test(clause) && !clause.includes("?")) continue;
      if (
        kind === "timeline" &&
        !asked &&
        slot.definition.unaskedOnlyWithAskedBy &&
        !namesAskedBy(slot, clause)
      )
        continue;
      const read = readSlot(slot, clause, asked, otherAsked, context.callDate, {
        nextClause: spans[index + 1],
        previousClause: saidBefore(spans, index),
        wholeTurn,
        spendAsked,
        countAsked,
        earlierHeadCount: context.earlierHeadCount,
        priceObjected: quotedPriceObjected,
      });
      const reading =
        read && kind === "category" && context.categoryValues
          ? learnedValue(read, slot, compiled.campaign.id, clause, asked, context.categoryValues)
          : read;
      if (reading && aside && reading.confidence < IN_PASSING) continue;
      // "were in the middle of budget season with all the boards right now ... i dont want to switch": in a turn
      // that objects, "now" is the present that stands in the way, not when to be live.
      if (reading && kind === "timeline" && context.objecting && PRESENT.test(reading.quote)) continue;
      // "actually, no, make it under seven hundred": the correction may stand in a clause of its own.
      correctedSince ||= best !== null && kind === "amount" && CORRECTION.test(clause);
      if (reading && best && correctedSince) {
        best = restated(reading, best);
        correctedSince = false;
        continue;
      }
      // "under a thousand a month. All in. A thousand dollars.": the number said again adds nothing to it.
      if (reading && best && kind === "amount" && restates(reading, best)) continue;
      // "three hundred a month. Maybe three-fifty, tops.": the maybe in the next clause widens it to a range.
      const widened =
        reading && best && kind === "amount" && bestClause === index - 1
          ? widenedAmount(best, reading, clause)
          : null;
      if (widened) {
        best = widened;
        bestClause = index;
        continue;
      }
      if (reading && (!best || reading.confidence >= best.confidence)) {
        best = reading;
        bestClause = index;
      }
    }
    // An answer comes first: "Getting paid. We're a staffing agency, we bill clients every week, ..."
    if (!best && asked && kind === "category" && clauses.length > 1) {
      best = readSlot(slot, clauses[0] as string, asked, otherAsked, context.callDate);
      // "can i just talk to a person" answers nothing, even after "is it just you?"
      if (best && context.aside && !/\s/.test(best.quote.trim())) best = null;
    }
    // Any question may state an amount or a date; a need or who decides only the question that asks for it.
    const confirmable =
      !callbackTimes && kind !== "authority" && (asked || kind === "amount" || kind === "timeline");
    if (!best && question && confirmable) {
      // Read as the customer's words would be: only a value the question states firmly is confirmed.
      const proposed = readSlot(slot, normalizeText(question), asked, otherAsked, context.callDate);
      if (proposed && proposed.confidence >= FIRM) {
        best = {
          ...proposed,
          confidence: Math.min(proposed.confidence, CONFIRMED_CONFIDENCE),
          quote: clauses[0] ?? wholeTurn,
          confirms: question,
        };
      }
    }
    // No example found a value; the learned model may hear one said in other words ("three pizza places, and i
    // want one number for all the stores"), never in a turn that asks for a person or ends the call.
    // Only for a slot still empty or asked again: a value said unasked later is read by the examples, if at all.
    if (
      !best &&
      kind === "category" &&
      context.categoryValues &&
      !context.aside &&
      (asked || !context.filled?.(name))
    )
      best = detectedValue(slot, compiled.campaign.id, wholeTurn, asked, context.categoryValues);
    if (!best) continue;
    if (unstated(best, slot, compiled.campaign.id, wholeTurn, asked, context.categoryValues)) continue;
    // "What would you want to spend a month?" "About eleven hundred.": the question's period is the answer's.
    if (kind === "amount" && asked && !PERIOD.test(best.value)) {
      const period = askedPeriod(context.aiLine);
      if (period) best = { ...best, value: `${best.value}${period}` };
    }
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
      ...(best.date ? { date: best.date } : {}),
      ...(best.currency ? { currency: best.currency } : {}),
      ...(best.confirms ? { confirms: best.confirms.slice(0, 200) } : {}),
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
    const sticks = sticky.has(candidate.slot);
    const asSure = candidate.confidence >= (existing?.confidence ?? 0);
    // A correction word corrects a sticky slot only with a reading as sure as the value it replaces: "OK,
    // actually, can you send a quote for the office plus eight cell phones?" keeps an old landline as the need,
    // "but actually, the bigger issue is our reps can't get calls into hubspot" replaces the phone bill.
    const corrects = candidate.correction && (!sticks || asSure);
    const surer = sticks ? candidate.confidence > (existing?.confidence ?? 0) : asSure;
    const replaces = !existing || corrects || askedSlot === candidate.slot || surer;
    if (!replaces) continue;
    const corrected = existing !== undefined && existing.value !== candidate.value;
    slots[candidate.slot] = {
      value: candidate.value,
      turn,
      confidence: candidate.confidence,
      quote: candidate.quote,
      corrected,
      ...(candidate.date ? { date: candidate.date } : {}),
      ...(candidate.currency ? { currency: candidate.currency } : {}),
      ...(candidate.confirms ? { confirms: candidate.confirms } : {}),
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
