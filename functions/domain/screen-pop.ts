import type { Campaign } from "../../contracts/campaign.js";
import type { QualificationState } from "../../contracts/qualification-state.js";
import {
  type CallerIdentity,
  type ContactAttributes,
  SCREEN_POP_ATTRIBUTE_BUDGET_BYTES,
  type ScreenPop,
} from "../../contracts/screen-pop.js";
import type { ObjectionKind } from "../../contracts/turn-signals.js";
import { guessLanguage, looksUnsupportedLanguage } from "./language.js";
import { suggestOpener } from "./pop-opener.js";
import {
  askingSentence,
  readRequest,
  requestInThirdPerson,
  sentenceHolding,
  valueInWords,
} from "./pop-wording.js";
import { sentencesOf } from "./text.js";
import { warmBrief } from "./warm-brief.js";

type HandedOff = Extract<QualificationState["outcome"], { status: "handed_off" }>;

const TRIGGER_WORDS: Record<HandedOff["trigger"], string> = {
  customer_request: "Asked for a person",
  buying_intent: "Ready to buy",
  complex: "Needs a human touch",
  qualified: "Qualified",
  system_fallback: "Needs a person",
};

/** The summary's last sentence when an objection is still open, as a colleague would say it. */
const OPEN_CONCERN_WORDS: Record<ObjectionKind, string> = {
  price: "Still worried about the price.",
  competitor: "Still weighing their current provider.",
  timing: "Still unsure about the timing.",
  authority: "Still needs someone else to sign off.",
  trust: "Still not sure they can trust us.",
};

/** Who is on the line, as the contact and the lead know it (the flow passes these to the call path). */
export type CallerFacts = Pick<
  CallerIdentity,
  "name" | "phone" | "company" | "direction" | "previousContactId"
>;

/**
 * What the closer reads before speaking: the customer's ask in their words, who they are, the facts
 * not to re-ask (with the sentence each came from), what is still unknown, objections with the AI's
 * answer, tone and language, and a first line that picks up where the AI left off.
 */
export function buildScreenPop(
  state: QualificationState,
  campaign: Campaign,
  handoff: HandedOff,
  callerFacts: CallerFacts = {},
): ScreenPop {
  const slotsByName = new Map(campaign.slots.map((slot) => [slot.name, slot]));
  const textOfTurn = (turn: number): string | undefined =>
    state.recent.find((line) => line.turn === turn && line.speaker === "customer")?.text;
  const confirmed = Object.entries(state.slots).map(([slot, fact]) => {
    const said = sentenceHolding(textOfTurn(fact.turn) ?? "", fact.quote);
    return {
      slot,
      label: slotsByName.get(slot)?.label ?? slot,
      value: fact.value,
      turn: fact.turn,
      confidence: fact.confidence,
      quote: fact.quote,
      display: valueInWords(slotsByName.get(slot), fact.value, campaign, fact),
      ...(said ? { said } : {}),
      ...(fact.confirms ? { confirms: fact.confirms } : {}),
      ...(fact.date ? { date: fact.date } : {}),
    };
  });
  const missingSlots = campaign.slots.filter((slot) => slot.required && !state.slots[slot.name]);
  const missing = missingSlots.map((slot) => slot.label);
  const objections = state.objections.map((objection) => {
    const aiAnswer = objection.answer ?? aiLineAfter(state, objection.turn, handoff.turn);
    return {
      kind: objection.kind,
      status: objection.status,
      turn: objection.turn,
      customerSaid: objection.quote,
      ...(aiAnswer ? { aiAnswer } : {}),
    };
  });
  // The latest open concern is the one the customer is still on.
  const openObjection = objections.findLast((objection) => objection.status === "open");

  const triggerText = textOfTurn(handoff.turn) ?? "";
  const objectionOnTurn = state.objections.find((objection) => objection.turn === handoff.turn)?.quote;
  const said = triggerText ? askingSentence(triggerText, handoff.trigger, objectionOnTurn) : undefined;
  const request = said ? readRequest(said) : undefined;
  const ask = said
    ? { turn: handoff.turn, said, ...(request ? { headline: requestInThirdPerson(request) } : {}) }
    : undefined;
  const otherQuestion = sentencesOf(triggerText).find(
    (sentence) => sentence.endsWith("?") && sentence !== said && sentence.length <= 160,
  );
  const openQuestion = said?.endsWith("?") && !request && said.length <= 160 ? said : otherQuestion;
  const foreign =
    triggerText && looksUnsupportedLanguage(triggerText) ? guessLanguage(triggerText) : undefined;
  const language = foreign
    ? { name: foreign, campaignSpeaks: false }
    : { name: campaign.product.language ?? "English", campaignSpeaks: true };

  const trend =
    state.negativityTrend >= 0.5 || state.negativeStreak >= 2
      ? "worsening"
      : state.tone === "positive"
        ? "improving"
        : "steady";
  const urgency =
    handoff.trigger === "buying_intent" || handoff.trigger === "customer_request" || !language.campaignSpeaks
      ? "high"
      : handoff.trigger === "complex" || state.slots.timeline?.value === "immediate"
        ? "medium"
        : "low";
  const caller = callerIdentity(state, callerFacts);
  const summary = [
    `${language.campaignSpeaks ? TRIGGER_WORDS[handoff.trigger] : `Speaks ${language.name}`}.`,
    ask ? (ask.headline ? `${ask.headline}.` : `"${ask.said}"`) : "",
    `Confirmed ${confirmed.length} of ${confirmed.length + missing.length}.`,
    openObjection ? OPEN_CONCERN_WORDS[openObjection.kind] : "",
  ]
    .filter((part) => part !== "")
    .join(" ");
  return {
    contactId: state.contactId,
    ...(state.leadId ? { leadId: state.leadId } : {}),
    campaignId: state.campaignId,
    trigger: handoff.trigger,
    decidedAtTurn: handoff.turn,
    summary,
    opener: suggestOpener(
      {
        trigger: handoff.trigger,
        request,
        otherQuestion: handoff.trigger === "customer_request" ? otherQuestion : openQuestion,
        openObjection: openObjection
          ? { kind: openObjection.kind, answered: openObjection.aiAnswer !== undefined }
          : undefined,
        confused: state.confusionTurns > 0,
        upset: state.sarcasm || state.tone === "negative",
        firstMissingQuestion: missingSlots[0]?.question,
        language,
      },
      campaign,
    ),
    confirmed,
    missing,
    intentTags: state.intentTags,
    tone: { label: state.tone, trend, sarcasm: state.sarcasm },
    urgency,
    objections,
    reasons: handoff.reasons,
    ...(ask ? { ask } : {}),
    ...(Object.keys(caller).length > 0 ? { caller } : {}),
    language,
    transcript: withOpeningLine(state, campaign),
  };
}

