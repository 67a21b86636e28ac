import { describe, expect, it } from "vitest";
import { Campaign as CampaignSchema } from "../../contracts/campaign.js";
import { defaultCampaign } from "../../functions/domain/campaigns.js";
import { compileCampaign } from "../../functions/domain/compiled-campaign.js";
import { extractSlots, mergeSlots } from "../../functions/domain/qualification.js";
import { normalizeText, splitClauses } from "../../functions/domain/text.js";

const compiled = compileCampaign(defaultCampaign);
const budgetOf = (turn: string) =>
  extractSlots(compiled, splitClauses(normalizeText(turn)), "budget").find((c) => c.slot === "budget");

describe("extractSlots", () => {
  it.each([
    [
      "no idea yet, she hasnt said. my brain is fried anyway, my license renewal is due in 2 weeks",
      undefined,
    ],
    ["not sure, maybe in 2 weeks", "within_1_month"],
    ["I don't know. Probably next month.", "within_1_month"],
  ])("reads a time after an answer of not knowing only as a guess: %j -> %s", (turn, value) => {
    // Prepare
    const clauses = splitClauses(normalizeText(turn));
    // Act
    const timeline = extractSlots(compiled, clauses, "timeline", { callDate: "2026-04-14" }).find(
      (c) => c.slot === "timeline",
    );
    // Assess
    expect(timeline?.value).toBe(value);
  });

  it("reads no need unasked in a turn that asks for a person, and reads the answer when asked", () => {
    // Prepare
    const clauses = splitClauses(normalizeText("can you get me someone from your sales team on a call?"));
    // Act
    const unasked = extractSlots(compiled, clauses, "budget", { aside: true }).find((c) => c.slot === "need");
    const asked = extractSlots(compiled, clauses, "need", { aside: true }).find((c) => c.slot === "need");
    // Assess
    expect(unasked).toBeUndefined();
    expect(asked?.value).toBe("contact_center");
  });

  it.each([
    "hold on. re budget, i was looking at the wrong line, 250 is what one store pays. for all 5 i could do up to 900 a month",
    "my bad, wrong number, we could do up to 900 a month",
    "wait sorry, 250 is what we pay NOW for the lines. for the new system we could go up to 900/mo",
    "sorry not fifty, i said up to 900 a month",
    "its up to 900/mo not 200. and yeah the board approves",
  ])("marks an amount said after owning a mistake as a correction: %j", (turn) => {
    // Act
    const budget = budgetOf(turn);
    // Assess
    expect(budget).toMatchObject({ value: "0-900/mo", correction: true });
  });

  it.each([
    ["Oh, I'd want to keep it under, um, a thousand a month. All in. A thousand dollars.", "0-1000/mo"],
    ["For the year? Twelve grand. Somewhere in there.", "12000/yr"],
    ["um for the year i was thinking five k maybe six", "5000-6000/yr"],
    ["i was thinking twenty thousand for the first year all in", "20000/yr"],
  ])("reads an amount as the customer shapes it, its period and range said around it: %j", (turn, value) => {
    // Act
    const budget = budgetOf(turn);
    // Assess
    expect(budget?.value).toBe(value);
  });

  it.each([
    ["we were thinking 600 a month, tops.", "0-600/mo"],
    ["5k, or more if it works", "5000+"],
  ])("reads a bound said after a comma as part of the amount: %j", (turn, value) => {
    // Prepare
    const text = turn;
    // Act
    const budget = budgetOf(text);
    // Assess
    expect(budget?.value).toBe(value);
  });

  it.each([
    ["Um, I'd say we'd go, uh, three hundred a month. Maybe three-fifty, tops.", "300-350/mo"],
    ["hmm like 200/mo? maybe 250", "200-250/mo"],
    [
      "I think we could do around four hundred a month. Maybe five hundred if the reporting's good.",
      "400-500/mo",
    ],
    ["Two hundred, two-fifty a month, tops.", "200-250/mo"],
  ])(
    "widens an amount to a range with a larger one offered as a maybe, or said beside it, in the next clause: %j",
    (turn, value) => {
      // Act
      const budget = budgetOf(turn);
      // Assess
      expect(budget?.value).toBe(value);
    },
  );

  it.each([
    ["we pay 300 a month now. maybe 350 with the taxes", "350"],
    ["two hundred a month. maybe a thousand if it does everything", "1000"],
    ["three hundred, nine hundred a month", "900/mo"],
  ])("widens no amount that is today's bill, nor with one more than twice it: %j", (turn, value) => {
    // Act
    const budget = budgetOf(turn);
    // Assess
    expect(budget?.value).toBe(value);
  });

  it.each([
    ["it's about eight hundred a month. actually, no, make it under seven hundred.", "0-700/mo"],
    ["about eight hundred a month, sorry, I mean nine hundred a year", "900/yr"],
    ["about eight hundred a month, or under seven hundred if we drop the fax line", "0-800/mo"],
    ["no more than six hundred a month, I'd say. actually, make that five hundred.", "0-500/mo"],
  ])("takes an amount said after a correction over the one it corrects: %j", (turn, value) => {
    // Prepare
    const text = turn;
    // Act
    const budget = budgetOf(text);
    // Assess
    expect(budget?.value).toBe(value);
  });

  it("reads the answer to a category question from the turn's first clause when the whole turn says more", () => {
    // Prepare: a category whose examples share only one word with the answer.
    const slots = defaultCampaign.slots.map((slot) =>
      slot.name === "need"
        ? {
            ...slot,
            values: {
              receivables: { label: "Receivables", examples: ["getting paid faster", "chasing customers"] },
              payables: { label: "Payables", examples: ["paying our suppliers", "vendor invoices"] },
            },
          }
        : slot,
    );
    const campaign = compileCampaign({ ...defaultCampaign, slots });
    const turn =
      "Getting paid. We're a staffing agency, we bill clients every week and someone spends her whole Friday on reminders.";
    // Act
    const asked = extractSlots(campaign, splitClauses(normalizeText(turn)), "need");
    const unasked = extractSlots(campaign, splitClauses(normalizeText(turn)), "budget");
    // Assess
    expect(asked.find((c) => c.slot === "need")).toMatchObject({ value: "receivables", quote: "paid" });
    expect(unasked.find((c) => c.slot === "need")).toBeUndefined();
  });

  it("does not borrow a bound from a clause after other words", () => {
    // Prepare
    const text = "600 a month for the phones, max two sites";
    // Act
    const budget = budgetOf(text);
    // Assess
    expect(budget?.value).toBe("600/mo");
  });

  it.each([
    ["we're not looking to change anything until next year, call me then.", "later"],
    ["we won't be looking at this till next year, give me a call back then", "later"],
    ["call me back in january.", undefined],
    ["sure, reach out next quarter.", undefined],
  ])(
    "in a turn asking for a callback, reads only a time said with until as the timeline: %j",
    (turn, value) => {
      // Prepare
      const clauses = splitClauses(normalizeText(turn));
      // Act
      const timeline = extractSlots(compiled, clauses, undefined, {
        callDate: "2026-03-02",
        callbackRequested: true,
      }).find((c) => c.slot === "timeline");
      // Assess
      expect(timeline?.value).toBe(value);
    },
  );

  it("reads an amount answering what the customer pays today as today's bill, not a budget, unless they say what they want", () => {
    // Prepare
    const spendOf = (turn: string, aiLine: string) =>
      extractSlots(compiled, splitClauses(normalizeText(turn)), undefined, { aiLine }).find(
        (c) => c.slot === "budget",
      );
    // Act
    const today = spendOf("About 180 a month.", "We could likely lower that. What do you pay now?");
    const wanted = spendOf(
      "About 180 a month, I'd want to get under 100 a month.",
      "What are you paying now?",
    );
    const unasked = spendOf("About 180 a month.", "Thanks. Roughly what budget have you set aside?");
    // Assess
    expect(today?.confidence).toBeLessThan(defaultCampaign.thresholds.slotConfidence);
    expect(wanted).toMatchObject({ value: "0-100/mo" });
    expect(wanted?.confidence).toBeGreaterThanOrEqual(defaultCampaign.thresholds.slotConfidence);
    expect(unasked).toMatchObject({ value: "180/mo" });
    expect(unasked?.confidence).toBeGreaterThanOrEqual(defaultCampaign.thresholds.slotConfidence);
  });

  it("gives an amount the period the budget question asks it in, when the answer names none", () => {
    // Prepare
    const budgetAfter = (turn: string, aiLine: string) =>
      extractSlots(compiled, splitClauses(normalizeText(turn)), "budget", { aiLine }).find(
        (c) => c.slot === "budget",
      );
    // Act
    const monthly = budgetAfter(
      "So about eleven hundred.",
      "Makes sense. What would you want to spend a month?",
    );
    const yearly = budgetAfter("Maybe 20k.", "What's your annual budget for this?");
    const said = budgetAfter("Maybe 20k a year.", "What would you want to spend a month?");
    const none = budgetAfter("So about eleven hundred.", "We bill per month. Do you have a budget in mind?");
    // Assess
    expect(monthly?.value).toBe("1100/mo");
    expect(yearly?.value).toBe("20000/yr");
    expect(said?.value).toBe("20000/yr");
    expect(none?.value).toBe("1100");
  });

  it("does not take the time of a callback the customer says yes to as the timeline", () => {
    // Prepare
    const clauses = splitClauses(normalizeText("yes, that works."));
    // Act
    const timeline = extractSlots(compiled, clauses, undefined, {
      callDate: "2026-03-02",
      aiLine: "would you like me to reach out early next year?",
      callbackRequested: true,
    }).find((c) => c.slot === "timeline");
    // Assess
    expect(timeline).toBeUndefined();
  });

  it("reads no need said unasked in a turn that objects, when the campaign's need is not read so", () => {
    // Prepare
    const clauses = splitClauses(
      normalizeText("our contract with our current provider runs another six months, call me then"),
    );
    // Act
    const objecting = extractSlots(compiled, clauses, undefined, { objecting: true });
    const plain = extractSlots(compiled, clauses, undefined, { objecting: false });
    const asked = extractSlots(compiled, clauses, "need", { objecting: true });
    // Assess
    expect(objecting.find((c) => c.slot === "need")).toBeUndefined();
    expect(plain.find((c) => c.slot === "need")?.value).toBe("replace_phone_system");
    expect(asked.find((c) => c.slot === "need")?.value).toBe("replace_phone_system");
  });

  it("reads no timeline from the present a turn objects with, though the timeline was asked", () => {
    // Prepare
    const clauses = splitClauses(
      normalizeText(
        "the thing is were in the middle of annual budget season with all the boards right now and everything is crazy i dont want to switch in the middle of that",
      ),
    );
    // Act
    const objecting = extractSlots(compiled, clauses, "timeline", { objecting: true });
    const plain = extractSlots(compiled, clauses, "timeline", { objecting: false });
    // Assess
    expect(objecting.find((c) => c.slot === "timeline")).toBeUndefined();
    expect(plain.find((c) => c.slot === "timeline")?.value).toBe("immediate");
  });

  it("still reads a category said while objecting when the slot is read so (the default)", () => {
    // Prepare
    const campaign = CampaignSchema.parse({
      ...defaultCampaign,
      slots: defaultCampaign.slots.map(({ readWhileObjecting: _, ...slot }) => slot),
    });
    const clauses = splitClauses(
      normalizeText("our contract with our current provider runs another six months, call me then"),
    );
    // Act
    const candidates = extractSlots(compileCampaign(campaign), clauses, undefined, { objecting: true });
    // Assess
    expect(campaign.slots.every((slot) => slot.readWhileObjecting)).toBe(true);
    expect(candidates.find((c) => c.slot === "need")?.value).toBe("replace_phone_system");
  });

  it.each([
    ["ok, can i get someone on the phone? my partner has more questions", "need"],
    ["hold on, are you like a recording? i want a real person", "need"],
    ["wrong number, this is my cell", "need"],
  ])("reads no category from a word in passing when the turn is an aside: %j", (turn, slot) => {
    // Prepare
    const clauses = splitClauses(normalizeText(turn));
    // Act
    const aside = extractSlots(compiled, clauses, undefined, { aside: true });
    const plain = extractSlots(compiled, clauses, undefined, {});
    const asked = extractSlots(compiled, clauses, slot, { aside: true });
    // Assess
    expect(aside.find((c) => c.slot === slot)).toBeUndefined();
    expect(plain.find((c) => c.slot === slot)).toBeDefined();
    expect(asked.find((c) => c.slot === slot)).toBeDefined();
  });

  it("reads no answer from a lone word of the first clause when the turn is an aside", () => {
    // Prepare: too long a turn for its key words alone; its first clause is read as the answer.
    const clauses = splitClauses(
      normalizeText("pool cleaning company, can i just talk to someone real about all this stuff please"),
    );
    // Act
    const plain = extractSlots(compiled, clauses, "need", {});
    const aside = extractSlots(compiled, clauses, "need", { aside: true });
    // Assess: "company" is a word only one need's examples use, but a request for a person answers nothing.
    expect(plain.find((c) => c.slot === "need")?.quote).toBe("company");
    expect(aside.find((c) => c.slot === "need")).toBeUndefined();
  });

  it("still reads a category an aside names in full", () => {
    // Prepare
    const clauses = splitClauses(
      normalizeText("we need a call center for thirty agents, can i talk to sales?"),
    );
    // Act
    const candidates = extractSlots(compiled, clauses, undefined, { aside: true });
    // Assess
    expect(candidates.find((c) => c.slot === "need")?.value).toBe("contact_center");
  });

  it("reads a time said unasked for a slot about an appointment only where the clause names what the slot is about", () => {
    // Prepare: the default campaign's timeline, marked as about an appointment ("switch" is one of its askedBy words).
    const campaign = CampaignSchema.parse({
      ...defaultCampaign,
      slots: defaultCampaign.slots.map((slot) =>
        slot.kind === "timeline" ? { ...slot, unaskedOnlyWithAskedBy: true } : slot,
      ),
    });
    const marked = compileCampaign(campaign);
    const timelineOf = (turn: string, asked: string | undefined) =>
      extractSlots(marked, splitClauses(normalizeText(turn)), asked).find((c) => c.slot === "timeline");
    // Act
    const aboutSomethingElse = timelineOf("our new accounting system goes live next quarter", undefined);
    const namingIt = timelineOf("we'd want to switch next quarter", undefined);
    const answered = timelineOf("our new accounting system goes live next quarter", "timeline");
    const unmarked = extractSlots(
      compiled,
      splitClauses(normalizeText("our new accounting system goes live next quarter")),
      undefined,
    ).find((c) => c.slot === "timeline");
    // Assess
    expect(aboutSomethingElse).toBeUndefined();
    expect(namingIt?.value).toBe("within_6_months");
    expect(answered?.value).toBe("within_6_months");
    expect(unmarked?.value).toBe("within_6_months");
  });
});

