import { readFile } from "node:fs/promises";
import { basename } from "node:path";
import type { Transcript } from "../../contracts/transcript.js";
import { type ParsedLine, parseTranscriptFile } from "../domain/transcript-file.js";

/** Reads a transcript file; bad lines are reported on stderr and skipped. */
export async function loadTranscripts(path: string): Promise<Transcript[]> {
  const parsed: ParsedLine[] = parseTranscriptFile(await readFile(path), basename(path));
  const transcripts: Transcript[] = [];
  for (const entry of parsed) {
    if ("error" in entry) console.error(`skipped ${path}:${entry.line}: ${entry.error.message}`);
    else transcripts.push(entry.transcript);
  }
  return transcripts;
}

export function usage(message: string): never {
  console.error(message);
  process.exit(2);
}
