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
] as const;

export type ReaderLabel = (typeof READER_LABELS)[number];

export type ReaderScores = Readonly<Record<ReaderLabel, number>>;

export function isReaderLabel(value: string): value is ReaderLabel {
  return (READER_LABELS as readonly string[]).includes(value);
}
