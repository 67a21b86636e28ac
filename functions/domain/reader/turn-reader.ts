import type { Sentiment } from "../../../contracts/transcript.js";
import { countTokens, MAX_SPEECH_CHARS } from "./features.js";
import type { ReaderLabel, ReaderScores } from "./labels.js";
import { scoreTurn, scoreTurnAndSentences, type TurnReaderModel } from "./model.js";

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

/**
 * A request for a person said beside other things ("it's my decision. but can you have a sales rep call me
 * on my cell?") is diluted in the whole turn's reading. Each sentence of a longer turn is also read from its
 * own words, and counts when it is sure on its own: a sentence alone has lost its context, so the bar is
 * high ("a real person picks up and pages our on-call guy" reads 0.74 alone). Buying requests are not read
 * so: alone, "yes, please email it" reads as a quote request as surely as "where do I sign" reads as buying.
 */
const READ_ALONE: ReaderLabel = "person_request";
const SURE_ALONE = 0.9;
const SENTENCE_WORDS = 3;
const SENTENCE = /[^.!?]+[.!?]*/g;

export function modelReader(model: TurnReaderModel, version: string): TurnReader {
  return {
    version,
    read: (input) => {
      const sentences = sentenceTokens(input.text);
      if (sentences.count < 2) return scoreTurn(model, { text: input.text, aiLine: input.aiLine });
      const { scores, surestSentence } = scoreTurnAndSentences(
        model,
        { text: input.text, aiLine: input.aiLine },
        sentences.of,
        sentences.count,
        READ_ALONE,
      );
      return surestSentence >= SURE_ALONE && surestSentence > scores[READ_ALONE]
        ? { ...scores, [READ_ALONE]: surestSentence }
        : scores;
    },
  };
}

/** Token -> the sentence of at least `SENTENCE_WORDS` words it is in (-1: none), and how many such there are. */
function sentenceTokens(text: string): { of: number[]; count: number } {
  const of: number[] = [];
  let count = 0;
  // The reader reads no further than this, so a huge turn costs no more to split.
  const read = text.slice(0, MAX_SPEECH_CHARS);
  if (!/[.!?][^.!?]*[a-z]/i.test(read)) return { of, count };
  for (const piece of read.match(SENTENCE) ?? []) {
    const { words, tokens } = countTokens(piece);
    const counted = words >= SENTENCE_WORDS && /[a-z]/i.test(piece);
    for (let t = 0; t < tokens; t++) of.push(counted ? count : -1);
    if (counted) count++;
  }
  return { of, count };
}
