import { describe, expect, it } from "vitest";
import { SlotDefinition } from "../../contracts/campaign.js";
import { editDistance } from "../../functions/domain/edit-distance.js";
import { categoryMatcher, stem } from "../../functions/domain/slots/category.js";

const COVERAGE = categoryMatcher({
  auto: { label: "Auto", examples: ["car insurance", "insure my truck", "auto policy"] },
  home: { label: "Home", examples: ["homeowners insurance", "insure my house", "condo insurance"] },
  renters: { label: "Renters", examples: ["renters insurance", "insurance for my apartment"] },
  life: { label: "Life", examples: ["life insurance", "term life policy"], whenAsked: ["life"] },
});

describe("category values recognised by similarity to their examples", () => {
  it.each([
    ["hi, we just bought a condo and want insurance for it", "home", "condo and want insurance"],
    ["looking at getting my trucks insured", "auto", "trucks insured"],
    ["can you quote insurance on the apartment im renting", "renters", "insurance on the apartment"],
    ["a term policy, life", "life", "term policy, life"],
  ])("%s -> %s (quote: %s)", (text, value, quote) => {
    // Prepare: examples that never spell out these turns. Act.
    const reading = COVERAGE.read(text, false);
    // Assess: the value and only the words that carry it.
    expect(reading?.value).toBe(value);
    expect(reading?.quote).toBe(quote);
  });

  it("reads speech form and a typo like the written form", () => {
    // Prepare / Act
    const written = COVERAGE.read("I'd like renter's insurance", true);
    const speech = COVERAGE.read("id like renters insurence", true);
    // Assess
    expect(written?.value).toBe("renters");
    expect(speech?.value).toBe("renters");
    expect(speech?.quote).toBe("renters insurence");
    expect(speech?.confidence).toBeLessThan(written?.confidence ?? 0);
  });

  it("reads a short word one letter off inside a longer example, never alone", () => {
    // Prepare: a recogniser hears "State Farm" as "state form".
    const insurers = categoryMatcher({
      state_farm: { label: "State Farm", examples: ["state farm"] },
      geico: { label: "GEICO", examples: ["geico"] },
      farm_bureau: { label: "Farm Bureau", examples: ["farm bureau", "farm"] },
    });
    // Act
    const misheard = insurers.read("uh my truck is with state form", true);
    const alone = insurers.read("i filled in the form", true);
    const heard = insurers.read("uh my truck is with state farm", true);
    // Assess: the misheard word counts for less than the word, and alone (against the example "farm") for nothing.
    expect(misheard?.value).toBe("state_farm");
    expect(misheard?.quote).toBe("state form");
    expect(misheard?.confidence).toBeLessThan(heard?.confidence ?? 0);
    expect(alone).toBeNull();
  });

  it("is more sure when the AI just asked for the slot", () => {
    expect(COVERAGE.read("car insurance", true)?.confidence).toBe(0.85);
    expect(COVERAGE.read("car insurance", false)?.confidence).toBe(0.7);
  });

  it("rests less on one word in passing than on a fuller mention, unless the AI asked", () => {
    // Prepare
    const values = {
      queues: { label: "Queues", examples: ["agents", "call queues"] },
      remote: { label: "Remote", examples: ["work from home"] },
    };
    const matcher = categoryMatcher(values);
    // Act
    const lone = matcher.read("i'm an agent here", false);
    const fuller = matcher.read("we need call queues", false);
    const asked = matcher.read("agents", true);
    // Assess
    expect(lone?.value).toBe("queues");
    expect(lone?.confidence).toBeLessThan(fuller?.confidence ?? 0);
    expect(lone?.confidence).toBeGreaterThanOrEqual(0.6);
    expect(asked?.confidence).toBe(0.85);
  });

  it("does not take one shared word for a resemblance", () => {
    // "insurance" is in every value; "policy" alone is not "auto policy".
    expect(COVERAGE.read("what does the insurance cost", false)).toBeNull();
    expect(COVERAGE.read("i read the policy", false)).toBeNull();
  });

  it("uses whenAsked words only on the answer to the slot's question", () => {
    expect(COVERAGE.read("life, mostly", true)?.value).toBe("life");
    expect(COVERAGE.read("life is busy", false)).toBeNull();
  });

  describe("a short answer to the slot's question, by the words only one value's examples use", () => {
    // Prepare: a slot whose question says "accounting system"; no example is one word long.
    const USE_CASE = categoryMatcher(
      {
        payable: { label: "Payable", examples: ["paying our suppliers", "AP automation"] },
        receivable: { label: "Receivable", examples: ["chasing customers for payment"] },
        erp: { label: "Xero", examples: ["zero accounting", "accounting software"] },
      },
      ["What accounting system are you on?", "system"],
    );

    it.each([
      ["ap", "payable", "ap"],
      ["uh the suppliers i guess we got a lot of those", "payable", "suppliers"],
      ["Chasing the agencies.", "receivable", "Chasing"],
    ])("%s -> %s (quote: %s)", (text, value, quote) => {
      // Act
      const reading = USE_CASE.read(text, true);
      // Assess
      expect(reading).toEqual({ value, confidence: 0.7, quote });
    });

    it("reads nothing unasked, nor where key words name two values", () => {
      expect(USE_CASE.read("ap", false)).toBeNull();
      expect(USE_CASE.read("the suppliers and chasing customers", true)).toBeNull();
    });

    it("takes no word of the question for a key word: the answer echoes it", () => {
      expect(USE_CASE.read("it's a construction accounting thing", true)).toBeNull();
    });

    it("reads a turn longer than an answer only by its examples", () => {
      const long = "well the suppliers are one thing but honestly the whole place needs help with everything";
      expect(USE_CASE.read(long, true)).toBeNull();
    });
  });

  it("reads two parts joined by 'and' in either order", () => {
    // Prepare
    const household = categoryMatcher({
      couple: { label: "Couple", examples: ["me and my wife"] },
      family: { label: "Family", examples: ["my wife and kids"] },
    });
    // Act
    const swapped = household.read("car insurance for my wife and me", false);
    const family = household.read("it's for my wife and the kids", false);
    // Assess
    expect(swapped).toMatchObject({ value: "couple", quote: "my wife and me" });
    expect(family?.value).toBe("family");
  });

  it("matches an example with a single content word only as the whole phrase, in order, the word said twice too", () => {
    // Prepare
    const matcher = categoryMatcher({
      contact_center: { label: "Contact center", examples: ["on the phones", "rings and rings"] },
      remote: { label: "Remote", examples: ["two offices"] },
    });
    // Act / Assess
    expect(matcher.read("ten people on the phones all day", false)?.quote).toBe("on the phones");
    expect(matcher.read("our phones are fine", false)).toBeNull();
    expect(matcher.read("we're moving offices in two weeks", false)).toBeNull();
    expect(matcher.read("we have two offices", false)?.value).toBe("remote");
    expect(matcher.read("when it's busy it just rings and rings", false)?.quote).toBe("rings and rings");
    expect(matcher.read("the phone rings, and the bell rings", false)).toBeNull();
  });

  it("matches an example that negates only where the turn negates too", () => {
    // Prepare
    const matcher = categoryMatcher({
      replace: { label: "Replace", examples: ["phones don't work"] },
      remote: { label: "Remote", examples: ["two offices"] },
    });
    const insurer = categoryMatcher({
      none: { label: "None", examples: ["no coverage right now"] },
      geico: { label: "GEICO", examples: ["geico"] },
    });
    // Act / Assess
    expect(matcher.read("I need the phones at both places to work as one system", false)).toBeNull();
    expect(matcher.read("our phones don't work half the time", false)?.quote).toBe("phones don't work");
    expect(matcher.read("the phones never work", false)?.value).toBe("replace");
    expect(insurer.read("we need coverage now", false)).toBeNull();
    expect(insurer.read("no coverage right now", false)?.value).toBe("none");
  });

  it("takes no word of an example that negates as an answer's key word", () => {
    // Prepare: "coverage" is used by one value only, and only with its negation.
    const insurer = categoryMatcher({
      none: { label: "None", examples: ["no coverage right now"] },
      geico: { label: "GEICO", examples: ["geico"] },
    });
    // Act / Assess
    expect(insurer.read("we need coverage soon", true)).toBeNull();
    expect(insurer.read("geico", true)?.value).toBe("geico");
  });

  it("finds nothing before a turn's first word: 'hold on' is not 'on hold'", () => {
    // Prepare
    const matcher = categoryMatcher({ contact_center: { label: "Contact center", examples: ["on hold"] } });
    // Act / Assess
    expect(matcher.read("hold on, are you a recording?", false)).toBeNull();
    expect(matcher.read("callers sit on hold", false)?.quote).toBe("on hold");
  });

  it("quotes every touching match of the value, not just one of them", () => {
    // Prepare
    const matcher = categoryMatcher({
      replace: { label: "Replace", examples: ["replace", "old pbx"] },
      costs: { label: "Costs", examples: ["cut costs"] },
    });
    // Act
    const reading = matcher.read("we want to replace our old pbx, and cut costs", false);
    // Assess
    expect(reading).toEqual({ value: "replace", confidence: 0.7, quote: "replace our old pbx" });
  });

  it("takes the earliest full match when a turn names two values", () => {
    expect(COVERAGE.read("life insurance first, then car insurance", false)?.value).toBe("life");
  });

  it("takes the value the turn says more about when it names two", () => {
    // Prepare: one word for the cells, three (in two places) for the landline.
    const matcher = categoryMatcher({
      replace: { label: "Replace", examples: ["landline", "replace", "old phone system"] },
      remote: { label: "Remote", examples: ["cell phones", "from home"] },
    });
    // Act
    const reading = matcher.read(
      "cell phones mostly, and a landline that's dying. we mean to replace it",
      false,
    );
    // Assess: the strongest match of that value is the quote; two words speak for it, so not a lone word.
    expect(reading).toEqual({ value: "replace", confidence: 0.7, quote: "landline" });
  });

  it.each([
    ["car insurance, no wait, it's the condo insurance I need", "home", "condo insurance"],
    [
      "renters insurance. actually scratch that, we bought a house, so homeowners insurance",
      "home",
      "homeowners insurance",
    ],
  ])("takes the value said after a correction in the same turn: %s", (text, value, quote) => {
    // Prepare / Act
    const reading = COVERAGE.read(text, false);
    // Assess
    expect(reading?.value).toBe(value);
    expect(reading?.quote).toBe(quote);
  });

  it("keeps the value said before a correction that names none", () => {
    // Prepare / Act
    const reading = COVERAGE.read("car insurance, actually for two cars", false);
    // Assess
    expect(reading?.value).toBe("auto");
  });

  it("gives the same answer every time (deterministic, nothing carried between turns)", () => {
    const texts = ["insure my house", "nothing here", "renters insurence please", "insure my house"];
    const first = texts.map((text) => COVERAGE.read(text, false));
    const second = texts.map((text) => COVERAGE.read(text, false));
    expect(second).toEqual(first);
    expect(first[0]).toEqual(first[3]);
  });
});

