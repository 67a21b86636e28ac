import type { Campaign } from "../../contracts/campaign.js";
import type { HandoffDecision } from "../../contracts/handoff-decision.js";
import type { QualificationState } from "../../contracts/qualification-state.js";
import type { TurnSignals } from "../../contracts/turn-signals.js";

/**
 * The campaign's scripted next line: what the AI says when the model is not used or fails.
 * It never greets again and never asks for a slot already confirmed.
 */
export function scriptedLine(
  campaign: Campaign,
  state: QualificationState,
  decision: HandoffDecision,
  signals: TurnSignals | undefined,
  missing: readonly string[],
): string {
  switch (decision.action) {
    case "handoff":
      return campaign.script.handoff;
    case "nurture":
      return campaign.script.nurture;
    case "end":
      return campaign.script.end;
    default:
      break;
  }
  const parts: string[] = [];
  if (isResumedContact(state)) parts.push(campaign.script.resume);
  const objection = signals?.objections[0];
  const answer = objection ? campaign.script.objectionAnswers?.[objection] : undefined;
  if (answer) parts.push(answer);
  const nextSlot = campaign.slots.find((slot) => slot.name === missing[0]);
  parts.push(nextSlot ? nextSlot.question : campaign.script.wrapUp);
  return parts.join(" ");
}

/** First turn of a callback or returning lead: resume instead of starting over. */
export function isResumedContact(state: QualificationState): boolean {
  return state.resumed && state.customerTurns === 1;
}
