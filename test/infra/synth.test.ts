import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { Template } from "aws-cdk-lib/assertions";
import { AwsSolutionsChecks } from "cdk-nag";
import { afterAll, describe, expect, it } from "vitest";
import { buildApp } from "../../infra/baton-app.js";
import { REPO_ROOT } from "../../infra/stack.js";
import { EXAMPLE_CONTEXT, exampleApp } from "./support.js";

const outdir = mkdtempSync(join(tmpdir(), "baton-synth-"));
afterAll(() => rmSync(outdir, { recursive: true, force: true }));

describe("npx cdk synth, in process", () => {
  it("synthesizes offline with exactly the documented cdk.json context, bundling the functions", () => {
    // What `npx cdk synth` runs (infra/app.ts): the CLI's context is cdk.json's, nothing added.
    const { app, stack } = buildApp({ context: EXAMPLE_CONTEXT, cwd: REPO_ROOT, outdir });
    const assembly = app.synth();
    const artifact = assembly.getStackByName(stack.stackName);
    expect(artifact.environment).toMatchObject({ account: "111122223333", region: "us-east-1" });
    const report = JSON.parse(readFileSync(join(outdir, "validation-report.json"), "utf8"));
    expect(report.pluginReports.filter((r: { violations: unknown[] }) => r.violations.length > 0)).toEqual(
      [],
    );

    // The conversation-turn function is really bundled: an ESM file with the require banner and a source map.
    const fn = Template.fromStack(stack).findResources("AWS::Lambda::Function");
    const logical = stack.getLogicalId(stack.conversationTurn.node.defaultChild as never);
    const key = String((fn[logical]?.Properties as { Code?: { S3Key?: string } } | undefined)?.Code?.S3Key);
    const bundle = join(outdir, `asset.${key.replace(/\.zip$/, "")}`, "index.mjs");
    expect(existsSync(bundle)).toBe(true);
    expect(existsSync(`${bundle}.map`)).toBe(true);
    const code = readFileSync(bundle, "utf8");
    expect(code.startsWith("import { createRequire as __batonCreateRequire } from 'module'")).toBe(true);
    expect(code).toMatch(/from"@aws-sdk\/client-dynamodb"/);
    expect(statSync(bundle).size).toBeGreaterThan(10_000);
    // The tracer's chunk ships beside it, for the dynamic import a start with tracing on makes.
    const tracerChunk = readdirSync(dirname(bundle)).find((file) =>
      /^powertools-tracing-\w+\.mjs$/.test(file),
    );
    expect(tracerChunk, "the tracer's chunk").toBeDefined();
    expect(code.includes(`import("./${tracerChunk}")`), "index.mjs imports the tracer's chunk").toBe(true);
    // The turn reader's weights sit beside the bundle, where models/turn-reader.ts looks for them.
    const weights = join(outdir, `asset.${key.replace(/\.zip$/, "")}`, "turn-reader.bin");
    expect(readFileSync(weights).equals(readFileSync(join(REPO_ROOT, "models/turn-reader.bin")))).toBe(true);
    // So does the spelling vocabulary models/spelling.ts reads.
    const spelling = join(outdir, `asset.${key.replace(/\.zip$/, "")}`, "spelling.txt");
    expect(readFileSync(spelling).equals(readFileSync(join(REPO_ROOT, "models/spelling.txt")))).toBe(true);
    // And the sentence breaks of spoken turns, models/sentence-breaks.ts.
    const breaks = join(outdir, `asset.${key.replace(/\.zip$/, "")}`, "sentence-breaks.bin");
    expect(readFileSync(breaks).equals(readFileSync(join(REPO_ROOT, "models/sentence-breaks.bin")))).toBe(
      true,
    );
    // And the category value models, models/category-values.ts.
    const values = join(outdir, `asset.${key.replace(/\.zip$/, "")}`, "category-values.json");
    expect(readFileSync(values).equals(readFileSync(join(REPO_ROOT, "models/category-values.json")))).toBe(
      true,
    );

    // The workspace app is built from web/ at synth, as the local server builds it: the /workspace page
    // as index.html (the Connect host) and its bundle, nothing of the local desk or the console.
    const site = readdirSync(outdir)
      .map((name) => join(outdir, name))
      .find((dir) => existsSync(join(dir, "index.html")));
    expect(site, "the workspace app asset").toBeDefined();
    const page = readFileSync(join(site ?? "", "index.html"), "utf8");
    expect(page).toContain('data-host="connect"');
    expect(page).toContain('src="/assets/desk.js"');
    expect(statSync(join(site ?? "", "assets/desk.js")).size).toBeGreaterThan(10_000);
    expect(existsSync(join(site ?? "", "assets/console.js"))).toBe(false);
  }, 240_000);

  it("synthesizes a sandbox instance (createInstance) with no cdk-nag findings", () => {
    const { connectInstanceArn: _ignored, ...context } = EXAMPLE_CONTEXT;
    const { app, stack } = exampleApp({
      ...context,
      connectInstanceArn: undefined,
      createInstance: { instanceAlias: "baton-sandbox-42" },
    });
    app.synth();
    const template = Template.fromStack(stack);
    template.hasResourceProperties("AWS::Connect::Instance", {
      InstanceAlias: "baton-sandbox-42",
      IdentityManagementType: "CONNECT_MANAGED",
      Attributes: { InboundCalls: true, OutboundCalls: true },
    });
    expect(new AwsSolutionsChecks(app).validateScope(app).violations).toEqual([]);
  }, 120_000);
});
