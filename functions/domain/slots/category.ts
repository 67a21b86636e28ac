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
export function categoryMatcher(values: Record<string, string[]>): CategoryMatcher {
  const patterns = Object.entries(values).map(([value, phrases]) => ({
    value,
    pattern: phraseRegex(phrases),
  }));
  return {
    read(clause, asked) {
      let best: { value: string; index: number; quote: string } | null = null;
      for (const { value, pattern } of patterns) {
        const match = pattern.exec(clause);
        if (match && (best === null || match.index < best.index))
          best = { value, index: match.index, quote: match[0] };
      }
      return best && { value: best.value, confidence: asked ? 0.85 : 0.7, quote: best.quote };
    },
  };
}
