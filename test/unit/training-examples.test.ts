import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadExamples } from "../../train/examples.js";

async function fileOf(lines: object[]): Promise<string> {
  const file = join(await mkdtemp(join(tmpdir(), "examples-")), "turns.jsonl");
  await writeFile(file, `${lines.map((line) => JSON.stringify(line)).join("\n")}\n`);
  return file;
}

describe("loading labeled turns", () => {
  it("reads the labels a turn was annotated for once, as a set", async () => {
    // Prepare
    const file = await fileOf([
      {
        text: "too pricey for us",
        labels: ["objection_price"],
        source: "fresh:dev-z:z1-001:1",
        split: "train",
        annotated: ["objection_price", "sarcasm"],
      },
    ]);
    // Act
    const { examples } = await loadExamples(file);
    // Assess
    expect(examples[0]?.annotated).toEqual(new Set(["objection_price", "sarcasm"]));
  });

  it("refuses a label the turn was not annotated for, naming the file and line", async () => {
    // Prepare
    const file = await fileOf([
      { text: "ok", labels: [], source: "authored", split: "train" },
      {
        text: "too pricey for us",
        labels: ["objection_price"],
        source: "fresh:dev-z:z1-001:1",
        split: "train",
        annotated: ["sarcasm"],
      },
    ]);
    // Act
    const loading = loadExamples(file);
    // Assess
    await expect(loading).rejects.toThrow(`${file}:2: annotated: a label the turn was not annotated for`);
  });
});
