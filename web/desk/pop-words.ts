/** The engine's identifiers in the words a closer reads: triggers, concerns, intent tags. */

export const TRIGGER_TEXT: Record<string, string> = {
  customer_request: "Asked for a person",
  buying_intent: "Ready to buy",
  complex: "Needs a human touch",
  qualified: "Qualified",
  system_fallback: "Needs a person",
};

export const CONCERN: Record<string, string> = {
  price: "Price",
  competitor: "Current provider",
  timing: "Timing",
  authority: "Someone else decides",
  trust: "Trust",
};

export const triggerText = (trigger: string): string => TRIGGER_TEXT[trigger] ?? trigger.replace(/_/g, " ");

const QUEUE_STATUS: Record<string, string> = {
  waiting: "waiting",
  accepted: "accepted",
  handed_back: "handed back",
  abandoned: "customer hung up",
  connected: "connected",
};

export const queueStatusText = (status: string): string => QUEUE_STATUS[status] ?? status.replace(/_/g, " ");

/** The intent tags of functions/domain/engine.ts `tagsOf`. */
const WORDS: Record<string, string> = {
  asked_for_person: "asked for a person",
  buy_now: "wants to buy now",
  price_request: "asked the price",
  quote_request: "asked for a quote",
  contract_request: "asked for the contract",
  enroll_request: "wants to sign up",
  sarcasm: "sarcastic",
  frustrated: "frustrated",
  confused: "confused",
  wants_later: "wants a later call",
  not_interested: "not interested",
  wrong_number: "wrong number",
  do_not_call: "do not call",
  not_a_prospect: "not a buyer (job, vendor)",
};

/**
 * Badges for the pop: concerns are left out (the pop lists each with the AI's answer), an unknown tag
 * is shown in words rather than as an identifier.
 */
export function intentBadges(tags: readonly string[]): string[] {
  return tags
    .filter((tag) => !tag.startsWith("objection_"))
    .map((tag) => WORDS[tag] ?? tag.replace(/_/g, " "));
}
