import { describe, expect, it } from "vitest";
import { readAuthority } from "../../functions/domain/slots/authority.js";
import { normalizeText } from "../../functions/domain/text.js";

/** The engine hands the slot readers normalised text. */
const read = (text: string, authorityAsked: boolean) => readAuthority(normalizeText(text), authorityAsked);

describe("readAuthority", () => {
  it.each([
    ["I'm the owner", false],
    ["I'm the owner", true],
    ["I'm the CEO", false],
    ["It's my call", false],
    ["It's my call", true],
    ["I make the decisions", false],
    ["I have the final say", false],
    ["It's my decision", true],
    // The speaker names their own role, then what they may do: not a shared decision.
    ["I'm the IT director and I have sign-off on this", true],
    ["that's me, i'm the cfo and i'm authorized to sign", true],
    // As a speech recogniser or a hurried chat delivers them: no apostrophes.
    ["im the owner", false],
    ["its my call", true],
    ["thats me im the cfo", true],
  ])('reads "%s" (authority asked: %s) as decision_maker', (text, asked) => {
    // Prepare
    const input = text;
    // Act
    const reading = read(input, asked);
    // Assess
    expect(reading?.value).toBe("decision_maker");
  });

  it.each([
    ["I decide with my business partner", false],
    ["I decide with my business partner", true],
    ["Me and my co-founder decide", false],
    ["My co-founder and I decide together", true],
    ["The board and I decide together", false],
    ["I decide together with the committee", true],
    ["My wife and I decide together", false],
  ])('reads "%s" (authority asked: %s) as joint', (text, asked) => {
    // Prepare
    const input = text;
    // Act
    const reading = read(input, asked);
    // Assess
    expect(reading?.value).toBe("joint");
  });

  it.each([
    ["My boss signs off", false],
    ["My boss signs off", true],
    ["My boss signs off on that", false],
    ["My manager decides", false],
    ["I'd have to ask my boss", true],
    ["It's not my call", false],
    ["I don't make the decision", true],
    ["I need approval from my manager", false],
    ["the owners make every purchasing decision here", false],
    ["i dont make the decision", true],
    ["im just the receptionist", false],
  ])('reads "%s" (authority asked: %s) as not_decision_maker', (text, asked) => {
    // Prepare
    const input = text;
    // Act
    const reading = read(input, asked);
    // Assess
    expect(reading?.value).toBe("not_decision_maker");
  });

  it.each([
    ["The weather is nice today", false],
    ["We need call recording for compliance", false],
    ["We have 12 agents and 3 offices", false],
    ["Our budget is about 20k", false],
    ["", true],
    // Signing up is buying, and "that's me" unasked answers who is on the line, not who decides.
    ["Alright. Where do I sign up?", false],
    ["Sorry, which trial? I sign up for many things.", false],
    ["Yep, that's me, Dana.", false],
    ["Right now it's just me answering calls.", false],
  ])('reads nothing in the unrelated "%s" (authority asked: %s)', (text, asked) => {
    // Prepare
    const input = text;
    // Act
    const reading = read(input, asked);
    // Assess
    expect(reading).toBeNull();
  });

  it("gives a confidence between 0 and 1 and quotes the words it read", () => {
    // Prepare
    const input = "It's my call";
    // Act
    const reading = read(input, true);
    // Assess
    expect(reading).not.toBeNull();
    expect(reading?.confidence).toBeGreaterThan(0);
    expect(reading?.confidence).toBeLessThanOrEqual(1);
    expect(normalizeText(input)).toContain(reading?.quote ?? "<no quote>");
  });
});

describe("readAuthority on shared decisions said without naming a partner first", () => {
  it.each([
    ["It's a joint decision with my partner", false],
    ["We decide as a committee", false],
    ["We decide as a committee", true],
  ])('reads "%s" (authority asked: %s) as joint', (text, asked) => {
    // Prepare
    const input = text;
    // Act
    const reading = read(input, asked);
    // Assess
    expect(reading?.value).toBe("joint");
  });

  it.each([
    ["me. COO", "decision_maker"],
    ["Probably me, I run IT.", "decision_maker"],
    ["thats right", "decision_maker"],
    ["no, that's my director", "not_decision_maker"],
    ["the finance team and I", "joint"],
  ])('reads the short answer "%s" to "who decides?" as %s', (text, expected) => {
    // Prepare
    const input = text;
    // Act
    const reading = read(input, true);
    // Assess
    expect(reading?.value).toBe(expected);
  });
});
