import type { Campaign } from "../../contracts/campaign.js";
import type { ScreenPop } from "../../contracts/screen-pop.js";
import type { Transcript, TranscriptTurn } from "../../contracts/transcript.js";
import { replayTranscript } from "./replay.js";
import { phraseRegex } from "./text.js";

/**
 * The `restart` KPI: after the handoff, did the closer start over? Two kinds of restart, read from the
 * closer's (agent's) turns of the human part of the call:
 * - re-asking a slot the screen pop lists as confirmed ("what's your budget?" when the budget is known),
 *   unless the question carries the known answer (a check such as "you mentioned 50k, right?" is fine);
 * - re-introducing the company or themselves ("Hi, this is Dana from Nimbus", "thanks for calling Nimbus").
 * Heuristic and deterministic; the phrases come from the campaign (slot labels, `askedBy`, scripted
 * questions, the company name).
 */

export interface RestartFinding {
  /** Index in the turns given. */
  turn: number;
  kind: "reasked_slot" | "reintroduced_company" | "reintroduced_self";
  /** The slot re-asked (reasked_slot only). */
  slot?: string | undefined;
  text: string;
}

export interface RestartReport {
  /** The KPI: 1 when the closer restarted at least once, else 0. */
  restart: 0 | 1;
  findings: RestartFinding[];
  agentTurns: number;
  /** Confirmed slots the closer was told not to re-ask. */
  confirmedSlots: string[];
}

/** Phrases in the campaign's `askedBy` lists that also open ordinary closing questions. */
const AMBIGUOUS_ASK_WORDS = new Set(["sign", "signs", "signing", "need", "fix", "problem", "involved"]);

