import type { Campaign } from "../../contracts/campaign.js";
import type { QualificationState } from "../../contracts/qualification-state.js";
import {
  type ContactAttributes,
  SCREEN_POP_ATTRIBUTE_BUDGET_BYTES,
  type ScreenPop,
} from "../../contracts/screen-pop.js";

type HandedOff = Extract<QualificationState["outcome"], { status: "handed_off" }>;

const TRIGGER_WORDS: Record<HandedOff["trigger"], string> = {
  customer_request: "asked for a person",
  buying_intent: "is ready to buy",
  complex: "needs a human touch",
  qualified: "is qualified",
  system_fallback: "was transferred because the AI path failed",
};

/** What the closer reads before speaking: facts not to re-ask, tone, objections and a way in. */
export function buildScreenPop(state: QualificationState, campaign: Campaign, handoff: HandedOff): ScreenPop {
  const labels = new Map(campaign.slots.map((slot) => [slot.name, slot.label]));
  const confirmed = Object.entries(state.slots).map(([slot, fact]) => ({
    slot,
    label: labels.get(slot) ?? slot,
    value: fact.value,
    turn: fact.turn,
    confidence: fact.confidence,
    quote: fact.quote,
  }));
  const missing = campaign.slots
    .filter((slot) => slot.required && !state.slots[slot.name])
    .map((slot) => slot.label);
  const openObjections = state.objections.filter((objection) => objection.status === "open");
  const trend =
    state.negativityTrend >= 0.5 || state.negativeStreak >= 2
      ? "worsening"
      : state.tone === "positive"
        ? "improving"
        : "steady";
  const urgency =
    handoff.trigger === "buying_intent" || handoff.trigger === "customer_request"
      ? "high"
      : handoff.trigger === "complex" || state.slots.timeline?.value === "immediate"
        ? "medium"
        : "low";
  const facts = confirmed.map((fact) => `${fact.label.toLowerCase()} ${fact.value}`).join(", ");
  const summary = `Lead ${TRIGGER_WORDS[handoff.trigger]}${facts ? `; confirmed ${facts}` : ""}${
    openObjections.length > 0 ? `; open objections: ${openObjections.map((o) => o.kind).join(", ")}` : ""
  }.`;
  return {
    contactId: state.contactId,
    ...(state.leadId ? { leadId: state.leadId } : {}),
    campaignId: state.campaignId,
    trigger: handoff.trigger,
    decidedAtTurn: handoff.turn,
    summary,
    opener: suggestOpener(handoff.trigger, confirmed, openObjections[0]?.kind, missing, campaign),
    confirmed,
    missing,
    intentTags: state.intentTags,
    tone: { label: state.tone, trend, sarcasm: state.sarcasm },
    urgency,
    objections: state.objections.map((objection) => ({
      kind: objection.kind,
      status: objection.status,
      turn: objection.turn,
      customerSaid: objection.quote,
      ...(objection.answer ? { aiAnswer: objection.answer } : {}),
    })),
    reasons: handoff.reasons,
    transcript: state.recent,
  };
}

/** Continue the conversation as a colleague who was listening: no greeting, no re-introduction. */
function suggestOpener(
  trigger: HandedOff["trigger"],
  confirmed: ReadonlyArray<{ label: string; value: string }>,
  openObjection: string | undefined,
  missing: readonly string[],
  campaign: Campaign,
): string {
  const recap =
    confirmed.length > 0
      ? `I've got your notes here: ${confirmed.map((f) => `${f.label.toLowerCase()} ${f.value.replace(/_/g, " ")}`).join(", ")}. `
      : "";
  const next = missing[0] ? ` The one thing I still need is your ${missing[0].toLowerCase()}.` : "";
  switch (trigger) {
    case "buying_intent":
      return `${recap}You're ready to move forward with ${campaign.product.name}, so let's get the details right for you.${next}`;
    case "customer_request":
      return `Thanks for holding, I'm picking up right where we left off. ${recap}What can I help you with?`;
    case "complex":
      return openObjection
        ? `${recap}I hear the concern about ${openObjection}; let me take that one head on.`
        : `${recap}Let me make this simpler and answer you directly.`;
    case "qualified":
      return `${recap}Based on that, let me walk you through how ${campaign.product.name} fits.`;
    default:
      return `Thanks for holding, I'm picking up your call now. ${recap}How can I help?`;
  }
}

const encoder = new TextEncoder();
const bytes = (text: string): number => encoder.encode(text).length;

/** Flattened for Connect contact attributes (`baton_*`), cut to fit Baton's 8 KB share of the 32 KB limit. */
export function screenPopAttributes(pop: ScreenPop): ContactAttributes {
  const entries: Array<[string, string]> = [
    ["baton_trigger", pop.trigger],
    ["baton_decided_turn", String(pop.decidedAtTurn)],
    ["baton_urgency", pop.urgency],
    ["baton_tone", `${pop.tone.label}, ${pop.tone.trend}${pop.tone.sarcasm ? ", sarcastic" : ""}`],
    ["baton_summary", pop.summary],
    ["baton_opener", pop.opener],
    ...pop.confirmed.map((fact): [string, string] => [
      `baton_confirmed_${fact.slot}`,
      `${fact.value} (turn ${fact.turn})`,
    ]),
    ["baton_missing", pop.missing.join(", ")],
    ["baton_intents", pop.intentTags.join(", ")],
    [
      "baton_objections",
      pop.objections
        .map((o) => `${o.kind}:${o.status}${o.aiAnswer ? ` (answered: ${o.aiAnswer})` : ""}`)
        .join("; "),
    ],
    ["baton_reasons", pop.reasons.join("; ")],
  ];
  const attributes: ContactAttributes = {};
  let used = 0;
  for (const [key, raw] of entries) {
    const remaining = SCREEN_POP_ATTRIBUTE_BUDGET_BYTES - used - bytes(key);
    if (remaining <= 0) break;
    const value = truncateToBytes(raw, Math.min(remaining, 1024));
    attributes[key] = value;
    used += bytes(key) + bytes(value);
  }
  return attributes;
}

function truncateToBytes(text: string, maxBytes: number): string {
  if (bytes(text) <= maxBytes) return text;
  if (maxBytes < 4) return "";
  let cut = text.slice(0, maxBytes);
  while (cut.length > 0 && bytes(cut) > maxBytes - 3) cut = cut.slice(0, -1);
  return `${cut}...`;
}
