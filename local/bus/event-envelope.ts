import * as z from "zod";

/**
 * The envelope EventBridge wraps every event in, as a rule's target receives it.
 * https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-events-structure.html
 * Consumers parse this first, then `detail` with the event's own contract.
 */
export const EventBridgeEnvelope = z.looseObject({
  version: z.string(),
  id: z.string().min(1),
  "detail-type": z.string().min(1),
  source: z.string().min(1),
  account: z.string(),
  /** ISO 8601 to the second, as EventBridge writes it. */
  time: z.string(),
  region: z.string(),
  resources: z.array(z.string()),
  detail: z.unknown(),
});
export type EventBridgeEnvelope = z.infer<typeof EventBridgeEnvelope>;

export interface EnvelopeContext {
  id: string;
  at: Date;
  account: string;
  region: string;
}

/** Wraps an already-parsed detail the way PutEvents does (the entry's own id stays inside `detail.meta`). */
export function toEnvelope(
  entry: { source: string; detailType: string; detail: unknown },
  context: EnvelopeContext,
): EventBridgeEnvelope {
  return {
    version: "0",
    id: context.id,
    "detail-type": entry.detailType,
    source: entry.source,
    account: context.account,
    time: context.at.toISOString().replace(/\.\d{3}Z$/, "Z"),
    region: context.region,
    resources: [],
    detail: entry.detail,
  };
}
