import { describe, expect, it } from "vitest";
import type { Example, LoadedFile } from "../../train/examples.js";
import { buildSpellingVocabulary } from "../../train/spelling-vocabulary.js";

const example = (text: string): Example => ({ text, labels: [], source: "test", split: "train" });
const fileOf = (texts: string[]): LoadedFile => ({
  file: "test.jsonl",
  sha256: "0",
  examples: texts.map(example),
});
const times = (text: string, n: number) => Array.from({ length: n }, () => text);

describe("buildSpellingVocabulary", () => {
  it("does not keep the data's own typos of a far more frequent word as known words", () => {
    // Prepare: chat turns written to look typed say "konw" and "neeed" a few times.
    const data = fileOf([
      ...times("i know we need a list", 120),
      ...times("i konw we neeed it", 2),
      ...times("ask lisa", 2),
    ]);
    // Act
    const { words } = buildSpellingVocabulary([data], []);
    // Assess: a dropped or swapped letter and a held key are typos; "lisa" (a changed letter) may be a name.
    expect(words).toEqual(expect.arrayContaining(["know", "need", "list", "lisa", "it"]));
    expect(words).not.toContain("konw");
    expect(words).not.toContain("neeed");
  });

  it("keeps a rare word the English word list has, and one no frequent word is near", () => {
    // Prepare
    const data = fileOf([...times("we should order it", 120), ...times("the oder river", 2)]);
    // Act
    const withDictionary = buildSpellingVocabulary([data], ["oder"]).words;
    const without = buildSpellingVocabulary([data], []).words;
    // Assess
    expect(withDictionary).toContain("oder");
    expect(without).not.toContain("oder");
    expect(without).toContain("river");
  });
});
