import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { Transcript } from "../../contracts/transcript.js";
import type { TurnLine } from "../../train/fresh-annotations.js";
import { loadProspectReadings, prospectTeaching, withProspects } from "../../train/fresh-prospects.js";
import { freshLineOf } from "../support/fresh-line.js";

const jobSeeker: Transcript = {
  id: "z1-004",
  campaign: "default",
  turns: [
    { speaker: "ai", text: "Thanks for calling Nimbus Voice. How can I help?" },
    { speaker: "customer", text: "hi, quick question" },
    { speaker: "ai", text: "Sure, go ahead." },
    { speaker: "customer", text: "i saw ur hiring for support reps, how do i apply" },
    { speaker: "ai", text: "Our open roles are on the careers page." },
    { speaker: "customer", text: "ok thanks bye" },
  ],
  labels: { handoffTurn: null, trigger: null },
};

const qualifiedLead: Transcript = {
  id: "z1-005",
  campaign: "default",
  turns: [
    { speaker: "ai", text: "Hi, this is the Nimbus assistant. Got a minute?" },
    { speaker: "customer", text: "sure, we miss calls all day" },
    { speaker: "ai", text: "When would you want it running?" },
    { speaker: "customer", text: "next month, and it's my call" },
    { speaker: "ai", text: "Great, let me connect you." },
    { speaker: "customer", text: "thanks" },
  ],
  labels: { handoffTurn: 3, trigger: "qualified" },
};

/** Both readings say the job seeker shows it on turn 3. */
const jobSeekerFromTurn3 = new Map([["dev-z:z1-004", [3, 3]]]);

/** `lines` of dev-z, holding the qualified lead and the job seeker, through the no-prospect pass. */
const withJobSeekerFromTurn3 = (lines: readonly TurnLine[]) =>
  withProspects(lines, [qualifiedLead, jobSeeker], "dev-z", jobSeekerFromTurn3);

/** A readings file of `text` in a folder of its own. */
async function readingsFile(text: string): Promise<string> {
  const file = join(await mkdtemp(join(tmpdir(), "prospects-")), "p.jsonl");
  await writeFile(file, text);
  return file;
}

describe("no prospect, as annotators read a fresh call", () => {
  it("teaches no on every turn up to the handoff of a call handed off as qualified, with no reading", () => {
    // Prepare
    const call = qualifiedLead;
    // Act
    const taught = prospectTeaching(call, undefined);
    // Assess
    expect([...taught]).toEqual([
      [1, false],
      [3, false],
    ]);
  });

  it("teaches no on every turn of a call every reading calls a prospect's", () => {
    // Prepare
    const readings = [null, null];
    // Act
    const taught = prospectTeaching(jobSeeker, readings);
    // Assess
    expect([...taught]).toEqual([
      [1, false],
      [3, false],
      [5, false],
    ]);
  });

  it("teaches yes on the turn that shows it, no before, and nothing after", () => {
    // Prepare
    const readings = [3, 3];
    // Act
    const taught = prospectTeaching(jobSeeker, readings);
    // Assess
    expect([...taught]).toEqual([
      [1, false],
      [3, true],
    ]);
  });

  it("teaches yes on the later of two turns readings name, no before the earlier, nothing on it", () => {
    // Prepare
    const readings = [1, 3];
    // Act
    const taught = prospectTeaching(jobSeeker, readings);
    // Assess
    expect([...taught]).toEqual([[3, true]]);
  });

  it("teaches nothing where readings differ on who is calling, or where there is none", () => {
    // Prepare
    const differing = [null, 3];
    // Act
    const fromDiffering = prospectTeaching(jobSeeker, differing);
    const fromNone = prospectTeaching(jobSeeker, undefined);
    // Assess
    expect(fromDiffering.size).toBe(0);
    expect(fromNone.size).toBe(0);
  });

  it("adds the left-out turn that shows it, in turn order, as no request and no prospect", () => {
    // Prepare: the reader of the day heard turn 3 as no prospect, so only turn 1 has a line.
    const lines = [freshLineOf("z1-005", 1), freshLineOf("z1-004", 1)];
    // Act
    const merged = withJobSeekerFromTurn3(lines);
    // Assess
    expect(merged.map((line) => line.source)).toEqual([
      "fresh:dev-z:z1-005:1",
      "fresh:dev-z:z1-004:1",
      "fresh:dev-z:z1-004:3",
    ]);
    expect(merged[2]).toMatchObject({
      text: "i saw ur hiring for support reps, how do i apply",
      ai: "Sure, go ahead.",
      labels: ["non_prospect"],
    });
    expect(merged[2]?.annotated).toContain("non_prospect");
    expect(merged[1]?.labels).toEqual([]);
    expect(merged[1]?.annotated).toContain("non_prospect");
  });

  it("places a call with no line yet after the call before it, and keeps lines it decides nothing of", () => {
    // Prepare: the job seeker's call has no line; another set's line stays where it is.
    const other = { ...freshLineOf("y1-001", 1), source: "fresh:dev-y:y1-001:1" };
    const lines = [freshLineOf("z1-005", 1), freshLineOf("z1-005", 3, { labels: ["person_request"] }), other];
    // Act
    const merged = withJobSeekerFromTurn3(lines);
    // Assess
    expect(merged.map((line) => line.source)).toEqual([
      "fresh:dev-z:z1-005:1",
      "fresh:dev-z:z1-005:3",
      "fresh:dev-z:z1-004:3",
      "fresh:dev-y:y1-001:1",
    ]);
    expect(merged[1]?.labels).toEqual(["person_request"]);
    expect(merged[3]).toEqual(other);
  });

  it("changes nothing when run again on its own output", () => {
    // Prepare
    const once = withProspects([freshLineOf("z1-004", 1)], [jobSeeker], "dev-z", jobSeekerFromTurn3);
    // Act
    const twice = withProspects(once, [jobSeeker], "dev-z", jobSeekerFromTurn3);
    // Assess
    expect(twice).toEqual(once);
  });

  it("refuses a reading that names no customer turn of the call", () => {
    // Prepare: turn 2 is the AI's.
    const readings = [2, 2];
    // Act
    const teaching = () => prospectTeaching(jobSeeker, readings);
    // Assess
    expect(teaching).toThrow("z1-004: a reading names turn 2, no customer turn");
  });

  it("refuses a reading of a call the set does not have", () => {
    // Prepare
    const readings = new Map([["dev-z:z1-999", [1]]]);
    // Act
    const deriving = () => withProspects([], [jobSeeker], "dev-z", readings);
    // Assess
    expect(deriving).toThrow("dev-z:z1-999 is no call of test/corpus/dev-z.jsonl");
  });

  it("refuses a reading that is no turn number, naming the file and line", async () => {
    // Prepare
    const file = await readingsFile(
      '{"call":"dev-z:z1-004","readings":[null,null]}\n{"call":"dev-z:z1-005","readings":["3"]}\n',
    );
    // Act
    const loading = loadProspectReadings(file);
    // Assess
    await expect(loading).rejects.toThrow(`${file}:2: readings.0`);
  });

  it("refuses a call read twice", async () => {
    // Prepare
    const file = await readingsFile(
      '{"call":"dev-z:z1-004","readings":[3]}\n{"call":"dev-z:z1-004","readings":[null]}\n',
    );
    // Act
    const loading = loadProspectReadings(file);
    // Assess
    await expect(loading).rejects.toThrow(`${file}:2: dev-z:z1-004 is read twice`);
  });
});
