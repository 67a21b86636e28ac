import { HandoffTrigger } from "./handoff-trigger.js";
import * as z from "./zod.js";

/** Speech sentiment as Amazon Lex V2 / Comprehend report it; scores are optional. */
export const SentimentLabel = z.enum(["POSITIVE", "NEGATIVE", "NEUTRAL", "MIXED"]);
export type SentimentLabel = z.infer<typeof SentimentLabel>;

export const SentimentScores = z.strictObject({
  positive: z.optional(z.number().check(z.minimum(0), z.maximum(1))),
  negative: z.optional(z.number().check(z.minimum(0), z.maximum(1))),
  neutral: z.optional(z.number().check(z.minimum(0), z.maximum(1))),
  mixed: z.optional(z.number().check(z.minimum(0), z.maximum(1))),
});

export const Sentiment = z.strictObject({
  label: SentimentLabel,
  scores: z.optional(SentimentScores),
});
export type Sentiment = z.infer<typeof Sentiment>;

export const Speaker = z.enum(["ai", "customer", "agent"]);
export type Speaker = z.infer<typeof Speaker>;

/** 100 KB of text is accepted (and truncated by the engine); beyond that a line is rejected. */
export const MAX_TURN_TEXT_CHARS = 100_000;

export const TranscriptTurn = z.strictObject({
  speaker: Speaker,
  text: z.string().check(z.maxLength(MAX_TURN_TEXT_CHARS)),
  atMs: z.optional(z.number().check(z.int(), z.nonnegative())),
  sentiment: z.optional(Sentiment),
});
export type TranscriptTurn = z.infer<typeof TranscriptTurn>;

export { HandoffTrigger };

export const TranscriptLabels = z
  .strictObject({
    handoffTurn: z.nullable(z.number().check(z.int(), z.nonnegative())),
    trigger: z.optional(z.nullable(HandoffTrigger)),
    slots: z.optional(z.record(z.string(), z.string())),
  })
  .check(
    z.refine((labels) => labels.handoffTurn !== null || !labels.trigger, {
      message: "trigger must be null when handoffTurn is null",
      path: ["trigger"],
    }),
  );
export type TranscriptLabels = z.infer<typeof TranscriptLabels>;

/** One conversation: the replay and evaluation format (one per JSON Lines line). */
export const Transcript = z
  .strictObject({
    id: z.string().check(z.minLength(1), z.maxLength(200)),
    campaign: z._default(z.string().check(z.minLength(1), z.maxLength(100)), "default"),
    /** The day of the call (YYYY-MM-DD), when known: dates the customer names are read against it. */
    callDate: z.optional(z.iso.date()),
    turns: z.array(TranscriptTurn).check(z.minLength(1), z.maxLength(5_000)),
    labels: z.optional(TranscriptLabels),
  })
  .check(
    z.superRefine((transcript, ctx) => {
      const gold = transcript.labels?.handoffTurn;
      if (gold === undefined || gold === null) return;
      if (transcript.turns[gold]?.speaker !== "customer") {
        ctx.addIssue({
          code: "custom",
          message: `labels.handoffTurn ${gold} is not the index of a customer turn`,
          path: ["labels", "handoffTurn"],
        });
      }
    }),
  );
export type Transcript = z.infer<typeof Transcript>;
