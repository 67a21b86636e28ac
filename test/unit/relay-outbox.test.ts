import {
  EventBridgeClient,
  PutEventsCommand,
  type PutEventsCommandInput,
  type PutEventsCommandOutput,
  type PutEventsRequestEntry,
} from "@aws-sdk/client-eventbridge";
import { marshall } from "@aws-sdk/util-dynamodb";
import type { DynamoDBRecord, DynamoDBStreamEvent } from "aws-lambda";
import { mockClient } from "aws-sdk-client-mock";
import { beforeEach, describe, expect, it } from "vitest";
import { EventBridgePublisher } from "../../functions/adapters/eventbridge-publisher.js";
import { outboxImagesFromStream } from "../../functions/adapters/outbox-stream-records.js";
import { contactKey, leadKey } from "../../functions/adapters/state-table.js";
import { relayOutbox } from "../../functions/application/relay-outbox.js";
import { startContact } from "../../functions/domain/engine.js";
import type { OutboxEntry, StoredContact } from "../../functions/ports/state-store.js";
import { InMemoryStateStore } from "../support/in-memory-state-store.js";

const eventBridge = mockClient(EventBridgeClient);
const STREAM_ARN = "arn:aws:dynamodb:eu-west-1:123456789012:table/baton-state/stream/2026-03-02T10:00:00.000";

type StreamImage = NonNullable<NonNullable<DynamoDBRecord["dynamodb"]>["NewImage"]>;

function outboxEntry(contactId: string, detailType: string, discriminator: string): OutboxEntry {
  const id = `${detailType}:${contactId}:${discriminator}`;
  const source = detailType.startsWith("Handoff") ? "baton.handoff" : "baton.lead";
  return { id, source, detailType, detail: JSON.stringify({ meta: { id, contactId } }) };
}

function contact(
  contactId: string,
  version: number,
  outbox: OutboxEntry[],
  unpublished: OutboxEntry[],
): StoredContact {
  return {
    contactId,
    version,
    state: startContact({ contactId, campaignId: "default" }),
    lastTurnKey: `turn-${version}`,
    lastResponse: "{}",
    outbox,
    unpublished: unpublished.map((entry) => entry.id),
    expiresAt: 1_900_000_000,
  };
}

/** The contact item as the DynamoDB adapter writes it, in AttributeValue form (`unpublished` is a string set). */
function contactImage(item: StoredContact): StreamImage {
  const { contactId, unpublished, ...attributes } = item;
  return marshall(
    {
      ...contactKey(contactId),
      type: "contact",
      ...attributes,
      unpublished: unpublished.length > 0 ? new Set(unpublished) : undefined,
    },
    { removeUndefinedValues: true },
  ) as StreamImage;
}

/** One record of a DynamoDB stream event (NEW_AND_OLD_IMAGES) in the documented shape. */
function streamRecord(
  eventName: "INSERT" | "MODIFY" | "REMOVE",
  keys: { pk: string; sk: string },
  newImage: StreamImage | undefined,
  sequenceNumber: string,
): DynamoDBRecord {
  return {
    eventID: `c81e728d9d4c2f636f067f89cc14862c-${sequenceNumber}`,
    eventName,
    eventVersion: "1.1",
    eventSource: "aws:dynamodb",
    awsRegion: "eu-west-1",
    dynamodb: {
      ApproximateCreationDateTime: 1_772_446_500,
      Keys: { pk: { S: keys.pk }, sk: { S: keys.sk } },
      ...(newImage ? { NewImage: newImage } : {}),
      SequenceNumber: sequenceNumber,
      SizeBytes: 2_048,
      StreamViewType: "NEW_AND_OLD_IMAGES",
    },
    eventSourceARN: STREAM_ARN,
  };
}

function contactRecord(item: StoredContact, sequenceNumber: string): DynamoDBRecord {
  return streamRecord("MODIFY", contactKey(item.contactId), contactImage(item), sequenceNumber);
}

/** PutEvents response in the documented shape; `failing` entries fail with InternalFailure. */
function putEventsAnswer(input: PutEventsCommandInput, failing: (detailType: string) => boolean) {
  const entries = input.Entries ?? [];
  const results = entries.map((entry, index) =>
    failing(entry.DetailType ?? "")
      ? { ErrorCode: "InternalFailure", ErrorMessage: "Internal service error." }
      : { EventId: `0d9e8f7a-6b5c-4d3e-8f2a-${String(index).padStart(12, "0")}` },
  );
  const output: PutEventsCommandOutput = {
    $metadata: { httpStatusCode: 200 },
    FailedEntryCount: results.filter((result) => "ErrorCode" in result).length,
    Entries: results,
  };
  return output;
}

function sentEntries(): PutEventsRequestEntry[] {
  return eventBridge.commandCalls(PutEventsCommand).flatMap((call) => call.args[0].input.Entries ?? []);
}

