import * as z from "../zod.js";

export const SCHEMA_VERSION = "1";

/** Every event's detail starts with this; `id` is deterministic so consumers can de-duplicate. */
export const EventMeta = z.strictObject({
  id: z.string().check(z.minLength(1), z.maxLength(300)),
  schemaVersion: z.literal(SCHEMA_VERSION),
  occurredAt: z.iso.datetime(),
  contactId: z.string().check(z.minLength(1)),
  campaignId: z.string().check(z.minLength(1)),
  leadId: z.optional(z.string().check(z.minLength(1))),
});
export type EventMeta = z.infer<typeof EventMeta>;

export interface EventContract<Detail extends z.ZodMiniType> {
  readonly source: string;
  readonly detailType: string;
  readonly version: typeof SCHEMA_VERSION;
  readonly detail: Detail;
}

export function defineEvent<const Shape extends z.core.$ZodShape>(spec: {
  source: string;
  detailType: string;
  shape: Shape;
}): EventContract<z.ZodMiniObject<{ meta: typeof EventMeta } & Shape, z.core.$strict>> {
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
