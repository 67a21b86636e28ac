import { describe, expect, it } from "vitest";
import { defaultTurnReader } from "../../functions/domain/reader/default-reader.js";
import {
  FeatureBuffer,
  featurizeInto,
  featurizeTurn,
  speechForm,
  speechWords,
  tokensOf,
} from "../../functions/domain/reader/features.js";
import { combineNlu } from "../../functions/domain/reader/read-signals.js";

/** The features a turn gives its last `word`. */
function ownedBy(text: string, word: string): Set<number> {
  const { features, owners } = featurizeTurn({ text });
  const at = tokensOf(text).lastIndexOf(word);
  return new Set(features.filter((_, f) => owners[f] === at));
}

describe("turn features", () => {
  it("reads words that are also Object.prototype's names as plain words", () => {
    // Prepare
    const text = "I'm a constructor, the __proto__ of toString and valueOf guys";

    // Act
    const tokens = tokensOf(text);
    const scores = defaultTurnReader.read({ text });

    // Assess
    expect(tokens).toContain("constructor");
    expect(Number.isFinite(scores.person_request)).toBe(true);
  });

  it("spells out chat shorthand and reads any number as one digit token", () => {
    // Prepare
    const text = "idk, pls call me at 5 or 1500";

    // Act
    const tokens = tokensOf(text);

    // Assess
    expect(tokens).toEqual(["i", "dont", "know", "please", "call", "me", "at", "0", "or", "0"]);
  });

  it("gives every feature of a word that word as its owner, and the whole-turn features none", () => {
    // Prepare
    const input = { text: "send the quote", aiLine: "Shall I?" };

    // Act
    const { features, owners, tokens } = featurizeTurn(input);

    // Assess
    expect(tokens).toBe(3);
    expect(features).toHaveLength(owners.length);
    expect(owners[0]).toBe(-1);
    expect(new Set(owners)).toEqual(new Set([-1, 0, 1, 2]));
  });

  it("reads the five words after a negator, and the word pairs they start, as negated", () => {
    // Prepare: "to" is the fifth word after "not"; it owns the unigram "to" and the pair "to sales".
    const plain = "talking to sales";
    const declined = "not interested in talking to sales";
    const resumed = "not now but talking to sales";

    // Act
    const plainTo = ownedBy(plain, "to");
    const declinedTo = ownedBy(declined, "to");
    const resumedTo = ownedBy(resumed, "to");

    // Assess
    expect([...declinedTo].filter((feature) => plainTo.has(feature))).toEqual([]);
    expect(resumedTo).toEqual(plainTo);
  });

  it("reads a word past the negation scope as itself and as said after a negation, until a scope breaker", () => {
    // Prepare: "salesperson" is the sixth word after "dont", one past the negated five.
    const plain = "i want to talk to a salesperson";
    const declined = "i dont want to talk to a salesperson";
    const resumed = "i dont know but i want to talk to a salesperson";

    // Act
    const plainWord = ownedBy(plain, "salesperson");
    const declinedWord = ownedBy(declined, "salesperson");
    const resumedWord = ownedBy(resumed, "salesperson");

    // Assess
    expect([...plainWord].filter((feature) => !declinedWord.has(feature))).toEqual([]);
    expect(declinedWord.size - plainWord.size).toBe(1);
    expect(resumedWord).toEqual(plainWord);
  });
});

describe("speech words in one pass", () => {
  it("splits a lowercased turn as speech form does, apostrophes joining words", () => {
    // Prepare
    const turns = [
      "i'm not sure, don't call",
      "'quoted' words' ends",
      "we’re at 4,500 -- ok?",
      "`x`",
      " ",
      "",
    ];

    // Act
    const read = turns.map((turn) => speechWords(turn)?.filter((word) => word.length > 0));

    // Assess
    expect(read).toEqual(
      turns.map((turn) =>
        speechForm(turn)
          .split(" ")
          .filter((word) => word.length > 0),
      ),
    );
  });

  it("leaves a turn with accents or other letters to the general path", () => {
    // Prepare
    const turns = ["ça va", "naïve", "a\u00a0b"];

    // Act
    const read = turns.map((turn) => speechWords(turn));

    // Assess
    expect(read).toEqual([undefined, undefined, undefined]);
  });
});

describe("feature buffer", () => {
  it("holds the same features as featurizeTurn when reused across turns and grown", () => {
    // Prepare
    const buffer = new FeatureBuffer();
    const long = { text: Array.from({ length: 70 }, (_, i) => `representative${i}`).join(" ") };
    const short = { text: "yes please", aiLine: "Shall I send the quote?" };

    // Act
    const first = featurizeInto(long, buffer);
    const firstFeatures = Array.from(first.features.subarray(0, first.count), (hash) => hash >>> 0);
    const firstCount = first.count;
    const second = featurizeInto(short, buffer);

    // Assess
    expect(firstFeatures).toEqual(featurizeTurn(long).features);
    expect(firstCount).toBeGreaterThan(256);
    expect(Array.from(second.features.subarray(0, second.count), (hash) => hash >>> 0)).toEqual(
      featurizeTurn(short).features,
    );
    expect(Array.from(second.owners.subarray(0, second.count))).toEqual(featurizeTurn(short).owners);
    expect(second.tokens).toBe(2);
  });
});

describe("Lex intent combination", () => {
  it("ignores an intent the policy does not know, even one named like an object property", () => {
    // Prepare
    const scores = defaultTurnReader.read({ text: "hello" });

    // Act
    const combined = combineNlu(scores, { intent: "constructor", confidence: 0.99 }, 0.8);

    // Assess
    expect(combined).toBe(scores);
  });
});
