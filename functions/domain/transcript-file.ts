import type { z } from "zod";
import { ContactLensOutput } from "../../contracts/contact-lens.js";
import { type Speaker, Transcript } from "../../contracts/transcript.js";
import { BatonInputError } from "./errors.js";

export type ParsedLine = { line: number; transcript: Transcript } | { line: number; error: BatonInputError };

const strictUtf8 = new TextDecoder("utf-8", { fatal: true });

/** The first issue of a zod error as "field: message". */
export function describeIssue(error: z.ZodError): { field: string; message: string } {
  const issue = error.issues[0];
  const field = issue ? issue.path.join(".") || "(root)" : "(root)";
  return { field, message: `${field}: ${issue?.message ?? "invalid"}` };
}

/**
 * A transcript file's bytes: JSON Lines of transcripts, or one Contact Lens output document.
 * Each bad line becomes an error naming the line; the good lines are all kept.
 */
export function parseTranscriptFile(bytes: Uint8Array, name: string): ParsedLine[] {
  const whole = decodeWhole(bytes);
  const document = whole === null ? null : safeJson(whole);
  if (document?.ok && isObject(document.value) && "Transcript" in document.value) {
    return [importContactLensDocument(document.value, name, 1)];
  }
  return splitLines(bytes)
    .filter((line) => line.bytes.length > 0)
    .map(({ line, bytes: lineBytes }) => parseLine(lineBytes, line));
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

const ROLE_TO_SPEAKER: Record<string, Speaker> = {
  CUSTOMER: "customer",
  AGENT: "agent",
  SYSTEM: "ai",
  BOT: "ai",
};

/** Contact Lens post-call output -> Baton transcript (no labels: it is replayed, not scored). */
export function importContactLens(document: unknown, id: string): Transcript {
  const parsed = ContactLensOutput.safeParse(document);
  if (!parsed.success) {
    const { field, message } = describeIssue(parsed.error);
    throw new BatonInputError(`Contact Lens document: ${message}`, { field });
  }
  const roles = new Map(
    (parsed.data.Participants ?? []).map((p) => [p.ParticipantId, p.ParticipantRole ?? ""]),
  );
  const turns = parsed.data.Transcript.map((item, index) => {
    const role = (item.ParticipantRole ?? roles.get(item.ParticipantId) ?? item.ParticipantId).toUpperCase();
    const speaker = ROLE_TO_SPEAKER[role];
    if (!speaker) {
      throw new BatonInputError(`Contact Lens Transcript[${index}]: unknown participant "${role}"`, {
        field: `Transcript.${index}.ParticipantId`,
      });
    }
    return {
      speaker,
      text: item.Content,
      ...(item.BeginOffsetMillis !== undefined ? { atMs: item.BeginOffsetMillis } : {}),
      ...(item.Sentiment ? { sentiment: { label: item.Sentiment } } : {}),
    };
  });
  const checked = Transcript.safeParse({
    id: parsed.data.CustomerMetadata?.ContactId ?? id,
    campaign: "default",
    turns,
  });
  if (!checked.success)
    throw new BatonInputError(`Contact Lens document: ${describeIssue(checked.error).message}`, {});
  return checked.data;
}

function importContactLensDocument(document: object, name: string, line: number): ParsedLine {
  try {
    return { line, transcript: importContactLens(document, name) };
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
