import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { campaignJsonSchema } from "../../contracts/json-schema.js";
import { readCampaignFolder } from "../../functions/adapters/campaign-folder.js";
import { campaignStarter } from "../../functions/cli/campaign-starter.js";
import { deploymentQueues, readCampaignText } from "../../functions/domain/campaign-document.js";
import { defaultCampaign } from "../../functions/domain/campaigns.js";

describe("campaign files, JSON or YAML", () => {
  it("accepts the commented starter that `npm run campaign -- new` writes", () => {
    // Prepare / Act
    const reading = readCampaignText(campaignStarter("solar"), "yaml");
    // Assess
    expect(reading.ok && reading.campaign.id).toBe("solar");
  });

  it("accepts the starter's commented Lex section once uncommented", () => {
    // Prepare
    const starter = campaignStarter("solar");
    const at = starter.indexOf("# lex:");
    const uncommented = starter.slice(0, at) + starter.slice(at).replace(/^# ?/gm, "");
    // Act
    const reading = readCampaignText(uncommented, "yaml");
    // Assess
    expect(at).toBeGreaterThan(0);
    expect(reading.ok && reading.campaign.lex?.locale).toBe("en_GB");
    expect(reading.ok && Object.keys(reading.campaign.lex?.intents ?? {})).toEqual([
      "RequestQuote",
      "BookSurvey",
    ]);
  });

  it("names every problem by field and line", () => {
    // Prepare: a wrong kind on line 5 and an unknown key on line 7.
    const text = [
      "id: broken",
      "name: Broken",
      "slots:",
      "  - name: need",
      "    kind: money",
      "script:",
      "  greating: hi",
    ].join("\n");
    // Act
    const reading = readCampaignText(text, "yaml");
    // Assess
    expect(reading.ok).toBe(false);
    const problems = reading.ok ? [] : reading.problems;
    expect(problems).toContainEqual(expect.objectContaining({ field: "slots.0.kind", line: 5 }));
    expect(problems).toContainEqual(expect.objectContaining({ field: "script.greating", line: 7 }));
    expect(problems).toContainEqual(expect.objectContaining({ field: "product", line: 1 }));
  });

  it("names a route to a queue the deployment does not have by field and line", () => {
    // Prepare: the default campaign with its complex handoffs sent to a queue nobody created.
    const text = JSON.stringify(
      { ...defaultCampaign, id: "vip", routes: { ...defaultCampaign.routes, complex: "baton-vips" } },
      null,
      2,
    );
    const deployment = deploymentQueues(defaultCampaign, [], "the queues context");
    // Act
    const refused = readCampaignText(text, "json", deployment);
    const declared = readCampaignText(text, "json", deploymentQueues(defaultCampaign, ["baton-vips"], "x"));
    // Assess
    const line = text.split("\n").findIndex((row) => row.includes('"complex": "baton-vips"')) + 1;
    expect(refused.ok ? [] : refused.problems).toEqual([
      {
        field: "routes.complex",
        line,
        message:
          'queue "baton-vips" is not one the deployment has (the default campaign\'s (default) routes and the queues context: baton-closers, baton-senior-closers)',
      },
    ]);
    expect(declared.ok).toBe(true);
    expect(readCampaignText(text, "json").ok).toBe(true);
  });

  it("reports a JSON syntax error as such", () => {
    const reading = readCampaignText('{\n  "id": "x",\n  "name": \n}', "json");
    expect(reading.ok ? null : reading.problems[0]).toMatchObject({
      field: "(file)",
      message: expect.stringMatching(/^not valid JSON: /),
    });
  });

  it("reads the shipped JSON campaign exactly as JSON.parse does", async () => {
    // Prepare
    const text = await readFile(new URL("../../campaigns/default.json", import.meta.url), "utf8");
    // Act
    const reading = readCampaignText(text, "json");
    // Assess
    expect(reading.ok && reading.campaign.slots.map((slot) => slot.name)).toEqual([
      "budget",
      "authority",
      "need",
      "timeline",
    ]);
  });
});

describe("a folder of campaigns", () => {
  let dir = "";
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), "baton-campaigns-"));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it("loads the good files and refuses a bad one or a second file with the same id", async () => {
    // Prepare
    await writeFile(join(dir, "a.yaml"), campaignStarter("solar"));
    await writeFile(join(dir, "b.yml"), campaignStarter("solar"));
    await writeFile(join(dir, "c.json"), "{}");
    await writeFile(join(dir, "notes.txt"), "not a campaign");
    // Act
    const folder = await readCampaignFolder(dir);
    // Assess
    expect(folder.campaigns.map((campaign) => campaign.id)).toEqual(["solar"]);
    expect(
      folder.rejected.map((entry) => [entry.file.slice(dir.length + 1), entry.problems[0]?.field]),
    ).toEqual([
      ["b.yml", "id"],
      ["c.json", "id"],
    ]);
  });
});

describe("the campaign JSON Schema", () => {
  it("matches the committed contracts/json-schema/campaign.json (run `npm run contracts` after a change)", async () => {
    const committed = JSON.parse(
      await readFile(new URL("../../contracts/json-schema/campaign.json", import.meta.url), "utf8"),
    );
    expect(JSON.parse(JSON.stringify(campaignJsonSchema()))).toEqual(committed);
  });
});
