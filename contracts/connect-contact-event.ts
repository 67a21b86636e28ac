import * as z from "zod";

/**
 * Amazon Connect contact events as an EventBridge rule target receives them (the parts Baton reads).
 * https://docs.aws.amazon.com/connect/latest/adminguide/contact-events.html
 *
 * - Fields in `detail` are camelCase (`eventType`, `contactId`, `queueInfo.enqueueTimestamp`, ...), as in the
 *   samples of the page above and in the bus rule `baton-handoff-kpi-contact-events`.
 * - `channel` is written "VOICE" in some samples and "Voice" in others: compare it case-insensitively.
 * - `queueInfo` is absent for OUTBOUND contacts; `agentInfo.connectedToAgentTimestamp` can be the epoch
 *   placeholder "1970-01-01T00:00:00.001Z" on a contact that never reached an agent.
 * - Delivery is best effort and unordered; new fields and event types appear over time: tolerate both.
 */
export const CONNECT_CONTACT_EVENT_TYPES = ["QUEUED", "CONNECTED_TO_AGENT", "DISCONNECTED"] as const;
export type ConnectContactEventType = (typeof CONNECT_CONTACT_EVENT_TYPES)[number];

export const ConnectContactEventDetail = z.looseObject({
  eventType: z.string().min(1),
  contactId: z.string().min(1),
  initialContactId: z.string().min(1).optional(),
  previousContactId: z.string().min(1).optional(),
  channel: z.string().optional(),
  instanceArn: z.string().optional(),
  initiationMethod: z.string().optional(),
  initiationTimestamp: z.string().optional(),
  connectedToSystemTimestamp: z.string().optional(),
  disconnectTimestamp: z.string().optional(),
  disconnectReason: z.string().optional(),
  queueInfo: z
    .looseObject({
      queueArn: z.string().optional(),
      queueType: z.string().optional(),
      enqueueTimestamp: z.string().optional(),
    })
    .optional(),
  agentInfo: z
    .looseObject({
      agentArn: z.string().optional(),
      connectedToAgentTimestamp: z.string().optional(),
    })
    .optional(),
});
export type ConnectContactEventDetail = z.infer<typeof ConnectContactEventDetail>;

export const ConnectContactEvent = z.looseObject({
  id: z.string().optional(),
  source: z.literal("aws.connect"),
  "detail-type": z.literal("Amazon Connect Contact Event"),
  /** When EventBridge received the event (ISO 8601, to the second). */
  time: z.string().optional(),
  detail: ConnectContactEventDetail,
});
export type ConnectContactEvent = z.infer<typeof ConnectContactEvent>;

/**
 * The envelope of any event a Baton rule target receives: EventBridge's (`version`, `account`, ...) or the
 * local bus's. Only what the consumers read is required; `detail` is parsed with the event's own contract.
 */
export const BusEnvelope = z.looseObject({
  id: z.string().optional(),
  source: z.string().min(1),
  "detail-type": z.string().min(1),
  time: z.string().optional(),
  detail: z.unknown(),
});
export type BusEnvelope = z.infer<typeof BusEnvelope>;
