import { describe, expect, it } from "vitest";
import { defaultTurnReader } from "../../functions/domain/reader/default-reader.js";
import { featurizeTurn, tokensOf } from "../../functions/domain/reader/features.js";
import { combineNlu } from "../../functions/domain/reader/read-signals.js";

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
