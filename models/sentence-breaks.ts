import { fileURLToPath } from "node:url";
import type { SentenceBreakModel } from "../functions/domain/reader/sentence-breaks.js";
import { readSentenceBreaksFile } from "../functions/domain/reader/sentence-breaks-file.js";
import { readShippedFile } from "./shipped-file.js";

/** The weights sit beside this module: here in models/, and beside index.mjs in the Lambda bundle. */
export const SHIPPED_SENTENCE_BREAKS = new URL("sentence-breaks.bin", import.meta.url);

/** Where a spoken turn's sentences end, as shipped; a missing or corrupt file stops the start with its name. */
export function shippedSentenceBreaks(file: URL = SHIPPED_SENTENCE_BREAKS): SentenceBreakModel {
  const path = fileURLToPath(file);
  return readSentenceBreaksFile(readShippedFile(path, "sentence-break model", "sentenceBreaks"), path).model;
}
