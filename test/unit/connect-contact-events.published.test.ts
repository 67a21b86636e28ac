import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { ConnectContactEvent, canonicalContactEventDetail } from "../../contracts/connect-contact-event.js";
import { HANDOFF_KPI_METRICS } from "../../contracts/handoff-kpi.js";
import { InMemoryMetricsSink } from "../../functions/adapters/in-memory.js";
import {
  type HandoffKpiDependencies,
  recordHandoffKpi,
  toHandoffInput,
} from "../../functions/application/record-handoff-kpi.js";
import {
  applyHandoffInput,
  type HandoffFacts,
  type HandoffInput,
  toKpiRecord,
} from "../../functions/domain/handoff-kpi.js";
import { connectContactEvent } from "../../local/desk/connect-contact-event.js";
import { handoffRequestedEvent } from "../support/handoff-events.js";

/** The contact-events reference page's samples (test/fixtures/aws-published/README.md). */
async function sample(name: string): Promise<Record<string, unknown>> {
  const url = new URL(`../fixtures/aws-published/contact-events/${name}`, import.meta.url);
  return JSON.parse(await readFile(url, "utf8"));
}

/** The 2023 page shows the CONNECTED_TO_AGENT detail alone; EventBridge delivers it in its envelope. */
function enveloped(detail: Record<string, unknown>, time: string) {
  return { source: "aws.connect", "detail-type": "Amazon Connect Contact Event", time, detail };
}

function input(event: unknown): HandoffInput {
  const parsed = toHandoffInput(event, () => new Date("2026-11-30T00:00:00Z"));
  if (!("input" in parsed)) throw new Error(`not an input: ${JSON.stringify(parsed)}`);
  return parsed.input;
}

function run(events: readonly unknown[]) {
  let facts: HandoffFacts | null = null;
  const published: string[] = [];
  const metrics: Array<{ name: string; value: number }> = [];
  for (const event of events) {
    const step = applyHandoffInput(facts, input(event));
    facts = step.facts;
    published.push(...step.effects.events.map((entry) => entry.detailType));
    metrics.push(...step.effects.metrics);
  }
  if (!facts) throw new Error("no events");
  return { record: toKpiRecord(facts), published, metrics };
}

const SAMPLE_CONTACT = "11111111-1111-1111-1111-111111111111";
const CONSTRUCTED_CONTACT = "12345678-1234-1234-1234-123456789012";

