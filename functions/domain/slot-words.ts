import { INTL_DATE_WORDS } from "./slots/calendar.js";
import { NUMBER_WORDS } from "./slots/numbers.js";

/**
 * The words the slot readers read amounts and dates from: spelled-out numbers, units of time, weekday and
 * month names, and the words that make a time relative. A typo in one of them loses the slot ("mmnnth",
 * "hunnrded", "Mondday"), so the spelling repair tries harder for these few than for the vocabulary at large.
 */
export const SLOT_WORDS: ReadonlySet<string> = new Set([
  ...NUMBER_WORDS,
  ...INTL_DATE_WORDS.units,
  "day",
  ...INTL_DATE_WORDS.names,
  ...["next", "within", "until", "before", "after"],
]);

/** Weekday and month names, which are written capitalised: a capitalised typo of one is no name. */
export const DATE_NAMES: ReadonlySet<string> = new Set(
  INTL_DATE_WORDS.names.filter((name) => name.length > 3),
);
