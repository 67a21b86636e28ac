import type { EventPublisher } from "../../functions/ports/event-publisher.js";
import type { CallRecord } from "../api/call-api.js";
import { connectContactEvent } from "../desk/connect-contact-event.js";
import type { DeskStore } from "../desk/desk-store.js";
import type { Log } from "../support/log.js";
import type { CallService } from "./call-service.js";

export interface HangUpDependencies {
  calls: CallService;
  desk: DeskStore;
  /** The contact events Connect would put on EventBridge. */
  publisher: EventPublisher;
  log: Log;
}

/**
 * The console's Hang up, as Amazon Connect sees a customer disconnecting: the call ends (no more Lex
 * turns), a handed-off call nobody accepted leaves the desk's waiting queue, and the contact's
 * DISCONNECTED then COMPLETED events go on the bus with `disconnectReason: CUSTOMER_DISCONNECT`, its
 * queue when it was queued and its agent when a closer had accepted it (the KPI reads an abandoned
 * handoff from exactly that). Connect's contact events are best effort: a refused one is logged, the
 * hang-up stands. https://docs.aws.amazon.com/connect/latest/adminguide/contact-events.html
 */
export async function customerHangsUp(deps: HangUpDependencies, callId: string): Promise<CallRecord> {
  const { call, applied } = await deps.calls.hangUp(callId);
  if (!applied || !call.hungUpAt) return call;
  const at = new Date(call.hungUpAt);
  const entry = deps.desk.markCustomerLeft(call.contactId, at);
  const contact = {
    contactId: call.contactId,
    queue: entry ? { name: entry.queue, enqueuedAt: new Date(entry.receivedAt) } : undefined,
    agent: entry?.acceptedAt
      ? { id: entry.acceptedBy ?? "local-closer", connectedAt: new Date(entry.acceptedAt) }
      : undefined,
    disconnect: { at, reason: "CUSTOMER_DISCONNECT" as const },
  };
  const { failed } = await deps.publisher.publish([
    connectContactEvent({ eventType: "DISCONNECTED", ...contact }),
    connectContactEvent({ eventType: "COMPLETED", ...contact }),
  ]);
  for (const refused of failed)
    deps.log.warn(`hang-up: the bus refused ${refused.id} for ${call.contactId}: ${refused.errorMessage}`);
  return call;
}
