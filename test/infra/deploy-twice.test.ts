import { Metrics } from "@aws-lambda-powertools/metrics";
import Ajv4Module from "ajv-draft-04";
import { Template } from "aws-cdk-lib/assertions";
import { afterEach, describe, expect, it, vi } from "vitest";
import { eventJsonSchemas } from "../../contracts/json-schema.js";
import { PowertoolsMetricsSink } from "../../functions/adapters/powertools-metrics-sink.js";
import { KPI_DIMENSIONS, kpiSearch } from "../../infra/constructs/kpi-dashboard.js";
import { eventEnvelopeSchema } from "../../infra/constructs/schema-registry.js";
import { exampleApp } from "./support.js";

/** ajv-draft-04 is CommonJS: its class is the default export's `default` under ESM. */
const Ajv4 = ((Ajv4Module as unknown as { default?: unknown }).default ?? Ajv4Module) as new (
  options: Record<string, unknown>,
) => { compile(schema: unknown): unknown };

/** Names that must be unique in an account or a Connect instance, by resource type. */
const NAMED: Record<string, string> = {
  "AWS::Events::EventBus": "Name",
  "AWS::EventSchemas::Registry": "RegistryName",
  "AWS::CloudWatch::Dashboard": "DashboardName",
  "AWS::Connect::ContactFlow": "Name",
  "AWS::Connect::Queue": "Name",
  "AWS::Connect::HoursOfOperation": "Name",
  "AWS::Connect::RoutingProfile": "Name",
  "AWS::Scheduler::ScheduleGroup": "Name",
};

function names(stackName?: string): string[] {
  const { app, stack } = exampleApp(stackName ? { stackName } : {});
  app.synth();
  const resources = Template.fromStack(stack).toJSON().Resources as Record<
    string,
    { Type: string; Properties: Record<string, unknown> }
  >;
  return Object.values(resources).flatMap((r) => {
    const key = NAMED[r.Type];
    return key ? [`${r.Type} ${JSON.stringify(r.Properties[key])}`] : [];
  });
}

describe("a second stack in the same account and instance", () => {
  it("shares no account- or instance-unique name with the first", () => {
    // Act
    const production = names();
    const staging = names("BatonStaging");
    // Assess
    expect(production).toContain('AWS::Events::EventBus "baton"');
    expect(staging.length).toBe(production.length);
    expect(staging.filter((name) => production.includes(name))).toEqual([]);
  }, 180_000);
});

describe("the KPI dashboard", () => {
  afterEach(() => vi.restoreAllMocks());

  it("searches exactly the dimension set Powertools publishes the KPI metrics with", () => {
    // Prepare
    const lines: string[] = [];
    // Powertools writes EMF straight to stdout.
    vi.spyOn(process.stdout, "write").mockImplementation((chunk: unknown) => {
      lines.push(...String(chunk).split("\n").filter(Boolean));
      return true;
    });
    const metrics = new Metrics({ namespace: "Baton", serviceName: "handoff-kpi" });
    // Act
    new PowertoolsMetricsSink(metrics).emit([
      {
        name: "HandoffTransferred",
        unit: "Count",
        value: 1,
        dimensions: { campaign: "default", trigger: "qualified" },
      },
    ]);
    // Assess
    const emf = lines.map((line) => JSON.parse(line)).find((entry) => entry._aws);
    const published = emf?._aws.CloudWatchMetrics[0].Dimensions[0] as string[];
    expect([...published].sort()).toEqual([...KPI_DIMENSIONS].sort());
    expect(kpiSearch("HandoffTransferred", "Average")).toContain(`{Baton,${KPI_DIMENSIONS.join(",")}}`);
  });
});

/** Every keyword JSON Schema draft 4 defines (http://json-schema.org/draft-04/schema). */
const DRAFT4 = new Set([
  "$schema",
  "id",
  "$ref",
  "title",
  "description",
  "default",
  "type",
  "enum",
  "format",
  "multipleOf",
  "maximum",
  "exclusiveMaximum",
  "minimum",
  "exclusiveMinimum",
  "maxLength",
  "minLength",
  "pattern",
  "items",
  "additionalItems",
  "maxItems",
  "minItems",
  "uniqueItems",
  "maxProperties",
  "minProperties",
  "required",
  "properties",
  "patternProperties",
  "additionalProperties",
  "dependencies",
  "definitions",
  "allOf",
  "anyOf",
  "oneOf",
  "not",
]);

/** Keywords used anywhere a schema stands, outside draft 4. */
function foreignKeywords(schema: unknown, at = "#"): string[] {
  if (schema === null || typeof schema !== "object" || Array.isArray(schema)) return [];
  const node = schema as Record<string, unknown>;
  const found = Object.keys(node)
    .filter((key) => !DRAFT4.has(key))
    .map((key) => `${at}/${key}`);
  const children = (value: unknown, path: string): string[] =>
    Array.isArray(value)
      ? value.flatMap((item, i) => foreignKeywords(item, `${path}/${i}`))
      : foreignKeywords(value, path);
  for (const key of ["properties", "patternProperties", "definitions"]) {
    for (const [name, child] of Object.entries((node[key] ?? {}) as Record<string, unknown>))
      found.push(...foreignKeywords(child, `${at}/${key}/${name}`));
  }
  for (const key of ["items", "additionalItems", "additionalProperties", "not", "allOf", "anyOf", "oneOf"])
    if (key in node) found.push(...children(node[key], `${at}/${key}`));
  return found;
}

describe("the schemas registered as JSONSchemaDraft4", () => {
  it.each(eventJsonSchemas().map((event) => [event.detailType, event] as const))(
    "%s uses only draft-4 keywords and compiles under a strict draft-4 validator",
    (_name, event) => {
      const schema = eventEnvelopeSchema(event);
      expect(foreignKeywords(schema)).toEqual([]);
      expect(() =>
        new Ajv4({ strict: true, allErrors: true, validateFormats: false }).compile(schema),
      ).not.toThrow();
    },
  );
});
