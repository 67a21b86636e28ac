import { CONNECT_CONTACT_EVENT } from "../../contracts/bus-rules.js";
import type { BusEvent } from "../../functions/ports/event-publisher.js";

/** The local stand-in for an Amazon Connect instance, in the ARNs its contact events carry. */
const INSTANCE_ID = "00000000-0000-4000-8000-0000000b4704";
const INSTANCE_ARN = `arn:aws:connect:local:000000000000:instance/${INSTANCE_ID}`;

/**
 * An Amazon Connect contact event as Connect puts it on EventBridge (source `aws.connect`), for the
 * moments the local stack plays Connect: the call enters a queue, a closer accepts it, the customer hangs up
 * (DISCONNECTED, then COMPLETED with the same data). The detail is what the
 * reference page's camelCase samples carry: `instanceArn`, the contact's own `initiationMethod` (the AI call
 * came in: INBOUND; TRANSFER is only for a contact an agent transferred with a quick connect), `queueInfo`
 * with its type, `agentInfo` once an agent is connected, and the instance tag.
 * https://docs.aws.amazon.com/connect/latest/adminguide/contact-events.html
 * (On AWS only Connect may use the `aws.` source; locally the desk stands in for it.)
 */
export function connectContactEvent(input: {
  eventType: "QUEUED" | "CONNECTED_TO_AGENT" | "DISCONNECTED" | "COMPLETED";
  contactId: string;
  /** Absent while the contact never left the AI's flow for a queue. */
  queue?: { name: string; enqueuedAt: Date } | undefined;
  agent?: { id: string; connectedAt: Date } | undefined;
  disconnect?: { at: Date; reason: "CUSTOMER_DISCONNECT" } | undefined;
}): BusEvent {
  const detail = {
    eventType: input.eventType,
    contactId: input.contactId,
    channel: "VOICE",
    instanceArn: INSTANCE_ARN,
    initiationMethod: "INBOUND",
    ...(input.queue
      ? {
          queueInfo: {
            queueType: "STANDARD",
            queueArn: `${INSTANCE_ARN}/queue/${input.queue.name}`,
            enqueueTimestamp: input.queue.enqueuedAt.toISOString(),
          },
        }
      : {}),
    ...(input.agent
      ? {
          agentInfo: {
            agentArn: `${INSTANCE_ARN}/agent/${input.agent.id}`,
            connectedToAgentTimestamp: input.agent.connectedAt.toISOString(),
          },
        }
      : {}),
    ...(input.disconnect
      ? {
          disconnectTimestamp: input.disconnect.at.toISOString(),
          disconnectReason: input.disconnect.reason,
        }
      : {}),
    tags: { "aws:connect:instanceId": INSTANCE_ID },
  };
  return {
    id: `${input.eventType}:${input.contactId}`,
    source: CONNECT_CONTACT_EVENT.source,
    detailType: CONNECT_CONTACT_EVENT.detailType,
    detail: JSON.stringify(detail),
  };
}
