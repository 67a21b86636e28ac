import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { HANDOFF_KPI_METRICS } from "../../contracts/handoff-kpi.js";
import { toHandoffInput } from "../../functions/application/record-handoff-kpi.js";
import {
  applyHandoffInput,
  type HandoffFacts,
  type HandoffInput,
  type KpiMetric,
  toKpiRecord,
  validTimestamp,
} from "../../functions/domain/handoff-kpi.js";
import contactDataUpdated from "../fixtures/connect/contact-event-contact-data-updated.json" with {
  type: "json",
};
import { contactEvent, handoffOutcomeEvent, handoffRequestedEvent } from "../support/handoff-events.js";

const CONTACT = "11111111-1111-1111-1111-111111111111";

/** The reducer's input for an event on the bus (fails the test when the event is not one). */
function input(event: unknown): HandoffInput {
  const parsed = toHandoffInput(event);
  if (!("input" in parsed)) throw new Error(`not an input: ${JSON.stringify(parsed)}`);
  return parsed.input;
}

/** Applies events in order; returns the final facts and everything emitted on the way. */
function run(events: readonly unknown[]) {
  let facts: HandoffFacts | null = null;
  const emitted = { events: [] as Array<{ id: string; detailType: string }>, metrics: [] as KpiMetric[] };
  for (const event of events) {
    const step = applyHandoffInput(facts, input(event));
    facts = step.facts;
    emitted.events.push(...step.effects.events.map(({ id, detailType }) => ({ id, detailType })));
    emitted.metrics.push(...step.effects.metrics);
  }
  if (!facts) throw new Error("no events");
  return { facts, ...emitted };
}

function metric(metrics: readonly KpiMetric[], name: string) {
  return metrics.filter((entry) => entry.name === name);
}

