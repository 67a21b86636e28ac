import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { LexSignal } from "../../contracts/campaign.js";
import {
  agreedReading,
  loadAnnotations,
  type TurnLine,
  withAnnotations,
} from "../../train/fresh-annotations.js";
import { complexCall, complexCallFirstTurn as firstTurn } from "../support/complex-call.js";

describe("what annotators agreed on", () => {
  it("teaches a label every reading gave, a no where none did, and nothing where they differ", () => {
    // Prepare
    const readings = [
      ["objection_price", "negative"],
      ["objection_price", "acknowledgement"],
    ];
    // Act
    const agreed = agreedReading(readings);
    // Assess
    expect(agreed.labels).toEqual(["objection_price"]);
    expect(agreed.decided).toContain("objection_price");
    expect(agreed.decided).toContain("sarcasm");
    expect(agreed.decided).not.toContain("negative");
    expect(agreed.decided).not.toContain("acknowledgement");
  });

  it("refuses a file with a label no annotator was asked about, naming the file and line", async () => {
    // Prepare
    const file = join(await mkdtemp(join(tmpdir(), "annotations-")), "a.jsonl");
    await writeFile(
      file,
      `${JSON.stringify({ call: "dev-z:z1-001", i: 1, readings: [[]] })}\n${JSON.stringify({ call: "dev-z:z1-001", i: 3, readings: [["person_request"]] })}\n`,
    );
    // Act
    const loading = loadAnnotations(file);
    // Assess
    await expect(loading).rejects.toThrow(`${file}:2: readings.0.0: not an annotated label`);
  });

  it("refuses a turn annotated twice", async () => {
    // Prepare
    const file = join(await mkdtemp(join(tmpdir(), "annotations-")), "a.jsonl");
    const line = JSON.stringify({ call: "dev-z:z1-001", i: 1, readings: [[]] });
    await writeFile(file, `${line}\n${line}\n`);
    // Act
    const loading = loadAnnotations(file);
    // Assess
    await expect(loading).rejects.toThrow(`${file}:2: dev-z:z1-001:1 is annotated twice`);
  });
});

describe("fresh turns with annotations", () => {
  const annotations = new Map([
    ["dev-z:z1-001:1", agreedReading([["objection_price"], ["objection_price"]])],
    [
      "dev-z:z1-001:3",
      agreedReading([["objection_price", "objection_competitor"], ["objection_competitor"]]),
    ],
  ]);

  it("adds the complex handoff turn after the call's previous turn, as no request and the agreed labels", () => {
    // Prepare: the derived lines hold the turn before the handoff only.
    const lines = [firstTurn];
    // Act
    const merged = withAnnotations(lines, [complexCall], "dev-z", annotations);
    // Assess
    expect(merged.map((line) => line.source)).toEqual(["fresh:dev-z:z1-001:1", "fresh:dev-z:z1-001:3"]);
    expect(merged[0]?.labels).toEqual(["objection_price"]);
    expect(merged[1]).toMatchObject({
      text: "more than now? and we just renewed with comcast",
      ai: "Most teams your size pay about 25 a user.",
      labels: ["objection_competitor"],
    });
    expect(merged[1]?.annotated).toEqual(expect.arrayContaining([...LexSignal.options, "sarcasm"]));
    expect(merged[1]?.annotated).not.toContain("objection_price");
  });

  it("adds no handoff turn to a call whose earlier turns were left out as no prospect", () => {
    // Prepare: no line for turn 1.
    const lines: TurnLine[] = [];
    // Act
    const merged = withAnnotations(lines, [complexCall], "dev-z", annotations);
    // Assess
    expect(merged).toEqual([]);
  });

  it("takes a changed reading as it now is, dropping a label the earlier one gave", () => {
    // Prepare
    const once = withAnnotations([firstTurn], [complexCall], "dev-z", annotations);
    const changed = new Map(annotations).set("dev-z:z1-001:1", agreedReading([["negative"]]));
    // Act
    const again = withAnnotations(once, [complexCall], "dev-z", changed);
    // Assess
    expect(again[0]?.labels).toEqual(["negative"]);
  });

  it("keeps the labels other passes own (who decides, no prospect) and what they list as taught", () => {
    // Prepare
    const taughtElsewhere: TurnLine = {
      ...firstTurn,
      labels: ["authority_joint"],
      annotated: [
        ...LexSignal.options,
        "authority_decider",
        "authority_joint",
        "authority_other",
        "non_prospect",
      ],
    };
    // Act
    const merged = withAnnotations([taughtElsewhere], [complexCall], "dev-z", annotations);
    // Assess
    expect(merged[0]?.labels).toEqual(["objection_price", "authority_joint"]);
    expect(merged[0]?.annotated).toEqual(
      expect.arrayContaining(["authority_decider", "authority_joint", "authority_other", "non_prospect"]),
    );
  });

  it("changes nothing when run again on its own output", () => {
    // Prepare
    const once = withAnnotations([firstTurn], [complexCall], "dev-z", annotations);
    // Act
    const twice = withAnnotations(once, [complexCall], "dev-z", annotations);
    // Assess
    expect(twice).toEqual(once);
  });
});
