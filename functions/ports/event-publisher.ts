/** One event for the bus; `id` is the deterministic id in `detail.meta.id`. */
export interface BusEvent {
  id: string;
  source: string;
  detailType: string;
  /** JSON text of the detail. */
  detail: string;
}

export interface PublishFailure {
  id: string;
  errorCode: string;
  errorMessage: string;
}

/** Port for the event bus (EventBridge in AWS, the local bus on one machine). */
export interface EventPublisher {
  /** Publishes all events (batched as the bus requires); returns the ones that could not be published. */
  publish(events: readonly BusEvent[]): Promise<{ failed: PublishFailure[] }>;
}