describe("handoff KPI state machine", () => {
  it("accepts a handoff when an agent connects: time to human, handle time, one Handoff.Accepted", () => {
    // Prepare
    const events = [
      handoffRequestedEvent(CONTACT),
      contactEvent("queued", CONTACT),
      contactEvent("connected", CONTACT, { agentAtMs: 20_000 }),
      contactEvent("disconnected_after_agent", CONTACT, { disconnectAtMs: 380_000 }),
      contactEvent("completed", CONTACT, { disconnectAtMs: 380_000 }),
    ];
    // Act
    const { facts, events: published, metrics } = run(events);
    // Assess
    expect(toKpiRecord(facts)).toMatchObject({
      status: "accepted",
      timeToHumanMs: 20_000,
      handleTimeMs: 360_000,
      dropOff: false,
      channel: "VOICE",
    });
    expect(published).toEqual([
      { id: `Handoff.Accepted:${CONTACT}:handoff`, detailType: "Handoff.Accepted" },
    ]);
    expect(metric(metrics, HANDOFF_KPI_METRICS.transferred)).toEqual([
      expect.objectContaining({ value: 1, dimensions: { campaign: "default", trigger: "qualified" } }),
    ]);
    expect(metric(metrics, HANDOFF_KPI_METRICS.timeToHuman)[0]).toMatchObject({
      value: 20_000,
      unit: "Milliseconds",
    });
    expect(metric(metrics, HANDOFF_KPI_METRICS.handleTime)[0]).toMatchObject({ value: 360_000 });
    expect(metric(metrics, HANDOFF_KPI_METRICS.dropOff)[0]).toMatchObject({ value: 0 });
  });

  it("records a DISCONNECTED without CONNECTED_TO_AGENT as a drop-off in the queue", () => {
    // Prepare
    const events = [
      handoffRequestedEvent(CONTACT),
      contactEvent("queued", CONTACT),
      contactEvent("disconnected_in_queue", CONTACT, { disconnectAtMs: 90_000 }),
    ];
    // Act
    const { facts, events: published, metrics } = run(events);
    // Assess
    expect(toKpiRecord(facts)).toMatchObject({
      status: "abandoned",
      dropOff: true,
      abandonStage: "in_queue",
      waitedMs: 90_000,
    });
    expect(published.map((event) => event.detailType)).toEqual(["Handoff.Abandoned"]);
    expect(metric(metrics, HANDOFF_KPI_METRICS.dropOff)[0]).toMatchObject({ value: 1 });
    expect(metric(metrics, HANDOFF_KPI_METRICS.transferred)[0]).toMatchObject({ value: 0 });
  });

  it("calls a hang-up before any queue event a drop-off before the queue", () => {
    // Prepare
    const hangUp = contactEvent("disconnected_in_queue", CONTACT, { disconnectAtMs: 3_000 });
    delete hangUp.detail.queueInfo;
    // Act
    const { facts } = run([handoffRequestedEvent(CONTACT), hangUp]);
    // Assess
    expect(toKpiRecord(facts)).toMatchObject({
      status: "abandoned",
      abandonStage: "before_queue",
      waitedMs: 3_000,
    });
  });

  it("recovers a lost CONNECTED_TO_AGENT from the DISCONNECTED that carries the agent connection", () => {
    // Prepare: QUEUED and CONNECTED_TO_AGENT never arrive.
    const events = [
      handoffRequestedEvent(CONTACT),
      contactEvent("disconnected_after_agent", CONTACT),
      contactEvent("completed", CONTACT),
    ];
    // Act
    const { facts, events: published } = run(events);
    // Assess
    expect(toKpiRecord(facts)).toMatchObject({
      status: "accepted",
      timeToHumanMs: 20_000,
      handleTimeMs: 360_000,
    });
    expect(published.map((event) => event.detailType)).toEqual(["Handoff.Accepted"]);
  });

  it("decides nothing before Handoff.Requested, then everything at once when it arrives last", () => {
    // Prepare
    const contactEvents = [
      contactEvent("disconnected_after_agent", CONTACT),
      contactEvent("queued", CONTACT),
    ];
    // Act
    const early = run(contactEvents);
    const late = run([...contactEvents, handoffRequestedEvent(CONTACT)]);
    // Assess
    expect(toKpiRecord(early.facts)).toBeNull();
    expect(early.events).toEqual([]);
    expect(early.metrics).toEqual([]);
    expect(toKpiRecord(late.facts)).toMatchObject({ status: "accepted", timeToHumanMs: 20_000 });
    expect(metric(late.metrics, HANDOFF_KPI_METRICS.handoffs)).toHaveLength(1);
  });

  it("reports an unchanged handoff for a duplicate, with nothing to emit", () => {
    // Prepare
    const { facts } = run([handoffRequestedEvent(CONTACT), contactEvent("connected", CONTACT)]);
    // Act
    const step = applyHandoffInput(facts, input(contactEvent("connected", CONTACT)));
    // Assess
    expect(step.changed).toBe(false);
    expect(step.effects.events).toEqual([]);
    expect(step.effects.metrics).toEqual([]);
  });

  it("keeps a published abandonment when an agent connection arrives afterwards, and counts the conflict", () => {
    // Prepare
    const { facts } = run([handoffRequestedEvent(CONTACT), contactEvent("disconnected_in_queue", CONTACT)]);
    // Act
    const step = applyHandoffInput(facts, input(contactEvent("connected", CONTACT)));
    // Assess
    expect(step.facts.decision?.status).toBe("abandoned");
    expect(step.facts.conflicts).toBe(1);
    expect(step.effects.events).toEqual([]);
    expect(metric(step.effects.metrics, HANDOFF_KPI_METRICS.conflict)).toHaveLength(1);
  });

  it("does not count the end of a task's original segment as a drop-off once the router transferred it", () => {
    // Prepare
    const requested = run([handoffRequestedEvent(CONTACT)]).facts;
    const moved = applyHandoffInput(requested, {
      kind: "route",
      contactId: CONTACT,
      channel: "TASK",
      transfer: { status: "done", contactId: "new-segment" },
    }).facts;
    // Act
    const originalEnds = applyHandoffInput(moved, input(contactEvent("disconnected_in_queue", CONTACT)));
    const newSegmentConnects = applyHandoffInput(
      originalEnds.facts,
      input(contactEvent("connected", "new-segment", { initialContactId: CONTACT })),
    );
    // Assess
    expect(originalEnds.facts.decision).toBeUndefined();
    expect(newSegmentConnects.facts.decision?.status).toBe("accepted");
  });

  it("never undoes a transfer result with a retried 'requested'", () => {
    // Prepare
    const done = applyHandoffInput(null, {
      kind: "route",
      contactId: CONTACT,
      transfer: { status: "done", contactId: "new-segment" },
    }).facts;
    // Act
    const retried = applyHandoffInput(done, {
      kind: "route",
      contactId: CONTACT,
      transfer: { status: "requested" },
    });
    // Assess
    expect(retried.changed).toBe(false);
    expect(retried.facts.transfer).toEqual({ status: "done", contactId: "new-segment" });
  });

  it("does not count a planned callback as a drop-off", () => {
    // Prepare
    const requested = run([handoffRequestedEvent(CONTACT, { leadId: "lead-1" })]).facts;
    const withCallback = applyHandoffInput(requested, {
      kind: "route",
      contactId: CONTACT,
      callback: { scheduledFor: "2026-11-20T10:30:00.000Z", scheduleName: "bcb-lead-1-x" },
    }).facts;
    // Act
    const step = applyHandoffInput(withCallback, input(contactEvent("disconnected_in_queue", CONTACT)));
    // Assess
    expect(toKpiRecord(step.facts)).toMatchObject({
      status: "abandoned",
      dropOff: false,
      callbackScheduledFor: "2026-11-20T10:30:00.000Z",
    });
    expect(metric(step.effects.metrics, HANDOFF_KPI_METRICS.dropOff)[0]).toMatchObject({ value: 0 });
    expect(metric(step.effects.metrics, HANDOFF_KPI_METRICS.callback)[0]).toMatchObject({ value: 1 });
  });

  it("records the business outcome once per change, by campaign, trigger and outcome", () => {
    // Prepare
    const events = [
      handoffRequestedEvent(CONTACT, { trigger: "buying_intent" }),
      handoffOutcomeEvent(CONTACT, "follow_up", { occurredAt: "2026-11-20T11:00:00.000Z" }),
      handoffOutcomeEvent(CONTACT, "won", { occurredAt: "2026-11-21T09:00:00.000Z" }),
      handoffOutcomeEvent(CONTACT, "follow_up", { occurredAt: "2026-11-20T11:00:00.000Z" }),
    ];
    // Act
    const { facts, metrics } = run(events);
    // Assess
    expect(toKpiRecord(facts)?.outcome).toBe("won");
    expect(metric(metrics, HANDOFF_KPI_METRICS.outcome).map((entry) => entry.dimensions.outcome)).toEqual([
      "follow_up",
      "won",
    ]);
    expect(metric(metrics, HANDOFF_KPI_METRICS.closed).map((entry) => entry.value)).toEqual([0, 1]);
    expect(metric(metrics, HANDOFF_KPI_METRICS.closed)[0]?.dimensions).toEqual({
      campaign: "default",
      trigger: "buying_intent",
    });
  });

  it("treats Connect's 1970 placeholder as no timestamp", () => {
    // Prepare
    const placeholder = contactDataUpdated.detail.agentInfo.connectedToAgentTimestamp;
    // Act
    const parsed = validTimestamp(placeholder);
    // Assess
    expect(placeholder).toBe("1970-01-01T00:00:00.001Z");
    expect(parsed).toBeUndefined();
    expect(validTimestamp("not a time")).toBeUndefined();
    expect(validTimestamp("2026-11-20T10:00:19.25Z")).toBe("2026-11-20T10:00:19.250Z");
  });

  it("ignores contact event types it does not measure, and says which", () => {
    // Prepare
    const event = contactDataUpdated;
    // Act
    const parsed = toHandoffInput(event);
    // Assess
    expect(parsed).toEqual({ status: "ignored_event_type", eventType: "CONTACT_DATA_UPDATED" });
  });

  it("reaches the same facts and exactly one outcome event whatever the order and duplication", () => {
    // Prepare
    const accepted = [
      handoffRequestedEvent(CONTACT),
      contactEvent("queued", CONTACT),
      contactEvent("connected", CONTACT),
      contactEvent("disconnected_after_agent", CONTACT),
    ];
    const abandoned = [
      handoffRequestedEvent(CONTACT),
      contactEvent("queued", CONTACT),
      contactEvent("disconnected_in_queue", CONTACT),
    ];
    const expected = { accepted: run(accepted).facts, abandoned: run(abandoned).facts };
    const delivery = (events: unknown[]) =>
      fc.array(fc.nat({ max: events.length - 1 }), { maxLength: events.length * 2 }).chain((duplicates) =>
        fc.shuffledSubarray([...events, ...duplicates.map((index) => events[index])], {
          minLength: events.length + duplicates.length,
        }),
      );
    // Act / Assess
    for (const [kind, events] of [
      ["accepted", accepted],
      ["abandoned", abandoned],
    ] as const) {
      fc.assert(
        fc.property(delivery(events), (order) => {
          const result = run(order);
          expect(toKpiRecord(result.facts)).toEqual(toKpiRecord(expected[kind]));
          expect(result.events).toHaveLength(1);
          expect(metric(result.metrics, HANDOFF_KPI_METRICS.handoffs)).toHaveLength(1);
        }),
        { numRuns: 200 },
      );
    }
  });
});
