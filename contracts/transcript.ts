import * as z from "zod";
import { HandoffTrigger } from "./handoff-trigger.js";

/** Speech sentiment as Amazon Lex V2 / Comprehend report it; scores are optional. */
export const SentimentLabel = z.enum(["POSITIVE", "NEGATIVE", "NEUTRAL", "MIXED"]);
export type SentimentLabel = z.infer<typeof SentimentLabel>;

export const SentimentScores = z.strictObject({
  positive: z.number().min(0).max(1).optional(),
  negative: z.number().min(0).max(1).optional(),
  neutral: z.number().min(0).max(1).optional(),
  mixed: z.number().min(0).max(1).optional(),
});

export const Sentiment = z.strictObject({
  label: SentimentLabel,
  scores: SentimentScores.optional(),
});
export type Sentiment = z.infer<typeof Sentiment>;

export const Speaker = z.enum(["ai", "customer", "agent"]);
export type Speaker = z.infer<typeof Speaker>;

/** 100 KB of text is accepted (and truncated by the engine); beyond that a line is rejected. */
export const MAX_TURN_TEXT_CHARS = 100_000;

export const TranscriptTurn = z.strictObject({
  speaker: Speaker,
  text: z.string().max(MAX_TURN_TEXT_CHARS),
  atMs: z.number().int().nonnegative().optional(),
  sentiment: Sentiment.optional(),
});
export type TranscriptTurn = z.infer<typeof TranscriptTurn>;

export { HandoffTrigger };

export const TranscriptLabels = z
  .strictObject({
    handoffTurn: z.number().int().nonnegative().nullable(),
    trigger: HandoffTrigger.nullable().optional(),
    slots: z.record(z.string(), z.string()).optional(),
  })
  .refine((labels) => labels.handoffTurn !== null || !labels.trigger, {
    message: "trigger must be null when handoffTurn is null",
    path: ["trigger"],
  });
export type TranscriptLabels = z.infer<typeof TranscriptLabels>;

/** One conversation: the replay and evaluation format (one per JSON Lines line). */
export const Transcript = z
  .strictObject({
    id: z.string().min(1).max(200),
    campaign: z.string().min(1).max(100).default("default"),
    /** The day of the call (YYYY-MM-DD), when known: dates the customer names are read against it. */
    callDate: z.iso.date().optional(),
    turns: z.array(TranscriptTurn).min(1).max(5_000),
    labels: TranscriptLabels.optional(),
  })
  .superRefine((transcript, ctx) => {
    const gold = transcript.labels?.handoffTurn;
    if (gold === undefined || gold === null) return;
    if (transcript.turns[gold]?.speaker !== "customer") {
      ctx.addIssue({
        code: "custom",
        message: `labels.handoffTurn ${gold} is not the index of a customer turn`,
        path: ["labels", "handoffTurn"],
      });
    }
  });
export type Transcript = z.infer<typeof Transcript>;
