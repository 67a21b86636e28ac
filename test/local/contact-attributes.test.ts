import { describe, expect, it } from "vitest";
import { defaultCampaign } from "../../functions/domain/campaigns.js";
import { processCustomerTurn, recordLine, startContact } from "../../functions/domain/engine.js";
import { buildScreenPop, screenPopAttributes } from "../../functions/domain/screen-pop.js";
import { normalizeAttributes, viewFromAttributes } from "../../web/desk/contact-attributes.js";
import { viewFromScreenPop } from "../../web/desk/desk-view.js";
import { fixedReader } from "../support/fixed-reader.js";

/** The objections this call raises, read the same whatever model ships: the round trip is under test. */
const OBJECTIONS = fixedReader((text) =>
  text.includes("too expensive")
    ? ["objection_price"]
    : text.includes("RingCentral")
      ? ["objection_competitor"]
      : [],
);

/** A real screen pop from the engine: price and competitor objections, then a handoff. */
function realScreenPop() {
  let state = recordLine(
    startContact({ contactId: "c-attr", campaignId: "default", leadId: "lead-1" }),
    "ai",
    defaultCampaign.script.greeting,
    defaultCampaign,
  );
  for (const line of [
    "We have an old PBX and we spend around 20k a year on it.",
    "Honestly it sounds too expensive for us.",
    "And we are already with RingCentral, switching sounds like a pain.",
  ]) {
    const result = processCustomerTurn(state, { text: line }, defaultCampaign, OBJECTIONS);
    state = recordLine(
      result.state,
      "ai",
      "Totally fair. Roughly what budget have you set aside?",
      defaultCampaign,
    );
  }
  if (state.outcome.status !== "handed_off") throw new Error("expected a handoff");
  return buildScreenPop(state, defaultCampaign, state.outcome);
}

describe("the screen pop inside the Connect agent workspace", () => {
  it("reads the same facts from the baton_* attributes as from the full screen pop", () => {
    const pop = realScreenPop();
    const attributes = screenPopAttributes(pop);
    const fromAttributes = viewFromAttributes("c-attr", attributes);
    const full = viewFromScreenPop(pop);
    expect(fromAttributes).not.toBeNull();
    expect(fromAttributes?.trigger).toBe(full.trigger);
    expect(fromAttributes?.turn).toBe(full.turn);
    expect(fromAttributes?.summary).toBe(full.summary);
    expect(fromAttributes?.opener).toBe(full.opener);
    expect(fromAttributes?.tone).toBe(full.tone);
    expect(fromAttributes?.intents).toEqual(full.intents);
    expect(fromAttributes?.confirmed.map(({ slot, value, turn }) => ({ slot, value, turn }))).toEqual(
      full.confirmed.map(({ slot, value, turn }) => ({ slot, value, turn })),
    );
    expect(fromAttributes?.objections.map(({ kind, status }) => ({ kind, status }))).toEqual(
      full.objections.map(({ kind, status }) => ({ kind, status })),
    );
  });

  it("accepts values as strings, as {name, value} objects, or as a list of them", () => {
    const expected = { baton_trigger: "complex", baton_decided_turn: "5" };
    expect(normalizeAttributes(expected)).toEqual(expected);
    expect(
      normalizeAttributes({
        baton_trigger: { name: "baton_trigger", value: "complex" },
        baton_decided_turn: { value: "5" },
        other: null,
      }),
    ).toEqual(expected);
    expect(
      normalizeAttributes([
        { name: "baton_trigger", value: "complex" },
        { name: "baton_decided_turn", value: "5" },
      ]),
    ).toEqual(expected);
    expect(normalizeAttributes("nonsense")).toEqual({});
  });

  it("parses objections whose answers contain separators", () => {
    const view = viewFromAttributes("c", {
      baton_trigger: "complex",
      baton_objections: "price:resolved (answered: Fair; no setup fee.); competitor:open",
    });
    expect(view?.objections).toEqual([
      { kind: "price", status: "resolved", aiAnswer: "Fair; no setup fee." },
      { kind: "competitor", status: "open" },
    ]);
  });

  it("is null for a contact Baton did not hand off", () => {
    expect(viewFromAttributes("c", { customerName: "Ana" })).toBeNull();
  });
});
