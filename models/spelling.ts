import { fileURLToPath } from "node:url";
import type { SpellingVocabulary } from "../functions/domain/spelling.js";
import { readSpellingFile } from "../functions/domain/spelling-artifact.js";
import { readShippedFile } from "./shipped-file.js";

/**
 * The vocabulary sits beside this module: here in models/, and beside index.mjs in the Lambda bundle (the
 * bundling copies it there, infra/bundling.ts), so 170 KB of words are not parsed as part of the code.
 */
export const SHIPPED_SPELLING = new URL("spelling.txt", import.meta.url);

/** The spelling vocabulary that ships with Baton; a missing or corrupt file stops the start with its name. */
export function shippedSpelling(file: URL = SHIPPED_SPELLING): SpellingVocabulary {
  const path = fileURLToPath(file);
  return readSpellingFile(readShippedFile(path, "spelling vocabulary", "spelling"), path).vocabulary;
}
