import { execFile } from "node:child_process";
import { mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import type { TranscriptTurn } from "../../contracts/transcript.js";
import { defaultCampaign } from "../../functions/domain/campaigns.js";
import { importContactLens } from "../../functions/domain/contact-lens-import.js";
import { restartForTranscript, restartRates, restartReport } from "../../functions/domain/restart.js";
import { handoffRequestedDetail, screenPopFor } from "../support/handoff-events.js";

const CONTACT_LENS = "test/fixtures/contact-lens/restart-call.json";
const run = promisify(execFile);

function closer(...lines: string[]): TranscriptTurn[] {
  return lines.map((text, index) => ({ speaker: index % 2 === 0 ? "agent" : "customer", text }));
}

function restart(...lines: string[]) {
  return restartReport(screenPopFor("c-1"), closer(...lines), defaultCampaign);
}

describe("restart KPI", () => {
  it("is 0 when the closer continues from the screen pop", () => {
    // Prepare
    const lines = [
      "Thanks for holding, I'm picking up right where we left off. I've got your notes here: budget 50000/yr.",
      "Great.",
      "Based on that, let me walk you through how Nimbus Voice fits. What's the main thing you'd want it to fix?",
    ];
    // Act
    const report = restart(...lines);
    // Assess
    expect(report).toMatchObject({ restart: 0, findings: [], agentTurns: 2 });
  });

  it("counts a question for a slot the AI already confirmed", () => {
    // Prepare
    const lines = [
      "So what kind of budget are you working with?",
      "I told you, 50k.",
      "Who makes the final call on this?",
    ];
    // Act
    const report = restart(...lines);
    // Assess
    expect(report.restart).toBe(1);
    expect(report.findings.map((finding) => [finding.kind, finding.slot, finding.turn])).toEqual([
      ["reasked_slot", "budget", 0],
      ["reasked_slot", "authority", 2],
    ]);
  });

  it("does not count a question that checks the known answer", () => {
    // Prepare
    const lines = [
      "You mentioned about 50k a year for the budget, is that right?",
      "Yes.",
      "So 50,000 a year of budget still works for you?",
    ];
    // Act
    const report = restart(...lines);
    // Assess
    expect(report.restart).toBe(0);
  });

  it("does not take an ordinary sentence for a name: This is great.", () => {
    // Act
    const report = restart("This is great. Let me pull up the pricing for fifty seats.");
    // Assess
    expect(report.findings).toEqual([]);
  });

  it("does not count asking for a slot that is still missing, or a closing question", () => {
    // Prepare
    const lines = [
      "What's the main thing you'd want a new phone system to fix?",
      "Dropped calls.",
      "Are you ready to sign today?",
    ];
    // Act
    const report = restart(...lines);
    // Assess
    expect(report.findings).toEqual([]);
  });

  it.each([
    ["Hi, this is Dana from Nimbus, thanks for holding.", "reintroduced_company"],
    ["Thank you for calling Nimbus, how can I help?", "reintroduced_company"],
    ["Hello, my name is Dana and I'll be helping you today.", "reintroduced_self"],
    ["Hi there, I'm Dana.", "reintroduced_self"],
    ["I'm Dana, your account specialist.", "reintroduced_self"],
    ["Hello, thanks for reaching Nimbus. This is Jane.", "reintroduced_company"],
    ["Thanks for contacting Nimbus!", "reintroduced_company"],
    ["Hello. This is Jane. How may I help you?", "reintroduced_self"],
  ])("counts a re-introduction: %s", (line, kind) => {
    // Prepare
    const lines = [line];
    // Act
    const report = restart(...lines);
    // Assess
    expect(report.findings.map((finding) => finding.kind)).toEqual([kind]);
  });

  it("reads a Contact Lens call: the AI part gives the screen pop, the closer's turns the KPI", () => {
    // Prepare
    const { transcript } = importContactLens(JSON.parse(CONTACT_LENS_TEXT), "restart-call.json");
    // Act
    const result = restartForTranscript(transcript, defaultCampaign);
    // Assess
    if (!result.applicable) throw new Error(result.reason);
    expect(result.screenPopFrom).toBe("ai_handoff");
    expect(result.humanFrom).toBe(7);
    expect(result.report.confirmedSlots).toEqual(expect.arrayContaining(["budget", "authority", "timeline"]));
    expect(result.report.findings.map((finding) => [finding.kind, finding.slot])).toEqual([
      ["reintroduced_company", undefined],
      ["reasked_slot", "budget"],
    ]);
  });

  it("has nothing to measure in a call without a closer turn", () => {
    // Prepare
    const transcript = {
      id: "ai-only",
      campaign: "default",
      turns: [
        { speaker: "ai" as const, text: "Hello" },
        { speaker: "customer" as const, text: "Hi" },
      ],
    };
    // Act
    const result = restartForTranscript(transcript, defaultCampaign);
    // Assess
    expect(result).toEqual({ applicable: false, reason: "no closer turn in the call" });
  });

  it("prints the KPI with npm run replay, from the AI part or from --screen-pop", async () => {
    // Prepare
    const dir = await mkdtemp(join(tmpdir(), "baton-restart-"));
    const popFile = join(dir, "handoff.json");
    const detail = handoffRequestedDetail("55555555-5555-5555-5555-555555555555");
    detail.screenPop.confirmed = detail.screenPop.confirmed.filter((fact) => fact.slot !== "budget");
    await writeFile(popFile, JSON.stringify(detail));
    // Act
    const fromAi = await run("npx", ["tsx", "functions/cli/replay.ts", CONTACT_LENS]);
    const fromFile = await run("npx", [
      "tsx",
      "functions/cli/replay.ts",
      "--screen-pop",
      popFile,
      CONTACT_LENS,
    ]);
    // Assess
    expect(fromAi.stdout).toMatch(
      /--- restart KPI \(human part from turn 7; screen pop from replaying the AI part/,
    );
    expect(fromAi.stdout).toMatch(/restart: 1 \(2 finding\(s\)/);
    expect(fromAi.stdout).toMatch(/\[9\] re-asked budget/);
    expect(fromFile.stdout).toMatch(/screen pop from Baton's Handoff.Requested \(--screen-pop\)/);
    expect(fromFile.stdout).not.toMatch(/re-asked budget/);
    expect(fromFile.stdout).toMatch(/restart: 1 \(1 finding\(s\)/);
  }, 60_000);
});

const CONTACT_LENS_TEXT = await readFile(CONTACT_LENS, "utf8");

describe("restart rates per campaign and trigger", () => {
  it("divides restarts by the calls measured and counts the others apart", () => {
    // Prepare
    const measured = (restart: 0 | 1) => ({
      applicable: true as const,
      report: { restart, findings: [], agentTurns: 1, confirmedSlots: [] },
      screenPopFrom: "given" as const,
      humanFrom: 0,
    });
    const notApplicable = { applicable: false as const, reason: "no closer turn in the call" };
    // Act
    const rates = restartRates([
      { campaign: "default", trigger: "qualified", result: measured(1) },
      { campaign: "default", trigger: "qualified", result: measured(0) },
      { campaign: "default", trigger: "qualified", result: notApplicable },
      { campaign: "default", trigger: "complex", result: notApplicable },
    ]);
    // Assess
    expect(rates).toEqual([
      {
        campaign: "default",
        trigger: "complex",
        calls: 1,
        measured: 0,
        restarts: 0,
        rate: null,
        notApplicable: 1,
      },
      {
        campaign: "default",
        trigger: "qualified",
        calls: 3,
        measured: 2,
        restarts: 1,
        rate: 0.5,
        notApplicable: 1,
      },
    ]);
  });
});
