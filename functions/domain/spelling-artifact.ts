import * as z from "zod";
import { BatonInputError } from "./errors.js";
import { SpellingVocabulary } from "./spelling.js";

/** The vocabulary `npm run train` learns from the training data, beside the turn reader's model. */
export const SpellingArtifact = z
  .strictObject({
    format: z.literal("baton-spelling"),
    formatVersion: z.literal(1),
    /** sha256 over the training files, as the turn reader's: a test rebuilds the file from the data. */
    dataHash: z.string().regex(/^[0-9a-f]{64}$/),
    // One check over the whole list: zod's per-element parse of 19,000 words costs a cold start ~30 ms.
    words: z.custom<string[]>(
      (value) =>
        Array.isArray(value) && value.every((word) => typeof word === "string" && /^[a-z]+$/.test(word)),
      "must be a list of lowercase words",
    ),
    counts: z.custom<number[]>(
      (value) => Array.isArray(value) && value.every((count) => Number.isInteger(count) && count > 0),
      "must be a list of positive whole counts",
    ),
  })
  .refine((file) => file.words.length === file.counts.length, "words and counts differ in length");
export type SpellingArtifact = z.infer<typeof SpellingArtifact>;

/** A corrupt file is a startup error naming it, never a silent reading without repairs. */
export function spellingFromArtifact(document: unknown, file: string): SpellingVocabulary {
  // Parsed once at start: zod's compiled fast path would cost more than it saves.
  const parsed = SpellingArtifact.safeParse(document, { jitless: true });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue?.path.join(".") ?? "";
    throw new BatonInputError(
      `spelling vocabulary ${file}: ${field ? `${field}: ` : ""}${issue?.message ?? "invalid"}`,
      { field },
    );
  }
  return new SpellingVocabulary(parsed.data);
}
