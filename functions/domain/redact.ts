/**
 * Payment card numbers, US social security numbers, bank routing and account numbers and card security
 * codes are replaced by typed placeholders before a customer's words are kept, published, logged or sent to
 * a model. Works on written digits ("4111-1111-1111-1111", "123-45-6789") and on the spoken forms speech
 * recognition writes ("four one one one ...", "double four", "oh" for zero), mixed freely.
 *
 * Checksums keep false positives down: a card number must pass Luhn, a routing number the ABA check;
 * a number the words around it name (card, social, routing, account, CVV) is redacted even when a digit was
 * misheard. Amounts ("$5,000", "500 a month", "50k") are never touched: the engine needs them.
 */
export type RedactionKind =
  | "card_number"
  | "ssn"
  | "routing_number"
  | "account_number"
  | "security_code"
  | "id_number";

export const PLACEHOLDERS: Record<RedactionKind, string> = {
  card_number: "[card number]",
  ssn: "[SSN]",
  routing_number: "[routing number]",
  account_number: "[account number]",
  security_code: "[security code]",
  id_number: "[ID number]",
};

export interface Redacted {
  text: string;
  /** What was replaced, in text order; empty when nothing was. */
  kinds: RedactionKind[];
}

const SPOKEN_DIGITS: Record<string, string> = {
  zero: "0",
  one: "1",
  two: "2",
  three: "3",
  four: "4",
  five: "5",
  six: "6",
  seven: "7",
  eight: "8",
  nine: "9",
  niner: "9",
};
/** "oh" is zero only inside a run of digits: "oh, my card is ..." is not. */
const ZERO_INSIDE_RUN = new Set(["oh", "o"]);
const REPEATS: Record<string, number> = { double: 2, triple: 3 };

/** Digit groups run on across spaces, dashes, dots, commas, slashes and brackets, a few at a time. */
const JOINER = /^[\s\-.,/()]{0,4}$/;
const TOKEN = /\d+|[a-z]+/gi;
const CONTEXT_BEFORE = 60;
const CONTEXT_AFTER = 30;

const CARD_WORDS = /\b(?:card|visa|master ?card|amex|american express|discover|credit|debit)\b/;
const SSN_WORDS = /\b(?:social|ssn|s s n|s\.s\.n\.?|tax ?id|taxpayer)\b/;
const ROUTING_WORDS = /\b(?:routing|aba|transit number)\b/;
const ACCOUNT_WORDS = /\b(?:account|acct|bank)\b/;
const CODE_WORDS =
  /\b(?:cvv2?|cvc2?|cid|security code|verification (?:code|number)|code on the back|[34] digit code|(?:three|four) digit code)\b/;
const CURRENCY_BEFORE = /[$£€]\s*$/;
const QUANTITY_AFTER =
  /^\s*(?:dollars?|bucks|usd|euros?|pounds?|k\b|grand|thousand|million|billion|percent|%|per\b|a (?:month|year|week|day)|an? (?:hour|seat|user)|users?|seats?|people|employees|staff|calls?|agents?|reps?|locations?|stores?|months?|years?|weeks?|days?)/;

interface Run {
  start: number;
  end: number;
  digits: string;
  /** Lengths of the written digit groups, in order ([3, 2, 4] for 123-45-6789); spoken digits count as 1. */
  groups: number[];
  /** Thousands separators: "12,500" is an amount, not an identifier. */
  commaGrouped: boolean;
}

export function redactSensitive(text: string): Redacted {
  const runs = digitRuns(text);
  if (runs.length === 0) return { text, kinds: [] };
  const lower = text.toLowerCase();
  const replacements: Array<{ start: number; end: number; kind: RedactionKind }> = [];
  let cardSeen = false;
  for (const run of runs) {
    for (const part of classify(run, lower, cardSeen)) {
      if (part.kind === "card_number") cardSeen = true;
      replacements.push(part);
    }
  }
  let out = text;
  for (const { start, end, kind } of [...replacements].sort((a, b) => b.start - a.start)) {
    out = `${out.slice(0, start)}${PLACEHOLDERS[kind]}${out.slice(end)}`;
  }
  return { text: out, kinds: replacements.map((replacement) => replacement.kind) };
}

function classify(
  run: Run,
  lower: string,
  cardSeen: boolean,
): Array<{ start: number; end: number; kind: RedactionKind }> {
  const { digits } = run;
  const before = lower.slice(Math.max(0, run.start - CONTEXT_BEFORE), run.start);
  const after = lower.slice(run.end, run.end + CONTEXT_AFTER);
  const near = (words: RegExp) => words.test(before) || words.test(after);
  const whole = (kind: RedactionKind) => [{ start: run.start, end: run.end, kind }];
  if (digits.length < 3) return [];
  if (CURRENCY_BEFORE.test(before) || QUANTITY_AFTER.test(after) || run.commaGrouped) return [];

  if (digits.length >= 13) {
    // A card number alone, or followed in one breath by its expiry or security code.
    if (luhnPrefix(digits) !== undefined) return whole("card_number");
    if (near(CARD_WORDS)) return whole("card_number");
    if (near(ACCOUNT_WORDS)) return whole("account_number");
    return whole("id_number");
  }
  if (digits.length === 9) {
    if (near(SSN_WORDS)) return whole("ssn");
    if (near(ROUTING_WORDS)) return whole("routing_number");
    if (near(ACCOUNT_WORDS)) return whole("account_number");
    if (sameGroups(run.groups, [3, 2, 4])) return whole("ssn");
    if (sameGroups(run.groups, [5, 4])) return []; // a ZIP+4 code
    if (abaValid(digits)) return whole("routing_number");
    return whole("id_number");
  }
  if (digits.length >= 6 && digits.length <= 17) {
    if (near(ROUTING_WORDS)) return whole("routing_number");
    if (near(ACCOUNT_WORDS)) return whole("account_number");
    if (near(SSN_WORDS)) return whole("ssn");
    if (near(CARD_WORDS) && digits.length >= 12) return whole("card_number");
    return [];
  }
  if (digits.length <= 4) {
    if (CODE_WORDS.test(before)) return whole("security_code");
    if (cardSeen && /\bcode\b/.test(before)) return whole("security_code");
  }
  return [];
}

