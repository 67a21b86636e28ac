import { execFile } from "node:child_process";
import { copyFile, mkdir, mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import type { Transcript } from "../../contracts/transcript.js";
import { defaultCampaign } from "../../functions/domain/campaigns.js";
import type { ContactLensFacts } from "../../functions/domain/contact-lens-import.js";
import { restartForTranscript } from "../../functions/domain/restart.js";
import { type ParsedLine, parseTranscriptFile } from "../../functions/domain/transcript-file.js";
import { handoffRequestedDetail, screenPopFor } from "../support/handoff-events.js";

/** Contact Lens output files from the Amazon Connect admin guide (test/fixtures/aws-published/README.md). */
const FOLDER = new URL("../fixtures/aws-published/contact-lens/", import.meta.url);

async function parse(name: string): Promise<ParsedLine[]> {
  return parseTranscriptFile(await readFile(new URL(name, FOLDER)), name);
}

async function call(name: string): Promise<{ transcript: Transcript; facts: ContactLensFacts }> {
  const [result, ...more] = await parse(name);
  if (!result || "error" in result || !result.contactLens || more.length > 0) {
    throw new Error(`${name}: ${JSON.stringify(result)}`);
  }
  return { transcript: result.transcript, facts: result.contactLens };
}

function speakers(transcript: Transcript): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const turn of transcript.turns) counts[turn.speaker] = (counts[turn.speaker] ?? 0) + 1;
  return counts;
}

function turnWith(transcript: Transcript, start: string) {
  return transcript.turns.find((turn) => turn.text.startsWith(start));
}

describe("Contact Lens chat files from the admin guide", () => {
  it("imports the original chat: messages as turns, events skipped, sentiment from the item groups", async () => {
    // Act
    const { transcript, facts } = await call("chat-original.json");
    // Assess
    expect(transcript.id).toBe("b49644f6-672f-445c-b209-f76b36482830");
    expect(speakers(transcript)).toEqual({ ai: 3, agent: 15, customer: 13 });
    expect(facts).toMatchObject({
      channel: "CHAT",
      version: "CHAT-2022-11-30",
      redacted: false,
      categories: ["agent-intro"],
      messagesByRole: { SYSTEM: 3, AGENT: 15, CUSTOMER: 13 },
    });
    expect(facts.skipped).toEqual([
      { item: 0, reason: "event participant.joined" },
      { item: 4, reason: "event participant.joined" },
      { item: 33, reason: "event participant.left" },
      { item: 34, reason: "event chat.ended" },
    ]);
    expect(transcript.turns[0]).toMatchObject({ speaker: "ai", atMs: 2_655 });
    expect(turnWith(transcript, "I should be taking my business elsewhere")?.sentiment).toEqual({
      label: "NEGATIVE",
    });
    expect(turnWith(transcript, "Hello, thanks for reaching Example Corp.")).toMatchObject({
      speaker: "agent",
      sentiment: { label: "NEUTRAL" },
    });
  });

  it("imports the redacted chat with its [PII] markers kept in the text", async () => {
    // Act
    const { transcript, facts } = await call("chat-redacted.json");
    // Assess
    expect(facts.redacted).toBe(true);
    expect(turnWith(transcript, "Yeah. My first name is")?.text).toBe(
      "Yeah. My first name is [PII] and last name [PII].",
    );
    expect(facts.skipped.map((item) => item.reason)).toEqual([
      "event participant.joined",
      "event participant.joined",
      "event participant.left",
      "event chat.ended",
    ]);
  });
});

describe("Contact Lens voice files from the admin guide", () => {
  it.each([
    ["voice-original.json", "VOICE-2022-11-30", false, "Just hello. My name is Peter and help."],
    ["voice-redacted.json", "VOICE-2022-11-30", true, "Just hello. My name is [PII] and help."],
    ["voice-redacted-1.1.0.json", "1.1.0", true, "Just hello. My name is [PII] and help."],
  ])(
    "imports %s: AGENT and CUSTOMER turns with offsets and sentiment",
    async (name, version, redacted, text) => {
      // Act
      const { transcript, facts } = await call(name);
      // Assess
      expect(speakers(transcript)).toEqual({ agent: 5, customer: 5 });
      expect(facts).toMatchObject({ channel: "VOICE", version, redacted, skipped: [], redactedItems: 2 });
      expect(transcript.turns[0]).toEqual({
        speaker: "agent",
        text: "Okay.",
        atMs: 0,
        sentiment: { label: "NEUTRAL" },
      });
      expect(transcript.turns[1]).toMatchObject({ speaker: "customer", text, atMs: 160 });
      expect(turnWith(transcript, "I need to cancel.")).toMatchObject({
        atMs: 7_370,
        sentiment: { label: "NEGATIVE" },
      });
    },
  );

  it.each([
    ["voice-original.as-published.json", 297],
    ["voice-redacted.as-published.json", 10],
  ])("reports %s (the page's text, not valid JSON) as one error at line %i", async (name, line) => {
    // Act
    const results = await parse(name);
    // Assess
    expect(results).toHaveLength(1);
    const [only] = results;
    expect(only && "error" in only ? only.error.message : "").toMatch(
      new RegExp(`^${name.replace(/\./g, "\\.")}: not a valid JSON document at line ${line},`),
    );
  });
});

