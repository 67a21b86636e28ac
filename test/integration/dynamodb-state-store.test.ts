import { randomUUID } from "node:crypto";
import { DescribeTableCommand, DescribeTimeToLiveCommand, GetItemCommand } from "@aws-sdk/client-dynamodb";
import { DynamoDBDocumentClient, PutCommand } from "@aws-sdk/lib-dynamodb";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { QualificationState } from "../../contracts/qualification-state.js";
import { DynamoDbStateStore, StateItemCorruptError } from "../../functions/adapters/dynamodb-state-store.js";
import { contactKey, createStateTable, leadKey } from "../../functions/adapters/state-table.js";
import { defaultCampaign } from "../../functions/domain/campaigns.js";
import { processCustomerTurn, recordLine, startContact } from "../../functions/domain/engine.js";
import {
  type LeadProfile,
  type OutboxEntry,
  type StoredContact,
  VersionConflictError,
} from "../../functions/ports/state-store.js";
import { type DynamoDbLocal, startDynamoDbLocal } from "../support/dynamodb-local.js";

const TABLE = "baton-state-test";
const EXPIRES_AT = 1_900_000_000;

let local: DynamoDbLocal;
let store: DynamoDbStateStore;

beforeAll(async () => {
  local = await startDynamoDbLocal();
  await createStateTable(local.client, TABLE);
  store = new DynamoDbStateStore({ client: local.client, tableName: TABLE });
});

afterAll(async () => {
  await local?.stop();
});

/** Each test gets its own contact, so tests share the table without seeing each other's items. */
function newContactId(): string {
  return `contact-${randomUUID()}`;
}

function event(contactId: string, detailType: string, discriminator: string): OutboxEntry {
  const id = `${detailType}:${contactId}:${discriminator}`;
  return { id, source: "baton.handoff", detailType, detail: JSON.stringify({ meta: { id, contactId } }) };
}

function contactAt(contactId: string, version: number, changes: Partial<StoredContact> = {}): StoredContact {
  return {
    contactId,
    version,
    state: startContact({ contactId, campaignId: "default" }),
    outbox: [],
    unpublished: [],
    expiresAt: EXPIRES_AT,
    ...changes,
  };
}

function leadOf(leadId: string, contactId: string, note: string): LeadProfile {
  return {
    leadId,
    campaignId: "default",
    slots: {},
    lastContactId: contactId,
    note,
    doNotCall: false,
    expiresAt: EXPIRES_AT,
  };
}

/** A state after real turns: slots with quotes, fractional numbers, optional fields set. */
function stateAfterTurns(contactId: string, leadId: string): QualificationState {
  let state = startContact({ contactId, campaignId: "default", leadId });
  state = recordLine(state, "ai", "What budget have you set aside for this?", defaultCampaign);
  state = processCustomerTurn(
    state,
    { text: "About 50k a year, and I sign off on it." },
    defaultCampaign,
  ).state;
  return state;
}

/** A well-formed contact item as the adapter writes it, for the tests that damage one by hand. */
function rawContact(contactId: string) {
  const { contactId: _contactId, unpublished: _unpublished, ...attributes } = contactAt(contactId, 1);
  return { ...contactKey(contactId), type: "contact", ...attributes };
}
type RawContact = ReturnType<typeof rawContact>;

async function errorOf(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => undefined,
    (error: unknown) => error,
  );
}

