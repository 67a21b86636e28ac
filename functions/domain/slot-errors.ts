/**
 * Where a slot reader goes wrong, slot by slot: slot F1 alone does not say whether a slot is read wrongly,
 * missed, or read where the labels have nothing, and each has another cause.
 */
export type SlotOutcome = "right" | "wrong" | "missed" | "extra";

export type SlotTally = Record<SlotOutcome, number>;

export interface SlotError {
  id: string;
  slot: string;
  outcome: Exclude<SlotOutcome, "right">;
  gold: string | null;
  predicted: string | null;
}

export interface SlotErrors {
  /** Per slot name, every labeled conversation's outcome for it (a slot neither labeled nor read counts nowhere). */
  bySlot: Record<string, SlotTally>;
  errors: SlotError[];
}

/** One conversation's gold and predicted slots, compared as `same` says (the scorer's normalisation). */
export interface SlotComparison {
  id: string;
  gold: Readonly<Record<string, string>>;
  predicted: Readonly<Record<string, string>>;
}

export function slotErrors(
  conversations: readonly SlotComparison[],
  same: (gold: string, predicted: string) => boolean,
): SlotErrors {
  const bySlot: Record<string, SlotTally> = {};
  const errors: SlotError[] = [];
  for (const { id, gold, predicted } of conversations) {
    for (const slot of new Set([...Object.keys(gold), ...Object.keys(predicted)])) {
      const goldValue = gold[slot];
      const predictedValue = predicted[slot];
      const outcome: SlotOutcome =
        goldValue === undefined
          ? "extra"
          : predictedValue === undefined
            ? "missed"
            : same(goldValue, predictedValue)
              ? "right"
              : "wrong";
      const tally = bySlot[slot] ?? { right: 0, wrong: 0, missed: 0, extra: 0 };
      tally[outcome] += 1;
      bySlot[slot] = tally;
      if (outcome !== "right")
        errors.push({ id, slot, outcome, gold: goldValue ?? null, predicted: predictedValue ?? null });
    }
  }
  return { bySlot, errors };
}