describe("Amazon Connect contact events as the reference page publishes them", () => {
  it.each([
    // name, eventType, what Baton reads from it
    [
      "connected-to-agent-2021-05.json",
      { eventType: "CONNECTED_TO_AGENT", channel: "Voice", agentArn: "arn", connectedToAgentAt: undefined },
    ],
    [
      "connected-to-agent-2021-09.json",
      { eventType: "CONNECTED_TO_AGENT", channel: "Voice", agentArn: "arn", connectedToAgentAt: undefined },
    ],
    [
      "connected-to-agent-2022-03.json",
      { eventType: "CONNECTED_TO_AGENT", channel: "Voice", agentArn: "arn", connectedToAgentAt: undefined },
    ],
    [
      "disconnected-2022-03.json",
      {
        eventType: "DISCONNECTED",
        agentArn: "arn",
        connectedToAgentAt: "2021-08-04T17:29:09Z",
        enqueuedAt: "2021-08-04T17:29:04Z",
      },
    ],
    [
      "disconnected-2023-04.json",
      {
        eventType: "DISCONNECTED",
        agentArn: "arn",
        connectedToAgentAt: "2021-08-04T17:29:09.000Z",
        disconnectedAt: "2021-08-04T17:18:37.000Z",
      },
    ],
    [
      "constructed-connected-to-agent-pascal.json",
      {
        eventType: "CONNECTED_TO_AGENT",
        contactId: CONSTRUCTED_CONTACT,
        channel: "VOICE",
        connectedToAgentAt: "2021-08-04T17:29:09.000Z",
        enqueuedAt: "2021-08-04T17:29:04.000Z",
      },
    ],
    [
      "constructed-completed-after-contact-work.json",
      { eventType: "COMPLETED", contactId: CONSTRUCTED_CONTACT, afterContactWorkMs: 75_000 },
    ],
  ])("reads %s", async (name, expected) => {
    // Prepare
    const event = await sample(name);
    // Act
    const read = input(event);
    // Assess
    expect(read).toMatchObject({ kind: "contact", contactId: SAMPLE_CONTACT, ...expected });
  });

  it("reads the 2023 CONNECTED_TO_AGENT sample (detail only) once it is in its envelope", async () => {
    // Prepare
    const detail = await sample("connected-to-agent-detail-2023-04.json");
    // Act
    const read = input(enveloped(detail, "2021-08-04T17:29:10Z"));
    // Assess
    expect(read).toMatchObject({
      eventType: "CONNECTED_TO_AGENT",
      contactId: SAMPLE_CONTACT,
      connectedToAgentAt: "2021-08-04T17:29:09.000Z",
      enqueuedAt: "2021-08-04T17:29:04.000Z",
    });
  });

  it("keeps a handoff accepted when the closer's CONNECTED_TO_AGENT comes PascalCase", async () => {
    // Prepare: the PascalCase sample, then a DISCONNECTED that carries no agentInfo.
    const connected = await sample("connected-to-agent-2021-05.json");
    const disconnected = await sample("disconnected-2022-03.json");
    const detail = disconnected.detail as Record<string, unknown>;
    delete detail.AgentInfo;
    detail.disconnectTimestamp = "2021-05-01T18:50:00.000Z";
    const requested = handoffRequestedEvent(SAMPLE_CONTACT, { occurredAt: "2021-05-01T18:43:00.000Z" });
    // Act
    const { record, published } = run([requested, connected, disconnected]);
    // Assess
    expect(published).toEqual(["Handoff.Accepted"]);
    expect(record).toMatchObject({ status: "accepted", timeToHumanMs: 48_000, dropOff: false });
  });

  it("takes the outcome and the handle time, after-contact work included, from COMPLETED when DISCONNECTED is lost", async () => {
    // Prepare
    const requested = handoffRequestedEvent(CONSTRUCTED_CONTACT, { occurredAt: "2021-08-04T17:28:00.000Z" });
    const connected = await sample("constructed-connected-to-agent-pascal.json");
    const completed = await sample("constructed-completed-after-contact-work.json");
    // Act
    const { record, published, metrics } = run([requested, connected, completed]);
    // Assess: talk 17:29:09 -> 17:43:47 (878 s) plus 75 s of after-contact work.
    expect(published).toEqual(["Handoff.Accepted"]);
    expect(record).toMatchObject({
      status: "accepted",
      timeToHumanMs: 69_000,
      handleTimeMs: 953_000,
      afterContactWorkMs: 75_000,
    });
    expect(metrics.filter((metric) => metric.name === HANDOFF_KPI_METRICS.handleTime)).toEqual([
      expect.objectContaining({ value: 953_000 }),
    ]);
  });

  it("waits for COMPLETED before it publishes the handle time", async () => {
    // Prepare
    const requested = handoffRequestedEvent(SAMPLE_CONTACT, { occurredAt: "2021-08-04T17:28:00.000Z" });
    const disconnected = await sample("disconnected-2023-04.json");
    (disconnected.detail as Record<string, unknown>).disconnectTimestamp = "2021-08-04T17:40:00.000Z";
    // Act
    const { record, metrics } = run([requested, disconnected]);
    // Assess
    expect(record).toMatchObject({ status: "accepted" });
    expect(record?.handleTimeMs).toBeUndefined();
    expect(metrics.map((metric) => metric.name)).not.toContain(HANDOFF_KPI_METRICS.handleTime);
  });
});

describe("contact events Baton cannot use are logged and counted, never dropped silently", () => {
  function consumer() {
    const metrics = new InMemoryMetricsSink();
    const logged: Array<{ level: string; message: string }> = [];
    const deps = {
      metrics,
      log: (level: string, message: string) => logged.push({ level, message }),
    } as unknown as HandoffKpiDependencies;
    return { deps, metrics, logged };
  }

  it("counts a contact event of a type the page does not document", async () => {
    // Prepare
    const { deps, metrics, logged } = consumer();
    const event = await sample("connected-to-agent-2021-09.json");
    (event.detail as Record<string, unknown>).eventType = "TELEPORTED";
    // Act
    const outcome = await recordHandoffKpi(deps, event);
    // Assess
    expect(outcome).toEqual({ status: "ignored_event_type", eventType: "TELEPORTED", undocumented: true });
    expect(metrics.metrics.map((metric) => metric.name)).toEqual([
      HANDOFF_KPI_METRICS.unknownContactEventType,
    ]);
    expect(logged).toEqual([expect.objectContaining({ level: "warn" })]);
  });

  it("counts a contact event that does not parse, with the field that is wrong", async () => {
    // Prepare
    const { deps, metrics, logged } = consumer();
    const event = await sample("connected-to-agent-2021-09.json");
    delete (event.detail as Record<string, unknown>).contactId;
    // Act
    const outcome = await recordHandoffKpi(deps, event);
    // Assess
    expect(outcome).toMatchObject({
      status: "invalid_event",
      reason: expect.stringMatching(/^detail\.contactId/),
    });
    expect(metrics.metrics.map((metric) => metric.name)).toEqual([
      HANDOFF_KPI_METRICS.unreadableContactEvent,
    ]);
    expect(logged).toHaveLength(1);
  });

  it("ignores documented types the KPI does not read, without counting them as unknown", async () => {
    // Prepare
    const { deps, metrics } = consumer();
    const event = await sample("connected-to-agent-2021-09.json");
    (event.detail as Record<string, unknown>).eventType = "CONTACT_DATA_UPDATED";
    // Act
    const outcome = await recordHandoffKpi(deps, event);
    // Assess
    expect(outcome).toEqual({ status: "ignored_event_type", eventType: "CONTACT_DATA_UPDATED" });
    expect(metrics.metrics).toEqual([]);
  });
});

