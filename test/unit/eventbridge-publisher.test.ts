import {
  EventBridgeClient,
  InternalException,
  PutEventsCommand,
  type PutEventsCommandOutput,
} from "@aws-sdk/client-eventbridge";
import { mockClient } from "aws-sdk-client-mock";
import { beforeEach, describe, expect, it, vi } from "vitest";
import {
  EventBridgePublisher,
  entrySize,
  MAX_REQUEST_BYTES,
} from "../../functions/adapters/eventbridge-publisher.js";
import type { BusEvent } from "../../functions/ports/event-publisher.js";

const eventBridge = mockClient(EventBridgeClient);

function busEvent(n: number, padding = 0): BusEvent {
  const id = `Handoff.Requested:contact-${n}:1`;
  return {
    id,
    source: "baton.handoff",
    detailType: "Handoff.Requested",
    detail: JSON.stringify({ meta: { id }, pad: "x".repeat(padding) }),
  };
}

/** PutEvents response in the documented shape: one result per entry, by position. */
function putEventsOutput(results: Array<"ok" | string>): PutEventsCommandOutput {
  return {
    $metadata: { httpStatusCode: 200 },
    FailedEntryCount: results.filter((result) => result !== "ok").length,
    Entries: results.map((result, index) =>
      result === "ok"
        ? { EventId: `11111111-2222-3333-4444-${String(index).padStart(12, "0")}` }
        : { ErrorCode: result, ErrorMessage: `${result} for entry ${index}` },
    ),
  };
}

function allOk(input: { Entries?: unknown[] | undefined }): PutEventsCommandOutput {
  return putEventsOutput((input.Entries ?? []).map(() => "ok"));
}

function sentIds(callIndex: number): string[] {
  const call = eventBridge.commandCalls(PutEventsCommand)[callIndex];
  return (call?.args[0].input.Entries ?? []).map((entry) => JSON.parse(entry.Detail ?? "{}").meta.id);
}

function publisher(maxAttempts = 3) {
  const sleep = vi.fn(async (_ms: number) => {});
  const client = new EventBridgeClient({ region: "eu-west-1" });
  return {
    sleep,
    publisher: new EventBridgePublisher({ client, eventBusName: "baton", maxAttempts, sleep }),
  };
}

