import type { EventPublisher } from "../ports/event-publisher.js";
import type { OutboxEntry, StateStore } from "../ports/state-store.js";

/** What the relay needs from one changed contact item (the stream's new image). */
export interface OutboxImage {
  contactId: string;
  version: number;
  outbox: readonly OutboxEntry[];
  unpublished: readonly string[];
}

export interface RelayDependencies {
  publisher: EventPublisher;
  stateStore: Pick<StateStore, "clearUnpublished" | "loadContact">;
}

/**
 * The second half of the outbox: events the call path could not publish are marked on the item;
 * the item's stream brings them here. Returns the images that still have unpublished events,
 * so the stream retries them (and finally sends them to its dead-letter queue).
 */
export async function relayOutbox(
  deps: RelayDependencies,
  images: readonly OutboxImage[],
): Promise<OutboxImage[]> {
  const stillFailing: OutboxImage[] = [];
  for (const image of images) {
    if (image.unpublished.length === 0) continue;
    // The call path clears what it published a moment after the write: read the item again so only
    // what is still pending goes out (the event source's batching window gives it that moment).
    const current = await deps.stateStore.loadContact(image.contactId);
    const stillPending = new Set(
      current?.version === image.version ? current.unpublished : image.unpublished,
    );
    const pending = image.outbox.filter((entry) => stillPending.has(entry.id));
    if (pending.length === 0) continue;
    const { failed } = await deps.publisher.publish(pending);
    const failedIds = new Set(failed.map((failure) => failure.id));
    const published = pending.filter((entry) => !failedIds.has(entry.id)).map((entry) => entry.id);
    if (published.length > 0)
      await deps.stateStore.clearUnpublished(image.contactId, image.version, published);
    if (failedIds.size > 0) stillFailing.push(image);
  }
  return stillFailing;
}
