import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  isNegatedBefore,
  MAX_ANALYSED_CHARS,
  normalizeAscii,
  normalizeText,
  phraseRegex,
  sentencesOf,
  splitClauses,
  unpunctuatedQuestion,
} from "../../functions/domain/text.js";

/** isNegatedBefore for the first occurrence of `target` in `clause`. */
function negatedAt(clause: string, target: string): boolean {
  const index = clause.indexOf(target);
  if (index < 0) throw new Error(`"${target}" is not in "${clause}"`);
  return isNegatedBefore(clause, index);
}

describe("normalizeText", () => {
  it("lowercases and straightens curly apostrophes", () => {
    // Prepare
    const raw = "I DON\u2019T Need A Person";
    // Act
    const text = normalizeText(raw);
    // Assess
    expect(text).toBe("i don't need a person");
  });

  it("collapses whitespace and trims", () => {
    // Prepare
    const raw = "  hello \n\t  there   ";
    // Act
    const text = normalizeText(raw);
    // Assess
    expect(text).toBe("hello there");
  });

  it("drops symbols and emoji but keeps money and clause punctuation", () => {
    // Prepare
    const raw = "Great 👍 thanks! Budget: $20,000.";
    // Act
    const text = normalizeText(raw);
    // Assess
    expect(text).toBe("great thanks! budget: $20,000.");
  });

  it("analyses at most 2,000 characters", () => {
    // Prepare
    const limit = MAX_ANALYSED_CHARS;
    // Act
    const documented = 2_000;
    // Assess
    expect(limit).toBe(documented);
  });

  it("cuts a 100 KB input to MAX_ANALYSED_CHARS", () => {
    // Prepare
    const raw = "Hello there, I'd like a quote. ".repeat(Math.ceil(100_000 / 31)).slice(0, 100_000);
    // Act
    const text = normalizeText(raw);
    // Assess
    expect(raw.length).toBe(100_000);
    expect(text.length).toBeLessThanOrEqual(MAX_ANALYSED_CHARS);
    expect(text).toBe(normalizeText(raw.slice(0, MAX_ANALYSED_CHARS)));
  });

  it("never returns more than MAX_ANALYSED_CHARS characters", () => {
    // Prepare
    const raw = fc.string({ unit: "binary", maxLength: 6_000 });
    // Act
    const check = () =>
      fc.assert(
        fc.property(raw, (input) => {
          expect(normalizeText(input).length).toBeLessThanOrEqual(MAX_ANALYSED_CHARS);
        }),
        { numRuns: 50 },
      );
    // Assess
    expect(check).not.toThrow();
  });
});

