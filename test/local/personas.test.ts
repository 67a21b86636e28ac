import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { describeProblem, loadPersonas } from "../../local/persona/load-personas.js";
import { DEFAULT_PERSONA_DIR } from "../../local/stack.js";

describe("the bundled personas", () => {
  it("all load, one per kind of customer the issue names", async () => {
    const { personas, problems } = await loadPersonas(DEFAULT_PERSONA_DIR);
    expect(problems).toEqual([]);
    expect(personas.map((persona) => persona.id)).toEqual(
      expect.arrayContaining([
        "ready-buyer",
        "tough-objector",
        "sarcastic",
        "confused",
        "not-interested",
        "asks-for-human",
      ]),
    );
    expect(personas.find((persona) => persona.id === "asks-for-human")?.expect).toEqual({
      outcome: "handoff",
      trigger: "customer_request",
    });
  });
});

describe("a persona folder with broken files", () => {
  let folder: string;
  const good = { name: "Fine", description: "Loads.", turns: ["Hello"], expect: { outcome: "continue" } };

  beforeEach(async () => {
    folder = await mkdtemp(join(tmpdir(), "baton-personas-"));
  });

  afterEach(async () => {
    await rm(folder, { recursive: true, force: true });
  });

  it("names the file and the field of each error, and still loads the others", async () => {
    await writeFile(join(folder, "fine.json"), JSON.stringify(good));
    await writeFile(join(folder, "bad-turn.json"), JSON.stringify({ ...good, turns: ["ok", 42] }));
    await writeFile(
      join(folder, "bad-trigger.json"),
      JSON.stringify({ ...good, expect: { outcome: "handoff", trigger: "vibes" } }),
    );
    await writeFile(join(folder, "no-name.json"), JSON.stringify({ ...good, name: undefined }));
    await writeFile(join(folder, "not-json.json"), "{ name: 'x' ");
    await writeFile(join(folder, "extra.json"), JSON.stringify({ ...good, mood: "grumpy" }));
    await writeFile(join(folder, "README.txt"), "not a persona");

    const { personas, problems } = await loadPersonas(folder, folder);
    expect(personas.map((persona) => persona.id)).toEqual(["fine"]);
    expect(personas[0]?.turns).toEqual([{ text: "Hello" }]);
    expect(problems.map((problem) => [problem.file, problem.field])).toEqual([
      ["bad-trigger.json", "expect.trigger"],
      ["bad-turn.json", "turns[1]"],
      ["extra.json", "(file)"],
      ["no-name.json", "name"],
      ["not-json.json", "(file)"],
    ]);
    const notJson = problems.find((problem) => problem.file === "not-json.json");
    expect(notJson?.message).toMatch(/^not valid JSON/);
    const extra = problems.find((problem) => problem.file === "extra.json");
    expect(extra?.message).toContain("mood");
    expect(describeProblem(problems[1] ?? { file: "", field: "", message: "" })).toMatch(
      /^persona bad-turn\.json: turns\[1\]: /,
    );
  });
});
