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
    words: z.array(z.string().regex(/^[a-z]+$/)),
    counts: z.array(z.number().int().positive()),
  })
  .refine((file) => file.words.length === file.counts.length, "words and counts differ in length");
export type SpellingArtifact = z.infer<typeof SpellingArtifact>;

/** A corrupt file is a startup error naming it, never a silent reading without repairs. */
export function spellingFromArtifact(document: unknown, file: string): SpellingVocabulary {
  const parsed = SpellingArtifact.safeParse(document);
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
