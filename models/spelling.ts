import { fileURLToPath } from "node:url";
import { BatonInputError } from "../functions/domain/errors.js";
import type { SpellingVocabulary } from "../functions/domain/spelling.js";
import { spellingFromArtifact } from "../functions/domain/spelling-artifact.js";
import { readShippedFile } from "./shipped-file.js";

/**
 * The vocabulary sits beside this module: here in models/, and beside index.mjs in the Lambda bundle (the
 * bundling copies it there, infra/bundling.ts), so 200 KB of words are not parsed as part of the code.
 */
export const SHIPPED_SPELLING = new URL("spelling.json", import.meta.url);

/** The spelling vocabulary that ships with Baton; a missing or corrupt file stops the start with its name. */
export function shippedSpelling(file: URL = SHIPPED_SPELLING): SpellingVocabulary {
  const path = fileURLToPath(file);
  const text = readShippedFile(path, "spelling vocabulary", "spelling").toString("utf8");
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch (error) {
    throw new BatonInputError(`spelling vocabulary ${path}: not JSON: ${(error as Error).message}`, {
      field: "spelling",
    });
  }
  return spellingFromArtifact(document, path);
}
