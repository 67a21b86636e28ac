import { crc32 } from "node:zlib";
import { BatonInputError } from "./errors.js";
import { SpellingVocabulary, type SpellingVocabularyData } from "./spelling.js";
import { WordCounts } from "./word-counts.js";

/** The vocabulary `npm run train` learns from the training data, beside the turn reader's model. */
export interface SpellingArtifact extends SpellingVocabularyData {
  /** sha256 over the training files, as the turn reader's: a test rebuilds the file from the data. */
  dataHash: string;
}

/**
 * The file: one header line, "word count\n" lines sorted by word (functions/domain/word-counts.ts), a line
 * "--", then the word pairs' "first-second count\n" lines sorted the same way.
 *
 *     baton-spelling 4 <data hash, 64 hex> <CRC-32 of the lines after the header, 8 hex>
 *
 * Plain lines, not JSON: parsing 19,000 strings and building a Map of them cost every cold start ~7 ms.
 */
export function spellingFileText(artifact: SpellingArtifact): string {
  const words = WordCounts.fromLists(artifact.words, artifact.counts).lines;
  const pairs = WordCounts.fromLists(artifact.pairs?.words ?? [], artifact.pairs?.counts ?? []).lines;
  const body = `${words}${PAIRS_START}${pairs}`;
  return `${FORMAT} ${artifact.dataHash} ${hex8(crc32(body))}\n${body}`;
}

/** The data hash a file records, and its words; a corrupt file is a startup error naming it and what is wrong. */
export function readSpellingFile(
  bytes: Uint8Array,
  file: string,
): { dataHash: string; vocabulary: SpellingVocabulary } {
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("latin1");
  const headerEnd = text.indexOf("\n");
  const header = HEADER.exec(headerEnd < 0 ? text : text.slice(0, headerEnd));
  if (!header) {
    const format = text.slice(0, text.indexOf(" ") >>> 0).slice(0, 40);
    throw refused(file, "format", `not a ${FORMAT} file (starts "${format}")`);
  }
  const [, dataHash = "", checksum = ""] = header;
  if (crc32(bytes.subarray(headerEnd + 1)) !== Number.parseInt(checksum, 16))
    throw refused(file, "crc32", "the words do not match the file's CRC-32 (damaged or edited by hand)");
  const pairsAt = text.indexOf(`\n${PAIRS_START}`, headerEnd);
  if (pairsAt < 0) throw refused(file, "pairs", `no "--" line between the words and the word pairs`);
  const known = countsOf(text.slice(headerEnd + 1, pairsAt + 1), file, "words", "now");
  // Only a typo with two or more repairs reads the pairs; most turns have none.
  const pairs = countsOf(text.slice(pairsAt + 1 + PAIRS_START.length), file, "pairs", "on first lookup");
  return { dataHash, vocabulary: new SpellingVocabulary({ known, pairs }) };
}

function countsOf(lines: string, file: string, field: string, index: "now" | "on first lookup"): WordCounts {
  try {
    return WordCounts.fromVerifiedFile(lines, index);
  } catch (error) {
    throw refused(file, field, (error as Error).message);
  }
}

const FORMAT = "baton-spelling 4";
const HEADER = /^baton-spelling 4 ([0-9a-f]{64}) ([0-9a-f]{8})$/;
/** The line between the word lines and the pair lines. */
const PAIRS_START = "--\n";

function hex8(value: number): string {
  return value.toString(16).padStart(8, "0");
}

function refused(file: string, field: string, message: string): BatonInputError {
  return new BatonInputError(`spelling vocabulary ${file}: ${message}`, { field });
}
