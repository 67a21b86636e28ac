import * as z from "./zod.js";

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
const Score = z.pipe(
  z.union([
    z.number(),
    z.pipe(
      z.string().check(z.trim(), z.regex(/^\d+(\.\d+)?([eE][-+]?\d+)?$/, "expected a numeric string")),
      z.transform(Number),
    ),
  ]),
  z.number().check(z.minimum(0), z.maximum(1)),
);

const LexSlotValue = z.looseObject({
  originalValue: z.optional(z.string()),
  interpretedValue: z.optional(z.string()),
  resolvedValues: z.optional(z.array(z.string())),
});

export interface LexSlot {
  shape?: "Scalar" | "List" | "Composite" | undefined;
  value?: z.infer<typeof LexSlotValue> | undefined;
  values?: LexSlot[] | undefined;
  subSlots?: Record<string, LexSlot | null> | undefined;
  [extra: string]: unknown;
}

/** A slot Lex has not filled is `null`; list and composite slots nest further slots. */
export const LexSlot: z.ZodMiniType<LexSlot> = z.looseObject({
  shape: z.optional(z.enum(["Scalar", "List", "Composite"])),
  value: z.optional(LexSlotValue),
  get values() {
    return z.optional(z.array(LexSlot));
  },
  get subSlots() {
    return z.optional(LexSlots);
  },
});
export const LexSlots = z.record(z.string(), z.nullable(LexSlot));

export const LexIntent = z.looseObject({
  name: z.string().check(z.minLength(1)),
  slots: z.optional(LexSlots),
  state: z.optional(LexIntentState),
  confirmationState: z.optional(LexConfirmationState),
});
export type LexIntent = z.infer<typeof LexIntent>;

export const LexSentimentResponse = z.looseObject({
  sentiment: LexSentimentLabel,
  sentimentScore: z.optional(
    z.looseObject({
      positive: Score,
      negative: Score,
      neutral: Score,
      mixed: Score,
    }),
  ),
});
export type LexSentimentResponse = z.infer<typeof LexSentimentResponse>;

/**
 * The code hook page documents a number; the Lex runtime API (and AWS's own .NET test events) send
 * `{"score": 1.0}`. Both are read.
 */
export const LexNluConfidence = z.pipe(
  z.union([
    Score,
    z.pipe(
      z.looseObject({ score: Score }),
      z.transform((confidence) => confidence.score),
    ),
  ]),
  z.number(),
);

/**
 * Hints (`nluConfidence`, `sentimentResponse`, `interpretationSource`) only sharpen the engine's reading of a
 * turn: one that does not parse is dropped (`.catch`), never a reason to fail the turn. `ignoredLexHints` names
 * what was dropped, for the log.
 */
export const LexInterpretation = z.looseObject({
  intent: LexIntent,
  /** Absent for AMAZON.FallbackIntent. */
  nluConfidence: z.catch(z.optional(LexNluConfidence), undefined),
  /** Present only when sentiment analysis is enabled on the bot alias. */
  sentimentResponse: z.catch(z.optional(LexSentimentResponse), undefined),
  interpretationSource: z.catch(z.optional(z.enum(["Bedrock", "Lex"])), undefined),
});
export type LexInterpretation = z.infer<typeof LexInterpretation>;

const LexDialogAction = z.looseObject({
  type: LexEventDialogActionType,
  slotToElicit: z.optional(z.string()),
});

const StringMap = z.record(z.string(), z.string());

export const LexSessionState = z.looseObject({
  sessionAttributes: z.optional(StringMap),
  activeContexts: z.optional(z.array(z.looseObject({ name: z.string() }))),
  intent: z.optional(LexIntent),
  dialogAction: z.optional(LexDialogAction),
  originatingRequestId: z.optional(z.string()),
});

export const LexTranscription = z.looseObject({
  transcription: z.string(),
  transcriptionConfidence: z.number().check(z.minimum(0), z.maximum(1)),
  resolvedContext: z.optional(z.looseObject({ intent: z.optional(z.string()) })),
  resolvedSlots: z.optional(LexSlots),
});

/** The code hook input event. */
export const LexV2Event = z.looseObject({
  messageVersion: z.string(),
  invocationSource: LexInvocationSource,
  inputMode: LexInputMode,
  responseContentType: z.string(),
  sessionId: z.string().check(z.minLength(1)),
  /** Typed text, the recognised speech, or the DTMF digits. */
  inputTranscript: z.string(),
  invocationLabel: z.optional(z.string()),
  bot: z.looseObject({
    id: z.string(),
    name: z.string(),
    aliasId: z.string(),
    aliasName: z.optional(z.string()),
    localeId: z.string(),
    version: z.string(),
  }),
  interpretations: z.array(LexInterpretation),
  proposedNextState: z.optional(
    z.looseObject({
      dialogAction: z.optional(LexDialogAction),
      intent: z.optional(LexIntent),
    }),
  ),
  requestAttributes: z.optional(StringMap),
  sessionState: LexSessionState,
  /** Speech input only. */
  transcriptions: z.optional(z.array(LexTranscription)),
});
export type LexV2Event = z.infer<typeof LexV2Event>;

const LexTextMessage = z.strictObject({
  contentType: z.enum(["PlainText", "SSML", "CustomPayload"]),
  content: z.string().check(z.minLength(1)),
});

/** A card carries its details in `imageResponseCard`, not in `content`. */
const LexCardMessage = z.strictObject({
  contentType: z.literal("ImageResponseCard"),
  content: z.optional(z.string()),
  imageResponseCard: z.strictObject({
    title: z.string().check(z.minLength(1)),
    subtitle: z.optional(z.string()),
    imageUrl: z.optional(z.string()),
    buttons: z.optional(
      z.array(
        z.strictObject({ text: z.string().check(z.minLength(1)), value: z.string().check(z.minLength(1)) }),
      ),
    ),
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
        slotToElicit: z.optional(z.string().check(z.minLength(1))),
      }),
      intent: z.optional(
        z.strictObject({
          name: z.string().check(z.minLength(1)),
          state: LexIntentState,
          slots: z.optional(LexSlots),
          confirmationState: z.optional(LexConfirmationState),
        }),
      ),
      /** The flow reads these as `$.Lex.SessionAttributes.<key>`; Lex accepts strings only. */
      sessionAttributes: z.record(z.string().check(z.minLength(1)), z.string()),
    }),
    messages: z.optional(z.array(LexMessage)),
    requestAttributes: z.optional(StringMap),
  })
  .check(
    z.superRefine((response, ctx) => {
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
    }),
  );
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