describe("normalizeAscii", () => {
  it("reads lowercase printable ASCII as the replace chain it stands in for", () => {
    // Prepare
    const printable = fc.string({
      unit: fc.integer({ min: 0x20, max: 0x7e }).map((code) => String.fromCharCode(code).toLowerCase()),
      maxLength: 300,
    });
    const byReplacing = (text: string) =>
      text
        .replace(/`/g, "'")
        .replace(/[^a-z0-9$%'.,!?;:/+\-\s]/g, " ")
        .replace(/\s+/g, " ")
        .trim();

    // Act
    const run = () =>
      fc.assert(
        fc.property(printable, (text) => normalizeAscii(text) === byReplacing(text)),
        { numRuns: 2_000 },
      );

    // Assess
    expect(run).not.toThrow();
    expect(normalizeAscii("  `ok`,  (see)  you ")).toBe("'ok', see you");
  });
});

describe("splitClauses", () => {
  it('separates "no" from the request that follows it', () => {
    // Prepare
    const text = "no, i want a real person";
    // Act
    const clauses = splitClauses(text);
    // Assess
    expect(clauses).toEqual(["no", "i want a real person"]);
  });

  it('splits on "but", "though", "although" and "however"', () => {
    // Prepare
    const text = "i like it but not now though maybe later although who knows however fine";
    // Act
    const clauses = splitClauses(text);
    // Assess
    expect(clauses).toEqual(["i like it", "not now", "maybe later", "who knows", "fine"]);
  });

  it("splits on sentence and clause punctuation", () => {
    // Prepare
    const text = "yes. sure! why? ok; fine: done";
    // Act
    const clauses = splitClauses(text);
    // Assess
    expect(clauses).toEqual(["yes", "sure", "why", "ok", "fine", "done"]);
  });

  it("does not split a number's thousands separators or decimal point", () => {
    // Prepare
    const text = "our budget is $20,000 or 2.5k a month";
    // Act
    const clauses = splitClauses(text);
    // Assess
    expect(clauses).toEqual(["our budget is $20,000 or 2.5k a month"]);
  });

  it("returns no clause for empty or blank text", () => {
    // Prepare
    const inputs = ["", "   ", "...", ", ,"];
    // Act
    const results = inputs.map(splitClauses);
    // Assess
    expect(results).toEqual([[], [], [], []]);
  });

  it('does not split inside words that contain "but"', () => {
    // Prepare
    const text = "we need a button for the butler";
    // Act
    const clauses = splitClauses(text);
    // Assess
    expect(clauses).toEqual(["we need a button for the butler"]);
  });
});

describe("sentencesOf", () => {
  it("ends a sentence at its closing punctuation, and drops fragments without a letter", () => {
    // Prepare
    const text = "Great. When would you want it running?! ... Thanks";
    // Act
    const sentences = sentencesOf(text);
    // Assess
    expect(sentences).toEqual(["Great.", "When would you want it running?!", "Thanks"]);
  });

  it("ends no sentence at a title's period, written or lowercased", () => {
    // Prepare
    const lines = [
      "Great. What budget did Dr. Hollis give you to work with?",
      "we spoke with mrs. lee and prof. adams. then we left",
      "Wait... it was the old Mr.",
    ];
    // Act
    const sentences = lines.map(sentencesOf);
    // Assess
    expect(sentences).toEqual([
      ["Great.", "What budget did Dr. Hollis give you to work with?"],
      ["we spoke with mrs. lee and prof. adams.", "then we left"],
      ["Wait...", "it was the old Mr."],
    ]);
  });
});

describe("isNegatedBefore", () => {
  it.each([
    ["i don't need a person", "a person"],
    ["i do not want an agent", "an agent"],
    ["we never asked for a human", "a human"],
    ["i won't talk to a manager", "a manager"],
    ["not interested in talking to sales", "talking to sales"],
  ])('finds the negator in "%s" before "%s"', (clause, target) => {
    // Prepare
    const input = clause;
    // Act
    const negated = negatedAt(input, target);
    // Assess
    expect(negated).toBe(true);
  });

  it.each([
    ["i want a real person", "a real person"],
    ["i know a person there", "a person"],
    ["put me through to another agent", "agent"],
    ["i noticed an agent", "an agent"],
    ["nothing beats a human", "a human"],
  ])('finds no negator in "%s" before "%s"', (clause, target) => {
    // Prepare
    const input = clause;
    // Act
    const negated = negatedAt(input, target);
    // Assess
    expect(negated).toBe(false);
  });

  it("ignores a negator after the match", () => {
    // Prepare
    const clause = "i want a person not a bot";
    // Act
    const negated = negatedAt(clause, "a person");
    // Assess
    expect(negated).toBe(false);
  });

  it("finds nothing before the start of the clause", () => {
    // Prepare
    const clause = "not now";
    // Act
    const negated = isNegatedBefore(clause, 0);
    // Assess
    expect(negated).toBe(false);
  });
});

describe("phraseRegex", () => {
  it.each([
    [["pbx"], "our pbx is old", true],
    [["pbx"], "our pbxs are old", false],
    [["pbx"], "the xpbx line", false],
    [["qa"], "our qa team", true],
    [["qa"], "we fly to qatar", false],
    [["crm"], "hubspot crm", true],
    [["crm"], "a scrm thing", false],
    [["cafe"], "the cafés", false],
    [["call recording"], "we need call recording now", true],
    [["call recording"], "we need call   recording now", true],
    [["call recording"], "recall recording", false],
    [["8x8"], "we use 8x8 today", true],
    [["8x8"], "we use 18x8 today", false],
  ])("phrases %j in %j: %s", (phrases, text, expected) => {
    // Prepare
    const pattern = phraseRegex(phrases);
    // Act
    const matched = pattern.test(text);
    // Assess
    expect(matched).toBe(expected);
  });

  it("prefers the longest phrase at the same position", () => {
    // Prepare
    const pattern = phraseRegex(["call", "call recording", "call recording software"]);
    // Act
    const match = pattern.exec("we want call recording software");
    // Assess
    expect(match?.[0]).toBe("call recording software");
  });

  it("matches regex metacharacters literally", () => {
    // Prepare
    const pattern = phraseRegex(["c++", "a.b", "(pbx)"]);
    // Act
    const results = ["we use c++ daily", "a.b", "axb", "the (pbx) box", "pbx"].map((text) =>
      pattern.test(text),
    );
    // Assess
    expect(results).toEqual([true, true, false, true, false]);
  });

  it("keeps the flags it is given and matches on ASCII word edges", () => {
    // Prepare
    const flags = "g";
    // Act
    const pattern = phraseRegex(["ivr"], flags);
    // Assess
    expect(pattern.flags).toBe("g");
    expect([..."our ivr and their ivr, not ivr2 or xivr".matchAll(pattern)]).toHaveLength(2);
  });
});

describe("unpunctuatedQuestion", () => {
  it.each([
    ["and what would you want to spend a month", "and what would you want to spend a month"],
    ["ok great are you the one who decides", "ok great are you the one who decides"],
    ["we bill a flat fee every month", undefined],
    ["And when would you want it running?", undefined],
    ["Got it. When would you want it running", undefined],
  ])("reads %j as the question %j", (line, question) => {
    // Act
    const asked = unpunctuatedQuestion(line);
    // Assess
    expect(asked).toBe(question);
  });
});
