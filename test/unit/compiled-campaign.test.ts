import { describe, expect, it } from "vitest";
import { defaultCampaign } from "../../functions/domain/campaigns.js";
import { compileCampaign, slotAskedBy } from "../../functions/domain/compiled-campaign.js";
import { normalizeText } from "../../functions/domain/text.js";

const askedBy = (aiLine: string) => slotAskedBy(compileCampaign(defaultCampaign), normalizeText(aiLine));

describe("slotAskedBy", () => {
  it("reads the slot the line's last question asks for", () => {
    // Prepare
    const lines = [
      "Great. And when would you want the new system up and running?",
      "Thanks! How many seats? And when would you like to start?",
      "Who else would be involved in making this decision?",
    ];
    // Act
    const asked = lines.map(askedBy);
    // Assess
    expect(asked).toEqual(["timeline", "timeline", "authority"]);
  });

  it.each([
    ["and what would you want to spend a month", "budget"],
    ["ok great when would you want it running", "timeline"],
    [
      "Teams your size land around $150 to $300 a month. Does that feel workable, or do you have a ceiling?",
      "budget",
    ],
    ["we bill a flat fee every month", undefined],
    ["That jump hurts. If you did switch, would that be your decision?", "authority"],
    [
      "When it comes to choosing a replacement, is that your decision, or does someone else weigh in?",
      "authority",
    ],
    ["Great. What budget did Dr. Hollis give you to work with?", "budget"],
    ["Got it. What are you hoping to spend on this?", "budget"],
  ])(
    'reads the slot a line asks for without a question mark, by "ceiling", after a condition or a title, or after a word of wanting: "%s"',
    (line, slot) => {
      // Act
      const asked = askedBy(line);
      // Assess
      expect(asked).toBe(slot);
    },
  );

  it.each([
    ["Understood. Is there a monthly amount the council would be comfortable with?", "budget"],
    ["What amount would work for you each month?", "budget"],
    ["Roughly what amount of calls do you get a day?", undefined],
  ])(
    'reads a question of an amount as asking the amount slot, not an amount of something: "%s"',
    (line, slot) => {
      // Act
      const asked = askedBy(line);
      // Assess
      expect(asked).toBe(slot);
    },
  );

  it("reads the slot a question names first, not what the slot is for", () => {
    // Prepare
    const lines = [
      "Got it. Do you have a rough budget in mind for the switch?",
      "Who would decide on the budget?",
      "When are you looking to make a decision?",
    ];
    // Act
    const asked = lines.map(askedBy);
    // Assess
    expect(asked).toEqual(["budget", "authority", "timeline"]);
  });

  it("takes a question that opens with when for the timeline slot, whatever slot it names after", () => {
    // Prepare: a timeline slot whose askedBy words the question does not use; "fix" asks the need.
    const slots = defaultCampaign.slots.map((slot) =>
      slot.kind === "timeline" ? { ...slot, askedBy: ["renew"] } : slot,
    );
    const compiled = compileCampaign({ ...defaultCampaign, slots });
    const line = "Makes sense. So when would you want the new system in place to fix that?";
    // Act
    const asked = slotAskedBy(compiled, normalizeText(line));
    const needFirst = slotAskedBy(compiled, normalizeText("What would you fix first, and when?"));
    // Assess
    expect(asked).toBe("timeline");
    expect(needFirst).toBe("need");
  });

  it.each([
    "Great. Is there a day that works for you?",
    "Is there a date you'd want it live by?",
    "Which day suits you?",
  ])("takes a question of which day for the campaign's one time slot: %j", (line) => {
    expect(askedBy(line)).toBe("timeline");
  });

  it("takes no category slot for a question of how many or how much: its answer is a number", () => {
    // Prepare: "need" is an askedBy word of the need slot.
    const lines = [
      "We provide cloud phones with call queues. How many seats would you need for your front desk?",
      "How much do you need to spend a month?",
    ];
    // Act
    const asked = lines.map(askedBy);
    // Assess: no need asked; the budget is, by its own askedBy word.
    expect(asked).toEqual([undefined, "budget"]);
    expect(askedBy("What would you need the new system to do?")).toBe("need");
  });

  it("takes a question that offers a choice among a category's values for that category", () => {
    // Prepare: no askedBy word of any slot in these questions.
    const choices = [
      "Is it mostly missed calls, or recording calls for compliance?",
      "Is it the old desk phones, or staff working from home?",
    ];
    const noChoice = [
      "Are you planning to roll it out to the rest of the team?",
      "Would you rather have a call back tomorrow or next week?",
    ];
    // Act
    const asked = choices.map(askedBy);
    const notAsked = noChoice.map(askedBy);
    // Assess: two values named without an "or", or one value, ask nothing.
    expect(asked).toEqual(["need", "need"]);
    expect(notAsked).toEqual([undefined, undefined]);
  });

  it("takes a question of when, in any words, for the campaign's one timeline slot", () => {
    // Prepare: a timeline slot whose askedBy words none of these questions use.
    const slots = defaultCampaign.slots.map((slot) =>
      slot.kind === "timeline" ? { ...slot, name: "renewal_date", askedBy: ["renew"] } : slot,
    );
    const compiled = compileCampaign({ ...defaultCampaign, slots });
    const renewal = slots.filter((slot) => slot.kind === "timeline");
    const secondTimeline = renewal.map((slot) => ({ ...slot, name: "start_date", askedBy: ["start"] }));
    const twoTimelines = compileCampaign({ ...defaultCampaign, slots: [...slots, ...secondTimeline] });
    const lines = [
      "Congratulations! When is the closing?",
      "And what date should the policy be active from?",
    ];
    // Act
    const asked = lines.map((line) => slotAskedBy(compiled, normalizeText(line)));
    const ambiguous = slotAskedBy(twoTimelines, normalizeText(lines[0] ?? ""));
    // Assess: one slot of time asked; with two, the question says which only by its words.
    expect(asked).toEqual(["renewal_date", "renewal_date"]);
    expect(ambiguous).toBeUndefined();
    expect(
      slotAskedBy(compiled, normalizeText("What happens when a call comes in after hours?")),
    ).toBeUndefined();
  });

  it("takes a question of what they would pay for the campaign's one amount slot, not one of today's bill", () => {
    // Prepare: an amount slot whose askedBy words neither question uses.
    const slots = defaultCampaign.slots.map((slot) =>
      slot.kind === "amount" ? { ...slot, askedBy: ["budget"] } : slot,
    );
    const compiled = compileCampaign({ ...defaultCampaign, slots });
    // Act
    const wished = slotAskedBy(
      compiled,
      normalizeText("That is high for three lines. What would you like to pay?"),
    );
    const today = slotAskedBy(compiled, normalizeText("How much do you pay now?"));
    // Assess
    expect(wished).toBe("budget");
    expect(today).toBeUndefined();
  });

  it("asks for nothing when only the pitch before the question names a slot", () => {
    // Prepare
    const line = "A cloud system could send calls to your cell when the front desk is busy. Would that help?";
    // Act
    const asked = askedBy(line);
    // Assess
    expect(asked).toBeUndefined();
  });
});

describe("the campaign's own words", () => {
  it("are the lowercase words of its category values' labels, examples and answer words", () => {
    // Act
    const { words } = compileCampaign(defaultCampaign);
    // Assess: a label word, an example word, and nothing from a question or a timeline slot.
    expect(words.has("replace")).toBe(true);
    expect(words.has("voip")).toBe(true);
    expect([...words].every((word) => /^[a-z0-9]+$/.test(word))).toBe(true);
    expect(words.has("fix")).toBe(false);
  });
});
