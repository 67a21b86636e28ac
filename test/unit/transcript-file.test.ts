import { describe, expect, it } from "vitest";
import { Transcript } from "../../contracts/transcript.js";
import { BatonInputError } from "../../functions/domain/errors.js";
import { type ParsedLine, parseTranscriptFile } from "../../functions/domain/transcript-file.js";

const encoder = new TextEncoder();
const bytesOf = (text: string): Uint8Array => encoder.encode(text);

function conversation(id: string, customerText = "Can I talk to a real person?"): string {
  return JSON.stringify({
    id,
    campaign: "default",
    turns: [
      { speaker: "ai", text: "Hi, do you have a minute?", atMs: 0 },
      { speaker: "customer", text: customerText, atMs: 2100 },
    ],
    labels: { handoffTurn: 1, trigger: "customer_request", slots: {} },
  });
}

function transcripts(results: readonly ParsedLine[]): Array<{ line: number; transcript: Transcript }> {
  return results.flatMap((result) => ("transcript" in result ? [result] : []));
}

function errors(results: readonly ParsedLine[]): Array<{ line: number; error: BatonInputError }> {
  return results.flatMap((result) => ("error" in result ? [result] : []));
}

/** A Contact Lens post-call analysis output document (the documented shape, trimmed). */
function contactLensDocument(roles: { agent: string; customer: string }) {
  return {
    Version: "1.1.0",
    AccountId: "123456789012",
    Channel: "VOICE",
    ContentMetadata: { Output: "Raw" },
    JobStatus: "COMPLETED",
    LanguageCode: "en-US",
    Participants: [
      { ParticipantId: "a1b2-agent", ParticipantRole: roles.agent },
      { ParticipantId: "c3d4-customer", ParticipantRole: roles.customer },
    ],
    Transcript: [
      {
        Id: "t-1",
        ParticipantId: "a1b2-agent",
        Content: "Thanks for calling Nimbus, how can I help?",
        BeginOffsetMillis: 480,
        EndOffsetMillis: 2950,
        Sentiment: "NEUTRAL",
      },
      {
        Id: "t-2",
        ParticipantId: "c3d4-customer",
        Content: "We want to replace our old PBX, how much does it cost?",
        BeginOffsetMillis: 3400,
        EndOffsetMillis: 6900,
        Sentiment: "POSITIVE",
      },
      {
        Id: "t-3",
        ParticipantId: "c3d4-customer",
        Content: "Honestly this is taking forever.",
        BeginOffsetMillis: 7200,
        EndOffsetMillis: 9100,
        Sentiment: "NEGATIVE",
      },
    ],
  };
}