describe("an example of one word said with a preposition", () => {
  const needs = categoryMatcher({
    remote: { label: "Remote", examples: ["from home", "on the road"] },
    queues: { label: "Queues", examples: ["call queue", "answer the phone"] },
  });

  it.each([
    ["the volunteers answer from their homes", "from their homes"],
    ["our guys work from home", "from home"],
    ["they take shifts from their own homes", "from their own homes"],
  ])('reads "%s" with a determiner between as the example (quote: %s)', (text, quote) => {
    // Act
    const reading = needs.read(text, false);
    // Assess
    expect(reading?.value).toBe("remote");
    expect(reading?.quote).toBe(quote);
  });

  it("still needs the preposition: a home is no working from home", () => {
    // Act
    const reading = needs.read("we run the business out of a big old home", false);
    // Assess
    expect(reading).toBeNull();
  });
});

describe("words that stop the talk", () => {
  const needs = categoryMatcher({
    queues: { label: "Queues", examples: ["waiting on hold", "wait times"] },
  });

  it.each([
    "wait hold on am i talking to a real person or one of them computer things",
    "Honestly? Wait. Let's get moved first.",
  ])('reads no wait times in "wait" or "hold on" opening a sentence: "%s"', (text) => {
    // Act
    const reading = needs.read(text, false);
    // Assess
    expect(reading).toBeNull();
  });

  it("still reads callers who wait on hold after a hold on", () => {
    // Act
    const reading = needs.read("hold on, our callers are waiting on hold for ages", false);
    // Assess
    expect(reading).toMatchObject({ value: "queues", quote: "waiting on hold" });
  });
});

