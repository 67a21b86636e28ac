import * as z from "zod";

/**
 * Amazon Lex V2 code hook: the event Lex sends to the Lambda and the reply it expects.
 * Input: https://docs.aws.amazon.com/lexv2/latest/dg/lambda-input-format.html
 * Reply: https://docs.aws.amazon.com/lexv2/latest/dg/lambda-response-format.html
 * Shared shapes: https://docs.aws.amazon.com/lexv2/latest/dg/lambda-common-structures.html
 *
 * The event is read with loose objects: Lex may add fields without changing `messageVersion`,
 * and the docs say a code hook must not fail on them. The reply is strict: it is ours.
 */

export const LexInvocationSource = z.enum(["DialogCodeHook", "FulfillmentCodeHook"]);
export const LexInputMode = z.enum(["DTMF", "Speech", "Text"]);
export const LexIntentState = z.enum([
  "Failed",
  "Fulfilled",
  "FulfillmentInProgress",
  "InProgress",
  "ReadyForFulfillment",
  "Waiting",
]);
export const LexConfirmationState = z.enum(["Confirmed", "Denied", "None"]);
export const LexDialogActionType = z.enum([
  "Close",
  "ConfirmIntent",
  "Delegate",
  "ElicitIntent",
  "ElicitSlot",
]);
/** What Lex may say the dialog does next, in an event: the runtime API also reports `None`. Baton never answers it. */
export const LexEventDialogActionType = z.enum([...LexDialogActionType.options, "None"]);
export const LexSentimentLabel = z.enum(["MIXED", "NEGATIVE", "NEUTRAL", "POSITIVE"]);

/** Lex V2 documents scores as numbers (Double); Lex V1 sent strings, so numeric strings are accepted too. */
const Score = z
  .union([
    z.number(),
    z
      .string()
      .trim()
      .regex(/^\d+(\.\d+)?([eE][-+]?\d+)?$/, "expected a numeric string")
      .transform(Number),
  ])
  .pipe(z.number().min(0).max(1));

const LexSlotValue = z.looseObject({
  originalValue: z.string().optional(),
  interpretedValue: z.string().optional(),
  resolvedValues: z.array(z.string()).optional(),
});

export interface LexSlot {
  shape?: "Scalar" | "List" | "Composite" | undefined;
  value?: z.infer<typeof LexSlotValue> | undefined;
  values?: LexSlot[] | undefined;
  subSlots?: Record<string, LexSlot | null> | undefined;
  [extra: string]: unknown;
}

/** A slot Lex has not filled is `null`; list and composite slots nest further slots. */
export const LexSlot: z.ZodType<LexSlot> = z.looseObject({
  shape: z.enum(["Scalar", "List", "Composite"]).optional(),
  value: LexSlotValue.optional(),
  get values() {
    return z.array(LexSlot).optional();
  },
  get subSlots() {
    return LexSlots.optional();
  },
});
export const LexSlots = z.record(z.string(), LexSlot.nullable());

export const LexIntent = z.looseObject({
  name: z.string().min(1),
  slots: LexSlots.optional(),
  state: LexIntentState.optional(),
  confirmationState: LexConfirmationState.optional(),
});
export type LexIntent = z.infer<typeof LexIntent>;

export const LexSentimentResponse = z.looseObject({
  sentiment: LexSentimentLabel,
  sentimentScore: z
    .looseObject({
      positive: Score,
      negative: Score,
      neutral: Score,
      mixed: Score,
    })
    .optional(),
});
export type LexSentimentResponse = z.infer<typeof LexSentimentResponse>;

/**
 * The code hook page documents a number; the Lex runtime API (and AWS's own .NET test events) send
 * `{"score": 1.0}`. Both are read.
 */
export const LexNluConfidence = z
  .union([Score, z.looseObject({ score: Score }).transform((confidence) => confidence.score)])
  .pipe(z.number());

/**
 * Hints (`nluConfidence`, `sentimentResponse`, `interpretationSource`) only sharpen the engine's reading of a
 * turn: one that does not parse is dropped (`.catch`), never a reason to fail the turn. `ignoredLexHints` names
 * what was dropped, for the log.
 */
export const LexInterpretation = z.looseObject({
  intent: LexIntent,
  /** Absent for AMAZON.FallbackIntent. */
  nluConfidence: LexNluConfidence.optional().catch(undefined),
  /** Present only when sentiment analysis is enabled on the bot alias. */
  sentimentResponse: LexSentimentResponse.optional().catch(undefined),
  interpretationSource: z.enum(["Bedrock", "Lex"]).optional().catch(undefined),
});
export type LexInterpretation = z.infer<typeof LexInterpretation>;

const LexDialogAction = z.looseObject({
  type: LexEventDialogActionType,
  slotToElicit: z.string().optional(),
});

const StringMap = z.record(z.string(), z.string());

