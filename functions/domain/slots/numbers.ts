/** Spelled-out numbers as speech-to-text writes them: "twenty five thousand", "a couple", "half a million". */
const UNITS: Record<string, number> = {
  zero: 0,
  a: 0,
  an: 0,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
  couple: 2,
  few: 3,
  several: 4,
  half: 0.5,
};
const TENS: Record<string, number> = {
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
};
const SCALES: Record<string, number> = {
  hundred: 100,
  thousand: 1_000,
  grand: 1_000,
  k: 1_000,
  million: 1_000_000,
  mil: 1_000_000,
  m: 1_000_000,
};

const WORDS = [...Object.keys(UNITS), ...Object.keys(TENS), "hundred", "thousand", "million"];
/**
 * A run of number words goes on through "grand", so that "between fifteen hundred and two grand" knows its second
 * number is thousands (without it the run stopped before "grand" and read 1,502 grand).
 */
const RUN_WORDS = [...WORDS, "grand"];
/** Every word a number is spelled out with, "grand" included. */
export const NUMBER_WORDS: readonly string[] = [
  ...WORDS.filter((word) => word !== "a" && word !== "an"),
  "grand",
];
const RUN = new RegExp(`\\b(?:${WORDS.join("|")})(?:[\\s-]+(?:${RUN_WORDS.join("|")}|and))*\\b`, "g");
/** Cheap test first: most clauses hold no spelled-out number, and then there is nothing to replace. */
const ANY_NUMBER_WORD = new RegExp(
  `\\b(?:${WORDS.filter((word) => word !== "a" && word !== "an").join("|")}|grand)\\b`,
);

/** Replaced runs: [start in the new text, end in the new text, start in the old, end in the old]. */
type Runs = Array<[number, number, number, number]>;

/** A text with its spelled-out numbers as digits, and what is needed to find the words the customer said. */
export interface DigitisedText {
  text: string;
  raw: string;
  /** Where "couple of" became "couple" and "a grand" "1 grand", then where number words became digits. */
  runs: [Runs, Runs];
}

/** Replaces runs of number words with digits: "twenty five" -> "25", "twenty five thousand" -> "25 thousand". */
export function digitiseNumberWords(text: string): string {
  return digitise(text).text;
}

/** `String.replace` of a global pattern that records where each replacement came from. */
function replaceTracked(
  text: string,
  pattern: RegExp,
  replace: (match: string) => string,
  runs: Runs,
): string {
  let out = "";
  let last = 0;
  pattern.lastIndex = 0;
  for (let match = pattern.exec(text); match !== null; match = pattern.exec(text)) {
    const replaced = replace(match[0]);
    // Most runs are a lone article, left as it is.
    if (replaced === match[0]) continue;
    out += text.slice(last, match.index);
    runs.push([out.length, out.length + replaced.length, match.index, match.index + match[0].length]);
    out += replaced;
    last = match.index + match[0].length;
  }
  return last === 0 ? text : out + text.slice(last);
}

/** A position in a replaced text back in the text before: a run's edge maps to the run's edge. */
function positionBefore(runs: Runs, index: number, edge: "start" | "end"): number {
  let delta = 0;
  for (const [from, to, oldFrom, oldTo] of runs) {
    if (index < from || (edge === "end" && index === from)) break;
    if (index < to || (edge === "end" && index === to)) return edge === "start" ? oldFrom : oldTo;
    delta = oldTo - to;
  }
  return index + delta;
}

const NO_RUNS: Runs = [];

/** As `digitiseNumberWords`, keeping where each replaced run came from. */
export function digitise(raw: string): DigitisedText {
  if (!ANY_NUMBER_WORD.test(raw)) return { text: raw, raw, runs: [NO_RUNS, NO_RUNS] };
  const coupleRuns: Runs = [];
  const numberRuns: Runs = [];
  const couple =
    raw.includes("couple of") || raw.includes("grand")
      ? replaceTracked(raw, IDIOMS, idiomAsNumber, coupleRuns)
      : raw;
  const text = replaceTracked(couple, RUN, digitiseRun, numberRuns);
  return { text, raw, runs: [coupleRuns, numberRuns] };
}

