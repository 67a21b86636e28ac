import type { Campaign } from "../../contracts/campaign.js";
import type { HandoffDecision } from "../../contracts/handoff-decision.js";
import type { QualificationState } from "../../contracts/qualification-state.js";
import type { ScreenPop } from "../../contracts/screen-pop.js";
import type { Transcript } from "../../contracts/transcript.js";
import type { TurnSignals } from "../../contracts/turn-signals.js";
import { processCustomerTurn, recordLine, startContact } from "./engine.js";
import type { SlotChange } from "./qualification.js";
import type { TurnReader } from "./reader/turn-reader.js";
import { buildScreenPop } from "./screen-pop.js";
import type { CategoryValueReader } from "./slots/category-values.js";
import type { SpellingVocabulary } from "./spelling.js";

export interface ReplayStep {
  turn: number;
  speaker: Transcript["turns"][number]["speaker"];
  text: string;
  signals?: TurnSignals;
  slotChanges?: SlotChange[];
  decision?: HandoffDecision;
}

export interface ReplayResult {
  id: string;
  steps: ReplayStep[];
  firstHandoff: { turn: number; trigger: string; screenPop: ScreenPop } | null;
  /** First nurture or end decision, when the call never went to a human before it. */
  firstClose: { turn: number; action: "nurture" | "end" } | null;
  finalState: QualificationState;
}

/** Runs a whole transcript through the engine, turn by turn, as the live call path would. */
export function replayTranscript(
  transcript: Transcript,
  campaign: Campaign,
  reader?: TurnReader,
  spelling?: SpellingVocabulary,
  /** Which value of a category slot a turn names (the shipped models unless given; `null`: examples alone). */
  categoryValues?: CategoryValueReader | null,
): ReplayResult {
  let state = startContact({
    contactId: transcript.id,
    campaignId: campaign.id,
    callDate: transcript.callDate,
  });
  const steps: ReplayStep[] = [];
  let firstHandoff: ReplayResult["firstHandoff"] = null;
  let firstClose: ReplayResult["firstClose"] = null;
  for (const [index, turn] of transcript.turns.entries()) {
    if (turn.speaker !== "customer") {
      state = recordLine(state, turn.speaker, turn.text, campaign);
      steps.push({ turn: index, speaker: turn.speaker, text: turn.text });
      continue;
    }
    const result = processCustomerTurn(
      state,
      { text: turn.text, sentiment: turn.sentiment },
      campaign,
      reader,
      spelling,
      undefined,
      categoryValues,
    );
    state = result.state;
    const { decision } = result;
    steps.push({
      turn: index,
      speaker: turn.speaker,
      text: turn.text,
      signals: result.signals,
      slotChanges: result.slotChanges,
      decision,
    });
    if (
      decision.action === "handoff" &&
      decision.first &&
      !firstHandoff &&
      state.outcome.status === "handed_off"
    ) {
      firstHandoff = {
        turn: index,
        trigger: decision.trigger,
        screenPop: buildScreenPop(state, campaign, state.outcome),
      };
    }
    if ((decision.action === "nurture" || decision.action === "end") && !firstHandoff && !firstClose) {
      firstClose = { turn: index, action: decision.action };
    }
  }
  return { id: transcript.id, steps, firstHandoff, firstClose, finalState: state };
}