describe("parseTranscriptFile: JSON Lines", () => {
  it("reads every good line, with its line number", () => {
    // Prepare
    const file = bytesOf(`${conversation("c-1")}\n${conversation("c-2", "How much is it?")}\n`);
    // Act
    const results = parseTranscriptFile(file, "calls.jsonl");
    // Assess
    expect(errors(results)).toEqual([]);
    expect(transcripts(results).map(({ line, transcript }) => [line, transcript.id])).toEqual([
      [1, "c-1"],
      [2, "c-2"],
    ]);
    expect(transcripts(results)[1]?.transcript.turns[1]).toEqual({
      speaker: "customer",
      text: "How much is it?",
      atMs: 2100,
    });
    expect(transcripts(results)[0]?.transcript.labels).toEqual({
      handoffTurn: 1,
      trigger: "customer_request",
      slots: {},
    });
  });

  it("reports a malformed line by its number and keeps the others", () => {
    // Prepare
    const file = bytesOf([conversation("c-1"), '{"id": "c-2", "turns": [', conversation("c-3")].join("\n"));
    // Act
    const results = parseTranscriptFile(file, "calls.jsonl");
    // Assess
    expect(transcripts(results).map(({ line, transcript }) => [line, transcript.id])).toEqual([
      [1, "c-1"],
      [3, "c-3"],
    ]);
    const [bad, ...more] = errors(results);
    expect(more).toEqual([]);
    expect(bad?.line).toBe(2);
    expect(bad?.error).toBeInstanceOf(BatonInputError);
    expect(bad?.error.where.line).toBe(2);
    expect(bad?.error.message).toContain("line 2");
  });

  it("names the field of an unknown speaker", () => {
    // Prepare
    const unknownSpeaker = JSON.stringify({ id: "c-2", turns: [{ speaker: "robot", text: "beep" }] });
    const file = bytesOf([conversation("c-1"), unknownSpeaker].join("\n"));
    // Act
    const results = parseTranscriptFile(file, "calls.jsonl");
    // Assess
    expect(transcripts(results).map(({ transcript }) => transcript.id)).toEqual(["c-1"]);
    const [bad] = errors(results);
    expect(bad?.error).toBeInstanceOf(BatonInputError);
    expect(bad?.error.where).toEqual({ line: 2, field: "turns.0.speaker" });
    expect(bad?.error.message).toContain("line 2");
    expect(bad?.error.message).toContain("turns.0.speaker");
  });

  it("reports non-UTF-8 bytes on one line and keeps the others", () => {
    // Prepare
    const before = bytesOf(`${conversation("c-1")}\n{"id":"c-2","turns":[{"speaker":"customer","text":"caf`);
    const after = bytesOf(`"}]}\n${conversation("c-3")}\n`);
    const file = new Uint8Array([...before, 0xe9, 0xff, ...after]);
    // Act
    const results = parseTranscriptFile(file, "calls.jsonl");
    // Assess
    expect(transcripts(results).map(({ line, transcript }) => [line, transcript.id])).toEqual([
      [1, "c-1"],
      [3, "c-3"],
    ]);
    const [bad, ...more] = errors(results);
    expect(more).toEqual([]);
    expect(bad?.error).toBeInstanceOf(BatonInputError);
    expect(bad?.error.where.line).toBe(2);
    expect(bad?.error.message).toContain("line 2");
    expect(bad?.error.message).toMatch(/utf-?8/i);
  });

  it("accepts a 100 KB text", () => {
    // Prepare
    const text = "a".repeat(100_000);
    const file = bytesOf(conversation("c-big", text));
    // Act
    const results = parseTranscriptFile(file, "calls.jsonl");
    // Assess
    expect(errors(results)).toEqual([]);
    expect(transcripts(results)[0]?.transcript.turns[1]?.text).toHaveLength(100_000);
  });

  it("rejects a text over 100 KB, naming the line and the field, and keeps the others", () => {
    // Prepare
    const text = "a".repeat(100 * 1024 + 1);
    const file = bytesOf([conversation("c-1"), conversation("c-huge", text)].join("\n"));
    // Act
    const results = parseTranscriptFile(file, "calls.jsonl");
    // Assess
    expect(transcripts(results).map(({ transcript }) => transcript.id)).toEqual(["c-1"]);
    const [bad] = errors(results);
    expect(bad?.error).toBeInstanceOf(BatonInputError);
    expect(bad?.error.where).toEqual({ line: 2, field: "turns.1.text" });
  });

  it("ignores blank lines and keeps the file's line numbers", () => {
    // Prepare
    const file = bytesOf(["", conversation("c-1"), "   ", "\t", conversation("c-2"), "", ""].join("\n"));
    // Act
    const results = parseTranscriptFile(file, "calls.jsonl");
    // Assess
    expect(errors(results)).toEqual([]);
    expect(transcripts(results).map(({ line, transcript }) => [line, transcript.id])).toEqual([
      [2, "c-1"],
      [5, "c-2"],
    ]);
  });

  it("reads Windows line endings", () => {
    // Prepare
    const file = bytesOf([conversation("c-1"), conversation("c-2")].join("\r\n"));
    // Act
    const results = parseTranscriptFile(file, "calls.jsonl");
    // Assess
    expect(errors(results)).toEqual([]);
    expect(transcripts(results).map(({ transcript }) => transcript.id)).toEqual(["c-1", "c-2"]);
  });

  it("rejects a gold handoff turn that is not a customer turn, naming the field", () => {
    // Prepare
    const line = JSON.stringify({
      id: "c-1",
      turns: [
        { speaker: "ai", text: "Hi" },
        { speaker: "customer", text: "Hello" },
      ],
      labels: { handoffTurn: 0, trigger: "qualified" },
    });
    // Act
    const results = parseTranscriptFile(bytesOf(line), "calls.jsonl");
    // Assess
    const [bad] = errors(results);
    expect(bad?.error).toBeInstanceOf(BatonInputError);
    expect(bad?.error.where).toEqual({ line: 1, field: "labels.handoffTurn" });
  });
});