/** The customer's words behind `digitised.text.slice(start, end)`: a quote is never the digits Baton made. */
export function originalWords(digitised: DigitisedText, start: number, end: number): string {
  const [coupleRuns, numberRuns] = digitised.runs;
  const from = positionBefore(coupleRuns, positionBefore(numberRuns, start, "start"), "start");
  const to = positionBefore(coupleRuns, positionBefore(numberRuns, end, "end"), "end");
  return digitised.raw.slice(from, to);
}

/**
 * "a couple of" counts like "a couple"; "a grand" is a thousand when money follows or nothing does ("a grand
 * a month", "a grand, tops"), never in "a grand opening".
 */
const IDIOMS =
  /\bcouple of\b|\ban? grand\b(?=\s*(?:$|[.,;:!?)]|(?:a|an|per|each|every|or|to|tops|max|at most|for)\b))/g;
function idiomAsNumber(idiom: string): string {
  return idiom.startsWith("couple") ? "couple" : "1 grand";
}

function digitiseRun(match: string): string {
  // A trailing article belongs to the next words: "a hundred a month".
  const phrase = match.replace(/(?:\s+(?:a|an|and))+$/, "");
  const trailing = match.slice(phrase.length);
  return `${splitOnJoiningAnd(phrase)
    .map((part) => {
      const numbers = numbersInWords(part);
      if (numbers === null) return part;
      // Keep the scale word so "twenty and thirty thousand" can share it.
      return numbers
        .map((value, i) => {
          const scale = i === numbers.length - 1 ? /(thousand|million|grand)$/.exec(part)?.[1] : undefined;
          return scale ? `${value / (SCALES[scale] ?? 1)} ${scale}` : String(value);
        })
        .join(" ");
    })
    .join(" and ")}${trailing}`;
}

/**
 * "twenty and thirty" are two numbers; "a hundred and fifty" is one, and so are "a thousand and two hundred" and
 * "a hundred and twenty thousand". After a scale word, "and" goes on the number only with a smaller scale or none,
 * or after hundreds under a thousand: "between fifteen hundred and two thousand" is two numbers (it was read as
 * one, 1,502,000).
 */
function splitOnJoiningAnd(phrase: string): string[] {
  const parts: string[] = [];
  for (const segment of phrase.split(/\s+and\s+/)) {
    const previous = parts.at(-1);
    if (previous !== undefined && joinsAcrossAnd(previous, segment))
      parts[parts.length - 1] = `${previous} and ${segment}`;
    else parts.push(segment);
  }
  return parts;
}

/**
 * Whether `segment` goes on the number `previous` ends: only after a scale word, with a smaller scale or none;
 * "a hundred and twenty thousand" is still one, hundreds under a thousand taking the scale after them, unless an
 * article starts a number of its own ("between eight hundred and a thousand").
 */
function joinsAcrossAnd(previous: string, segment: string): boolean {
  const endingScale = /(hundred|thousand|million)$/.exec(previous)?.[1];
  if (!endingScale) return false;
  if (largestScale(segment) < (SCALES[endingScale] ?? 0)) return true;
  return (
    endingScale === "hundred" &&
    !/^(?:a|an)\s/.test(segment) &&
    (numbersInWords(previous)?.at(-1) ?? 0) < 1_000
  );
}

/** The largest scale word of a run of number words (1 when it has none). */
function largestScale(words: string): number {
  let largest = 1;
  for (const word of words.split(/[\s-]+/)) largest = Math.max(largest, SCALES[word] ?? 1);
  return largest;
}