describe("mergeSlots", () => {
  const sticky = new Set(["need"]);
  const landline = {
    value: "replace_phone_system",
    turn: 3,
    confidence: 0.7,
    quote: "landline",
    corrected: false,
  };
  const need = (value: string, confidence: number, correction: boolean) => ({
    slot: "need",
    value,
    confidence,
    correction,
    quote: value,
  });

  it("keeps a sticky slot's value against a correction word with a less sure reading", () => {
    // Prepare: "OK, actually, can you just send me a quote for the office plus eight cell phones?"
    const candidates = [need("remote_work", 0.65, true)];
    // Act
    const { slots, changes } = mergeSlots({ need: landline }, candidates, 13, "budget", 0.5, sticky);
    // Assess
    expect(slots.need?.value).toBe("replace_phone_system");
    expect(changes).toEqual([]);
  });

  it("corrects a sticky slot with a reading as sure as the value it replaces", () => {
    // Prepare: "but actually, the bigger issue is our reps can't get calls into hubspot"
    const candidates = [need("crm_integration", 0.7, true)];
    // Act
    const { slots } = mergeSlots({ need: landline }, candidates, 5, undefined, 0.5, sticky);
    // Assess
    expect(slots.need).toMatchObject({ value: "crm_integration", corrected: true });
  });

  it("still replaces a sticky slot when asked again, or with a surer reading and no correction word", () => {
    // Act
    const asked = mergeSlots({ need: landline }, [need("remote_work", 0.65, false)], 7, "need", 0.5, sticky);
    const surer = mergeSlots(
      { need: landline },
      [need("contact_center", 0.85, false)],
      7,
      undefined,
      0.5,
      sticky,
    );
    const asSure = mergeSlots(
      { need: landline },
      [need("contact_center", 0.7, false)],
      7,
      undefined,
      0.5,
      sticky,
    );
    // Assess
    expect([asked.slots.need?.value, surer.slots.need?.value, asSure.slots.need?.value]).toEqual([
      "remote_work",
      "contact_center",
      "replace_phone_system",
    ]);
  });

  it("lets a correction word replace a slot that is not sticky whatever its confidence", () => {
    // Prepare
    const budget = { value: "800/mo", turn: 5, confidence: 0.85, quote: "800 a month", corrected: false };
    const candidate = {
      slot: "budget",
      value: "0-700/mo",
      confidence: 0.6,
      correction: true,
      quote: "under 700",
    };
    // Act
    const { slots } = mergeSlots({ budget }, [candidate], 5, undefined, 0.5, sticky);
    // Assess
    expect(slots.budget?.value).toBe("0-700/mo");
  });
});

