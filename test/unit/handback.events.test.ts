import { CreateScheduleCommand, DeleteScheduleCommand, SchedulerClient } from "@aws-sdk/client-scheduler";
import { mockClient } from "aws-sdk-client-mock";
import { beforeEach, describe, expect, it } from "vitest";
import { HandbackCancelled } from "../../contracts/callback.js";
import { HandbackRequested, NurtureScheduled } from "../../contracts/events/catalog.js";
import { deterministicEventId, SCHEMA_VERSION } from "../../contracts/events/define-event.js";
import { EventBridgeCallbackScheduler } from "../../functions/adapters/eventbridge-callback-scheduler.js";
import {
  type CallbackDependencies,
  handleHandbackEvent,
} from "../../functions/application/schedule-callback.js";
import createScheduleResponse from "../fixtures/scheduler/create-schedule-response.json" with {
  type: "json",
};
import { envelope } from "../support/handoff-events.js";
import { InMemoryCallbackStore } from "../support/in-memory-after-transfer.js";

const scheduler = mockClient(SchedulerClient);
const NOW = "2026-11-20T10:00:00.000Z";

function setup() {
  const store = new InMemoryCallbackStore();
  const counts: string[] = [];
  const deps: CallbackDependencies = {
    store,
    scheduler: new EventBridgeCallbackScheduler({
      client: new SchedulerClient({ region: "eu-west-1" }),
      targetArn: "arn:aws:lambda:eu-west-1:111122223333:function:baton-start-callback",
      roleArn: "arn:aws:iam::111122223333:role/baton-scheduler",
    }),
    clock: () => new Date(NOW),
    timing: {
      pastGraceMs: 15 * 60_000,
      minLeadMs: 60_000,
      maxAheadMs: 90 * 86_400_000,
      defaultDelayMs: 86_400_000,
    },
    ttlDays: 90,
    log: () => {},
    count: (metric) => counts.push(metric),
  };
  return { deps, store, counts };
}

function meta(detailType: string, contactId: string, discriminator: string, leadId?: string) {
  return {
    id: deterministicEventId(detailType, contactId, discriminator),
    schemaVersion: SCHEMA_VERSION,
    occurredAt: NOW,
    contactId,
    campaignId: "default",
    ...(leadId ? { leadId } : {}),
  };
}

function handback(leadId: string, followUpAt: string, discriminator = "1") {
  return envelope(HandbackRequested.source, HandbackRequested.detailType, {
    meta: meta(HandbackRequested.detailType, "contact-1", discriminator, leadId),
    leadId,
    note: "Wants the annual plan; call after the board meeting.",
    followUpAt,
    requestedBy: "agent-7",
  });
}

describe("handback scheduler events", () => {
  beforeEach(() => {
    scheduler.reset();
    scheduler.on(CreateScheduleCommand).resolves(createScheduleResponse);
    scheduler.on(DeleteScheduleCommand).resolves({});
  });

  it("plans the callback of a Handback.Requested and keeps the closer's note on the lead", async () => {
    // Prepare
    const { deps, store } = setup();
    store.addLead("lead-42");
    // Act
    const outcome = await handleHandbackEvent(deps, handback("lead-42", "2026-11-21T15:30:00Z"));
    // Assess
    expect(outcome).toMatchObject({
      status: "scheduled",
      scheduledFor: "2026-11-21T15:30:00.000Z",
      version: 1,
    });
    expect(store.leads.get("lead-42")?.note).toBe("Wants the annual plan; call after the board meeting.");
    expect(scheduler.commandCalls(CreateScheduleCommand)[0]?.args[0].input.ScheduleExpression).toBe(
      "at(2026-11-21T15:30:00)",
    );
  });

  it("answers a follow-up time that is not a date-time with malformed_time", async () => {
    // Prepare
    const { deps, store, counts } = setup();
    store.addLead("lead-42");
    // Act
    const outcome = await handleHandbackEvent(deps, handback("lead-42", "next tuesday"));
    // Assess
    expect(outcome).toMatchObject({ status: "rejected", reason: "malformed_time" });
    expect(counts).toContain("Callback_rejected_malformed_time");
    expect(scheduler.calls()).toHaveLength(0);
  });

  it("plans the engine's nurture decision after the default delay, and refuses one without a lead", async () => {
    // Prepare
    const { deps, store } = setup();
    store.addLead("lead-42");
    const nurture = (leadId?: string) =>
      envelope(NurtureScheduled.source, NurtureScheduled.detailType, {
        meta: meta(NurtureScheduled.detailType, `contact-${leadId ?? "anonymous"}`, "9", leadId),
        origin: "engine",
        reasons: ["the customer asked to be called later"],
      });
    // Act
    const withLead = await handleHandbackEvent(deps, nurture("lead-42"));
    const withoutLead = await handleHandbackEvent(deps, nurture());
    // Assess
    expect(withLead).toMatchObject({
      status: "scheduled",
      adjusted: "default_delay",
      scheduledFor: "2026-11-21T10:00:00.000Z",
    });
    expect(store.callbacks.get("lead-42")?.origin).toBe("nurture");
    expect(withoutLead).toMatchObject({ status: "rejected", reason: "no_lead" });
  });

  it("cancels a planned callback on Handback.Cancelled and deletes its schedule", async () => {
    // Prepare
    const { deps, store } = setup();
    store.addLead("lead-42");
    await handleHandbackEvent(deps, handback("lead-42", "2026-11-21T15:30:00Z"));
    const cancel = envelope(HandbackCancelled.source, HandbackCancelled.detailType, {
      meta: meta(HandbackCancelled.detailType, "contact-1", "cancel-1", "lead-42"),
      leadId: "lead-42",
      reason: "the customer signed by email",
      requestedBy: "agent-7",
    });
    // Act
    const outcome = await handleHandbackEvent(deps, cancel);
    const again = await handleHandbackEvent(deps, cancel);
    // Assess
    expect(outcome).toMatchObject({ status: "cancelled", version: 2 });
    expect(again).toMatchObject({ status: "duplicate" });
    expect(store.callbacks.get("lead-42")).toMatchObject({ status: "cancelled", version: 2 });
    expect(scheduler.commandCalls(DeleteScheduleCommand)).toHaveLength(1);
  });

  it("answers foreign and broken events with an outcome, not a throw", async () => {
    // Prepare
    const { deps } = setup();
    const broken = handback("lead-42", "2026-11-21T15:30:00Z");
    (broken.detail as { requestedBy?: unknown }).requestedBy = "";
    // Act
    const foreign = await handleHandbackEvent(deps, envelope("baton.handoff", "Handoff.Requested", {}));
    const invalid = await handleHandbackEvent(deps, broken);
    const notAnEvent = await handleHandbackEvent(deps, "hello");
    // Assess
    expect(foreign).toMatchObject({ status: "ignored_event_type" });
    expect(invalid).toMatchObject({ status: "invalid_event", reason: expect.stringMatching(/^requestedBy/) });
    expect(notAnEvent).toMatchObject({ status: "invalid_event" });
  });
});