function sentIds(): string[] {
  return sentEntries().map((entry) => JSON.parse(entry.Detail ?? "{}").meta.id);
}

function relayDependencies(stateStore: InMemoryStateStore) {
  return {
    stateStore,
    publisher: new EventBridgePublisher({
      client: new EventBridgeClient({ region: "eu-west-1" }),
      eventBusName: "baton",
      sleep: async () => {},
    }),
  };
}

/** What the relay Lambda answers with ReportBatchItemFailures, from the images still failing. */
function batchItemFailures(
  images: ReturnType<typeof outboxImagesFromStream>["images"],
  failing: ReadonlyArray<{ contactId: string }>,
) {
  const failed = new Set(failing.map((image) => image.contactId));
  return images
    .filter((entry) => failed.has(entry.image.contactId))
    .map((entry) => ({ itemIdentifier: entry.sequenceNumber }));
}

async function seed(store: InMemoryStateStore, item: StoredContact): Promise<void> {
  await store.commitTurn({ expectedVersion: item.version - 1, next: item });
}

describe("outboxImagesFromStream", () => {
  it("reads the contact id, version, outbox and unpublished ids of a contact's new image", () => {
    // Prepare
    const handoff = outboxEntry("contact-a", "Handoff.Requested", "handoff");
    const update = outboxEntry("contact-a", "Lead.QualificationUpdated", "3");
    const item = contact("contact-a", 1, [update, handoff], [handoff]);
    const event: DynamoDBStreamEvent = { Records: [contactRecord(item, "111100000000000000000001")] };
    // Act
    const { images, skipped } = outboxImagesFromStream(event);
    // Assess
    expect(skipped).toEqual([]);
    expect(images).toEqual([
      {
        sequenceNumber: "111100000000000000000001",
        image: { contactId: "contact-a", version: 1, outbox: [update, handoff], unpublished: [handoff.id] },
      },
    ]);
  });

  it("skips removals, leads, images without NewImage and contacts with nothing unpublished", () => {
    // Prepare
    const entry = outboxEntry("contact-b", "Handoff.Requested", "handoff");
    const published = contact("contact-b", 2, [entry], []);
    const lead = marshall({ ...leadKey("lead-1"), type: "lead", campaignId: "default" }) as StreamImage;
    const event: DynamoDBStreamEvent = {
      Records: [
        streamRecord("REMOVE", contactKey("contact-b"), contactImage(published), "1"),
        streamRecord("MODIFY", leadKey("lead-1"), lead, "2"),
        streamRecord("MODIFY", contactKey("contact-b"), undefined, "3"),
        contactRecord(published, "4"),
      ],
    };
    // Act
    const result = outboxImagesFromStream(event);
    // Assess
    expect(result).toEqual({ images: [], skipped: [] });
  });

  it("reports a contact image it cannot read by its sequence number, and a non-stream event", () => {
    // Prepare
    const item = contact("contact-c", 1, [], []);
    const corrupt = { ...contactImage(item), version: { S: "one" } };
    const event: DynamoDBStreamEvent = {
      Records: [streamRecord("MODIFY", contactKey("contact-c"), corrupt, "777")],
    };
    // Act
    const fromCorrupt = outboxImagesFromStream(event);
    const fromOther = outboxImagesFromStream({ detail: { hello: "world" } });
    // Assess
    expect(fromCorrupt).toEqual({ images: [], skipped: ["777"] });
    expect(fromOther).toEqual({ images: [], skipped: ["event is not a DynamoDB stream event"] });
  });
});