describe("extractSlots in a turn that pushes back on a price", () => {
  const PUSHBACK = "24 per user?? thats 120 a month for 5 of us, thats more then the landline";
  const budgetIn = (aiLine: string, turn: string) =>
    extractSlots(compiled, splitClauses(normalizeText(turn)), undefined, {
      aiLine,
      priceObjected: true,
    }).find((candidate) => candidate.slot === "budget");

  it("reads no budget from the AI's price worked out and weighed", () => {
    // Prepare
    const aiLine = "Plans for a small studio start at $24 per user per month.";
    // Act
    const budget = budgetIn(aiLine, PUSHBACK);
    // Assess
    expect(budget).toBeUndefined();
  });

  it("still reads what the customer says they could pay beside the pushback", () => {
    // Prepare
    const aiLine = "Plans for a small studio start at $24 per user per month.";
    // Act
    const budget = budgetIn(aiLine, "thats a lot for us, we could do eighty a month");
    // Assess
    expect(budget?.value).toBe("80/mo");
  });

  it("still reads an amount after an AI line that named no price", () => {
    // Prepare
    const aiLine = "What made you look at new phones?";
    // Act
    const budget = budgetIn(aiLine, "we could spend maybe 120 a month, thats more then the landline though");
    // Assess
    expect(budget?.value).toBe("120/mo");
  });
});