describe("EventBridgePublisher", () => {
  beforeEach(() => {
    eventBridge.reset();
  });

  it("sends 25 events in 3 calls of at most 10 entries, on the configured bus", async () => {
    // Prepare
    eventBridge.on(PutEventsCommand).callsFake(allOk);
    const events = Array.from({ length: 25 }, (_, n) => busEvent(n));
    // Act
    const result = await publisher().publisher.publish(events);
    // Assess
    const calls = eventBridge.commandCalls(PutEventsCommand);
    expect(result.failed).toEqual([]);
    expect(calls.map((call) => call.args[0].input.Entries?.length)).toEqual([10, 10, 5]);
    expect(calls[0]?.args[0].input.Entries?.[0]).toEqual({
      EventBusName: "baton",
      Source: "baton.handoff",
      DetailType: "Handoff.Requested",
      Detail: events[0]?.detail,
    });
  });

  it("starts a new call before the entries would reach 256 KB", async () => {
    // Prepare
    eventBridge.on(PutEventsCommand).callsFake(allOk);
    const events = [busEvent(1, 100_000), busEvent(2, 100_000), busEvent(3, 100_000)];
    // Act
    const result = await publisher().publisher.publish(events);
    // Assess
    const calls = eventBridge.commandCalls(PutEventsCommand);
    expect(result.failed).toEqual([]);
    expect(calls.map((call) => call.args[0].input.Entries?.length)).toEqual([2, 1]);
    for (const call of calls) {
      const entries = call.args[0].input.Entries ?? [];
      const bytes = entries.reduce(
        (sum, entry) => sum + Buffer.byteLength(`${entry.Source}${entry.DetailType}${entry.Detail}`, "utf8"),
        0,
      );
      expect(bytes).toBeLessThan(MAX_REQUEST_BYTES);
    }
  });

  it("counts multi-byte characters as UTF-8 bytes", () => {
    // Prepare
    const event = { ...busEvent(1), detail: '{"note":"é€"}' };
    // Act
    const size = entrySize(event);
    // Assess
    expect(size).toBe("baton.handoff".length + "Handoff.Requested".length + '{"note":""}'.length + 2 + 3);
  });

  it("re-sends only the failed entries, same ids, and then reports nothing failed", async () => {
    // Prepare
    eventBridge
      .on(PutEventsCommand)
      .resolvesOnce(putEventsOutput(["ok", "ThrottlingException", "ok", "InternalFailure"]))
      .callsFake(allOk);
    const events = [1, 2, 3, 4].map((n) => busEvent(n));
    const { publisher: subject, sleep } = publisher();
    // Act
    const result = await subject.publish(events);
    // Assess
    expect(result.failed).toEqual([]);
    expect(eventBridge.commandCalls(PutEventsCommand)).toHaveLength(2);
    expect(sentIds(1)).toEqual([events[1]?.id, events[3]?.id]);
    expect(sleep).toHaveBeenCalledTimes(1);
  });

  it("returns entries that keep failing after maxAttempts calls", async () => {
    // Prepare
    eventBridge
      .on(PutEventsCommand)
      .callsFake((input: { Entries?: unknown[] }) =>
        putEventsOutput((input.Entries ?? []).map((_, index) => (index === 0 ? "InternalFailure" : "ok"))),
      );
    const events = [busEvent(1), busEvent(2)];
    // Act
    const result = await publisher(3).publisher.publish(events);
    // Assess
    expect(eventBridge.commandCalls(PutEventsCommand)).toHaveLength(3);
    expect(result.failed).toEqual([
      { id: events[0]?.id, errorCode: "InternalFailure", errorMessage: "InternalFailure for entry 0" },
    ]);
  });

  it("does not retry an entry error the SDK documents as permanent", async () => {
    // Prepare
    eventBridge.on(PutEventsCommand).resolves(putEventsOutput(["MalformedDetail"]));
    // Act
    const result = await publisher().publisher.publish([busEvent(1)]);
    // Assess
    expect(eventBridge.commandCalls(PutEventsCommand)).toHaveLength(1);
    expect(result.failed.map((failure) => failure.errorCode)).toEqual(["MalformedDetail"]);
  });

  it("treats a thrown SDK error as a failure of every entry in the call, retries, then returns them", async () => {
    // Prepare
    eventBridge
      .on(PutEventsCommand)
      .rejects(new InternalException({ message: "We encountered an internal error", $metadata: {} }));
    const events = [busEvent(1), busEvent(2)];
    const { publisher: subject, sleep } = publisher(3);
    // Act
    const result = await subject.publish(events);
    // Assess
    expect(eventBridge.commandCalls(PutEventsCommand)).toHaveLength(3);
    expect(sleep).toHaveBeenCalledTimes(2);
    expect(result.failed).toEqual(
      events.map((event) => ({
        id: event.id,
        errorCode: "InternalException",
        errorMessage: "We encountered an internal error",
      })),
    );
  });

  it("recovers when a thrown error is followed by a successful call", async () => {
    // Prepare
    eventBridge
      .on(PutEventsCommand)
      .rejectsOnce(new InternalException({ message: "boom", $metadata: {} }))
      .callsFake(allOk);
    // Act
    const result = await publisher().publisher.publish([busEvent(1)]);
    // Assess
    expect(result.failed).toEqual([]);
    expect(eventBridge.commandCalls(PutEventsCommand)).toHaveLength(2);
  });

  it("never sends an event of 256 KB or more and reports it as EntryTooLarge", async () => {
    // Prepare
    eventBridge.on(PutEventsCommand).callsFake(allOk);
    const huge = busEvent(1, MAX_REQUEST_BYTES);
    const small = busEvent(2);
    // Act
    const result = await publisher().publisher.publish([huge, small]);
    // Assess
    expect(result.failed).toEqual([
      { id: huge.id, errorCode: "EntryTooLarge", errorMessage: expect.stringContaining("bytes") },
    ]);
    expect(eventBridge.commandCalls(PutEventsCommand)).toHaveLength(1);
    expect(sentIds(0)).toEqual([small.id]);
  });

  it("makes no call for no events", async () => {
    // Prepare
    const subject = publisher().publisher;
    // Act
    const result = await subject.publish([]);
    // Assess
    expect(result.failed).toEqual([]);
    expect(eventBridge.commandCalls(PutEventsCommand)).toHaveLength(0);
  });
});
