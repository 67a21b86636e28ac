import * as z from "./zod.js";

/**
 * Amazon Connect contact events as an EventBridge rule target receives them (the parts Baton reads).
 * https://docs.aws.amazon.com/connect/latest/adminguide/contact-events.html
 *
 * - `detail` comes in more than one casing: the reference page's samples are camelCase (`eventType`,
 *   `queueInfo.enqueueTimestamp`), PascalCase (`EventType`, `AgentInfo.ConnectedToAgentTimestamp`) and mixed
 *   (`instanceARN`, `AgentInfo.AgentArn` beside `connectedToAgentTimestamp`). Keys are read case-insensitively
 *   (first letter, `ARN`/`Arn`) for the detail and its `queueInfo`, `agentInfo` and `customerVoiceActivity`;
 *   `tags` and other maps keep their keys.
 * - `channel` is written "VOICE" in some samples and "Voice" in others: compare it case-insensitively.
 * - `queueInfo` is absent for OUTBOUND contacts; `agentInfo.connectedToAgentTimestamp` can be the epoch
 *   placeholder "1970-01-01T00:00:00.001Z" on a contact that never reached an agent.
 * - COMPLETED follows DISCONNECTED with the same data, after the agent's after-contact work when there is some
 *   (`agentInfo.afterContactWorkStartTimestamp`, `...EndTimestamp`, `...Duration` in whole seconds).
 * - Delivery is best effort and unordered; new fields and event types appear over time: tolerate both.
 */

/** The event types the handoff KPI reads. */
export const CONNECT_CONTACT_EVENT_TYPES = [
  "QUEUED",
  "CONNECTED_TO_AGENT",
  "DISCONNECTED",
  "COMPLETED",
] as const;
export type ConnectContactEventType = (typeof CONNECT_CONTACT_EVENT_TYPES)[number];

/** Every event type the reference page documents; the ones the KPI does not read are ignored quietly. */
export const DOCUMENTED_CONTACT_EVENT_TYPES = [
  ...CONNECT_CONTACT_EVENT_TYPES,
  "INITIATED",
  "CONNECTED_TO_SYSTEM",
  "CONTACT_DATA_UPDATED",
  "AMD_DISABLED",
  "PAUSED",
  "RESUMED",
  "WEBRTC_API",
] as const;

/** "EventType" -> "eventType", "InstanceARN" / "instanceARN" -> "instanceArn". */
function canonicalKey(key: string): string {
  const camel = key.charAt(0).toLowerCase() + key.slice(1);
  return camel.endsWith("ARN") ? `${camel.slice(0, -3)}Arn` : camel;
}

const NESTED_OBJECTS = new Set(["queueInfo", "agentInfo", "customerVoiceActivity"]);

/** The detail with canonical keys; when both casings are present, the camelCase value wins. */
export function canonicalContactEventDetail(detail: unknown): unknown {
  if (typeof detail !== "object" || detail === null || Array.isArray(detail)) return detail;
  const out: Record<string, unknown> = {};
  const entries = Object.entries(detail);
  for (const pass of ["other", "canonical"] as const) {
    for (const [key, value] of entries) {
      const canonical = canonicalKey(key);
      if ((key === canonical) !== (pass === "canonical")) continue;
      out[canonical] = NESTED_OBJECTS.has(canonical) ? canonicalNested(out[canonical], value) : value;
    }
  }
  return out;
}

function canonicalNested(current: unknown, value: unknown): unknown {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return value;
  const merged: Record<string, unknown> =
    typeof current === "object" && current !== null && !Array.isArray(current) ? { ...current } : {};
  for (const [key, inner] of Object.entries(value)) merged[canonicalKey(key)] = inner;
  return merged;
}

export const ConnectContactEventDetail = z.pipe(
  z.transform(canonicalContactEventDetail),
  z.looseObject({
    eventType: z.string().check(z.minLength(1)),
    contactId: z.string().check(z.minLength(1)),
    initialContactId: z.optional(z.string().check(z.minLength(1))),
    previousContactId: z.optional(z.string().check(z.minLength(1))),
    channel: z.optional(z.string()),
    instanceArn: z.optional(z.string()),
    initiationMethod: z.optional(z.string()),
    initiationTimestamp: z.optional(z.string()),
    connectedToSystemTimestamp: z.optional(z.string()),
    disconnectTimestamp: z.optional(z.string()),
    disconnectReason: z.optional(z.string()),
    queueInfo: z.optional(
      z.looseObject({
        queueArn: z.optional(z.string()),
        queueType: z.optional(z.string()),
        enqueueTimestamp: z.optional(z.string()),
      }),
    ),
    agentInfo: z.optional(
      z.looseObject({
        agentArn: z.optional(z.string()),
        connectedToAgentTimestamp: z.optional(z.string()),
        afterContactWorkStartTimestamp: z.optional(z.string()),
        afterContactWorkEndTimestamp: z.optional(z.string()),
        afterContactWorkDuration: z.catch(z.optional(z.number().check(z.nonnegative())), undefined),
      }),
    ),
  }),
);
export type ConnectContactEventDetail = z.infer<typeof ConnectContactEventDetail>;

export const ConnectContactEvent = z.looseObject({
  id: z.optional(z.string()),
  source: z.literal("aws.connect"),
  "detail-type": z.literal("Amazon Connect Contact Event"),
  /** When EventBridge received the event (ISO 8601, to the second). */
  time: z.optional(z.string()),
  detail: ConnectContactEventDetail,
});
export type ConnectContactEvent = z.infer<typeof ConnectContactEvent>;

/**
 * The envelope of any event a Baton rule target receives: EventBridge's (`version`, `account`, ...) or the
 * local bus's. Only what the consumers read is required; `detail` is parsed with the event's own contract.
 */
export const BusEnvelope = z.looseObject({
  id: z.optional(z.string()),
  source: z.string().check(z.minLength(1)),
  "detail-type": z.string().check(z.minLength(1)),
  time: z.optional(z.string()),
  detail: z.unknown(),
});
export type BusEnvelope = z.infer<typeof BusEnvelope>;