describe("the local Connect stand-in", () => {
  it("emits the camelCase detail real Connect emits: instanceArn, the contact's own initiation method", () => {
    // Prepare
    const enqueuedAt = new Date("2026-11-30T10:00:00.000Z");
    // Act
    const event = connectContactEvent({
      eventType: "CONNECTED_TO_AGENT",
      contactId: "c-1",
      queue: { name: "baton-closers", enqueuedAt },
      agent: { id: "closer-1", connectedAt: new Date("2026-11-30T10:00:30.000Z") },
    });
    // Assess
    const detail = JSON.parse(event.detail) as Record<string, unknown>;
    expect(Object.keys(detail)).not.toContain("instanceARN");
    expect(detail).toMatchObject({
      initiationMethod: "INBOUND",
      instanceArn: expect.stringMatching(/^arn:/),
    });
    const parsed = ConnectContactEvent.parse({
      source: event.source,
      "detail-type": event.detailType,
      detail,
    });
    expect(parsed.detail).toMatchObject({
      agentInfo: { connectedToAgentTimestamp: "2026-11-30T10:00:30.000Z" },
      queueInfo: { queueType: "STANDARD", enqueueTimestamp: enqueuedAt.toISOString() },
    });
  });
});

describe("the local stand-in's customer hang-up, read by the KPI reducer", () => {
  /** The console's Hang up as customer-hang-up.ts publishes it: DISCONNECTED then COMPLETED, same data. */
  function hangUp(contact: Omit<Parameters<typeof connectContactEvent>[0], "eventType">) {
    return (["DISCONNECTED", "COMPLETED"] as const).map((eventType) => {
      const event = connectContactEvent({ eventType, ...contact });
      return { source: event.source, "detail-type": event.detailType, detail: JSON.parse(event.detail) };
    });
  }

  it("a customer who hangs up in the queue is an abandoned handoff, a drop-off at the queue stage", () => {
    // Prepare
    const requested = handoffRequestedEvent("c-local", { occurredAt: "2026-11-30T10:00:00.000Z" });
    const queue = { name: "baton-closers", enqueuedAt: new Date("2026-11-30T10:00:01.000Z") };
    const queued = connectContactEvent({ eventType: "QUEUED", contactId: "c-local", queue });
    const disconnect = { at: new Date("2026-11-30T10:00:41.000Z"), reason: "CUSTOMER_DISCONNECT" as const };
    // Act
    const { record, published } = run([
      requested,
      { source: queued.source, "detail-type": queued.detailType, detail: JSON.parse(queued.detail) },
      ...hangUp({ contactId: "c-local", queue, disconnect }),
    ]);
    // Assess
    expect(published).toEqual(["Handoff.Abandoned"]);
    expect(record).toMatchObject({ status: "abandoned", dropOff: true, abandonStage: "in_queue" });
  });

  it("a customer who hangs up after a closer accepted leaves the handoff accepted", () => {
    // Prepare
    const requested = handoffRequestedEvent("c-local-2", { occurredAt: "2026-11-30T10:00:00.000Z" });
    const queue = { name: "baton-closers", enqueuedAt: new Date("2026-11-30T10:00:01.000Z") };
    const agent = { id: "ana", connectedAt: new Date("2026-11-30T10:00:20.000Z") };
    const disconnect = { at: new Date("2026-11-30T10:05:00.000Z"), reason: "CUSTOMER_DISCONNECT" as const };
    // Act
    const { record, published } = run([
      requested,
      ...hangUp({ contactId: "c-local-2", queue, agent, disconnect }),
    ]);
    // Assess
    expect(published).toEqual(["Handoff.Accepted"]);
    expect(record).toMatchObject({ status: "accepted", dropOff: false, timeToHumanMs: 20_000 });
  });
});

describe("canonical contact event keys", () => {
  it("reads every casing of the detail and its info objects; camelCase wins when both are present", () => {
    // Act
    const detail = canonicalContactEventDetail({
      EventType: "QUEUED",
      eventType: "CONNECTED_TO_AGENT",
      InstanceARN: "arn:instance",
      AgentInfo: { AgentARN: "arn:agent", ConnectedToAgentTimestamp: "2026-11-30T10:00:00.000Z" },
      agentInfo: { connectedToAgentTimestamp: "2026-11-30T10:00:01.000Z" },
      tags: { Dept: "Finance" },
    });
    // Assess
    expect(detail).toEqual({
      eventType: "CONNECTED_TO_AGENT",
      instanceArn: "arn:instance",
      agentInfo: { agentArn: "arn:agent", connectedToAgentTimestamp: "2026-11-30T10:00:01.000Z" },
      tags: { Dept: "Finance" },
    });
  });
});
