import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type SlotComparison, slotErrors } from "../../functions/domain/slot-errors.js";

const exact = (gold: string, predicted: string) => gold === predicted;

describe("slotErrors", () => {
  it("tells a wrong value, a missed one and an extra one apart, slot by slot", () => {
    // Prepare
    const conversations: SlotComparison[] = [
      { id: "a", gold: { need: "crm", budget: "200/mo" }, predicted: { need: "crm", budget: "300/mo" } },
      { id: "b", gold: { need: "crm" }, predicted: { timeline: "immediate" } },
    ];
    // Act
    const { bySlot, errors } = slotErrors(conversations, exact);
    // Assess
    expect(bySlot).toEqual({
      need: { right: 1, wrong: 0, missed: 1, extra: 0 },
      budget: { right: 0, wrong: 1, missed: 0, extra: 0 },
      timeline: { right: 0, wrong: 0, missed: 0, extra: 1 },
    });
    expect(errors).toEqual([
      { id: "a", slot: "budget", outcome: "wrong", gold: "200/mo", predicted: "300/mo" },
      { id: "b", slot: "need", outcome: "missed", gold: "crm", predicted: null },
      { id: "b", slot: "timeline", outcome: "extra", gold: null, predicted: "immediate" },
    ]);
  });

  it("compares values as it is told, so the scorer's normalisation decides what is right", () => {
    // Prepare
    const conversations = [{ id: "a", gold: { budget: "$2,000/mo" }, predicted: { budget: "2000/mo" } }];
    const withoutSigns = (gold: string, predicted: string) => gold.replace(/[$,]/g, "") === predicted;
    // Act
    const strict = slotErrors(conversations, exact).bySlot.budget;
    const normalised = slotErrors(conversations, withoutSigns).bySlot.budget;
    // Assess
    expect(strict).toEqual({ right: 0, wrong: 1, missed: 0, extra: 0 });
    expect(normalised).toEqual({ right: 1, wrong: 0, missed: 0, extra: 0 });
  });

  it("counts every labeled value once as right, wrong or missed, and every read one once as right, wrong or extra", () => {
    // Prepare
    const slots = fc.dictionary(
      fc.constantFrom("need", "budget", "timeline", "authority"),
      fc.constantFrom("x", "y"),
    );
    const conversations = fc.array(fc.record({ id: fc.string(), gold: slots, predicted: slots }), {
      maxLength: 20,
    });
    fc.assert(
      fc.property(conversations, (input) => {
        // Act
        const { bySlot, errors } = slotErrors(input, exact);
        // Assess
        const total = (
          pick: (t: { right: number; wrong: number; missed: number; extra: number }) => number,
        ) => Object.values(bySlot).reduce((sum, tally) => sum + pick(tally), 0);
        const labeledValues = input.reduce((n, c) => n + Object.keys(c.gold).length, 0);
        const readValues = input.reduce((n, c) => n + Object.keys(c.predicted).length, 0);
        expect(total((t) => t.right + t.wrong + t.missed)).toBe(labeledValues);
        expect(total((t) => t.right + t.wrong + t.extra)).toBe(readValues);
        expect(errors).toHaveLength(total((t) => t.wrong + t.missed + t.extra));
      }),
    );
  });
});
