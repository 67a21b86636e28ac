import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, dirname, join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { bundleFunction, LAMBDA_BUNDLE } from "../../infra/bundling.js";
import { REPO_ROOT } from "../../infra/stack.js";

const outdir = mkdtempSync(join(tmpdir(), "baton-bundling-"));
afterAll(() => rmSync(outdir, { recursive: true, force: true }));

/** Strings only the X-Ray SDK and its context store carry (minifying keeps string literals). */
const XRAY_SDK_MARKERS = ["aws-xray-sdk", "AWS_XRAY_CONTEXT_MISSING", "cls-hooked"];

describe("the conversation-turn asset, built as BatonFunction builds it", () => {
  // Prepare
  const bundle = bundleFunction({
    name: "conversation-turn",
    entry: join(REPO_ROOT, "functions/handlers/conversation-turn.ts"),
    outdir,
    repoRoot: REPO_ROOT,
  });
  const text = (file: string) => readFileSync(file, "utf8");
  const xraySdkMarkersIn = (file: string) => XRAY_SDK_MARKERS.filter((marker) => text(file).includes(marker));

  it("starts from index.mjs, and nothing a cold start loads holds the X-Ray SDK", () => {
    // Assess
    expect(bundle.entry).toBe(join(outdir, "index.mjs"));
    expect(bundle.eager).toContain(bundle.entry);
    const found = bundle.eager.flatMap((file) =>
      xraySdkMarkersIn(file).map((m) => `${basename(file)}: ${m}`),
    );
    expect(found).toEqual([]);
  });

  it("keeps the tracer and the X-Ray SDK in one chunk beside index.mjs that index.mjs imports dynamically", () => {
    // Assess
    expect(bundle.lazy).toHaveLength(1);
    const chunk = bundle.lazy[0] ?? "";
    expect(dirname(chunk)).toBe(outdir);
    expect(basename(chunk)).toMatch(/^powertools-tracing-\w+\.mjs$/);
    expect(xraySdkMarkersIn(chunk)).toEqual(XRAY_SDK_MARKERS);
    expect(text(bundle.entry).includes(`import("./${basename(chunk)}")`), "index.mjs imports the chunk").toBe(
      true,
    );
  });

  it("imports only the runtime's SDK clients at start, no other @aws-sdk package (lib-dynamodb cost 7 ms)", () => {
    // Prepare
    const importedAt = (file: string) =>
      [...text(file).matchAll(/(?:from|import)\s*"(@aws-sdk\/[\w-]+)"/g)].map(([, module]) => module ?? "");
    // Act
    const imported = new Set(bundle.eager.flatMap(importedAt));
    // Assess
    expect([...imported].filter((module) => !module.startsWith("@aws-sdk/client-"))).toEqual([]);
    expect(imported).toContain("@aws-sdk/client-dynamodb");
  });

  it("gives every output file the require banner and a source map", () => {
    // Assess
    for (const file of [...bundle.eager, ...bundle.lazy]) {
      expect(text(file).startsWith(LAMBDA_BUNDLE.banner), basename(file)).toBe(true);
      expect(existsSync(`${file}.map`), `${basename(file)}.map`).toBe(true);
    }
  });

  it("copies the files the function reads at start beside index.mjs", () => {
    // Assess
    expect(bundle.beside.map((file) => basename(file))).toEqual([
      "turn-reader.bin",
      "spelling.txt",
      "sentence-breaks.bin",
      "category-values.json",
    ]);
    for (const file of bundle.beside) {
      expect(readFileSync(file).equals(readFileSync(join(REPO_ROOT, "models", basename(file))))).toBe(true);
    }
  });
});