/**
 * The flow's greeting (or "welcome back") is not one of Baton's turns, but the closer should see the
 * whole call as the customer heard it: it goes first, numbered -1, when the start of the call is kept.
 */
function withOpeningLine(state: QualificationState, campaign: Campaign): ScreenPop["transcript"] {
  const first = state.recent[0];
  if (first?.turn !== 0 || first.speaker !== "customer") return state.recent;
  const opening = state.resumed ? campaign.script.resume : campaign.script.greeting;
  return [{ turn: -1, speaker: "ai", text: opening }, ...state.recent];
}

/**
 * The AI's line right after the customer's objection: what the closer should not simply repeat. The
 * line said after the handoff turn ("let me bring in a specialist") is no answer.
 */
function aiLineAfter(state: QualificationState, turn: number, handoffTurn: number): string | undefined {
  const line = state.recent.find(
    (entry) => entry.turn > turn && entry.turn <= handoffTurn && entry.speaker === "ai",
  );
  return line && line.text.length > 0 ? line.text.slice(0, 300) : undefined;
}

function callerIdentity(state: QualificationState, facts: CallerFacts): CallerIdentity {
  const known = Object.entries(facts).filter(
    (entry): entry is [string, string] => typeof entry[1] === "string" && entry[1].trim() !== "",
  );
  return {
    ...(Object.fromEntries(known) as CallerFacts),
    ...(state.resumed ? { returning: true } : {}),
    ...(state.handbackNote ? { lastHandbackNote: state.handbackNote } : {}),
  };
}

const encoder = new TextEncoder();
const bytes = (text: string): number => encoder.encode(text).length;

/** Flattened for Connect contact attributes (`baton_*`), cut to fit Baton's 8 KB share of the 32 KB limit. */
export function screenPopAttributes(pop: ScreenPop): ContactAttributes {
  // Most useful first: when the budget runs out, what is cut is what the closer needs least.
  const caller = pop.caller ?? {};
  const entries: Array<[string, string | undefined]> = [
    ["baton_trigger", pop.trigger],
    ["baton_decided_turn", String(pop.decidedAtTurn)],
    ["baton_ask", pop.ask?.headline],
    ["baton_ask_said", pop.ask?.said],
    // What the whisper flow speaks to the closer as the call connects.
    ["baton_whisper", warmBrief(pop)],
    ["baton_opener", pop.opener],
    ["baton_urgency", pop.urgency],
    [
      "baton_language",
      pop.language
        ? `${pop.language.name}${pop.language.campaignSpeaks ? "" : " (the AI does not speak it)"}`
        : undefined,
    ],
    ["baton_customer_name", caller.name],
    ["baton_customer_phone", caller.phone],
    ["baton_company", caller.company],
    ["baton_direction", caller.direction],
    ["baton_returning", caller.returning ? "yes" : undefined],
    ["baton_previous_contact", caller.previousContactId],
    ["baton_handback_note", caller.lastHandbackNote],
    ["baton_tone", `${pop.tone.label}, ${pop.tone.trend}${pop.tone.sarcasm ? ", sarcastic" : ""}`],
    ["baton_summary", pop.summary],
    ...pop.confirmed.map((fact): [string, string] => [
      `baton_confirmed_${fact.slot}`,
      `${fact.display ?? fact.value} (turn ${fact.turn})${fact.said ? `: "${fact.said}"` : ""}${
        fact.confirms ? ` to "${fact.confirms}"` : ""
      }`,
    ]),
    ["baton_missing", pop.missing.join(", ")],
    [
      "baton_objections",
      pop.objections
        .map((o) => `${o.kind}:${o.status}${o.aiAnswer ? ` (answered: ${o.aiAnswer})` : ""}`)
        .join("; "),
    ],
    ["baton_intents", pop.intentTags.join(", ")],
    ["baton_reasons", pop.reasons.join("; ")],
  ];
  const attributes: ContactAttributes = {};
  let used = 0;
  for (const [key, raw] of entries) {
    if (raw === undefined) continue;
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
