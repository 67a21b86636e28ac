import { CfnRegistry, CfnSchema } from "aws-cdk-lib/aws-eventschemas";
import { Construct } from "constructs";
import { type EventJsonSchema, eventJsonSchemas } from "../../contracts/json-schema.js";
import { scopedName } from "../names.js";

/** EventBridge schema names: letters, dots, dashes, underscores and `@` (source@detail-type). */
export const SCHEMA_NAME = /^[A-Za-z._@-]{1,385}$/;

/**
 * Registers the JSON Schema of every event in contracts/ (generated at synth by eventJsonSchemas()) in an
 * EventBridge schema registry, so consumers can browse them and download code bindings. The registry takes
 * JSON Schema draft 4 of the whole event, so each detail schema is wrapped in the EventBridge envelope and
 * converted from draft 2020-12.
 */
export class SchemaRegistry extends Construct {
  readonly registry: CfnRegistry;
  readonly schemas: CfnSchema[] = [];

  constructor(scope: Construct, id: string) {
    super(scope, id);
    this.registry = new CfnRegistry(this, "Registry", {
      registryName: scopedName(this, "baton-events"),
      description: "Baton events (contracts/events/catalog.ts), one schema per detail-type",
    });
    for (const event of eventJsonSchemas()) {
      const schema = new CfnSchema(this, schemaName(event), {
        registryName: this.registry.attrRegistryName,
        schemaName: schemaName(event),
        type: "JSONSchemaDraft4",
        description: `${event.detailType} v${event.version} from ${event.source}`,
        content: JSON.stringify(eventEnvelopeSchema(event)),
      });
      this.schemas.push(schema);
    }
  }
}

export function schemaName(event: Pick<EventJsonSchema, "source" | "detailType">): string {
  return `${event.source}@${event.detailType}`;
}

/** The whole EventBridge event whose `detail` is the contract's schema, as JSON Schema draft 4. */
export function eventEnvelopeSchema(event: EventJsonSchema): Record<string, unknown> {
  const {
    $schema: _ignored,
    title,
    description,
    ...detail
  } = toDraft4(event.schema) as Record<string, unknown>;
  return {
    $schema: "http://json-schema.org/draft-04/schema#",
    title,
    description,
    type: "object",
    required: ["detail-type", "resources", "detail", "id", "source", "time", "region", "version", "account"],
    properties: {
      version: { type: "string" },
      id: { type: "string" },
      "detail-type": { type: "string", enum: [event.detailType] },
      source: { type: "string", enum: [event.source] },
      account: { type: "string" },
      time: { type: "string", format: "date-time" },
      region: { type: "string" },
      resources: { type: "array", items: { type: "string" } },
      detail: detail,
    },
  };
}

/**
 * Draft 2020-12 to draft 4 for what zod emits: `const` becomes a one-value `enum`, numeric
 * `exclusiveMinimum`/`exclusiveMaximum` become the boolean form, `$defs` become `definitions`, and
 * `propertyNames` (draft 6, from records) becomes `patternProperties` when it has a pattern and is dropped
 * when it only says the keys are strings (they always are).
 */
export function toDraft4(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(toDraft4);
  if (node === null || typeof node !== "object") return node;
  const out: Record<string, unknown> = {};
  const record = node as Record<string, unknown>;
  const names = record.propertyNames as { pattern?: unknown } | undefined;
  if (names && typeof names.pattern === "string") {
    out.patternProperties = { [names.pattern]: toDraft4(record.additionalProperties ?? {}) };
    out.additionalProperties = false;
  }
  for (const [key, value] of Object.entries(node)) {
    if (key === "propertyNames") continue;
    if (key === "additionalProperties" && "additionalProperties" in out) continue;
    if (key === "const") out.enum = [value];
    else if (key === "$defs") out.definitions = toDraft4(value);
    else if (key === "$ref" && typeof value === "string")
      out.$ref = value.replace("#/$defs/", "#/definitions/");
    else if ((key === "exclusiveMinimum" || key === "exclusiveMaximum") && typeof value === "number") {
      out[key === "exclusiveMinimum" ? "minimum" : "maximum"] = value;
      out[key] = true;
    } else out[key] = toDraft4(value);
  }
  return out;
}
