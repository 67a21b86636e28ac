/**
 * Look sets written after the first three (dev-e, dev-f, dev-g: `LOOK_SETS`, bench/reader.ts) had judged some
 * fifty choices, each kept only where they rose:
 * dev-h (session 37), dev-i (session 38, after dev-h had judged the choices of two sessions), dev-j (session
 * 39, after dev-i had judged four training choices and two data sets), dev-k (session 40, after two slot
 * and reader changes chosen on dev-i and dev-j), dev-l (session 40, after two more chosen with dev-k), dev-m
 * (session 41, after slot and signal changes chosen with dev-h to dev-l), dev-n (session 42, after slot
 * changes chosen with dev-m), dev-o (session 42, after the changes chosen with dev-m and dev-n), dev-p
 * (session 43, after two changes chosen on dev-o), dev-q (session 43, after four more chosen on dev-j to
 * dev-p), dev-r (session 43, after five more chosen on dev-o and dev-q), dev-s (session 44, after two slot
 * changes chosen on dev-b to dev-r), dev-t (session 44, after confusion read alone), dev-u (session 44, after
 * praise heard as negative taken as sarcasm), dev-v (session 44, after its last change), dev-w (session 45,
 * before its first change), dev-x (session 45, after a maybe-confused turn counts), dev-y (session 45, before
 * its training sets), dev-z (session 45, after them), dev-aa (session 46, before its first change), dev-ab
 * (session 47, before its first change), dev-ac (session 48, after its first change), dev-ad (session 49, after
 * its slot changes), dev-ae (session 50, after its first eight changes, which moved none of its calls), dev-af
 * (session 50, after its last changes) and dev-ag (session 51, scored by the reader before and after the fresh
 * sets' calls joined its training), dev-ah and dev-ai (session 51, kept out of training while they judged its
 * reader: `UNTRAINED_FRESH_SETS`, bench/reader.ts, until session 52), dev-aj and dev-ak (session 52, kept out while
 * they judged its annotated turns), dev-al and dev-am (session 52, kept out while they judged dev-aj and
 * dev-ak's joining, until session 53), dev-an and dev-ao (session 53, kept out while they judged dev-al and dev-am's
 * joining), dev-ap and dev-aq (session 53, kept out while they judged dev-an and dev-ao's joining, until session
 * 54), dev-ar and dev-as (session 54, kept out while they judged dev-ap and dev-aq's joining, until session 55),
 * dev-at and dev-au (session 54, kept out while they judged dev-ar and dev-as's joining, until session 56),
 * dev-av and dev-aw (session 55, kept out while they judged dev-at and dev-au's joining, until session 57),
 * dev-ax and dev-ay (session 56, kept out while they judged dev-av and dev-aw's joining, until session 58),
 * dev-az and dev-ba (session 57, kept out while they judged dev-ax and dev-ay's joining, until session 59),
 * each reported apart, so a choice is also seen by callers it was not
 * selected on. Since session 51 their calls train the reader (`FRESH_FOLDS`).
 */
export const FRESH_LOOK_SETS = [
  "dev-h",
  "dev-i",
  "dev-j",
  "dev-k",
  "dev-l",
  "dev-m",
  "dev-n",
  "dev-o",
  "dev-p",
  "dev-q",
  "dev-r",
  "dev-s",
  "dev-t",
  "dev-u",
  "dev-v",
  "dev-w",
  "dev-x",
  "dev-y",
  "dev-z",
  "dev-aa",
  "dev-ab",
  "dev-ac",
  "dev-ad",
  "dev-ae",
  "dev-af",
  "dev-ag",
  "dev-ah",
  "dev-ai",
  "dev-aj",
  "dev-ak",
  "dev-al",
  "dev-am",
  "dev-an",
  "dev-ao",
  "dev-ap",
  "dev-aq",
  "dev-ar",
  "dev-as",
  "dev-at",
  "dev-au",
  "dev-av",
  "dev-aw",
  "dev-ax",
  "dev-ay",
  "dev-az",
  "dev-ba",
] as const;

/**
 * The fresh sets in five folds (every fifth set, so each fold holds old and new sets alike). Their calls are
 * training data (data/corpus/fresh-set-turns.jsonl): each set is scored by a reader trained without its fold.
 */
export const FRESH_FOLDS: ReadonlyArray<readonly string[]> = Array.from({ length: 5 }, (_, fold) =>
  FRESH_LOOK_SETS.filter((_, index) => index % 5 === fold),
);

/** The source prefix of the fresh sets' training turns (train/derive-fresh-turns.ts), and of one set's. */
export const FRESH_SOURCE = "fresh:";
export const freshSource = (set: string): string => `${FRESH_SOURCE}${set}:`;
export const isFreshSource = (source: string): boolean => source.startsWith(FRESH_SOURCE);
