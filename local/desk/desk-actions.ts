import { HandbackRequested, type HandbackRequestedDetail } from "../../contracts/events/catalog.js";
import { handbackRequestedDetail } from "../../functions/domain/handback-request.js";
import type { EventPublisher } from "../../functions/ports/event-publisher.js";
import type { DeskEntry, HandbackRequest } from "../api/desk-api.js";
import { connectContactEvent } from "./connect-contact-event.js";
import type { DeskStore } from "./desk-store.js";

export interface DeskActionDependencies {
  desk: DeskStore;
  publisher: EventPublisher;
  clock: () => Date;
}

/** The desk has no such call: the HTTP layer answers 404. */
export class UnknownContactError extends Error {
  override readonly name = "UnknownContactError";
  constructor(readonly contactId: string) {
    super(`no handed-off call ${contactId} on the desk`);
  }
}

/** The request is well-formed but cannot be done now (the HTTP layer answers 409 or 400). */
export class DeskActionRejected extends Error {
  override readonly name = "DeskActionRejected";
}

/** The bus refused the event: nothing was changed on the desk, the closer can try again. */
export class PublishFailedError extends Error {
  override readonly name = "PublishFailedError";
}

/** "Accept": the closer takes the call; locally the desk tells the bus, as Connect would. */
export async function acceptCall(
  deps: DeskActionDependencies,
  contactId: string,
  agent: string,
): Promise<DeskEntry> {
  const entry = deps.desk.get(contactId);
  if (!entry) throw new UnknownContactError(contactId);
  if (entry.status !== "waiting") return entry;
  const now = deps.clock();
  const { failed } = await deps.publisher.publish([
    connectContactEvent({
      eventType: "CONNECTED_TO_AGENT",
      contactId,
      queue: { name: entry.queue, enqueuedAt: new Date(entry.receivedAt) },
      agent: { id: agent, connectedAt: now },
    }),
  ]);
  if (failed.length > 0)
    throw new PublishFailedError(`the bus refused the contact event: ${failed[0]?.errorMessage}`);
  return deps.desk.accept(contactId, agent, now) ?? entry;
}

/**
 * "Hand back to AI": publishes `Handback.Requested` (functions/domain/handback-request.ts, as the deployed
 * endpoint does) so the scheduler books the AI's follow-up call, then marks the desk entry. The event id
 * is deterministic per contact and time, so a double click is one event.
 */
export async function handBack(
  deps: DeskActionDependencies,
  contactId: string,
  request: HandbackRequest,
): Promise<{ entry: DeskEntry; detail: HandbackRequestedDetail }> {
  const entry = deps.desk.get(contactId);
  if (!entry) throw new UnknownContactError(contactId);
  // Only the closer who took the call hands it back, and once.
  if (entry.status === "waiting") throw new DeskActionRejected("accept the call before handing it back");
  if (entry.status === "abandoned")
    throw new DeskActionRejected(
      "the customer hung up before a closer accepted; there is nothing to hand back",
    );
  const now = deps.clock();
  const followUpAt = new Date(request.followUpAt);
  if (entry.status === "handed_back" && entry.handback?.followUpAt !== followUpAt.toISOString())
    throw new DeskActionRejected(`already handed back for ${entry.handback?.followUpAt ?? "a follow-up"}`);
  if (followUpAt.getTime() <= now.getTime())
    throw new DeskActionRejected(`followUpAt ${request.followUpAt} is not in the future`);
  const detail = handbackRequestedDetail({
    contactId,
    campaignId: entry.campaignId,
    leadId: entry.leadId,
    note: request.note,
    followUpAt: request.followUpAt,
    requestedBy: request.requestedBy,
    now,
  });
  const { failed } = await deps.publisher.publish([
    {
      id: detail.meta.id,
      source: HandbackRequested.source,
      detailType: HandbackRequested.detailType,
      detail: JSON.stringify(detail),
    },
  ]);
  if (failed.length > 0)
    throw new PublishFailedError(`the bus refused Handback.Requested: ${failed[0]?.errorMessage}`);
  const updated = deps.desk.markHandedBack(contactId, {
    note: detail.note,
    followUpAt: detail.followUpAt,
    requestedBy: detail.requestedBy,
    requestedAt: detail.meta.occurredAt,
    eventId: detail.meta.id,
  });
  return { entry: updated ?? entry, detail };
}
