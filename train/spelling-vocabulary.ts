import { readFile } from "node:fs/promises";
import wordListPath from "word-list";
import { MIN_TARGET_COUNT, NUMBER_WORD, SpellingVocabulary } from "../functions/domain/spelling.js";
import type { SpellingArtifact } from "../functions/domain/spelling-artifact.js";
import { dataHashOf, type Example, type LoadedFile } from "./examples.js";

/** A word seen once may be one of the data's own typos; twice, it is a word people use. */
const MIN_KNOWN_COUNT = 2;

/** The English word list (npm `word-list`, MIT) the repair must never "correct" a real word from. */
export async function englishWords(): Promise<string[]> {
  return (await readFile(wordListPath, "utf8")).split("\n").filter((word) => /^[a-z]+$/.test(word));
}

/**
 * The words of every training turn and the AI line before it (never the held-out split), with how often
 * each occurs: what the spelling repair treats as known and corrects towards; and how often each two
 * words follow one another: the context a correction is chosen by. Real English words that the data
 * lacks but that sit one edit from a correction target ("mouth" next to "month") are kept as known with a
 * count of 1, so they are never changed; no other dictionary word needs shipping.
 */
export function buildSpellingVocabulary(
  loaded: readonly LoadedFile[],
  dictionary: readonly string[],
  exclude: readonly string[] = [],
): SpellingArtifact {
  const counts = new Map<string, number>();
  const pairCounts = new Map<string, number>();
  const count = (text: string) => {
    let previous: string | undefined;
    // Tokens as spellTurn reads them: every number is the one word NUMBER_WORD.
    for (const match of text.toLowerCase().matchAll(/[a-z0-9][a-z0-9']*/g)) {
      const word = /\d/.test(match[0]) ? NUMBER_WORD : match[0].replace(/'/g, "");
      counts.set(word, (counts.get(word) ?? 0) + 1);
      if (previous !== undefined) {
        const pair = `${previous}-${word}`;
        pairCounts.set(pair, (pairCounts.get(pair) ?? 0) + 1);
      }
      previous = word;
    }
  };
  const used = (example: Example) =>
    example.split === "train" && !exclude.some((prefix) => example.source.startsWith(prefix));
  for (const example of loaded.flatMap((file) => file.examples).filter(used)) {
    count(example.text);
    if (example.ai) count(example.ai);
  }
  const fromData = [...counts].filter(([, n]) => n >= MIN_KNOWN_COUNT);
  const repair = new SpellingVocabulary({
    words: fromData.map(([word]) => word),
    counts: fromData.map(([, n]) => n),
  });
  const atRisk = dictionary.filter((word) => !repair.has(word) && repair.correct(word) !== undefined);
  const known = [...fromData, ...atRisk.map((word) => [word, 1] as const)].sort(([a], [b]) =>
    a < b ? -1 : 1,
  );
  // A pair tells a correction apart only when one of its words is a correction target, and only when
  // people said it more than once.
  const target = (word: string) => word !== NUMBER_WORD && (counts.get(word) ?? 0) >= MIN_TARGET_COUNT;
  const pairs = [...pairCounts].filter(([pair, n]) => {
    const [first = "", second = ""] = pair.split("-");
    return n >= MIN_KNOWN_COUNT && (target(first) || target(second));
  });
  return {
    dataHash: dataHashOf(loaded),
    words: known.map(([word]) => word),
    counts: known.map(([, n]) => n),
    pairs: { words: pairs.map(([pair]) => pair), counts: pairs.map(([, n]) => n) },
  };
}
