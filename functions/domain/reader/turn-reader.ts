import type { Sentiment } from "../../../contracts/transcript.js";
import type { ReaderScores } from "./labels.js";
import { scoreTurn, type TurnReaderModel } from "./model.js";

/** Lex V2 NLU reading of the turn, when the bot has intents for it. */
export interface NluHint {
  intent: string;
  confidence: number;
}

/** One customer turn as the reader sees it: the words, the AI line before them, and Lex's readings. */
export interface TurnReaderInput {
  text: string;
  aiLine?: string | undefined;
  nlu?: NluHint | undefined;
  sentiment?: Sentiment | undefined;
}

/** The port: a calibrated probability per reader label. Implementations: the trained model, Bedrock. */
export interface TurnReader {
  readonly version: string;
  read(input: TurnReaderInput): ReaderScores;
}

export function modelReader(model: TurnReaderModel, version: string): TurnReader {
  return {
    version,
    read: (input) => scoreTurn(model, { text: input.text, aiLine: input.aiLine }),
  };
}
