import { PendingEventsMessage } from "../adapters/sqs-pending-events.js";
import type { EventPublisher } from "../ports/event-publisher.js";

export interface PendingEventsRecord {
  messageId: string;
  body: string;
}

export interface PendingEventsRelayResult {
  /** Messages to leave on the queue: their events are not all on the bus yet (SQS retries them). */
  failed: string[];
  /** Messages that can never be published (not this format): kept aside by failing to the DLQ. */
  unreadable: Array<{ messageId: string; problem: string }>;
}

/**
 * The relay of the pending-events queue: what the call path could neither publish nor keep on the state item
 * (a fallback handoff with DynamoDB down, a turn out of time) goes on the bus under its own ids, so consumers
 * treat it like any other event and drop what they already have.
 */
export async function relayPendingEvents(
  publisher: EventPublisher,
  records: readonly PendingEventsRecord[],
): Promise<PendingEventsRelayResult> {
  const failed: string[] = [];
  const unreadable: PendingEventsRelayResult["unreadable"] = [];
  for (const record of records) {
    const message = parseMessage(record.body);
    if (!message.success) {
      unreadable.push({ messageId: record.messageId, problem: message.problem });
      failed.push(record.messageId);
      continue;
    }
    const { failed: refused } = await publisher.publish(message.data.events);
    if (refused.length > 0) failed.push(record.messageId);
  }
  return { failed, unreadable };
}

function parseMessage(
  body: string,
): { success: true; data: PendingEventsMessage } | { success: false; problem: string } {
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch (error) {
    return { success: false, problem: `not JSON: ${error instanceof Error ? error.message : String(error)}` };
  }
  const parsed = PendingEventsMessage.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return {
      success: false,
      problem: `${issue?.path.join(".") || "(message)"}: ${issue?.message ?? "invalid"}`,
    };
  }
  return { success: true, data: parsed.data };
}
