import type { BusEvent, EventPublisher } from "../ports/event-publisher.js";
import type { PendingEvents } from "../ports/pending-events.js";

export interface DeliveryDependencies {
  publisher: EventPublisher;
  pendingEvents: PendingEvents;
}

export interface DeliveryLimits {
  /** How long the bus may take before the events go to the pending queue instead. */
  publishMs: number;
  /** How long the pending queue may take before the events are given up (and logged in full). */
  keepMs: number;
}

export type Delivery =
  | { outcome: "published" }
  | { outcome: "kept"; publishError: string }
  | { outcome: "lost"; publishError: string; keepError: string };

/**
 * Events that must not be lost and have no state item to wait on: straight to the bus, and when the bus
 * refuses or does not answer in time, to the pending-events queue its relay reads. Never throws.
 * A publish that answers after its time is up may put the events on the bus as well: same ids, one event.
 */
export async function publishOrKeep(
  deps: DeliveryDependencies,
  events: readonly BusEvent[],
  limits: DeliveryLimits,
): Promise<Delivery> {
  if (events.length === 0) return { outcome: "published" };
  const published = await within(
    deps.publisher
      .publish(events)
      .then(({ failed }) =>
        failed.length === 0
          ? undefined
          : failed.map((failure) => `${failure.id}: ${failure.errorCode}`).join("; "),
      ),
    limits.publishMs,
    "the bus did not answer in time",
  );
  if (published === undefined) return { outcome: "published" };
  // Everything goes to the queue, published or not: the relay re-sends under the same ids.
  const kept = await within(
    deps.pendingEvents.keep(events).then(() => undefined),
    limits.keepMs,
    "the pending-events queue did not answer in time",
  );
  if (kept === undefined) return { outcome: "kept", publishError: published };
  return { outcome: "lost", publishError: published, keepError: kept };
}

/** Undefined when `work` succeeded in time, else why not. */
async function within(
  work: Promise<string | undefined>,
  ms: number,
  late: string,
): Promise<string | undefined> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<string>((resolve) => {
    timer = setTimeout(() => resolve(late), ms);
  });
  const settled = work.then(
    (failure) => failure,
    (error: unknown) => (error instanceof Error ? `${error.name}: ${error.message}` : String(error)),
  );
  try {
    return await Promise.race([settled, deadline]);
  } finally {
    clearTimeout(timer);
  }
}