describe("a name a recogniser split in two or spelled out", () => {
  const needs = categoryMatcher({
    crm: { label: "CRM", examples: ["hubspot", "salesforce", "our crm"] },
    queues: { label: "Queues", examples: ["callbacks", "sales team calls", "call queue"] },
    phones: { label: "Phones", examples: ["old pbx", "pbx"] },
  });

  it.each([
    ["we use hub spot for all the leads", "crm", "hub spot"],
    ["everything lives in sales force", "crm", "sales force"],
  ])('reads "%s" as the one word: %s (quote: %s)', (text, value, quote) => {
    // Act
    const reading = needs.read(text, false);
    // Assess
    expect(reading?.value).toBe(value);
    expect(reading?.quote).toBe(quote);
  });

  it.each([
    ["our p b x is from like two thousand and six", "phones", "p b x"],
    ["it all goes in our c r m", "crm", "our c r m"],
  ])('reads the acronym spelled out in "%s" as the word: %s (quote: %s)', (text, value, quote) => {
    // Act
    const reading = needs.read(text, false);
    // Assess
    expect(reading?.value).toBe(value);
    expect(reading?.quote).toBe(quote);
  });

  it("reads single letters that spell no example word as nothing", () => {
    // Act
    const reading = needs.read("plan b is a c d drive", false);
    // Assess
    expect(reading).toBeNull();
  });

  it("reads a verb and its particle as no split word: call back is no callback", () => {
    // Act
    const reading = needs.read("nah, just call back then. thanks.", false);
    // Assess
    expect(reading).toBeNull();
  });
});

