import type { BusEvent } from "./event-publisher.js";

/**
 * A durable place for events the call path could neither publish nor keep on the state item (DynamoDB down,
 * or the turn out of time): a relay publishes them later under the same ids. SQS in AWS.
 */
export interface PendingEvents {
  /** Resolves once the events are stored; rejects when they could not be. */
  keep(events: readonly BusEvent[]): Promise<void>;
}
