import { readFile } from "node:fs/promises";
import { basename } from "node:path";
import type { Transcript } from "../../contracts/transcript.js";
import type { ContactLensFacts } from "../domain/contact-lens-import.js";
import { type ParsedLine, parseTranscriptFile } from "../domain/transcript-file.js";

export interface ReadFile {
  calls: Array<{ transcript: Transcript; contactLens?: ContactLensFacts | undefined }>;
  /** Lines (or the whole document) that could not be read, already reported on stderr. */
  errors: number;
}

/** Reads a transcript file; each error is reported on stderr, naming the file and line. */
export async function readTranscriptFile(path: string): Promise<ReadFile> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path);
  } catch (error) {
    console.error(`cannot read ${path}: ${error instanceof Error ? error.message : String(error)}`);
    return { calls: [], errors: 1 };
  }
  const parsed: ParsedLine[] = parseTranscriptFile(bytes, basename(path));
  const result: ReadFile = { calls: [], errors: 0 };
  for (const entry of parsed) {
    if ("error" in entry) {
      console.error(`skipped ${path}:${entry.line}: ${entry.error.message}`);
      result.errors += 1;
    } else {
      result.calls.push({ transcript: entry.transcript, contactLens: entry.contactLens });
    }
  }
  return result;
}

/** Reads a transcript file; bad lines are reported on stderr and skipped. */
export async function loadTranscripts(path: string): Promise<Transcript[]> {
  return (await readTranscriptFile(path)).calls.map((call) => call.transcript);
}

export function usage(message: string): never {
  console.error(message);
  process.exit(2);
}
