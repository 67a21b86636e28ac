import { readdirSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import AjvModule, { type ErrorObject } from "ajv";
import { beforeAll, describe, expect, it } from "vitest";
import { exampleApp } from "./support.js";

/**
 * Every resource of the synthesized template against CloudFormation's published provider schema of its type
 * (vendored from cfn-lint, see fixtures/cfn-schemas/README.md). Values CloudFormation resolves at deploy
 * time (Ref, Fn::*) cannot be checked here: an error on such a value, or on an object holding one, is skipped.
 */
const SCHEMAS = resolve(import.meta.dirname, "fixtures/cfn-schemas");
/** ajv is CommonJS: under ESM its class is the default export's `default`. */
type Validator = ((data: unknown) => boolean) & { errors?: ErrorObject[] | null };
const Ajv = ((AjvModule as unknown as { default?: unknown }).default ?? AjvModule) as new (
  options: Record<string, unknown>,
) => { compile(schema: unknown): Validator };
/**
 * The schemas mix Unicode classes (`\P{C}`, needs the u flag) with escapes the u flag refuses (`\-`): each
 * pattern is compiled with the flag when it can be.
 */
const regExp = Object.assign(
  (pattern: string, flags: string) => {
    try {
      return new RegExp(pattern, flags);
    } catch {
      return new RegExp(pattern, flags.replace("u", ""));
    }
  },
  { code: "tolerantRegExp" },
);
/** Errors about which keys an object has are checked even when its values are resolved at deploy time. */
const KEY_ERRORS = new Set(["additionalProperties", "required"]);
const fileOf = (type: string) => `${type.toLowerCase().replaceAll("::", "-")}.json`;

type Resource = { Type: string; Properties?: Record<string, unknown> };
let resources: Record<string, Resource>;

const isIntrinsic = (value: unknown): boolean =>
  typeof value === "object" &&
  value !== null &&
  !Array.isArray(value) &&
  Object.keys(value).length === 1 &&
  /^(Ref|Fn::.+)$/.test(Object.keys(value)[0] as string);

const holdsIntrinsic = (value: unknown): boolean =>
  isIntrinsic(value) ||
  (typeof value === "object" && value !== null && Object.values(value).some(holdsIntrinsic));

function at(value: unknown, pointer: string): unknown {
  return pointer
    .split("/")
    .slice(1)
    .map((part) => part.replaceAll("~1", "/").replaceAll("~0", "~"))
    .reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], value);
}

function schemaProblems(resource: Resource): string[] {
  const schema = JSON.parse(readFileSync(resolve(SCHEMAS, fileOf(resource.Type)), "utf8"));
  delete schema.$schema;
  delete schema.$id;
  const validate = new Ajv({
    strict: false,
    allErrors: true,
    validateFormats: false,
    validateSchema: false,
    code: { regExp },
  }).compile(schema);
  const properties = resource.Properties ?? {};
  if (validate(properties)) return [];
  return (validate.errors ?? [])
    .filter((error: ErrorObject) =>
      KEY_ERRORS.has(error.keyword)
        ? !isIntrinsic(at(properties, error.instancePath))
        : !holdsIntrinsic(at(properties, error.instancePath)),
    )
    .map(
      (error: ErrorObject) => `${error.instancePath || "/"} ${error.message} ${JSON.stringify(error.params)}`,
    );
}

beforeAll(() => {
  const { app, stack } = exampleApp();
  const all = (
    app.synth().getStackByName(stack.stackName).template as { Resources: Record<string, Resource> }
  ).Resources;
  // Custom resources (CDK's BucketDeployment) have no registry schema: their provider is CDK's own code.
  resources = Object.fromEntries(Object.entries(all).filter(([, r]) => !r.Type.startsWith("Custom::")));
}, 180_000);

describe("the template against CloudFormation's resource schemas", () => {
  it("has a vendored schema for every resource type it uses", () => {
    const vendored = new Set(readdirSync(SCHEMAS));
    const missing = [...new Set(Object.values(resources).map((r) => r.Type))].filter(
      (type) => !vendored.has(fileOf(type)),
    );
    expect(missing).toEqual([]);
  });

  it("gives every resource properties its type's schema accepts", () => {
    const problems = Object.entries(resources).flatMap(([id, resource]) =>
      schemaProblems(resource).map((problem) => `${id} (${resource.Type}) ${problem}`),
    );
    expect(problems).toEqual([]);
  });

  it("catches a property the schema does not know, and a wrong enum value", () => {
    const flow = Object.values(resources).find((r) => r.Type === "AWS::Connect::ContactFlow") as Resource;
    const bad = { ...flow, Properties: { ...flow.Properties, Type: "AI_FLOW", Colour: "blue" } };
    const problems = schemaProblems(bad).join("\n");
    expect(problems).toMatch(/must NOT have additional properties.*Colour/);
    expect(problems).toMatch(/\/Type must be equal to one of the allowed values/);
  });
});
