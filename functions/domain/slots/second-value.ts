import type { SlotValue } from "../../../contracts/qualification-state.js";
import type { SlotCandidate } from "../../../contracts/turn-signals.js";
import type { CompiledSlot } from "../compiled-campaign.js";
import type { CategoryValueReader, ChosenValue } from "./category-values.js";

/**
 * A category slot already holds a value and a later turn reads another: the new value stands where the learned
 * model reads it in the two turns together, or reads it surer in its own turn than the earlier value in its own.
 * "The phone company is retiring our old copper landline" and then, asked what else, "well also nobody picks up
 * when we're busy" keeps the landline: the reason to call was said first and in full, the queue in passing. "the
 * bill is high-ish I guess" and then "what I really need is every call recorded for compliance" gives the
 * recording. A correction ("actually, the bigger issue is...") replaces as before. Returns the candidates the two
 * turns do not take back.
 */
export function secondValuesHeard(
  candidates: readonly SlotCandidate[],
  filled: Readonly<Record<string, SlotValue>>,
  /** The customer's words on an earlier turn, while the state still holds them. */
  saidOn: (turn: number) => string | undefined,
  slots: readonly CompiledSlot[],
  campaign: string,
  models: CategoryValueReader | null,
  text: string,
): readonly SlotCandidate[] {
  if (!models || !candidates.some((candidate) => differs(candidate, filled[candidate.slot])))
    return candidates;
  return candidates.filter((candidate) => {
    const earlier = filled[candidate.slot];
    if (!earlier || !differs(candidate, earlier)) return true;
    const slot = slots.find((each) => each.definition.name === candidate.slot);
    if (slot?.definition.kind !== "category") return true;
    const earlierText = saidOn(earlier.turn) ?? earlier.quote;
    const read = (said: string) => models.choose(campaign, candidate.slot, slot.valueIds, said);
    const together = read(`${earlierText} ${text}`);
    if (together === undefined || together.value !== earlier.value) return true;
    return sureOf(read(text), candidate.value) > sureOf(read(earlierText), earlier.value);
  });
}

/** How sure the model is of `value` in a turn it reads: 0 where it reads another. */
function sureOf(read: ChosenValue | undefined, value: string): number {
  return read?.value === value ? read.probability : 0;
}

/** A value other than the one the slot holds, not said as a correction. */
function differs(candidate: SlotCandidate, earlier: SlotValue | undefined): boolean {
  return earlier !== undefined && earlier.value !== candidate.value && !candidate.correction;
}
