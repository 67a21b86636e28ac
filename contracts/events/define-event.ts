import * as z from "zod";

export const SCHEMA_VERSION = "1";

/** Every event's detail starts with this; `id` is deterministic so consumers can de-duplicate. */
export const EventMeta = z.strictObject({
  id: z.string().min(1).max(300),
  schemaVersion: z.literal(SCHEMA_VERSION),
  occurredAt: z.iso.datetime(),
  contactId: z.string().min(1),
  campaignId: z.string().min(1),
  leadId: z.string().min(1).optional(),
});
export type EventMeta = z.infer<typeof EventMeta>;

export interface EventContract<Detail extends z.ZodType> {
  readonly source: string;
  readonly detailType: string;
  readonly version: typeof SCHEMA_VERSION;
  readonly detail: Detail;
}

export function defineEvent<const Shape extends z.ZodRawShape>(spec: {
  source: string;
  detailType: string;
  shape: Shape;
}): EventContract<z.ZodObject<{ meta: typeof EventMeta } & Shape, z.core.$strict>> {
  return {
    source: spec.source,
    detailType: spec.detailType,
    version: SCHEMA_VERSION,
    detail: z.strictObject({ meta: EventMeta, ...spec.shape }),
  };
}

/** Same inputs, same id: a retried publish is recognisably the same event. */
export function deterministicEventId(
  detailType: string,
  contactId: string,
  discriminator: string | number,
): string {
  return `${detailType}:${contactId}:${discriminator}`;
}
