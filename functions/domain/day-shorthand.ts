/**
 * Days as chats shorten them ("tmrw or fri", "next tues", "2nite"), spelled out so the date reader meets the
 * words it knows; the spelling step keeps what was typed for the quote. A tokenizer concern, like the
 * units of time after a count (`spelling.ts`) and the reader's shorthand (`reader/features.ts`).
 */
const ALWAYS: ReadonlyMap<string, string> = new Map([
  ["tmrw", "tomorrow"],
  ["tmrow", "tomorrow"],
  ["tmw", "tomorrow"],
  ["2moro", "tomorrow"],
  ["2morow", "tomorrow"],
  ["2morrow", "tomorrow"],
  ["2day", "today"],
  ["2nite", "tonight"],
  ["tonite", "tonight"],
  ["nxt", "next"],
  ["tues", "tuesday"],
  ["weds", "wednesday"],
  ["thur", "thursday"],
  ["thurs", "thursday"],
  ["fri", "friday"],
]);

/**
 * Short forms that are also words or typos of words ("I sat down", "the sun", "thu" for "the"): a day only
 * right after a word that names one ("on sat", "next mon", "by wed").
 */
const AFTER_DAY_WORD: ReadonlyMap<string, string> = new Map([
  ["mon", "monday"],
  ["tue", "tuesday"],
  ["wed", "wednesday"],
  ["thu", "thursday"],
  ["sat", "saturday"],
  ["sun", "sunday"],
]);
const DAY_WORDS = new Set(["on", "next", "this", "by", "until", "till", "til", "before", "after", "or"]);

/** The day `word` (lowercase) stands for after the word `before` (lowercase), or undefined. */
export function spelledDay(word: string, before: string | undefined): string | undefined {
  const always = ALWAYS.get(word);
  if (always) return always;
  return before !== undefined && DAY_WORDS.has(before) ? AFTER_DAY_WORD.get(word) : undefined;
}
