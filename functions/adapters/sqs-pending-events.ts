import { SendMessageCommand, type SQSClient } from "@aws-sdk/client-sqs";
import * as z from "../../contracts/zod.js";
import type { BusEvent } from "../ports/event-publisher.js";
import type { PendingEvents } from "../ports/pending-events.js";

/** One SQS message: the events of one turn, exactly as they go on the bus. */
export const PendingEventsMessage = z.strictObject({
  events: z
    .array(
      z.strictObject({
        id: z.string().check(z.minLength(1)),
        source: z.string().check(z.minLength(1)),
        detailType: z.string().check(z.minLength(1)),
        detail: z.string(),
      }),
    )
    .check(z.minLength(1)),
});
export type PendingEventsMessage = z.infer<typeof PendingEventsMessage>;

/** SQS accepts messages up to 256 KB (https://docs.aws.amazon.com/AWSSimpleQueueService/latest/APIReference/API_SendMessage.html). */
const MAX_MESSAGE_BYTES = 256 * 1024;

export interface SqsPendingEventsOptions {
  client: SQSClient;
  queueUrl: string;
}

/** Pending events as SQS messages; functions/handlers/pending-events-relay.ts publishes them. */
export class SqsPendingEvents implements PendingEvents {
  constructor(private readonly options: SqsPendingEventsOptions) {}

  async keep(events: readonly BusEvent[]): Promise<void> {
    if (events.length === 0) return;
    for (const batch of messages(events)) {
      const body: PendingEventsMessage = { events: batch };
      await this.options.client.send(
        new SendMessageCommand({ QueueUrl: this.options.queueUrl, MessageBody: JSON.stringify(body) }),
      );
    }
  }
}

/** All events in one message when they fit, else one message each (a turn's events are a few KB). */
function messages(events: readonly BusEvent[]): BusEvent[][] {
  const whole = Buffer.byteLength(JSON.stringify({ events }), "utf8");
  return whole < MAX_MESSAGE_BYTES ? [[...events]] : events.map((event) => [event]);
}
