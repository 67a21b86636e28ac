import { randomUUID } from "node:crypto";
import { DynamoDBDocumentClient, GetCommand } from "@aws-sdk/lib-dynamodb";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { HandoffAbandoned, HandoffAccepted } from "../../contracts/events/catalog.js";
import { HANDOFF_KPI_METRICS } from "../../contracts/handoff-kpi.js";
import { DynamoDbHandoffStore, handoffKpiKey } from "../../functions/adapters/dynamodb-handoff-store.js";
import { InMemoryEventPublisher, InMemoryMetricsSink } from "../../functions/adapters/in-memory.js";
import { createStateTable } from "../../functions/adapters/state-table.js";
import {
  type HandoffKpiDependencies,
  recordHandoffKpi,
} from "../../functions/application/record-handoff-kpi.js";
import { toKpiRecord } from "../../functions/domain/handoff-kpi.js";
import { type DynamoDbLocal, startDynamoDbLocal } from "../support/dynamodb-local.js";
import { contactEvent, handoffOutcomeEvent, handoffRequestedEvent } from "../support/handoff-events.js";

const TABLE = "baton-kpi-test";
// The consumer's clock sets item TTLs. A fixed date in the past let DynamoDB Local's TTL sweeper delete a
// buffered item mid-test (an hour's TTL from a clock ten days behind); a clock years ahead never expires.
const NOW = Date.parse("2036-11-20T10:10:00.000Z");
const NOW_SECONDS = NOW / 1000;

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

function consumer(options: { reorderWindowSeconds?: number } = {}) {
  const publisher = new InMemoryEventPublisher();
  const metrics = new InMemoryMetricsSink();
  const logs: Array<{ level: string; message: string }> = [];
  const deps: HandoffKpiDependencies = {
    store,
    publisher,
    metrics,
    clock: () => new Date(NOW),
    ttlDays: 90,
    reorderWindowSeconds: options.reorderWindowSeconds ?? 3_600,
    log: (level, message) => logs.push({ level, message }),
  };
  const deliver = async (...events: unknown[]) => {
    const outcomes = [];
    for (const event of events) outcomes.push(await recordHandoffKpi(deps, event));
    return outcomes;
  };
  return { deps, publisher, metrics, logs, deliver };
}

async function record(contactId: string) {
  const stored = await store.loadHandoff(contactId);
  return stored ? toKpiRecord(stored.facts) : null;
}

function newContact(): string {
  return randomUUID();
}

