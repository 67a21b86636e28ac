import {
  type EventBridgeClient,
  PutEventsCommand,
  type PutEventsRequestEntry,
  type PutEventsResultEntry,
} from "@aws-sdk/client-eventbridge";
import type { BusEvent, EventPublisher, PublishFailure } from "../ports/event-publisher.js";

/** PutEvents takes 1 to 10 entries. https://docs.aws.amazon.com/eventbridge/latest/APIReference/API_PutEvents.html */
export const MAX_ENTRIES_PER_CALL = 10;

/**
 * The entries of one call must total less than 256 KB, counted as the user guide says
 * (https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-putevent-size.html).
 * AWS raised the bus limit to 1 MB in January 2026; 256 KB stays the default because it holds in
 * every partition and keeps events small for consumers. Raise it with `maxRequestBytes`.
 */
export const MAX_REQUEST_BYTES = 256 * 1024;

/** Entry error codes the SDK documents as not retryable: sending them again cannot succeed. */
const PERMANENT_ERROR_CODES = new Set([
  "AccessDeniedException",
  "InvalidAccountIdException",
  "InvalidArgument",
  "MalformedDetail",
  "RedactionFailure",
  "NotAuthorizedForSourceException",
  "NotAuthorizedForDetailTypeException",
  "EntryTooLarge",
]);

const BASE_BACKOFF_MS = 50;
const MAX_BACKOFF_MS = 1_000;

export interface EventBridgePublisherOptions {
  client: EventBridgeClient;
  eventBusName: string;
  /** Calls per entry, the first included. */
  maxAttempts?: number;
  sleep?: (ms: number) => Promise<void>;
  maxRequestBytes?: number;
}

interface EntryFailure {
  event: BusEvent;
  failure: PublishFailure;
}

/** Publishes to an EventBridge bus; reports what could not be published instead of throwing. */
export class EventBridgePublisher implements EventPublisher {
  private readonly client: EventBridgeClient;
  private readonly eventBusName: string;
  private readonly maxAttempts: number;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly maxRequestBytes: number;

  constructor(options: EventBridgePublisherOptions) {
    this.client = options.client;
    this.eventBusName = options.eventBusName;
    this.maxAttempts = Math.max(1, options.maxAttempts ?? 3);
    this.sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
    this.maxRequestBytes = options.maxRequestBytes ?? MAX_REQUEST_BYTES;
  }

  async publish(events: readonly BusEvent[]): Promise<{ failed: PublishFailure[] }> {
    const failed: PublishFailure[] = [];
    let pending: BusEvent[] = [];
    for (const event of events) {
      const size = entrySize(event);
      if (size >= this.maxRequestBytes) {
        // Never sent: EventBridge would reject it on every attempt.
        failed.push({
          id: event.id,
          errorCode: "EntryTooLarge",
          errorMessage: `entry is ${size} bytes; PutEvents allows less than ${this.maxRequestBytes}`,
        });
      } else {
        pending.push(event);
      }
    }

    for (let attempt = 1; pending.length > 0; attempt += 1) {
      const failures = await this.sendAll(pending);
      const retryable = failures.filter(({ failure }) => !PERMANENT_ERROR_CODES.has(failure.errorCode));
      failed.push(
        ...failures
          .filter(({ failure }) => PERMANENT_ERROR_CODES.has(failure.errorCode))
          .map((f) => f.failure),
      );
      if (retryable.length === 0) break;
      if (attempt >= this.maxAttempts) {
        failed.push(...retryable.map((f) => f.failure));
        break;
      }
      await this.sleep(backoffMs(attempt));
      // The same events again: their ids inside the detail let consumers drop duplicates.
      pending = retryable.map((f) => f.event);
    }
    return { failed };
  }

  private async sendAll(events: readonly BusEvent[]): Promise<EntryFailure[]> {
    const failures: EntryFailure[] = [];
    for (const batch of toBatches(events, this.maxRequestBytes)) {
      failures.push(...(await this.sendBatch(batch)));
    }
    return failures;
  }

  private async sendBatch(batch: readonly BusEvent[]): Promise<EntryFailure[]> {
    const entries: PutEventsRequestEntry[] = batch.map((event) => ({
      EventBusName: this.eventBusName,
      Source: event.source,
      DetailType: event.detailType,
      Detail: event.detail,
    }));
    let results: PutEventsResultEntry[];
    try {
      const response = await this.client.send(new PutEventsCommand({ Entries: entries }));
      results = response.Entries ?? [];
    } catch (error) {
      // A failed call fails every entry in it.
      const errorCode = error instanceof Error ? error.name : "UnknownError";
      const errorMessage = error instanceof Error ? error.message : String(error);
      return batch.map((event) => ({ event, failure: { id: event.id, errorCode, errorMessage } }));
    }
    // Results correlate with the request by position, not by id.
    return batch.flatMap((event, index): EntryFailure[] => {
      const result = results[index];
      if (!result) {
        const failure = { id: event.id, errorCode: "MissingResult", errorMessage: "no result entry" };
        return [{ event, failure }];
      }
      if (!result.ErrorCode) return [];
      const errorMessage = result.ErrorMessage ?? "";
      return [{ event, failure: { id: event.id, errorCode: result.ErrorCode, errorMessage } }];
    });
  }
}

/** Entry size as EventBridge counts it: Source, DetailType and Detail in UTF-8 (no Time, no Resources set). */
export function entrySize(event: BusEvent): number {
  return (
    Buffer.byteLength(event.source, "utf8") +
    Buffer.byteLength(event.detailType, "utf8") +
    Buffer.byteLength(event.detail, "utf8")
  );
}

/** Consecutive batches of at most 10 entries whose sizes total less than `maxBytes`. */
export function toBatches(events: readonly BusEvent[], maxBytes: number): BusEvent[][] {
  const batches: BusEvent[][] = [];
  let current: BusEvent[] = [];
  let currentBytes = 0;
  for (const event of events) {
    const size = entrySize(event);
    if (current.length === MAX_ENTRIES_PER_CALL || (current.length > 0 && currentBytes + size >= maxBytes)) {
      batches.push(current);
      current = [];
      currentBytes = 0;
    }
    current.push(event);
    currentBytes += size;
  }
  if (current.length > 0) batches.push(current);
  return batches;
}

/** Exponential with jitter, so concurrent Lambdas that were throttled together do not retry together. */
function backoffMs(attempt: number): number {
  const ceiling = Math.min(MAX_BACKOFF_MS, BASE_BACKOFF_MS * 2 ** (attempt - 1));
  return Math.round(ceiling / 2 + (Math.random() * ceiling) / 2);
}
