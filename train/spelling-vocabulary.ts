import { readFile } from "node:fs/promises";
import wordListPath from "word-list";
import {
  droppedOrSwapped,
  MIN_TARGET_COUNT,
  NUMBER_WORD,
  SpellingVocabulary,
} from "../functions/domain/spelling.js";
import type { SpellingArtifact } from "../functions/domain/spelling-artifact.js";
import { dataHashOf, type Example, type LoadedFile } from "./examples.js";
import { isFreshSource } from "./fresh-sets.js";

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
  // The fresh sets' call turns add no words: the vocabulary file is read at every cold start.
  const used = (example: Example) =>
    example.split === "train" &&
    !isFreshSource(example.source) &&
    !exclude.some((prefix) => example.source.startsWith(prefix));
  for (const example of loaded.flatMap((file) => file.examples).filter(used)) {
    count(example.text);
    if (example.ai) count(example.ai);
  }
  const fromData = withoutDataTypos(
    [...counts].filter(([, n]) => n >= MIN_KNOWN_COUNT),
    new Set(dictionary),
  );
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

/**
 * The data's own typos, seen a few times in chat turns written to look typed ("konw", "neeed"): a word that is
 * no English word and is a word the data uses TYPO_ODDS times as often with a letter dropped, two swapped or a
 * key held is that word mistyped, and is not kept as known, so the repair mends it in a caller's turn too.
 */
function withoutDataTypos(
  words: ReadonlyArray<readonly [string, number]>,
  english: ReadonlySet<string>,
): Array<readonly [string, number]> {
  const frequent = words.filter(([, n]) => n >= TYPO_ODDS * MIN_KNOWN_COUNT);
  const targets = new SpellingVocabulary({
    words: frequent.map(([word]) => word),
    counts: frequent.map(([, n]) => n),
  });
  return words.filter(([word, n]) => {
    if (english.has(word) || targets.has(word)) return true;
    const meant = targets.correct(word);
    if (meant === undefined || targets.known.countOf(meant) < n * TYPO_ODDS) return true;
    return !((word.length >= 4 && HELD_LETTERS.test(word)) || droppedOrSwapped(word, meant));
  });
}

/** Three or more of one letter in a row: a held key ("neeed", "sooo"). */
const HELD_LETTERS = /([a-z])\1{2,}/;

/** How much more often the data must use a word for a rare word one edit from it to be its typo. */
const TYPO_ODDS = 50;
