import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DynamoDbHandoffStore } from "../../functions/adapters/dynamodb-handoff-store.js";
import { createStateTable } from "../../functions/adapters/state-table.js";
import type { RouteRecord } from "../../functions/ports/handoff-store.js";
import { type DynamoDbLocal, startDynamoDbLocal } from "../support/dynamodb-local.js";
import { screenPopFor } from "../support/handoff-events.js";

const TABLE = "baton-router-test";
let local: DynamoDbLocal;
let store: DynamoDbHandoffStore;

beforeAll(async () => {
  local = await startDynamoDbLocal();
  await createStateTable(local.client, TABLE);
  store = new DynamoDbHandoffStore({ client: local.client, tableName: TABLE });
});

afterAll(async () => {
  await local?.stop();
});

describe("router items against DynamoDB Local", () => {
  it("stores the full screen pop once, where the agent app reads it", async () => {
    // Prepare
    const screenPop = screenPopFor("contact-pop-1", { leadId: "lead-1" });
    const record = {
      screenPop,
      eventId: "Handoff.Requested:contact-pop-1:handoff",
      queue: "baton-closers",
      storedAt: "2026-11-20T10:00:00.000Z",
    };
    // Act
    const first = await store.saveScreenPop(record, 1_900_000_000);
    const second = await store.saveScreenPop({ ...record, queue: "elsewhere" }, 1_900_000_000);
    const read = await store.loadScreenPop("contact-pop-1");
    // Assess
    expect([first, second]).toEqual(["stored", "exists"]);
    expect(read).toEqual(record);
    expect(await store.loadScreenPop("contact-without-pop")).toBeNull();
  });

  it("keeps the first routing decision when a redelivery decides differently", async () => {
    // Prepare
    const first: RouteRecord = {
      contactId: "contact-route-1",
      action: "callback",
      reason: "no closer is available",
      channel: "VOICE",
      queueId: "q-1",
      availableAgents: 0,
      decidedAt: "2026-11-20T10:00:02.000Z",
    };
    // Act
    const stored = await store.saveRoute(first, 1_900_000_000);
    const again = await store.saveRoute(
      { ...first, action: "flow_transfer", availableAgents: 3 },
      1_900_000_000,
    );
    // Assess
    expect(stored).toEqual(first);
    expect(again).toEqual(first);
  });
});