describe("DynamoDbStateStore against DynamoDB Local", () => {
  it("reads back a committed contact exactly as written", async () => {
    // Prepare
    const contactId = newContactId();
    const handoff = event(contactId, "Handoff.Requested", "3");
    const update = event(contactId, "Lead.QualificationUpdated", "3");
    const written = contactAt(contactId, 1, {
      state: stateAfterTurns(contactId, "lead-1"),
      lastTurnKey: `${contactId}:3`,
      lastResponse: JSON.stringify({ sessionState: { dialogAction: { type: "Close" } } }),
      outbox: [handoff, update],
      unpublished: [update.id],
    });
    // Act
    await store.commitTurn({ expectedVersion: 0, next: written });
    const loaded = await store.loadContact(contactId);
    // Assess
    expect(Object.keys(written.state.slots).length).toBeGreaterThan(0);
    expect(loaded).toEqual(written);
  });

  it("returns null for a contact or lead that has no item", async () => {
    // Prepare
    const id = randomUUID();
    // Act
    const [contact, lead] = await Promise.all([store.loadContact(id), store.loadLead(id)]);
    // Assess
    expect(contact).toBeNull();
    expect(lead).toBeNull();
  });

  it.each([0, 1])("lets exactly one of two concurrent commits at version %i win", async (expectedVersion) => {
    // Prepare
    const contactId = newContactId();
    if (expectedVersion > 0) {
      await store.commitTurn({ expectedVersion: 0, next: contactAt(contactId, 1) });
    }
    const first = contactAt(contactId, expectedVersion + 1, { lastTurnKey: "first" });
    const second = contactAt(contactId, expectedVersion + 1, { lastTurnKey: "second" });
    // Act
    const results = await Promise.allSettled([
      store.commitTurn({ expectedVersion, next: first }),
      store.commitTurn({ expectedVersion, next: second }),
    ]);
    // Assess
    const winners = results.flatMap((result, index) => (result.status === "fulfilled" ? [index] : []));
    const losers = results.flatMap((result) => (result.status === "rejected" ? [result.reason] : []));
    expect(winners).toHaveLength(1);
    expect(losers).toHaveLength(1);
    expect(losers[0]).toBeInstanceOf(VersionConflictError);
    expect(losers[0]).toMatchObject({ contactId, expectedVersion });
    const stored = await store.loadContact(contactId);
    expect(stored?.version).toBe(expectedVersion + 1);
    expect(stored?.lastTurnKey).toBe(winners[0] === 0 ? "first" : "second");
  });

  it("rejects a commit at a stale version and keeps the newer item", async () => {
    // Prepare
    const contactId = newContactId();
    await store.commitTurn({ expectedVersion: 0, next: contactAt(contactId, 1) });
    await store.commitTurn({ expectedVersion: 1, next: contactAt(contactId, 2, { lastTurnKey: "turn-2" }) });
    // Act
    const error = await errorOf(
      store.commitTurn({ expectedVersion: 1, next: contactAt(contactId, 2, { lastTurnKey: "stale" }) }),
    );
    // Assess
    expect(error).toBeInstanceOf(VersionConflictError);
    expect(error).toMatchObject({ contactId, expectedVersion: 1 });
    expect(await store.loadContact(contactId)).toMatchObject({ version: 2, lastTurnKey: "turn-2" });
  });

  it("rejects a first commit when the contact already has an item", async () => {
    // Prepare
    const contactId = newContactId();
    await store.commitTurn({
      expectedVersion: 0,
      next: contactAt(contactId, 1, { lastTurnKey: "original" }),
    });
    // Act
    const error = await errorOf(store.commitTurn({ expectedVersion: 0, next: contactAt(contactId, 1) }));
    // Assess
    expect(error).toBeInstanceOf(VersionConflictError);
    expect(await store.loadContact(contactId)).toMatchObject({ version: 1, lastTurnKey: "original" });
  });

  it("refuses a commit that does not write the expected version + 1, and writes nothing", async () => {
    // Prepare
    const contactId = newContactId();
    // Act
    const error = await errorOf(store.commitTurn({ expectedVersion: 0, next: contactAt(contactId, 2) }));
    // Assess
    expect(error).toBeInstanceOf(Error);
    expect(error).not.toBeInstanceOf(VersionConflictError);
    expect(String(error)).toMatch(/expected \+ 1/);
    expect(await store.loadContact(contactId)).toBeNull();
  });

  it("writes the lead with the contact, and not at all when the contact's condition fails", async () => {
    // Prepare
    const contactId = newContactId();
    const leadId = `lead-${randomUUID()}`;
    const lead = leadOf(leadId, contactId, "call back after the board meeting");
    lead.slots = stateAfterTurns(contactId, leadId).slots;
    const contact = contactAt(contactId, 1, {
      state: startContact({ contactId, campaignId: "default", leadId }),
    });
    // Act
    await store.commitTurn({ expectedVersion: 0, next: contact, lead });
    const stale = await errorOf(
      store.commitTurn({
        expectedVersion: 0,
        next: contactAt(contactId, 1, { lastTurnKey: "stale" }),
        lead: { ...lead, note: "must not be written", doNotCall: true },
      }),
    );
    // Assess
    expect(stale).toBeInstanceOf(VersionConflictError);
    expect(await store.loadContact(contactId)).toEqual(contact);
    expect(await store.loadLead(leadId)).toEqual(lead);
  });

  it("creates the table idempotently with TTL on expiresAt and a stream of both images", async () => {
    // Prepare
    const contactId = newContactId();
    await store.commitTurn({ expectedVersion: 0, next: contactAt(contactId, 1) });
    // Act
    await createStateTable(local.client, TABLE);
    const ttl = await local.client.send(new DescribeTimeToLiveCommand({ TableName: TABLE }));
    const { Table } = await local.client.send(new DescribeTableCommand({ TableName: TABLE }));
    const raw = await local.client.send(
      new GetItemCommand({
        TableName: TABLE,
        Key: { pk: { S: `CONTACT#${contactId}` }, sk: { S: "STATE" } },
      }),
    );
    // Assess
    expect(ttl.TimeToLiveDescription).toMatchObject({
      TimeToLiveStatus: "ENABLED",
      AttributeName: "expiresAt",
    });
    expect(Table?.StreamSpecification).toMatchObject({
      StreamEnabled: true,
      StreamViewType: "NEW_AND_OLD_IMAGES",
    });
    expect(Table?.KeySchema).toEqual([
      { AttributeName: "pk", KeyType: "HASH" },
      { AttributeName: "sk", KeyType: "RANGE" },
    ]);
    // TTL only acts on a Number attribute holding epoch seconds.
    expect(raw.Item?.expiresAt).toEqual({ N: String(EXPIRES_AT) });
    expect(raw.Item?.type).toEqual({ S: "contact" });
  });

  it.each([
    [
      "a state field out of its enum",
      (item: RawContact) => ({ ...item, state: { ...item.state, tone: "furious" } }),
      "state.tone",
    ],
    [
      "an outbox entry without id",
      (item: RawContact) => ({
        ...item,
        outbox: [{ source: "baton.handoff", detailType: "X", detail: "{}" }],
      }),
      "outbox[0].id",
    ],
    ["a version stored as text", (item: RawContact) => ({ ...item, version: "1" }), "version"],
    ["a missing state", ({ state: _state, ...item }: RawContact) => item, "state"],
  ])("throws StateItemCorruptError naming the key and field for %s", async (_case, damage, field) => {
    // Prepare
    const contactId = newContactId();
    const documents = DynamoDBDocumentClient.from(local.client);
    await documents.send(new PutCommand({ TableName: TABLE, Item: damage(rawContact(contactId)) }));
    // Act
    const error = await errorOf(store.loadContact(contactId));
    // Assess
    expect(error).toBeInstanceOf(StateItemCorruptError);
    expect(error).toMatchObject({ key: contactKey(contactId), field });
    expect(String(error)).toContain(`CONTACT#${contactId}`);
    expect(String(error)).toContain(field);
  });

  it("throws StateItemCorruptError for a lead item with a bad slot", async () => {
    // Prepare
    const leadId = `lead-${randomUUID()}`;
    const documents = DynamoDBDocumentClient.from(local.client);
    const { leadId: _leadId, ...profile } = leadOf(leadId, "contact-x", "note");
    const badSlot = { value: "50000", turn: 1, confidence: 2, quote: "50k", corrected: false };
    await documents.send(
      new PutCommand({
        TableName: TABLE,
        Item: { ...leadKey(leadId), type: "lead", ...profile, slots: { budget: badSlot } },
      }),
    );
    // Act
    const error = await errorOf(store.loadLead(leadId));
    // Assess
    expect(error).toBeInstanceOf(StateItemCorruptError);
    expect(error).toMatchObject({ key: leadKey(leadId), field: "slots.budget.confidence" });
  });

  it("marks ids unpublished, then clears the ones the relay published", async () => {
    // Prepare
    const contactId = newContactId();
    const [a, b, c] = [event(contactId, "A", "1"), event(contactId, "B", "1"), event(contactId, "C", "1")];
    const outbox = [a, b, c];
    await store.commitTurn({ expectedVersion: 0, next: contactAt(contactId, 1, { outbox }) });
    // Act
    await store.markUnpublished(contactId, 1, [a.id, c.id]);
    const marked = await store.loadContact(contactId);
    await store.clearUnpublished(contactId, 1, [a.id]);
    const partly = await store.loadContact(contactId);
    await store.clearUnpublished(contactId, 1, [b.id, c.id]);
    const cleared = await store.loadContact(contactId);
    // Assess
    expect(marked?.unpublished).toEqual([a.id, c.id].sort());
    expect(partly?.unpublished).toEqual([c.id]);
    expect(cleared?.unpublished).toEqual([]);
    expect(cleared?.outbox).toEqual(outbox);
    expect(cleared?.version).toBe(1);
  });

  it("refuses to mark ids unpublished on a version that is no longer current", async () => {
    // Prepare
    const contactId = newContactId();
    await store.commitTurn({ expectedVersion: 0, next: contactAt(contactId, 1) });
    await store.commitTurn({ expectedVersion: 1, next: contactAt(contactId, 2) });
    // Act
    const error = await errorOf(store.markUnpublished(contactId, 1, ["A:x:1"]));
    // Assess
    expect(error).toBeInstanceOf(VersionConflictError);
    expect((await store.loadContact(contactId))?.unpublished).toEqual([]);
  });

  it("leaves a newer version's unpublished list alone when clearing at an old version", async () => {
    // Prepare
    const contactId = newContactId();
    const first = event(contactId, "Handoff.Requested", "1");
    const second = event(contactId, "Lead.QualificationUpdated", "2");
    await store.commitTurn({
      expectedVersion: 0,
      next: contactAt(contactId, 1, { outbox: [first], unpublished: [first.id] }),
    });
    await store.commitTurn({
      expectedVersion: 1,
      next: contactAt(contactId, 2, { outbox: [first, second], unpublished: [first.id, second.id].sort() }),
    });
    // Act
    await store.clearUnpublished(contactId, 1, [first.id]);
    const missing = newContactId();
    await store.clearUnpublished(missing, 1, ["A:x:1"]);
    // Assess
    expect((await store.loadContact(contactId))?.unpublished).toEqual([first.id, second.id].sort());
    // The condition also keeps the update from creating an item for an unknown contact.
    expect(await store.loadContact(missing)).toBeNull();
  });
});