/** Every run of digits, written or spoken, with where it sits in the text. */
function digitRuns(text: string): Run[] {
  const tokens = [...text.matchAll(TOKEN)].map((match) => ({
    start: match.index,
    end: match.index + match[0].length,
    value: match[0],
    word: match[0].toLowerCase(),
  }));
  const runs: Run[] = [];
  let current: (Run & { joiners: string[]; allWritten: boolean }) | undefined;
  const close = () => {
    if (current) {
      const { joiners, allWritten, groups } = current;
      current.commaGrouped =
        allWritten &&
        joiners.length > 0 &&
        joiners.every((joiner) => joiner.trim() === ",") &&
        (groups[0] ?? 0) <= 3 &&
        groups.slice(1).every((length) => length === 3);
      runs.push(current);
    }
    current = undefined;
  };
  for (let index = 0; index < tokens.length; index += 1) {
    const token = tokens[index];
    if (!token) continue;
    const gap = current ? text.slice(current.end, token.start) : "";
    const joined = current !== undefined && JOINER.test(gap);
    const numeric = /^\d+$/.test(token.value);
    let value: string | undefined;
    let end = token.end;
    if (numeric) {
      value = token.value;
    } else if (SPOKEN_DIGITS[token.word] !== undefined) {
      value = SPOKEN_DIGITS[token.word];
    } else if (
      ZERO_INSIDE_RUN.has(token.word) &&
      (joined || startsDigits(text, token.end, tokens[index + 1]))
    ) {
      value = "0";
    } else if (REPEATS[token.word] !== undefined) {
      const next = tokens[index + 1];
      const digit = next && (SPOKEN_DIGITS[next.word] ?? (/^\d$/.test(next.value) ? next.value : undefined));
      if (next && digit && /^\s{1,3}$/.test(text.slice(token.end, next.start))) {
        value = digit.repeat(REPEATS[token.word] ?? 1);
        end = next.end;
        index += 1;
      }
    }
    if (value === undefined) {
      close();
      continue;
    }
    const group = numeric ? value.length : 1;
    if (current && joined) {
      current.digits += value;
      current.end = end;
      current.groups.push(group);
      current.joiners.push(gap);
      current.allWritten &&= numeric;
    } else {
      close();
      current = {
        start: token.start,
        end,
        digits: value,
        groups: [group],
        commaGrouped: false,
        joiners: [],
        allWritten: numeric,
      };
    }
  }
  close();
  return runs;
}

/** "oh two one ...": an "oh" directly followed by a digit starts a run. */
function startsDigits(
  text: string,
  end: number,
  next: { start: number; value: string; word: string } | undefined,
) {
  if (!next || !/^\s{1,2}$/.test(text.slice(end, next.start))) return false;
  return /^\d+$/.test(next.value) || SPOKEN_DIGITS[next.word] !== undefined;
}

function sameGroups(groups: readonly number[], expected: readonly number[]): boolean {
  return groups.length === expected.length && groups.every((length, index) => length === expected[index]);
}

/** The Luhn (mod 10) check every payment card number passes. */
export function luhnValid(digits: string): boolean {
  if (!/^\d+$/.test(digits)) return false;
  let sum = 0;
  for (let index = 0; index < digits.length; index += 1) {
    let digit = digits.charCodeAt(digits.length - 1 - index) - 48;
    if (index % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return sum % 10 === 0;
}

/** The longest Luhn-valid prefix of 13 to 19 digits. */
function luhnPrefix(digits: string): string | undefined {
  for (let length = Math.min(19, digits.length); length >= 13; length -= 1) {
    const prefix = digits.slice(0, length);
    if (luhnValid(prefix)) return prefix;
  }
  return undefined;
}

/** The ABA routing number checksum: 3, 7, 1 weights over the nine digits, a multiple of 10. */
export function abaValid(digits: string): boolean {
  if (!/^\d{9}$/.test(digits)) return false;
  const d = [...digits].map((char) => char.charCodeAt(0) - 48);
  const [a = 0, b = 0, c = 0, e = 0, f = 0, g = 0, h = 0, i = 0, j = 0] = d;
  const sum = 3 * (a + e + h) + 7 * (b + f + i) + (c + g + j);
  return sum % 10 === 0 && digits !== "000000000";
}
