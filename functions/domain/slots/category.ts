import { phraseRegex } from "../text.js";

export interface CategoryReading {
  value: string;
  confidence: number;
  quote: string;
}

export interface CategoryMatcher {
  read(clause: string, asked: boolean): CategoryReading | null;
}

/** Built once per campaign slot: one regex per value, the earliest mention wins. */
export function categoryMatcher(values: Record<string, string[]>, stems = false): CategoryMatcher {
  // One regex, one capture group per value: the leftmost match is the earliest mention, in one pass.
  const names = Object.keys(values);
  // Stems match the start of a word ("integrat" -> "integration"), phrases match whole words.
  const groups = Object.values(values).map((phrases) =>
    stems ? `((?<![a-z])(?:${phrases.map(escapeStem).join("|")}))` : `(${phraseRegex(phrases).source})`,
  );
  const pattern = new RegExp(groups.join("|"));
  return {
    read(clause, asked) {
      const match = pattern.exec(clause);
      if (!match) return null;
      const group = match.findIndex((captured, index) => index > 0 && captured !== undefined);
      const value = names[group - 1];
      const confidence = stems ? 0.7 : asked ? 0.85 : 0.7;
      return value === undefined ? null : { value, confidence, quote: match[0] };
    },
  };
}

function escapeStem(stem: string): string {
  return stem.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
