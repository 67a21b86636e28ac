import { SendMessageCommand, SQSClient } from "@aws-sdk/client-sqs";
import { mockClient } from "aws-sdk-client-mock";
import { beforeEach, describe, expect, it } from "vitest";
import { InMemoryEventPublisher } from "../../functions/adapters/in-memory.js";
import { PendingEventsMessage, SqsPendingEvents } from "../../functions/adapters/sqs-pending-events.js";
import { relayPendingEvents } from "../../functions/application/relay-pending-events.js";
import type { BusEvent } from "../../functions/ports/event-publisher.js";

const sqs = mockClient(SQSClient);
const QUEUE_URL = "https://sqs.eu-west-1.amazonaws.com/123456789012/baton-pending-events";

function busEvent(id: string, detailBytes = 40): BusEvent {
  return {
    id,
    source: "baton.handoff",
    detailType: "Handoff.Requested",
    detail: JSON.stringify({ meta: { id }, pad: "x".repeat(detailBytes) }),
  };
}

describe("SqsPendingEvents (SQS SendMessage at the SDK boundary)", () => {
  beforeEach(() => {
    sqs.reset();
    // SendMessage response in the documented shape.
    sqs.on(SendMessageCommand).resolves({
      $metadata: { httpStatusCode: 200 },
      MessageId: "5fea7756-0ea4-451a-a703-a558b933e274",
      MD5OfMessageBody: "fafb00f5732ab283681e124bf8747ed1",
    });
  });

  it("sends a turn's events as one message on the queue", async () => {
    // Prepare
    const pending = new SqsPendingEvents({
      client: new SQSClient({ region: "eu-west-1" }),
      queueUrl: QUEUE_URL,
    });
    // Act
    await pending.keep([busEvent("a"), busEvent("b")]);
    // Assess
    const calls = sqs.commandCalls(SendMessageCommand);
    expect(calls).toHaveLength(1);
    expect(calls[0]?.args[0].input.QueueUrl).toBe(QUEUE_URL);
    const body = PendingEventsMessage.parse(JSON.parse(calls[0]?.args[0].input.MessageBody ?? "null"));
    expect(body.events.map((event) => event.id)).toEqual(["a", "b"]);
  });

  it("sends one message per event when together they pass SQS's 256 KB", async () => {
    // Prepare
    const pending = new SqsPendingEvents({
      client: new SQSClient({ region: "eu-west-1" }),
      queueUrl: QUEUE_URL,
    });
    // Act
    await pending.keep([busEvent("a", 150_000), busEvent("b", 150_000)]);
    // Assess
    expect(sqs.commandCalls(SendMessageCommand)).toHaveLength(2);
  });

  it("rejects when SQS refuses, so the caller knows nothing was kept", async () => {
    // Prepare
    sqs
      .on(SendMessageCommand)
      .rejects(Object.assign(new Error("unavailable"), { name: "ServiceUnavailable" }));
    const pending = new SqsPendingEvents({
      client: new SQSClient({ region: "eu-west-1" }),
      queueUrl: QUEUE_URL,
    });
    // Act
    const kept = pending.keep([busEvent("a")]);
    // Assess
    await expect(kept).rejects.toThrow("unavailable");
  });
});

describe("relayPendingEvents", () => {
  it("publishes each message's events and reports the messages still failing or unreadable", async () => {
    // Prepare
    const bus = new InMemoryEventPublisher();
    bus.failOnce.add("c");
    const records = [
      { messageId: "m1", body: JSON.stringify({ events: [busEvent("a"), busEvent("b")] }) },
      { messageId: "m2", body: JSON.stringify({ events: [busEvent("c")] }) },
      { messageId: "m3", body: "{not json" },
      { messageId: "m4", body: JSON.stringify({ events: [] }) },
    ];
    // Act
    const result = await relayPendingEvents(bus, records);
    // Assess
    expect(bus.published.map((event) => event.id)).toEqual(["a", "b"]);
    expect(result.failed).toEqual(["m2", "m3", "m4"]);
    expect(result.unreadable.map((message) => message.messageId)).toEqual(["m3", "m4"]);
  });
});
