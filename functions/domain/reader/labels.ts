/**
 * What the turn reader scores, one calibrated probability each. The policy reads these names; a model
 * trained on another label set is refused when it is loaded.
 */
export const READER_LABELS = [
  "person_request",
  "buy_now",
  "price_request",
  "quote_request",
  "contract_request",
  "enroll_request",
  "objection_price",
  "objection_competitor",
  "objection_timing",
  "objection_authority",
  "objection_trust",
  "acknowledgement",
  "confusion",
  "sarcasm",
  "strong_negative",
  "negative",
  "not_interested",
  "do_not_call",
  "wrong_number",
  "deferral",
  "authority_decider",
  "authority_joint",
  "authority_other",
  "non_prospect",
] as const;

export type ReaderLabel = (typeof READER_LABELS)[number];

/** Who decides: what the authority slot reads, not a signal the policy hands off on. */
export const AUTHORITY_LABELS: ReadonlySet<ReaderLabel> = new Set([
  "authority_decider",
  "authority_joint",
  "authority_other",
]);

/** Buying intent by kind: each label is the kind of buying intent it signals (contracts/turn-signals.ts). */
export const BUYING_LABELS = [
  "buy_now",
  "price_request",
  "quote_request",
  "contract_request",
  "enroll_request",
] as const satisfies readonly ReaderLabel[];

/** The labels the policy reads (READER_LABELS without who decides). */
export const SIGNAL_LABELS: readonly ReaderLabel[] = READER_LABELS.filter(
  (label) => !AUTHORITY_LABELS.has(label),
);

export type ReaderScores = Readonly<Record<ReaderLabel, number>>;

/**
 * Scores from probabilities in READER_LABELS order. One object literal, so every reading has the same
 * shape: filling an empty object key by key costs more than the model that computed the values.
 */
export function scoresInLabelOrder(p: ArrayLike<number>): ReaderScores {
  return {
    person_request: p[0] as number,
    buy_now: p[1] as number,
    price_request: p[2] as number,
    quote_request: p[3] as number,
    contract_request: p[4] as number,
    enroll_request: p[5] as number,
    objection_price: p[6] as number,
    objection_competitor: p[7] as number,
    objection_timing: p[8] as number,
    objection_authority: p[9] as number,
    objection_trust: p[10] as number,
    acknowledgement: p[11] as number,
    confusion: p[12] as number,
    sarcasm: p[13] as number,
    strong_negative: p[14] as number,
    negative: p[15] as number,
    not_interested: p[16] as number,
    do_not_call: p[17] as number,
    wrong_number: p[18] as number,
    deferral: p[19] as number,
    authority_decider: p[20] as number,
    authority_joint: p[21] as number,
    authority_other: p[22] as number,
    non_prospect: p[23] as number,
  };
}

export function isReaderLabel(value: string): value is ReaderLabel {
  return (READER_LABELS as readonly string[]).includes(value);
}
