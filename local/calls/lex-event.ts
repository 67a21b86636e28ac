import type { LexV2Event } from "../../contracts/lex-v2.js";
import type { SentimentLabel } from "../../contracts/transcript.js";

/** The bot the local Connect flow talks to; the ids are placeholders in Lex's formats. */
export const LOCAL_BOT = {
  id: "BATONLOCAL",
  name: "BatonCaller",
  aliasId: "TSTALIASID",
  aliasName: "local",
  localeId: "en_US",
  version: "DRAFT",
} as const;

export interface LexTurnInput {
  /** Connect uses the contact id as the Lex session id. */
  sessionId: string;
  text: string;
  inputMode: "Text" | "Speech";
  /** The previous answer's `sessionState.sessionAttributes` (or what the flow sets on the first turn). */
  sessionAttributes: Record<string, string>;
  /** Unique per customer turn; the same id again is a retried delivery. */
  requestId: string;
  sentiment?: SentimentLabel | undefined;
}

/**
 * A Lex V2 code hook event for one customer turn, in the shape Lex sends
 * (https://docs.aws.amazon.com/lexv2/latest/dg/lambda-input-format.html; compare
 * test/fixtures/lex/dialog-code-hook-speech.json). With no NLU model locally every utterance
 * resolves to FallbackIntent, which Lex reports without an nluConfidence.
 */
export function lexEventForTurn(input: LexTurnInput): LexV2Event {
  const intent = {
    name: "FallbackIntent",
    slots: {},
    state: "InProgress" as const,
    confirmationState: "None" as const,
  };
  return {
    messageVersion: "1.0",
    invocationSource: "DialogCodeHook",
    inputMode: input.inputMode,
    responseContentType: input.inputMode === "Speech" ? "audio/pcm" : "text/plain; charset=utf-8",
    sessionId: input.sessionId,
    inputTranscript: input.text,
    invocationLabel: "BatonTurn-dialog",
    bot: { ...LOCAL_BOT },
    interpretations: [
      {
        interpretationSource: "Lex",
        intent,
        ...(input.sentiment ? { sentimentResponse: { sentiment: input.sentiment } } : {}),
      },
    ],
    requestAttributes: { "x-amz-lex:channels:platform": "Connect" },
    sessionState: {
      sessionAttributes: { ...input.sessionAttributes },
      activeContexts: [],
      intent,
      originatingRequestId: input.requestId,
    },
    ...(input.inputMode === "Speech"
      ? {
          transcriptions: [
            {
              transcription: input.text,
              transcriptionConfidence: 0.95,
              resolvedContext: { intent: "FallbackIntent" },
              resolvedSlots: {},
            },
          ],
        }
      : {}),
  };
}