describe("handoff KPI consumer against DynamoDB Local", () => {
  it("measures a handoff whose contact events arrive before its Handoff.Requested and out of order", async () => {
    // Prepare
    const contactId = newContact();
    const { deliver, publisher } = consumer();
    // Act
    const early = await deliver(
      contactEvent("disconnected_after_agent", contactId),
      contactEvent("completed", contactId),
      contactEvent("connected", contactId),
      contactEvent("queued", contactId),
    );
    const bufferedTtl = (await store.loadHandoff(contactId))?.expiresAt;
    const late = await deliver(handoffRequestedEvent(contactId, { leadId: "lead-7" }));
    // Assess
    expect(early.map((outcome) => outcome.status)).toEqual([
      "buffered_unknown",
      "buffered_unknown",
      "buffered_unknown",
      "buffered_unknown",
    ]);
    expect(bufferedTtl).toBe(NOW_SECONDS + 3_600);
    expect(late[0]).toMatchObject({
      status: "applied",
      published: [`Handoff.Accepted:${contactId}:handoff`],
    });
    expect(await record(contactId)).toMatchObject({
      status: "accepted",
      leadId: "lead-7",
      timeToHumanMs: 20_000,
      handleTimeMs: 360_000,
      dropOff: false,
    });
    expect((await store.loadHandoff(contactId))?.expiresAt).toBe(NOW_SECONDS + 90 * 86_400);
    const accepted = HandoffAccepted.detail.parse(JSON.parse(publisher.published[0]?.detail ?? "{}"));
    expect(accepted).toMatchObject({
      agentId: "bbbbbbbb-0000-0000-0000-000000000007",
      timeToHumanMs: 20_000,
      meta: { contactId, leadId: "lead-7", occurredAt: "2026-11-20T10:00:20.000Z" },
    });
  });

  it("publishes exactly one Handoff.Abandoned when the same DISCONNECTED arrives five times at once", async () => {
    // Prepare
    const contactId = newContact();
    const { deliver, deps, publisher, metrics } = consumer();
    await deliver(handoffRequestedEvent(contactId), contactEvent("queued", contactId));
    const hangUp = contactEvent("disconnected_in_queue", contactId);
    // Act
    const outcomes = await Promise.all(Array.from({ length: 5 }, () => recordHandoffKpi(deps, hangUp)));
    // Assess
    expect(outcomes.filter((outcome) => outcome.status === "applied")).toHaveLength(1);
    expect(outcomes.filter((outcome) => outcome.status === "duplicate")).toHaveLength(4);
    expect(new Set(publisher.published.map((event) => event.id))).toEqual(
      new Set([`Handoff.Abandoned:${contactId}:handoff`]),
    );
    expect(metrics.metrics.filter((metric) => metric.name === HANDOFF_KPI_METRICS.dropOff)).toHaveLength(1);
    expect((await store.loadHandoff(contactId))?.version).toBe(3);
  });

  it("records a DISCONNECTED without CONNECTED_TO_AGENT as a drop-off in the queue", async () => {
    // Prepare
    const contactId = newContact();
    const { deliver, publisher, metrics } = consumer();
    // Act
    await deliver(
      handoffRequestedEvent(contactId, { trigger: "complex", queue: "baton-senior-closers" }),
      contactEvent("queued", contactId),
      contactEvent("disconnected_in_queue", contactId, { disconnectAtMs: 95_000 }),
    );
    // Assess
    expect(await record(contactId)).toMatchObject({
      status: "abandoned",
      abandonStage: "in_queue",
      waitedMs: 95_000,
      dropOff: true,
    });
    const abandoned = HandoffAbandoned.detail.parse(JSON.parse(publisher.published[0]?.detail ?? "{}"));
    expect(abandoned).toMatchObject({ trigger: "complex", queue: "baton-senior-closers", stage: "in_queue" });
    expect(metrics.totals()).toMatchObject({
      "HandoffDropOff{campaign=default,trigger=complex}": { count: 1, sum: 1 },
      "HandoffTransferred{campaign=default,trigger=complex}": { count: 1, sum: 0 },
    });
  });

  it("tolerates missing events: Handoff.Requested and a DISCONNECTED after an agent are enough", async () => {
    // Prepare
    const contactId = newContact();
    const { deliver } = consumer();
    // Act
    await deliver(
      handoffRequestedEvent(contactId),
      contactEvent("disconnected_after_agent", contactId),
      contactEvent("completed", contactId),
    );
    // Assess
    expect(await record(contactId)).toMatchObject({
      status: "accepted",
      timeToHumanMs: 20_000,
      handleTimeMs: 360_000,
    });
  });

  it("leaves a handoff pending while its end is unknown, and changes nothing on a duplicate", async () => {
    // Prepare
    const contactId = newContact();
    const { deliver, publisher } = consumer();
    await deliver(handoffRequestedEvent(contactId), contactEvent("queued", contactId));
    const before = await store.loadHandoff(contactId);
    // Act
    const outcomes = await deliver(contactEvent("queued", contactId), handoffRequestedEvent(contactId));
    // Assess
    expect(outcomes.map((outcome) => outcome.status)).toEqual(["duplicate", "duplicate"]);
    expect(await store.loadHandoff(contactId)).toEqual(before);
    expect(await record(contactId)).toMatchObject({ status: "pending" });
    expect(publisher.published).toEqual([]);
  });

  it("ignores contact events of contacts Baton never saw when there is no reorder window", async () => {
    // Prepare
    const contactId = newContact();
    const { deliver, metrics } = consumer({ reorderWindowSeconds: 0 });
    // Act
    const outcomes = await deliver(
      contactEvent("queued", contactId),
      contactEvent("disconnected_in_queue", contactId),
    );
    // Assess
    expect(outcomes.map((outcome) => outcome.status)).toEqual(["ignored_unknown", "ignored_unknown"]);
    expect(await store.loadHandoff(contactId)).toBeNull();
    expect(
      metrics.metrics.filter((metric) => metric.name === HANDOFF_KPI_METRICS.unknownContact),
    ).toHaveLength(2);
  });

  it("keeps an unpublished outcome in the item and publishes it on the next delivery", async () => {
    // Prepare
    const contactId = newContact();
    const { deliver, publisher } = consumer();
    const outcomeId = `Handoff.Abandoned:${contactId}:handoff`;
    publisher.failOnce.add(outcomeId);
    await deliver(handoffRequestedEvent(contactId));
    // Act
    const [failed] = await deliver(contactEvent("disconnected_in_queue", contactId));
    const pendingAfterFailure = (await store.loadHandoff(contactId))?.pending.map((event) => event.id);
    const [retried] = await deliver(contactEvent("disconnected_in_queue", contactId));
    // Assess
    expect(failed).toMatchObject({ status: "applied", unpublished: [outcomeId] });
    expect(pendingAfterFailure).toEqual([outcomeId]);
    expect(retried).toMatchObject({ status: "duplicate", published: [outcomeId] });
    expect((await store.loadHandoff(contactId))?.pending).toEqual([]);
    expect(publisher.published.map((event) => event.id)).toEqual([outcomeId]);
  });

  it("follows a task moved by TransferContact to its new contact through initialContactId", async () => {
    // Prepare
    const original = newContact();
    const moved = newContact();
    const { deliver, deps } = consumer();
    await deliver(handoffRequestedEvent(original));
    const { applyToHandoff } = await import("../../functions/application/record-handoff-kpi.js");
    await applyToHandoff(deps, {
      kind: "route",
      contactId: original,
      channel: "TASK",
      transfer: { status: "requested" },
    });
    await applyToHandoff(deps, {
      kind: "route",
      contactId: original,
      transfer: { status: "done", contactId: moved },
    });
    // Act
    await deliver(
      contactEvent("disconnected_in_queue", original, { channel: "TASK" }),
      contactEvent("queued", moved, { initialContactId: original, channel: "TASK" }),
      contactEvent("connected", moved, { initialContactId: original, channel: "TASK" }),
    );
    // Assess
    expect(await record(original)).toMatchObject({ status: "accepted", channel: "TASK" });
    expect(await store.loadHandoff(moved)).toBeNull();
  });

  it("records Handoff.Outcome for transfer-to-close by trigger", async () => {
    // Prepare
    const contactId = newContact();
    const { deliver, metrics } = consumer();
    // Act
    await deliver(
      handoffOutcomeEvent(contactId, "won"),
      handoffRequestedEvent(contactId, { trigger: "buying_intent" }),
      contactEvent("connected", contactId),
    );
    // Assess
    expect(await record(contactId)).toMatchObject({ status: "accepted", outcome: "won" });
    expect(metrics.totals()).toMatchObject({
      "HandoffOutcome{campaign=default,outcome=won,trigger=buying_intent}": { count: 1, sum: 1 },
      "HandoffClosed{campaign=default,trigger=buying_intent}": { count: 1, sum: 1 },
    });
  });

  it("writes the KPI item under its own key prefix, typed, with a TTL", async () => {
    // Prepare
    const contactId = newContact();
    const { deliver } = consumer();
    // Act
    await deliver(handoffRequestedEvent(contactId));
    // Assess
    const documents = DynamoDBDocumentClient.from(local.client);
    const { Item } = await documents.send(
      new GetCommand({ TableName: TABLE, Key: handoffKpiKey(contactId) }),
    );
    expect(Item).toMatchObject({
      pk: `HANDOFF#${contactId}`,
      sk: "KPI",
      type: "handoff-kpi",
      version: 1,
      expiresAt: NOW_SECONDS + 90 * 86_400,
    });
  });
});
