import type { Campaign } from "../../contracts/campaign.js";
import type { QualificationState } from "../../contracts/qualification-state.js";
import type { SlotCandidate } from "../../contracts/turn-signals.js";

export interface NextLineRequest {
  campaign: Campaign;
  state: QualificationState;
  /** Required slots still missing, in the campaign's order. */
  missing: readonly string[];
  /** The line the script would say: the fallback when the model is late, throttled or wrong. */
  scriptedLine: string;
  /** What is left of the turn's time for this call; the model's own deadline applies when it is shorter. */
  deadlineMs?: number | undefined;
}

/** Port for the language model (Bedrock Converse). Never throws: it falls back to the script. */
export interface LanguageModel {
  nextLine(request: NextLineRequest): Promise<{ text: string; source: "model" | "script"; reason?: string }>;
  /** Optional slot extraction by a forced tool call; [] on any failure. */
  extractSlots?(request: NextLineRequest, customerText: string): Promise<SlotCandidate[]>;
}