describe("relayOutbox", () => {
  beforeEach(() => {
    eventBridge.reset();
  });

  it("publishes only the unpublished entries and clears them on the item", async () => {
    // Prepare
    eventBridge
      .on(PutEventsCommand)
      .callsFake((input: PutEventsCommandInput) => putEventsAnswer(input, () => false));
    const store = new InMemoryStateStore();
    const update = outboxEntry("contact-a", "Lead.QualificationUpdated", "4");
    const handoff = outboxEntry("contact-a", "Handoff.Requested", "handoff");
    const item = contact("contact-a", 1, [update, handoff], [handoff]);
    await seed(store, item);
    const { images } = outboxImagesFromStream({ Records: [contactRecord(item, "100")] });
    // Act
    const failing = await relayOutbox(
      relayDependencies(store),
      images.map((entry) => entry.image),
    );
    // Assess
    expect(failing).toEqual([]);
    expect(sentIds()).toEqual([handoff.id]);
    expect(sentEntries()[0]).toEqual({
      EventBusName: "baton",
      Source: "baton.handoff",
      DetailType: "Handoff.Requested",
      Detail: handoff.detail,
    });
    expect(store.peekContact("contact-a")?.unpublished).toEqual([]);
    expect(store.peekContact("contact-a")?.version).toBe(1);
  });

  it("keeps the failed record for retry and clears the rest of the batch", async () => {
    // Prepare
    eventBridge
      .on(PutEventsCommand)
      .callsFake((input: PutEventsCommandInput) =>
        putEventsAnswer(input, (detailType) => detailType === "Handoff.Requested"),
      );
    const store = new InMemoryStateStore();
    const updateA = outboxEntry("contact-a", "Lead.QualificationUpdated", "2");
    const handoffB = outboxEntry("contact-b", "Handoff.Requested", "handoff");
    const updateB = outboxEntry("contact-b", "Lead.QualificationUpdated", "5");
    const itemA = contact("contact-a", 1, [updateA], [updateA]);
    const itemB = contact("contact-b", 1, [updateB, handoffB], [updateB, handoffB]);
    await seed(store, itemA);
    await seed(store, itemB);
    const event: DynamoDBStreamEvent = {
      Records: [contactRecord(itemA, "200"), contactRecord(itemB, "201")],
    };
    const { images } = outboxImagesFromStream(event);
    // Act
    const failing = await relayOutbox(
      relayDependencies(store),
      images.map((entry) => entry.image),
    );
    // Assess
    expect(failing.map((image) => image.contactId)).toEqual(["contact-b"]);
    expect(batchItemFailures(images, failing)).toEqual([{ itemIdentifier: "201" }]);
    expect(store.peekContact("contact-a")?.unpublished).toEqual([]);
    // What was published is cleared; the handoff stays for the retry.
    expect(store.peekContact("contact-b")?.unpublished).toEqual([handoffB.id]);
    // The publisher tried the failing entry three times, the others once.
    expect(sentIds().filter((id) => id === handoffB.id)).toHaveLength(3);
    expect(
      sentIds()
        .filter((id) => id !== handoffB.id)
        .sort(),
    ).toEqual([updateA.id, updateB.id].sort());
  });

  it("delivers the kept event when the stream retries the record", async () => {
    // Prepare
    const store = new InMemoryStateStore();
    const handoff = outboxEntry("contact-b", "Handoff.Requested", "handoff");
    const item = contact("contact-b", 1, [handoff], [handoff]);
    await seed(store, item);
    const event: DynamoDBStreamEvent = { Records: [contactRecord(item, "300")] };
    eventBridge
      .on(PutEventsCommand)
      .callsFake((input: PutEventsCommandInput) => putEventsAnswer(input, () => true));
    const first = await relayOutbox(
      relayDependencies(store),
      outboxImagesFromStream(event).images.map((entry) => entry.image),
    );
    eventBridge.reset();
    eventBridge
      .on(PutEventsCommand)
      .callsFake((input: PutEventsCommandInput) => putEventsAnswer(input, () => false));
    // Act
    const retried = await relayOutbox(
      relayDependencies(store),
      outboxImagesFromStream(event).images.map((entry) => entry.image),
    );
    // Assess
    expect(first.map((image) => image.contactId)).toEqual(["contact-b"]);
    expect(retried).toEqual([]);
    expect(sentIds()).toEqual([handoff.id]);
    expect(store.peekContact("contact-b")?.unpublished).toEqual([]);
  });

  it("publishes an old image's events but leaves a newer version's list alone", async () => {
    // Prepare
    eventBridge
      .on(PutEventsCommand)
      .callsFake((input: PutEventsCommandInput) => putEventsAnswer(input, () => false));
    const store = new InMemoryStateStore();
    const first = outboxEntry("contact-d", "Lead.QualificationUpdated", "1");
    const second = outboxEntry("contact-d", "Lead.QualificationUpdated", "3");
    const old = contact("contact-d", 1, [first], [first]);
    const newer = contact("contact-d", 2, [first, second], [first, second]);
    await seed(store, old);
    await seed(store, newer);
    const { images } = outboxImagesFromStream({ Records: [contactRecord(old, "400")] });
    // Act
    const failing = await relayOutbox(
      relayDependencies(store),
      images.map((entry) => entry.image),
    );
    // Assess
    expect(failing).toEqual([]);
    expect(sentIds()).toEqual([first.id]);
    expect(store.peekContact("contact-d")?.unpublished).toEqual([first.id, second.id].sort());
  });

  it("makes no call when no image has anything unpublished", async () => {
    // Prepare
    const store = new InMemoryStateStore();
    const entry = outboxEntry("contact-e", "Handoff.Requested", "handoff");
    // Act
    const failing = await relayOutbox(relayDependencies(store), [
      { contactId: "contact-e", version: 1, outbox: [entry], unpublished: [] },
    ]);
    // Assess
    expect(failing).toEqual([]);
    expect(eventBridge.commandCalls(PutEventsCommand)).toHaveLength(0);
    expect(store.calls).toEqual([]);
  });
});