export const LexSessionState = z.looseObject({
  sessionAttributes: StringMap.optional(),
  activeContexts: z.array(z.looseObject({ name: z.string() })).optional(),
  intent: LexIntent.optional(),
  dialogAction: LexDialogAction.optional(),
  originatingRequestId: z.string().optional(),
});

export const LexTranscription = z.looseObject({
  transcription: z.string(),
  transcriptionConfidence: z.number().min(0).max(1),
  resolvedContext: z.looseObject({ intent: z.string().optional() }).optional(),
  resolvedSlots: LexSlots.optional(),
});

/** The code hook input event. */
export const LexV2Event = z.looseObject({
  messageVersion: z.string(),
  invocationSource: LexInvocationSource,
  inputMode: LexInputMode,
  responseContentType: z.string(),
  sessionId: z.string().min(1),
  /** Typed text, the recognised speech, or the DTMF digits. */
  inputTranscript: z.string(),
  invocationLabel: z.string().optional(),
  bot: z.looseObject({
    id: z.string(),
    name: z.string(),
    aliasId: z.string(),
    aliasName: z.string().optional(),
    localeId: z.string(),
    version: z.string(),
  }),
  interpretations: z.array(LexInterpretation),
  proposedNextState: z
    .looseObject({
      dialogAction: LexDialogAction.optional(),
      intent: LexIntent.optional(),
    })
    .optional(),
  requestAttributes: StringMap.optional(),
  sessionState: LexSessionState,
  /** Speech input only. */
  transcriptions: z.array(LexTranscription).optional(),
});
export type LexV2Event = z.infer<typeof LexV2Event>;

const LexTextMessage = z.strictObject({
  contentType: z.enum(["PlainText", "SSML", "CustomPayload"]),
  content: z.string().min(1),
});

/** A card carries its details in `imageResponseCard`, not in `content`. */
const LexCardMessage = z.strictObject({
  contentType: z.literal("ImageResponseCard"),
  content: z.string().optional(),
  imageResponseCard: z.strictObject({
    title: z.string().min(1),
    subtitle: z.string().optional(),
    imageUrl: z.string().optional(),
    buttons: z.array(z.strictObject({ text: z.string().min(1), value: z.string().min(1) })).optional(),
  }),
});

export const LexMessage = z.discriminatedUnion("contentType", [LexTextMessage, LexCardMessage]);
export type LexMessage = z.infer<typeof LexMessage>;

/** The reply to Lex. Strict: a typo here would silently change what the caller hears. */
export const LexV2Response = z
  .strictObject({
    sessionState: z.strictObject({
      dialogAction: z.strictObject({
        type: LexDialogActionType,
        slotToElicit: z.string().min(1).optional(),
      }),
      intent: z
        .strictObject({
          name: z.string().min(1),
          state: LexIntentState,
          slots: LexSlots.optional(),
          confirmationState: LexConfirmationState.optional(),
        })
        .optional(),
      /** The flow reads these as `$.Lex.SessionAttributes.<key>`; Lex accepts strings only. */
      sessionAttributes: z.record(z.string().min(1), z.string()),
    }),
    messages: z.array(LexMessage).optional(),
    requestAttributes: StringMap.optional(),
  })
  .superRefine((response, ctx) => {
    const { dialogAction } = response.sessionState;
    const needsMessages = dialogAction.type === "ElicitIntent" || dialogAction.type === "ConfirmIntent";
    if (needsMessages && (response.messages ?? []).length === 0) {
      ctx.addIssue({
        code: "custom",
        message: `messages are required when dialogAction.type is ${dialogAction.type}`,
        path: ["messages"],
      });
    }
    // Lex cannot elicit a slot it is not told about.
    if (dialogAction.type === "ElicitSlot" && !dialogAction.slotToElicit) {
      ctx.addIssue({
        code: "custom",
        message: "slotToElicit is required when dialogAction.type is ElicitSlot",
        path: ["sessionState", "dialogAction", "slotToElicit"],
      });
    }
  });
export type LexV2Response = z.infer<typeof LexV2Response>;

const HINTS = {
  nluConfidence: LexNluConfidence,
  sentimentResponse: LexSentimentResponse,
  interpretationSource: z.enum(["Bedrock", "Lex"]),
} as const;

/** The hint fields of an event that do not parse (and that `LexV2Event` drops), as "interpretations.0.nluConfidence". */
export function ignoredLexHints(event: unknown): string[] {
  const interpretations = (event as { interpretations?: unknown } | null)?.interpretations;
  if (!Array.isArray(interpretations)) return [];
  const ignored: string[] = [];
  for (const [index, interpretation] of interpretations.entries()) {
    if (typeof interpretation !== "object" || interpretation === null) continue;
    for (const [field, schema] of Object.entries(HINTS)) {
      const value = (interpretation as Record<string, unknown>)[field];
      if (value !== undefined && !schema.safeParse(value).success)
        ignored.push(`interpretations.${index}.${field}`);
    }
  }
  return ignored;
}
