import type { ScreenPop } from "../../contracts/screen-pop.js";
import type { DeskEntry } from "../../local/api/desk-api.js";

/**
 * What the screen pop shows, whichever host it came from: the full screen pop on the local desk, or
 * the `baton_*` contact attributes inside the Connect agent workspace (fewer details: no transcript,
 * no quotes). One renderer draws both.
 */
export interface DeskView {
  contactId: string;
  trigger: string;
  /** Transcript turn of the decision. */
  turn?: number | undefined;
  urgency?: string | undefined;
  summary: string;
  /** The customer's ask: the headline when it could be reworded safely, always their sentence. */
  ask?: { headline?: string | undefined; said: string } | undefined;
  caller?: ScreenPop["caller"] | undefined;
  /** "Spanish (the AI does not speak it)". */
  language?: string | undefined;
  opener: string;
  tone: string;
  confirmed: Array<{
    slot: string;
    label: string;
    /** In plain words. */
    value: string;
    turn?: number | undefined;
    /** The customer's sentence the value came from. */
    said?: string | undefined;
  }>;
  missing: string[];
  intents: string[];
  objections: Array<{
    kind: string;
    status: string;
    turn?: number | undefined;
    customerSaid?: string | undefined;
    aiAnswer?: string | undefined;
  }>;
  reasons: string[];
  transcript: Array<{ turn: number; speaker: string; text: string }>;
  /** The lead's earlier contacts on this desk, newest first (local desk only). */
  earlierContacts?: EarlierContact[] | undefined;
  /** Local desk only: the queue and what the closer did. */
  queue?: string | undefined;
  status?: DeskEntry["status"] | undefined;
  handback?: DeskEntry["handback"] | undefined;
  /** The customer hung up (ISO 8601). */
  customerLeftAt?: string | undefined;
}

export interface EarlierContact {
  contactId: string;
  /** ISO 8601: when it reached the desk. */
  when?: string | undefined;
  /** "handed back to the AI", "accepted by a closer"... */
  outcome: string;
  /** The closer's handback note. */
  note?: string | undefined;
}

export function viewFromScreenPop(pop: ScreenPop): DeskView {
  return {
    contactId: pop.contactId,
    trigger: pop.trigger,
    turn: pop.decidedAtTurn,
    urgency: pop.urgency,
    summary: pop.summary,
    ask: pop.ask ? { headline: pop.ask.headline, said: pop.ask.said } : undefined,
    caller: pop.caller,
    language: pop.language
      ? `${pop.language.name}${pop.language.campaignSpeaks ? "" : " (the AI does not speak it)"}`
      : undefined,
    opener: pop.opener,
    tone: `${pop.tone.label}, ${pop.tone.trend}${pop.tone.sarcasm ? ", sarcastic" : ""}`,
    confirmed: pop.confirmed.map((fact) => ({
      slot: fact.slot,
      label: fact.label,
      value: fact.display ?? fact.value.replace(/_/g, " "),
      turn: fact.turn,
      said: fact.said ?? fact.quote,
    })),
    missing: pop.missing,
    intents: pop.intentTags,
    objections: pop.objections.map((objection) => ({ ...objection })),
    reasons: pop.reasons,
    transcript: pop.transcript,
  };
}

export function viewFromDeskEntry(entry: DeskEntry): DeskView {
  return {
    ...viewFromScreenPop(entry.screenPop),
    queue: entry.queue,
    status: entry.status,
    handback: entry.handback,
    customerLeftAt: entry.customerLeftAt,
  };
}
