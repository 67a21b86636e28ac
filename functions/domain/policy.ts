import type { Campaign, RouteTrigger } from "../../contracts/campaign.js";
import type { HandoffDecision } from "../../contracts/handoff-decision.js";
import type { QualificationState } from "../../contracts/qualification-state.js";
import type { TurnSignals } from "../../contracts/turn-signals.js";

/** What the policy reads: this turn's signals and the state after the turn was applied. */
export interface PolicyInput {
  signals: TurnSignals;
  state: QualificationState;
  missing: readonly string[];
  slotsFilledThisTurn: boolean;
  campaign: Campaign;
}

/**
 * The decision of one turn. Precedence: the customer asking for a person, then a do-not-call or
 * wrong number (never transfer those), buying intent, complexity (unless the customer declines politely),
 * not interested, qualification, and last a wish to be called later.
 */
export function decide(input: PolicyInput): HandoffDecision {
  const { signals, state, campaign } = input;
  const { thresholds, timing } = campaign;
  if (state.outcome.status === "handed_off") {
    return handoff(campaign, state.outcome.trigger, state.outcome.reasons, false);
  }
  if (signals.personRequest)
    return handoff(campaign, "customer_request", ["customer asked for a person"], true);
  if (signals.endReason === "do_not_call" || signals.endReason === "wrong_number") {
    return { action: "end", reason: signals.endReason };
  }
  if (signals.buyingIntent) {
    return handoff(
      campaign,
      "buying_intent",
      [`buying intent: ${signals.buyingIntent.replace("_", " ")}`],
      true,
    );
  }
  // A hostile "we're fine, stop wasting my time" is a call a human should rescue, so complexity comes first;
  // a polite "we already have that through a vendor, I don't think we're interested, thank you" leaves.
  const complexReasons = complexity(signals, state, thresholds);
  if (complexReasons.length > 0 && !declinesPolitely(signals))
    return handoff(campaign, "complex", complexReasons, true);
  if (signals.endReason === "not_interested") return { action: "end", reason: "not_interested" };
  if (
    input.missing.length === 0 &&
    state.customerTurns >= timing.minCustomerTurnsBeforeQualified &&
    (input.slotsFilledThisTurn || state.customerTurns === timing.minCustomerTurnsBeforeQualified)
  ) {
    return handoff(campaign, "qualified", ["all required slots confirmed"], true);
  }
  if (signals.deferral) return { action: "nurture", reasons: ["customer asked to be contacted later"] };
  return { action: "continue" };
}

function complexity(
  signals: TurnSignals,
  state: QualificationState,
  thresholds: Campaign["thresholds"],
): string[] {
  const reasons: string[] = [];
  const openObjections = state.objections.filter((objection) => objection.status === "open");
  const open = new Set(openObjections.map((o) => o.kind));
  // Layered objections are raised on more than one turn: one turn naming two kinds ("bad timing, our
  // contract with Comcast runs six months") is one objection, which the AI answers first.
  const turns = new Set(openObjections.map((o) => o.turn));
  // "also, I don't trust cloud for this": the customer counts an earlier concern, heard as an objection or not.
  const added =
    signals.objectionAdded === true && openObjections.some((o) => o.turn === state.lastCustomerTurn);
  if (signals.objections.length > 0 && open.size >= thresholds.openObjections && turns.size >= 2) {
    reasons.push(`${open.size} open objections: ${[...open].join(", ")}`);
  } else if (added && open.size + 1 >= thresholds.openObjections) {
    reasons.push(`an objection on top of an earlier concern: ${[...open].join(", ")}`);
  }
  if (signals.sarcasm) reasons.push("sarcastic turn");
  if (signals.strongNegative) reasons.push("strongly negative turn");
  // At least: a turn read as maybe confused counts too (engine.ts, UNSURE_CONFUSION), and only a sure one hands off.
  if (signals.confusion && state.confusionTurns >= thresholds.confusionTurns) {
    reasons.push(`confused on ${state.confusionTurns} turns`);
  }
  if (signals.tone === "negative" && state.negativeStreak === thresholds.negativeStreak) {
    reasons.push(`tone worsening: ${state.negativeStreak} negative turns in a row`);
  }
  return reasons;
}

function declinesPolitely(signals: TurnSignals): boolean {
  return (
    signals.endReason === "not_interested" &&
    signals.tone !== "negative" &&
    !signals.strongNegative &&
    !signals.sarcasm
  );
}

function handoff(
  campaign: Campaign,
  trigger: RouteTrigger,
  reasons: string[],
  first: boolean,
): HandoffDecision {
  return { action: "handoff", trigger, queue: campaign.routes[trigger], reasons, first };
}
