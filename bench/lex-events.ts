import type { LexV2Event } from "../contracts/lex-v2.js";

/** A Lex V2 code-hook event in the documented shape, as the bot sends it on each caller turn. */
export function lexTurnEvent(options: {
  sessionId: string;
  text: string;
  requestId: string;
  sessionAttributes: Record<string, string>;
}): LexV2Event {
  return {
    messageVersion: "1.0",
    invocationSource: "DialogCodeHook",
    inputMode: "Speech",
    responseContentType: "audio/pcm",
    sessionId: options.sessionId,
    inputTranscript: options.text,
    bot: { id: "BENCHBOTID", name: "BatonCaller", aliasId: "TSTALIASID", localeId: "en_US", version: "1" },
    interpretations: [
      {
        intent: { name: "FallbackIntent", slots: {}, state: "InProgress", confirmationState: "None" },
        sentimentResponse: {
          sentiment: "NEUTRAL",
          sentimentScore: { positive: 0.1, negative: 0.05, neutral: 0.84, mixed: 0.01 },
        },
      },
    ],
    sessionState: {
      sessionAttributes: options.sessionAttributes,
      intent: { name: "FallbackIntent", slots: {}, state: "InProgress", confirmationState: "None" },
      originatingRequestId: options.requestId,
    },
  };
}
