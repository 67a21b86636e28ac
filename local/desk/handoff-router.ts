import { HandoffRequested } from "../../contracts/events/catalog.js";
import { warmBrief } from "../../functions/domain/warm-brief.js";
import type { EventPublisher } from "../../functions/ports/event-publisher.js";
import type { DeskEntry } from "../api/desk-api.js";
import { EventBridgeEnvelope } from "../bus/event-envelope.js";
import type { TargetHandler } from "../bus/local-bus.js";
import type { Log } from "../support/log.js";
import { connectContactEvent } from "./connect-contact-event.js";
import type { DeskStore } from "./desk-store.js";

export interface HandoffRouterDependencies {
  desk: DeskStore;
  /** The router tells "Connect" the call is queued (a contact event for the KPI consumer). */
  publisher: EventPublisher;
  clock: () => Date;
  log: Log;
}

/**
 * The `handoff-router` target on one machine: where the deployed router sets the Connect queue,
 * this one puts the screen pop in the desk's queue. A malformed event throws, so the bus retries
 * it and then dead-letters it.
 */
export function handoffRouter(deps: HandoffRouterDependencies): TargetHandler {
  return async (raw) => {
    const envelope = EventBridgeEnvelope.parse(raw);
    const detail = HandoffRequested.detail.parse(envelope.detail);
    const now = deps.clock();
    const entry: DeskEntry = {
      contactId: detail.meta.contactId,
      ...(detail.meta.leadId ? { leadId: detail.meta.leadId } : {}),
      campaignId: detail.meta.campaignId,
      queue: detail.queue,
      trigger: detail.trigger,
      turn: detail.turn,
      reasons: detail.reasons,
      screenPop: detail.screenPop,
      warmBrief: warmBrief(detail.screenPop),
      eventId: detail.meta.id,
      requestedAt: detail.meta.occurredAt,
      receivedAt: now.toISOString(),
      status: "waiting",
    };
    if (!deps.desk.addHandoff(entry)) return;
    deps.log.info(`desk: ${entry.contactId} waits in ${entry.queue} (${entry.trigger}, turn ${entry.turn})`);
    await deps.publisher.publish([
      connectContactEvent({
        eventType: "QUEUED",
        contactId: entry.contactId,
        queue: { name: entry.queue, enqueuedAt: now },
      }),
    ]);
  };
}
