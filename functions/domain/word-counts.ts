/**
 * Words with how often each was seen, as the lines "word count\n" of one string, sorted by word. Looking a
 * word up is a binary search over where the lines start; nothing is built per word, so a vocabulary of
 * 19,000 words loads in about a millisecond where a Map of them took several at every cold start. A word
 * pair is held the same way, its words joined by a hyphen ("thank-you").
 */
export class WordCounts {
  private lineStarts: Int32Array | undefined;

  private constructor(
    /** "word count\n" lines, sorted by word (JavaScript string order). */
    readonly lines: string,
  ) {}

  /** From parallel lists, in any order. */
  static fromLists(words: readonly string[], counts: readonly number[]): WordCounts {
    const pairs = words.map((word, index) => [word, counts[index] ?? 0] as const);
    pairs.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    const sorted = WordCounts.fromLines(pairs.map(([word, count]) => `${word} ${count}\n`).join(""));
    sorted.verifyOrder();
    return sorted;
  }

  /**
   * From lines as `lines` holds them. Throws a plain Error saying which line is not "lowercase letters, a
   * space, a positive whole count". The order is not checked here: `verifyOrder` is, where the file is
   * written and tested.
   */
  static fromLines(lines: string, index: "now" | "on first lookup" = "now"): WordCounts {
    const counts = new WordCounts(lines);
    counts.verifyLines();
    if (index === "now") counts.starts();
    return counts;
  }

  /**
   * From the lines of a file whose checksum matched, so they are the lines its writer wrote and checked
   * (`fromLists`): their format is not checked again, as their order is not, which saves a regular
   * expression over 750 KB (about 1.3 ms) at every cold start. Only the final newline, without which
   * finding the line starts would never end, is.
   */
  static fromVerifiedFile(lines: string, index: "now" | "on first lookup"): WordCounts {
    if (lines.length > 0 && !lines.endsWith("\n")) throw new Error("the last line does not end the text");
    const counts = new WordCounts(lines);
    if (index === "now") counts.starts();
    return counts;
  }

  /** Throws a plain Error naming the first line that is not "lowercase letters, a space, a positive count". */
  verifyLines(): void {
    const bad = BAD_LINE.exec(this.lines);
    if (!bad) return;
    const line = this.lines.slice(bad.index, this.lines.indexOf("\n", bad.index + 1) >>> 0).trim();
    throw new Error(`line ${JSON.stringify(line.slice(0, 40))} is not "<lowercase word> <count>"`);
  }

  /**
   * Where each line starts (and the end of the text). Finding them costs about a millisecond per 10,000
   * lines at a cold start: a table read only now and then may find them at its first lookup instead.
   */
  private starts(): Int32Array {
    if (this.lineStarts) return this.lineStarts;
    const starts = new Int32Array(countLines(this.lines) + 1);
    let line = 0;
    for (let at = 0; at < this.lines.length; at = this.lines.indexOf("\n", at) + 1) starts[line++] = at;
    starts[line] = this.lines.length;
    this.lineStarts = starts;
    return starts;
  }

  /** Throws unless every word sorts after the one before it: the binary search depends on it. */
  verifyOrder(): void {
    const starts = this.starts();
    for (let index = 1; index < this.size; index++) {
      if (compareWordAt(this.lines, starts[index] ?? 0, this.wordAt(index - 1)) <= 0)
        throw new Error(`words are not in order at "${this.wordAt(index)}"`);
    }
  }

  get size(): number {
    return this.starts().length - 1;
  }

  /** The word's line number, or -1. */
  indexOf(word: string): number {
    const starts = this.starts();
    let low = 0;
    let high = starts.length - 2;
    while (low <= high) {
      const middle = (low + high) >>> 1;
      const order = compareWordAt(this.lines, starts[middle] ?? 0, word);
      if (order === 0) return middle;
      if (order < 0) low = middle + 1;
      else high = middle - 1;
    }
    return -1;
  }

  has(word: string): boolean {
    return this.indexOf(word) >= 0;
  }

  /** How often the word was seen; 0 when it is not here. */
  countOf(word: string): number {
    const index = this.indexOf(word);
    return index < 0 ? 0 : this.countAt(index);
  }

  wordAt(index: number): string {
    const start = this.starts()[index] ?? 0;
    return this.lines.slice(start, this.lines.indexOf(" ", start));
  }

  countAt(index: number): number {
    let count = 0;
    const starts = this.starts();
    const end = (starts[index + 1] ?? 0) - 1;
    for (let at = this.lines.indexOf(" ", starts[index] ?? 0) + 1; at < end; at++)
      count = count * 10 + this.lines.charCodeAt(at) - ZERO;
    return count;
  }
}

const ZERO = 48;
const SPACE = 32;

/**
 * A line start (not the end of the text) where no "word count\n" (or "word-word count\n") line follows; a
 * word is letters, or "#" (every number, see NUMBER_WORD in spelling.ts).
 */
const BAD_LINE = /(?:^|\n)(?!$)(?!(?:[a-z]+|#)(?:-(?:[a-z]+|#))? [1-9][0-9]*\n)/;

function countLines(lines: string): number {
  let count = 0;
  for (let at = lines.indexOf("\n"); at >= 0; at = lines.indexOf("\n", at + 1)) count++;
  return count;
}

/**
 * `word` against the word of the line starting at `start`: negative when `word` sorts after it, as
 * string comparison orders them (the space that ends a line's word sorts before every letter).
 */
function compareWordAt(lines: string, start: number, word: string): number {
  for (let offset = 0; ; offset++) {
    const mine = offset < word.length ? word.charCodeAt(offset) : SPACE;
    const theirs = lines.charCodeAt(start + offset);
    if (mine !== theirs) return theirs - mine;
    if (mine === SPACE) return 0;
  }
}