describe("the restart KPI on real Contact Lens files", () => {
  it.each(["chat-original.json", "chat-redacted.json", "voice-original.json", "voice-redacted-1.1.0.json"])(
    "is not applicable to %s without Baton's screen pop: no AI part before the agent",
    async (name) => {
      // Prepare
      const { transcript } = await call(name);
      // Act
      const result = restartForTranscript(transcript, defaultCampaign);
      // Assess
      expect(result).toEqual({
        applicable: false,
        reason: "no AI conversation before the first closer turn and no screen pop for this contact",
      });
    },
  );

  it("with Baton's screen pop for the chat, names the agent's re-introduction and its turn", async () => {
    // Prepare
    const { transcript } = await call("chat-original.json");
    // Act
    const result = restartForTranscript(transcript, defaultCampaign, screenPopFor(transcript.id));
    // Assess
    if (!result.applicable) throw new Error(result.reason);
    expect(result.humanFrom).toBe(3);
    expect(result.report.findings[0]).toEqual({
      turn: 0,
      kind: "reintroduced_self",
      text: "Hello, thanks for reaching Example Corp. This is Jane. How may I help you?",
    });
  });

  it("replays the AI part of a call with a bot (constructed sample) and names the re-asked budget", async () => {
    // Prepare
    const { transcript, facts } = await call("constructed-voice-bot-then-closer.json");
    // Act
    const result = restartForTranscript(transcript, defaultCampaign);
    // Assess
    expect(facts).toMatchObject({
      categories: ["Pricing", "Handoff"],
      postContactSummary: expect.stringMatching(/^The customer wants to replace an old PBX/),
      messagesByRole: { CUSTOM_BOT: 3, CUSTOMER: 5, AGENT: 2, SUPERVISOR: 1 },
      skipped: [{ item: 10, reason: 'unknown participant role "TRANSLATOR"' }],
    });
    if (!result.applicable) throw new Error(result.reason);
    expect(result.screenPopFrom).toBe("ai_handoff");
    expect(
      result.report.findings.map(({ turn, kind, slot }) => ({ turn: result.humanFrom + turn, kind, slot })),
    ).toEqual([
      { turn: 6, kind: "reintroduced_company", slot: undefined },
      { turn: 7, kind: "reasked_slot", slot: "budget" },
    ]);
  });
});

describe("npm run restart-report over a folder of Contact Lens files", () => {
  const run = promisify(execFile);

  async function report(args: string[]) {
    return run("npx", ["tsx", "functions/cli/restart-report.ts", ...args]).then(
      (done) => ({ ...done, code: 0 }),
      (failed: { stdout: string; stderr: string; code: number }) => failed,
    );
  }

  it("reports the rate per campaign and trigger, and exits 1 naming a file it cannot read", async () => {
    // Prepare
    const dir = await mkdtemp(join(tmpdir(), "baton-restart-report-"));
    await mkdir(join(dir, "Analysis", "Voice"), { recursive: true });
    for (const name of [
      "chat-original.json",
      "voice-original.json",
      "constructed-voice-bot-then-closer.json",
    ]) {
      await copyFile(new URL(name, FOLDER), join(dir, "Analysis", "Voice", name));
    }
    const handoffs = join(dir, "handoffs.jsonl");
    const chatHandoff = handoffRequestedDetail("b49644f6-672f-445c-b209-f76b36482830", {
      trigger: "complex",
    });
    await writeFile(handoffs, `${JSON.stringify({ detail: chatHandoff })}\n`);
    // Act
    const clean = await report([dir, "--handoffs", handoffs, "--json"]);
    await copyFile(new URL("voice-original.as-published.json", FOLDER), join(dir, "broken.json"));
    const withBroken = await report([dir, "--handoffs", handoffs]);
    // Assess
    expect(clean.code).toBe(0);
    const { rates } = JSON.parse(clean.stdout) as { rates: unknown[] };
    expect(rates).toEqual([
      {
        campaign: "(no Baton handoff)",
        trigger: "-",
        calls: 2,
        measured: 1,
        restarts: 1,
        rate: 1,
        notApplicable: 1,
      },
      {
        campaign: "default",
        trigger: "complex",
        calls: 1,
        measured: 1,
        restarts: 1,
        rate: 1,
        notApplicable: 0,
      },
    ]);
    expect(withBroken.code).toBe(1);
    expect(withBroken.stderr).toMatch(/broken\.json: not a valid JSON document at line 297/);
    expect(withBroken.stdout).toMatch(/turn 7: re-asked budget: So what budget are you working with\?/);
  }, 60_000);
});
