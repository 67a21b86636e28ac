import type { Campaign, SlotDefinition } from "../../contracts/campaign.js";
import type { ObjectionKind } from "../../contracts/turn-signals.js";
import { speechForm } from "./reader/features.js";
import { type CategoryMatcher, categoryMatcher } from "./slots/category.js";
import { phraseRegex, sentencesOf, unpunctuatedQuestion } from "./text.js";

export interface CompiledSlot {
  definition: SlotDefinition;
  askedBy: RegExp | null;
  /** Category slots: recognises a value by similarity to its examples. */
  category: CategoryMatcher | null;
  /** The slot's value ids (none but a category's), which a learned model must have been trained on to read it. */
  valueIds: readonly string[];
}

export interface CompiledCampaign {
  campaign: Campaign;
  slots: CompiledSlot[];
  required: string[];
  /** Category slots keep their first value unless corrected or asked again. */
  sticky: ReadonlySet<string>;
  /**
   * The words of the campaign's category values (examples, labels, answer words), lowercase: the call's
   * own vocabulary, which typo repair keeps as typed ("Xero" is an accounting system, not "Zero").
   */
  words: ReadonlySet<string>;
  /** The slot that asks who decides, if the campaign has one (read from the turn reader's labels). */
  authoritySlot: string | undefined;
  /** The campaign's timeline slot, when it has exactly one. */
  timeSlot: string | undefined;
  /** The campaign's amount slot, when it has exactly one. */
  amountSlot: string | undefined;
  /** Per slot, the objection kinds an answer to its question names without objecting. */
  notObjectionsWhenAsked: ReadonlyMap<string, ReadonlySet<ObjectionKind>>;
}

const cache = new WeakMap<Campaign, CompiledCampaign>();

/** Regexes and example indexes are built once per campaign object, not once per turn. */
export function compileCampaign(campaign: Campaign): CompiledCampaign {
  const cached = cache.get(campaign);
  if (cached) return cached;
  const compiled: CompiledCampaign = {
    campaign,
    slots: campaign.slots.map((definition) => ({
      definition,
      askedBy: definition.askedBy.length > 0 ? phraseRegex(definition.askedBy, "g") : null,
      category: definition.values
        ? categoryMatcher(definition.values, [definition.question, ...definition.askedBy])
        : null,
      valueIds: Object.keys(definition.values ?? {}),
    })),
    required: campaign.slots.filter((slot) => slot.required).map((slot) => slot.name),
    sticky: new Set(campaign.slots.filter((slot) => slot.kind === "category").map((slot) => slot.name)),
    words: categoryWords(campaign.slots),
    authoritySlot: campaign.slots.find((slot) => slot.kind === "authority")?.name,
    amountSlot: onlyOne(campaign.slots.filter((slot) => slot.kind === "amount"))?.name,
    timeSlot: onlyOne(campaign.slots.filter((slot) => slot.kind === "timeline"))?.name,
    notObjectionsWhenAsked: new Map(
      campaign.slots.map((slot) => [
        slot.name,
        new Set(slot.notObjectionsWhenAsked ?? (slot.kind === "authority" ? ["authority"] : [])),
      ]),
    ),
  };
  cache.set(campaign, compiled);
  return compiled;
}

function categoryWords(slots: readonly SlotDefinition[]): Set<string> {
  const words = new Set<string>();
  for (const slot of slots) {
    for (const value of Object.values(slot.values ?? {})) {
      for (const phrase of [value.label, ...value.examples, ...(value.whenAsked ?? [])]) {
        for (const word of speechForm(phrase).split(" ")) words.add(word);
      }
    }
  }
  return words;
}

/**
 * The slot the AI's line asks for: in its last question, the slot named first. A question names what it asks
 * for before what it is for: "do you have a rough budget in mind for the switch?" asks the budget, not when
 * to switch (the slot named last was read until session 21: dev-e 85.0% -> 86.3% on time as written, the
 * other development and campaign sets the same or better).
 */