/** A question that checks a known fact instead of asking for it. */
const RECAP_MARKERS =
  /\b(?:you mentioned|you said|you told|you've said|you noted|i see (?:that )?you|i've got|i have (?:it|here|down)|my notes|per your|just to confirm|to confirm|confirm(?:ing)? that|so you're|so you are|as you said|right\?|correct\?|is that right|is that correct)/;

const QUESTION_START =
  /^(?:what|what's|whats|how|who|who's|when|which|where|why|do|does|did|are|is|could|can|would|will|have|has|may|tell me|walk me through|let me ask)\b/;

const SELF_INTRO = [
  /\bmy name(?: is|'s)\b/,
  /\blet me introduce myself\b/,
  /\bthis is [a-z]+(?: [a-z]+)?,? (?:speaking|here|from|with)\b/,
  /^(?:hi|hello|hey|good (?:morning|afternoon|evening))(?: there)?,? (?:this is|i'm|i am) [a-z]+\b/,
  /\bi'?m [a-z]+,? (?:your|a|an|the) (?:\w+ )?(?:specialist|consultant|representative|rep|advisor|adviser|manager|expert)\b/,
];

export function restartReport(
  screenPop: Pick<ScreenPop, "confirmed">,
  humanTurns: readonly TranscriptTurn[],
  campaign: Campaign,
): RestartReport {
  const company = campaign.product.company.toLowerCase();
  const companyIntro = companyPatterns(company);
  const confirmed = screenPop.confirmed;
  const askers = confirmed.map((fact) => ({ fact, matcher: slotMatcher(fact.slot, fact.label, campaign) }));
  const findings: RestartFinding[] = [];
  let agentTurns = 0;
  for (const [index, turn] of humanTurns.entries()) {
    if (turn.speaker !== "agent") continue;
    agentTurns += 1;
    const text = turn.text.toLowerCase().replace(/[\u2018\u2019]/g, "'");
    if (companyIntro.some((pattern) => pattern.test(text))) {
      findings.push({ turn: index, kind: "reintroduced_company", text: turn.text });
    } else if (SELF_INTRO.some((pattern) => pattern.test(text)) || namesSelf(turn.text)) {
      findings.push({ turn: index, kind: "reintroduced_self", text: turn.text });
    }
    for (const question of questions(text)) {
      if (RECAP_MARKERS.test(question)) continue;
      for (const { fact, matcher } of askers) {
        if (!matcher(question) || mentionsValue(question, fact.value)) continue;
        if (findings.some((finding) => finding.turn === index && finding.slot === fact.slot)) continue;
        findings.push({ turn: index, kind: "reasked_slot", slot: fact.slot, text: turn.text });
      }
    }
  }
  return {
    restart: findings.length > 0 ? 1 : 0,
    findings,
    agentTurns,
    confirmedSlots: confirmed.map((fact) => fact.slot),
  };
}

/**
 * A sentence that is only "This is Jane." (the common greeting "Hello, thanks for reaching Nimbus. This is Jane.").
 * Read on the original text: the capital tells a name from "This is great."
 */
function namesSelf(text: string): boolean {
  const sentences = text.match(/[^.!?]+[.!?]*/g) ?? [];
  return sentences.some((sentence) => /^This is [A-Z][a-z]+(?: [A-Z][a-z]+)?[.!,]*$/.test(sentence.trim()));
}

function companyPatterns(company: string): RegExp[] {
  const name = company.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return [
    new RegExp(`\\b(?:from|with|at|on behalf of) ${name}\\b`),
    new RegExp(
      `\\b(?:calling|call|(?:thank you|thanks) for (?:calling|reaching|contacting|choosing)|welcome to) ${name}\\b`,
    ),
    new RegExp(`\\b${name} (?:here|speaking)\\b`),
    /\bi'?m calling from\b/,
  ];
}

/** Sentences that ask something: a question mark, or an interrogative opening. */
function questions(text: string): string[] {
  const sentences = text.match(/[^.!?]+[.!?]*/g) ?? [];
  return sentences
    .map((sentence) => sentence.trim())
    .filter((sentence) => sentence.endsWith("?") || QUESTION_START.test(sentence));
}

/** Does a question ask for this slot? Its label, the campaign's `askedBy` phrases, or its scripted question. */
function slotMatcher(slot: string, label: string, campaign: Campaign): (question: string) => boolean {
  const definition = campaign.slots.find((candidate) => candidate.name === slot);
  const phrases = [
    label.toLowerCase(),
    ...(definition?.askedBy ?? []).filter((p) => !AMBIGUOUS_ASK_WORDS.has(p)),
  ];
  const pattern = phraseRegex(phrases);
  const scripted = definition ? words(definition.question) : new Set<string>();
  return (question) => {
    if (pattern.test(question)) return true;
    if (scripted.size === 0) return false;
    const asked = words(question);
    const shared = [...scripted].filter((word) => asked.has(word)).length;
    return shared / scripted.size >= 0.6;
  };
}

const STOP_WORDS = new Set([
  "the",
  "a",
  "an",
  "you",
  "your",
  "for",
  "to",
  "of",
  "and",
  "have",
  "what",
  "is",
  "do",
]);

function words(text: string): Set<string> {
  return new Set(
    text
      .toLowerCase()
      .split(/[^\p{L}\p{N}']+/u)
      .filter((word) => word.length > 2 && !STOP_WORDS.has(word)),
  );
}

/** The question carries the confirmed value: "so around 50k a year works?" checks, it does not re-ask. */
function mentionsValue(question: string, value: string): boolean {
  const valueNumbers = numbersIn(value);
  if (valueNumbers.length > 0) {
    const asked = numbersIn(question);
    return valueNumbers.some((number) => asked.includes(number));
  }
  const valueWords = value
    .toLowerCase()
    .split(/[_\s/]+/)
    .filter((word) => word.length > 2);
  return valueWords.length > 0 && valueWords.every((word) => question.includes(word));
}

function numbersIn(text: string): number[] {
  const found: number[] = [];
  const plain = text.toLowerCase().replace(/(\d),(\d{3})\b/g, "$1$2");
  for (const match of plain.matchAll(/(\d+(?:[.,]\d+)?)\s*(k|m|thousand|million)?\b/g)) {
    const base = Number((match[1] ?? "").replace(",", "."));
    if (!Number.isFinite(base)) continue;
    const scale = match[2] === "k" || match[2] === "thousand" ? 1_000 : match[2] ? 1_000_000 : 1;
    found.push(Math.round(base * scale));
  }
  return found;
}

export type ScreenPopSource = "given" | "ai_handoff" | "ai_state";

/** The restart KPI of one call: a report, or why there is nothing to measure (never a made-up 0). */
export type TranscriptRestart =
  | {
      applicable: true;
      report: RestartReport;
      /** Where the confirmed slots came from. */
      screenPopFrom: ScreenPopSource;
      /** Index of the first closer turn in the transcript: the human part starts there. */
      humanFrom: number;
    }
  | { applicable: false; reason: string };

/**
 * The restart KPI of a whole call (Contact Lens or Baton transcript). The human part starts at the first agent
 * turn. The screen pop is the one given (Baton's Handoff.Requested for this contact), else the one the engine
 * builds by replaying the AI part: at its handoff, or from its final state when it never decided one. A call
 * whose first closer turn has no AI conversation before it (a plain agent call: Contact Lens voice files hold
 * only AGENT and CUSTOMER) has nothing the closer could have re-asked: not applicable, not 0.
 */
export function restartForTranscript(
  transcript: Transcript,
  campaign: Campaign,
  screenPop?: Pick<ScreenPop, "confirmed">,
): TranscriptRestart {
  const humanFrom = transcript.turns.findIndex((turn) => turn.speaker === "agent");
  if (humanFrom < 0) return { applicable: false, reason: "no closer turn in the call" };
  const human = transcript.turns.slice(humanFrom);
  if (screenPop) {
    return {
      applicable: true,
      report: restartReport(screenPop, human, campaign),
      screenPopFrom: "given",
      humanFrom,
    };
  }
  const aiPart = transcript.turns.slice(0, humanFrom);
  const conversed =
    aiPart.some((turn) => turn.speaker === "ai") && aiPart.some((t) => t.speaker === "customer");
  if (!conversed) {
    return {
      applicable: false,
      reason: "no AI conversation before the first closer turn and no screen pop for this contact",
    };
  }
  const replay = replayTranscript({ ...transcript, turns: aiPart }, campaign);
  if (replay.firstHandoff) {
    return {
      applicable: true,
      report: restartReport(replay.firstHandoff.screenPop, human, campaign),
      screenPopFrom: "ai_handoff",
      humanFrom,
    };
  }
  const labels = new Map(campaign.slots.map((slot) => [slot.name, slot.label]));
  const confirmed = Object.entries(replay.finalState.slots).map(([slot, fact]) => ({
    slot,
    label: labels.get(slot) ?? slot,
    value: fact.value,
    turn: fact.turn,
    confidence: fact.confidence,
    quote: fact.quote,
  }));
  return {
    applicable: true,
    report: restartReport({ confirmed }, human, campaign),
    screenPopFrom: "ai_state",
    humanFrom,
  };
}

export interface RestartRate {
  campaign: string;
  trigger: string;
  calls: number;
  /** Calls the KPI applies to. */
  measured: number;
  restarts: number;
  /** restarts / measured; null when nothing was measured. */
  rate: number | null;
  notApplicable: number;
}

/** The restart rate per campaign and handoff trigger; calls it does not apply to are counted apart. */
export function restartRates(
  calls: ReadonlyArray<{ campaign: string; trigger: string; result: TranscriptRestart }>,
): RestartRate[] {
  const groups = new Map<string, RestartRate>();
  for (const { campaign, trigger, result } of calls) {
    const key = `${campaign}\u0000${trigger}`;
    const group = groups.get(key) ?? {
      campaign,
      trigger,
      calls: 0,
      measured: 0,
      restarts: 0,
      rate: null,
      notApplicable: 0,
    };
    group.calls += 1;
    if (result.applicable) {
      group.measured += 1;
      group.restarts += result.report.restart;
    } else {
      group.notApplicable += 1;
    }
    group.rate = group.measured > 0 ? group.restarts / group.measured : null;
    groups.set(key, group);
  }
  return [...groups.values()].sort(
    (a, b) => a.campaign.localeCompare(b.campaign) || a.trigger.localeCompare(b.trigger),
  );
}