describe("stems and typos", () => {
  it.each([
    ["replacing", "replac"],
    ["replaced", "replac"],
    ["replace", "replac"],
    ["policies", "policy"],
    ["calls", "call"],
    ["business", "business"],
  ])("stem(%s) = %s", (word, expected) => {
    expect(stem(word)).toBe(expected);
  });

  it("counts a swap of two letters as one edit and stops past the limit", () => {
    expect(editDistance("insurance", "insurence", 2)).toBe(1);
    expect(editDistance("recieve", "receive", 1)).toBe(1);
    expect(editDistance("apartment", "department", 1)).toBe(2);
  });
});

describe("campaign files written before labels and examples", () => {
  it("reads a phrase list as examples and stems as whenAsked words", () => {
    // Prepare
    const legacy = {
      name: "need",
      label: "Need",
      description: "",
      required: true,
      kind: "category",
      question: "What do you need?",
      values: { cut_costs: ["cut costs", "cheaper"] },
      stems: { cut_costs: ["sav"] },
    };
    // Act
    const slot = SlotDefinition.parse(legacy);
    // Assess
    expect(slot.values).toEqual({
      cut_costs: { label: "Cut costs", examples: ["cut costs", "cheaper"], whenAsked: ["sav"] },
    });
    expect(slot).not.toHaveProperty("stems");
  });
});