describe("parseTranscriptFile: Contact Lens post-call output", () => {
  it("imports the document with speakers mapped and times from BeginOffsetMillis", () => {
    // Prepare
    const document = contactLensDocument({ agent: "AGENT", customer: "CUSTOMER" });
    const file = bytesOf(JSON.stringify(document, null, 2));
    // Act
    const results = parseTranscriptFile(file, "contact-lens.json");
    // Assess
    expect(errors(results)).toEqual([]);
    expect(results).toHaveLength(1);
    const transcript = transcripts(results)[0]?.transcript;
    expect(transcript?.turns).toEqual([
      {
        speaker: "agent",
        text: "Thanks for calling Nimbus, how can I help?",
        atMs: 480,
        sentiment: { label: "NEUTRAL" },
      },
      {
        speaker: "customer",
        text: "We want to replace our old PBX, how much does it cost?",
        atMs: 3400,
        sentiment: { label: "POSITIVE" },
      },
      {
        speaker: "customer",
        text: "Honestly this is taking forever.",
        atMs: 7200,
        sentiment: { label: "NEGATIVE" },
      },
    ]);
    expect(Transcript.safeParse(transcript).success).toBe(true);
  });

  it("skips the items of an unknown participant role, names them, and keeps the call", () => {
    // Prepare
    const document = contactLensDocument({ agent: "AGENT", customer: "PUPPETEER" });
    const file = bytesOf(JSON.stringify(document));
    // Act
    const results = parseTranscriptFile(file, "contact-lens.json");
    // Assess
    expect(errors(results)).toEqual([]);
    const [read] = transcripts(results);
    expect(read?.transcript.turns.map((turn) => turn.speaker)).toEqual(["agent"]);
    expect(results[0]).toMatchObject({
      contactLens: {
        skipped: [
          { item: 1, reason: 'unknown participant role "PUPPETEER"' },
          { item: 2, reason: 'unknown participant role "PUPPETEER"' },
        ],
      },
    });
  });

  it("reads a file Connect wrote compact, on one line", () => {
    // Prepare
    const file = bytesOf(JSON.stringify(contactLensDocument({ agent: "AGENT", customer: "CUSTOMER" })));
    // Act
    const results = parseTranscriptFile(file, "contact-lens.json");
    // Assess
    expect(transcripts(results)[0]?.transcript.turns).toHaveLength(3);
  });

  it("keeps JSON Lines whose first line is broken as JSON Lines: the good lines are read", () => {
    // Prepare
    const file = bytesOf(['{"id": "c-0", "turns": [', conversation("c-1"), conversation("c-2")].join("\n"));
    // Act
    const results = parseTranscriptFile(file, "calls.jsonl");
    // Assess
    expect(errors(results).map((bad) => bad.line)).toEqual([1]);
    expect(transcripts(results).map((good) => good.transcript.id)).toEqual(["c-1", "c-2"]);
  });

  it("reports a document that is not valid JSON as one error with its line, not one per line", () => {
    // Prepare
    const text = JSON.stringify(contactLensDocument({ agent: "AGENT", customer: "CUSTOMER" }), null, 2);
    const file = bytesOf(`${text}\n}\n`);
    // Act
    const results = parseTranscriptFile(file, "broken.json");
    // Assess
    expect(transcripts(results)).toEqual([]);
    const [bad, ...more] = errors(results);
    expect(more).toEqual([]);
    expect(bad?.error.message).toMatch(/^broken\.json: not a valid JSON document at line \d+, column 1/);
  });
});
