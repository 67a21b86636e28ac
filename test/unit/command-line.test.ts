import { describe, expect, it } from "vitest";
import { readCommandLine } from "../../functions/cli/command-line.js";

const OPTIONS = {
  form: { type: "string", default: "written" },
  json: { type: "boolean", default: false },
} as const;

describe("readCommandLine", () => {
  it("parses options and positionals, with defaults for what is not given", () => {
    // Prepare
    const args = ["corpus.jsonl", "--json"];
    // Act
    const read = readCommandLine(args, OPTIONS);
    // Assess
    expect(read).toEqual({
      kind: "run",
      values: { form: "written", json: true },
      positionals: ["corpus.jsonl"],
    });
  });

  it("answers --help and -h with help, wherever they stand", () => {
    // Prepare
    const lines = [["corpus.jsonl", "--help"], ["-h"], ["--bogus", "--help"]];
    // Act
    const reads = lines.map((args) => readCommandLine(args, OPTIONS));
    // Assess
    expect(reads.map((read) => read.kind)).toEqual(["help", "help", "help"]);
  });

  it("returns an unknown option or a missing value as a mistake naming it, not a throw", () => {
    // Prepare
    const unknown = ["corpus.jsonl", "--misss"];
    const missing = ["corpus.jsonl", "--form"];
    // Act
    const reads = [readCommandLine(unknown, OPTIONS), readCommandLine(missing, OPTIONS)];
    // Assess
    expect(reads[0]).toMatchObject({ kind: "mistake", message: expect.stringContaining("--misss") });
    expect(reads[1]).toMatchObject({ kind: "mistake", message: expect.stringContaining("--form") });
  });
});
