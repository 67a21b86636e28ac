import { Transcript } from "../../contracts/transcript.js";
import { type ContactLensFacts, importContactLens } from "./contact-lens-import.js";
import { BatonInputError } from "./errors.js";
import { describeIssue } from "./zod-issue.js";

export type ParsedLine =
  | { line: number; transcript: Transcript; contactLens?: ContactLensFacts | undefined }
  | { line: number; error: BatonInputError };

const strictUtf8 = new TextDecoder("utf-8", { fatal: true });

/**
 * A transcript file's bytes: JSON Lines of transcripts, or one JSON document (a Contact Lens output file, or one
 * transcript). Each bad line of JSON Lines becomes an error naming the line and the good lines are kept; a
 * document that cannot be read is one error for the whole file, never one per line of its pretty-printing.
 */
export function parseTranscriptFile(bytes: Uint8Array, name: string): ParsedLine[] {
  const body = withoutBom(bytes);
  const whole = decodeWhole(body);
  if (whole !== null && looksLikeDocument(whole)) {
    const document = safeJson(whole);
    if (!document.ok) {
      const at = positionOf(whole, document.message);
      return [
        {
          line: at?.line ?? 1,
          error: new BatonInputError(
            `${name}: not a valid JSON document${at ? ` at line ${at.line}, column ${at.column}` : ""} (${document.message})`,
            at ? { line: at.line } : {},
          ),
        },
      ];
    }
    if (isObject(document.value) && "Transcript" in document.value) {
      return [importContactLensDocument(document.value, name, 1)];
    }
    const transcript = Transcript.safeParse(document.value);
    if (transcript.success) return [{ line: 1, transcript: transcript.data }];
    const { field, message } = describeIssue(transcript.error);
    return [
      {
        line: 1,
        error: new BatonInputError(
          `${name}: neither a Contact Lens output file (no "Transcript") nor a Baton transcript (${message})`,
          { field },
        ),
      },
    ];
  }
  return splitLines(body)
    .filter((line) => line.bytes.length > 0)
    .map(({ line, bytes: lineBytes }) => parseLine(lineBytes, line));
}

/**
 * One JSON value spread over several lines, not JSON Lines (one value per line): the first line alone is not
 * JSON, and it is a bare opening bracket or most lines are not objects of their own. JSON Lines whose first
 * line is broken stays JSON Lines, so its good lines are kept.
 */
function looksLikeDocument(text: string): boolean {
  const trimmed = text.trim();
  if (!trimmed.startsWith("{") && !trimmed.startsWith("[")) return false;
  const lines = trimmed.split(/\r?\n/).filter((line) => line.trim() !== "");
  if (lines.length > 1) {
    const first = (lines[0] ?? "").trim();
    if (safeJson(first).ok) return false;
    if (first === "{" || first === "[") return true;
    const objects = lines.filter((line) => {
      const value = safeJson(line);
      return value.ok && isObject(value.value);
    }).length;
    return objects < lines.length / 2;
  }
  // A single line: a compact Contact Lens file (as Connect writes it to S3) is a document, a transcript a line.
  const only = safeJson(trimmed);
  return only.ok && isObject(only.value) && "Transcript" in only.value;
}

/** "... at position 9228" -> line and column of that character. */
function positionOf(text: string, message: string): { line: number; column: number } | undefined {
  const match = /position (\d+)/.exec(message);
  if (!match) return undefined;
  const before = text.slice(0, Number(match[1]));
  const lines = before.split("\n");
  return { line: lines.length, column: (lines.at(-1)?.length ?? 0) + 1 };
}

function withoutBom(bytes: Uint8Array): Uint8Array {
  return bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
}

function parseLine(bytes: Uint8Array, line: number): ParsedLine {
  const text = decodeLine(bytes, line);
  if (text instanceof BatonInputError) return { line, error: text };
  const json = safeJson(text);
  if (!json.ok)
    return { line, error: new BatonInputError(`line ${line}: not valid JSON (${json.message})`, { line }) };
  const parsed = Transcript.safeParse(json.value);
  if (!parsed.success) {
    const { field, message } = describeIssue(parsed.error);
    return { line, error: new BatonInputError(`line ${line}: ${message}`, { line, field }) };
  }
  return { line, transcript: parsed.data };
}

function importContactLensDocument(document: object, name: string, line: number): ParsedLine {
  try {
    const call = importContactLens(document, name);
    return { line, transcript: call.transcript, contactLens: call.facts };
  } catch (error) {
    if (error instanceof BatonInputError) return { line, error };
    throw error;
  }
}

function splitLines(bytes: Uint8Array): Array<{ line: number; bytes: Uint8Array }> {
  const lines: Array<{ line: number; bytes: Uint8Array }> = [];
  let start = 0;
  for (let i = 0; i <= bytes.length; i++) {
    if (i === bytes.length || bytes[i] === 0x0a) {
      let end = i;
      if (end > start && bytes[end - 1] === 0x0d) end -= 1;
      const slice = bytes.subarray(start, end);
      if (i < bytes.length || slice.length > 0)
        lines.push({ line: lines.length + 1, bytes: isBlank(slice) ? new Uint8Array() : slice });
      start = i + 1;
    }
  }
  return lines;
}

function isBlank(bytes: Uint8Array): boolean {
  return bytes.every((b) => b === 0x20 || b === 0x09);
}

function decodeLine(bytes: Uint8Array, line: number): string | BatonInputError {
  try {
    return strictUtf8.decode(bytes);
  } catch {
    return new BatonInputError(`line ${line}: not valid UTF-8`, { line });
  }
}

function decodeWhole(bytes: Uint8Array): string | null {
  try {
    return strictUtf8.decode(bytes);
  } catch {
    return null;
  }
}

function safeJson(text: string): { ok: true; value: unknown } | { ok: false; message: string } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