export function slotAskedBy(compiled: CompiledCampaign, normalizedAiLine: string): string | undefined {
  // The question is at the end of the line; the rest is acknowledgement and pitch.
  // Only its last question asks: "we ring your cell when the desk is busy. would that help?" asks no timeline.
  const ending = normalizedAiLine.slice(-240);
  // "If you did switch, would that be your decision?" asks who decides: the condition before it names no slot.
  const tail = withoutLeadingCondition(
    sentencesOf(ending).findLast((sentence) => sentence.endsWith("?")) ?? ending,
  );
  // A line written as speech ("and what would you want to spend a month") has no question mark to find it by.
  const spoken = unpunctuatedQuestion(normalizedAiLine) !== undefined;
  if (!tail.includes("?") && !spoken && !/\b(?:tell me|let me know|share)\b/.test(tail)) return undefined;
  const named: Array<{ name: string; at: number; end: number }> = [];
  const quantity = ASKS_QUANTITY.test(tail);
  for (const slot of compiled.slots) {
    if (!slot.askedBy || (quantity && slot.category)) continue;
    // exec on the compiled pattern itself: matchAll would build a copy of the pattern on every AI line.
    const pattern = slot.askedBy;
    pattern.lastIndex = 0;
    const match = pattern.exec(tail);
    if (match)
      named.push({ name: slot.definition.name, at: match.index, end: match.index + match[0].length });
  }
  const first = named.reduce<(typeof named)[number] | undefined>(
    (a, b) => (!a || b.at < a.at ? b : a),
    undefined,
  );
  // "what are you hoping to spend?": a word of wanting asks for what it wants, the slot named right after "to".
  const wanted = first && named.find((m) => m.at > first.end && WANTS_TO.test(tail.slice(first.end, m.at)));
  const best = wanted ?? first;
  // A question of when asks the campaign's one time slot, however the AI words it ("when is the closing?"),
  // and whatever it names after its when ("when does the coverage need to be in place?").
  const when = compiled.timeSlot ? ASKS_WHEN.exec(tail) : null;
  if (compiled.timeSlot && when && (!best || when.index < best.at)) return compiled.timeSlot;
  if (best) return best.name;
  const offered = slotOfferedBy(compiled, tail);
  if (offered) return offered;
  // "What would you like to pay?" or "is there a monthly amount ...?" asks the one amount slot; "how much do you
  // pay now?" asks today's bill.
  if (compiled.amountSlot && ASKS_TO_PAY.test(tail)) return compiled.amountSlot;
  return undefined;
}

/** Only " to " between a slot's word and another's: the first wants what the second names. */
const WANTS_TO = /^\s+to\s+$/;

/**
 * A question that offers a choice among a category's values asks that category, however it is worded: "is the
 * bigger headache paying suppliers, collecting from customers, or closing the books?" asks the use case.
 */
function slotOfferedBy(compiled: CompiledCampaign, question: string): string | undefined {
  if (!/\bor\b/.test(question)) return undefined;
  for (const slot of compiled.slots) {
    if (slot.category && slot.category.valuesNamed(question) >= 2) return slot.definition.name;
  }
  return undefined;
}

/** "When it comes to choosing a vendor, would that be your decision?" names the topic first, as a condition does. */
function withoutLeadingCondition(question: string): string {
  const condition = LEADING_CONDITION.exec(question);
  return condition ? question.slice(condition[0].length) : question;
}
const LEADING_CONDITION =
  /^(?:(?:and|so|ok|okay|great|got it)[,\s]+)?(?:if|when it comes to)\s[^,?]{1,80},\s*/;

/** "How many seats would you need?" asks a number, which no category value is. */
const ASKS_QUANTITY = /\bhow (?:many|much)\b/;
/** "What would you like to pay?", "Is there a monthly amount you'd be comfortable with?" (not "the amount of calls"). */
const ASKS_TO_PAY =
  /\b(?:like|want|willing|able|expect|hoping|looking) to (?:pay|spend)\b|\b(?:a|an|the|what|which|any)\s+(?:monthly\s+|yearly\s+|annual\s+|rough\s+)?amount\b(?!\s+of\b)/;
/** A question that opens with when ("when is the closing?"), not one with a when-clause ("what happens when ..."). */
const ASKS_WHEN =
  /(?:^\s*|[,;:]\s*|\b(?:and|so|then|ok|okay)\s+)(?:when|what date|what day|which day|how soon|is there a (?:day|date|time))\b/;

function onlyOne<T>(items: readonly T[]): T | undefined {
  return items.length === 1 ? items[0] : undefined;
}