/**
 * The numbers a run of number words says. Mostly one; more where the words cannot continue one number: "no no
 * fifteen one five fifteen thousand" says 15, 15 digit by digit, and 15,000 (it was read as one 36,000). A unit
 * goes on a number only after a round ten or hundred ("twenty five", "a hundred one"), a ten only after a round
 * hundred, except "two fifty", said for 250; digits said one by one are one number ("one five"), a digit said
 * again at once is a stutter ("about eight eight eight fifteen").
 */
function numbersInWords(phrase: string): number[] | null {
  const tokens = phrase
    .split(/[\s-]+/)
    .filter((token, i, all) => token !== "and" && !(token in UNITS && token === all[i - 1]));
  if (tokens.length === 0) return null;
  // A lone article or "couple" is not a number unless a scale follows ("a thousand", "a couple grand"); "a grand"
  // said of money is "1 grand" by now (`IDIOMS`), so one left is an adjective ("a grand opening").
  const hasScale = tokens.some((token) => token in SCALES && token !== "grand");
  const meaningful = tokens.some(
    (token) => (token in UNITS && !["a", "an"].includes(token)) || token in TENS,
  );
  // A scale word alone belongs to digits before it ("15 thousand"), unless an article leads ("a thousand").
  if (!meaningful && !(hasScale && (tokens[0] === "a" || tokens[0] === "an" || tokens[0] === "half")))
    return null;
  const numbers: number[] = [];
  let total = 0;
  let current = 0;
  // Digits said one by one ("one five"), as a string until their run ends.
  let digits = "";
  const close = () => {
    const value = total + current;
    if (Number.isFinite(value) && value > 0) numbers.push(value);
    total = 0;
    current = 0;
    digits = "";
  };
  let previous = "";
  // The unit just added onto a number that had tens or hundreds ("two fifty three"), in case a "hundred" after it
  // shows it began a number of its own.
  let joinedUnit = 0;
  for (const token of tokens) {
    const unit = UNITS[token];
    const ten = TENS[token];
    const scale = SCALES[token];
    const spokenHundreds = ten !== undefined && (UNITS[previous] ?? 0) >= 1 && current < 10;
    const lastTwo = current % 100;
    const digit = DIGITS.has(token);
    const afterDigit = digits !== "" || (total === 0 && current < 10 && DIGITS.has(previous));
    previous = token;
    if (digit && afterDigit) {
      digits = (digits || String(current)) + String(unit);
      current = Number(digits);
      continue;
    }
    if (digits !== "") {
      // "five six thousand" is two numbers, not 56,000: digits said one by one take no scale.
      if (scale === undefined) close();
      else {
        for (const spelled of digits.slice(0, -1)) numbers.push(Number(spelled));
        current = Number(digits.slice(-1));
        digits = "";
      }
    }
    // "two fifty" is said for 250.
    if (spokenHundreds && ten !== undefined) current = current * 100 + ten;
    else if (unit !== undefined) {
      if (unit !== 0 && lastTwo !== 0 && !(lastTwo >= 20 && lastTwo % 10 === 0 && unit < 10)) close();
      joinedUnit = current > 0 && unit > 0 ? unit : 0;
      current += unit;
      continue;
    } else if (ten !== undefined) {
      if (lastTwo !== 0) close();
      current += ten;
    } else if (scale === 100 && current >= 100 && joinedUnit > 0) {
      // "two fifty three hundred" is 250 and 300: no number takes "hundred" twice.
      current -= joinedUnit;
      close();
      current = joinedUnit * 100;
    } else if (scale === 100) current = (current || 1) * 100;
    else if (scale !== undefined) {
      total += (current || 1) * scale;
      current = 0;
      // Slang ends a number: "two grand one off for setup" is 2,000 and a one-off.
      if (token === "grand") close();
    } else return null;
    joinedUnit = 0;
  }
  close();
  return numbers.length > 0 ? numbers : null;
}

const DIGITS = new Set(["one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]);
