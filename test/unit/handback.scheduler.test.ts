import {
  ConflictException,
  CreateScheduleCommand,
  DeleteScheduleCommand,
  ResourceNotFoundException,
  SchedulerClient,
  ThrottlingException,
  UpdateScheduleCommand,
} from "@aws-sdk/client-scheduler";
import { mockClient } from "aws-sdk-client-mock";
import { beforeEach, describe, expect, it } from "vitest";
import { EventBridgeCallbackScheduler } from "../../functions/adapters/eventbridge-callback-scheduler.js";
import { atExpression, planCallbackTime, scheduleNameFor } from "../../functions/domain/callback-plan.js";
import type { OneTimeSchedule } from "../../functions/ports/callback-scheduler.js";
import createScheduleResponse from "../fixtures/scheduler/create-schedule-response.json" with {
  type: "json",
};

const scheduler = mockClient(SchedulerClient);
const TARGET = "arn:aws:lambda:eu-west-1:111122223333:function:baton-start-callback";
const ROLE = "arn:aws:iam::111122223333:role/baton-scheduler";
const NOW = new Date("2026-11-20T10:00:00.000Z");
const TIMING = {
  pastGraceMs: 15 * 60_000,
  minLeadMs: 60_000,
  maxAheadMs: 90 * 86_400_000,
  defaultDelayMs: 86_400_000,
};

function schedule(version = 1): OneTimeSchedule {
  const name = scheduleNameFor("lead-42");
  return {
    name,
    at: new Date("2026-11-21T15:30:00.000Z"),
    payload: { leadId: "lead-42", campaignId: "default", scheduleName: name, version },
    description: "Baton handback callback of lead lead-42 (version 1)",
  };
}

function adapter() {
  return new EventBridgeCallbackScheduler({
    client: new SchedulerClient({ region: "eu-west-1" }),
    targetArn: TARGET,
    roleArn: ROLE,
    groupName: "baton",
  });
}

describe("EventBridge Scheduler adapter", () => {
  beforeEach(() => {
    scheduler.reset();
  });

  it("creates a one-time UTC schedule that deletes itself, with the lead in the target input", async () => {
    // Prepare
    scheduler.on(CreateScheduleCommand).resolves(createScheduleResponse);
    // Act
    const result = await adapter().upsert(schedule());
    // Assess
    expect(result).toBe("created");
    const input = scheduler.commandCalls(CreateScheduleCommand)[0]?.args[0].input;
    expect(input).toMatchObject({
      Name: schedule().name,
      GroupName: "baton",
      ScheduleExpression: "at(2026-11-21T15:30:00)",
      ScheduleExpressionTimezone: "UTC",
      FlexibleTimeWindow: { Mode: "OFF" },
      ActionAfterCompletion: "DELETE",
      State: "ENABLED",
      Target: {
        Arn: TARGET,
        RoleArn: ROLE,
        RetryPolicy: { MaximumEventAgeInSeconds: 3_600, MaximumRetryAttempts: 3 },
      },
    });
    expect(JSON.parse(input?.Target?.Input ?? "{}")).toEqual(schedule().payload);
    expect(input?.ClientToken).toMatch(/^[a-zA-Z0-9-_]{1,64}$/);
  });

  it("replaces the lead's schedule when one of that name exists (reschedule)", async () => {
    // Prepare
    scheduler.on(CreateScheduleCommand).rejects(
      new ConflictException({
        Message: "Schedule already exists",
        message: "Schedule already exists",
        $metadata: {},
      }),
    );
    scheduler.on(UpdateScheduleCommand).resolves(createScheduleResponse);
    // Act
    const result = await adapter().upsert(schedule(2));
    // Assess
    expect(result).toBe("updated");
    const update = scheduler.commandCalls(UpdateScheduleCommand)[0]?.args[0].input;
    expect(update).toMatchObject({ Name: schedule().name, ActionAfterCompletion: "DELETE" });
    expect(JSON.parse(update?.Target?.Input ?? "{}").version).toBe(2);
  });

  it("creates again when the schedule ran and was deleted between the conflict and the update", async () => {
    // Prepare
    scheduler
      .on(CreateScheduleCommand)
      .rejectsOnce(new ConflictException({ Message: "exists", message: "exists", $metadata: {} }))
      .resolves(createScheduleResponse);
    scheduler
      .on(UpdateScheduleCommand)
      .rejects(new ResourceNotFoundException({ Message: "gone", message: "gone", $metadata: {} }));
    // Act
    const result = await adapter().upsert(schedule());
    // Assess
    expect(result).toBe("created");
    expect(scheduler.commandCalls(CreateScheduleCommand)).toHaveLength(2);
  });

  it("passes other errors on (the caller's retry repeats the upsert)", async () => {
    // Prepare
    scheduler
      .on(CreateScheduleCommand)
      .rejects(new ThrottlingException({ Message: "slow down", message: "slow down", $metadata: {} }));
    // Act
    const result = adapter().upsert(schedule());
    // Assess
    await expect(result).rejects.toBeInstanceOf(ThrottlingException);
  });

  it("deletes by name in the group, and reports a schedule that is already gone", async () => {
    // Prepare
    scheduler
      .on(DeleteScheduleCommand)
      .resolvesOnce({})
      .rejects(new ResourceNotFoundException({ Message: "gone", message: "gone", $metadata: {} }));
    // Act
    const first = await adapter().delete("bcb-x");
    const second = await adapter().delete("bcb-x");
    // Assess
    expect([first, second]).toEqual(["deleted", "not_found"]);
    expect(scheduler.commandCalls(DeleteScheduleCommand)[0]?.args[0].input).toEqual({
      Name: "bcb-x",
      GroupName: "baton",
    });
  });
});

describe("callback timing and names", () => {
  it.each([
    ["2026-11-21T15:30:00Z", { ok: true, adjusted: "as_requested", at: "2026-11-21T15:30:00.000Z" }],
    ["2026-11-20T10:00:30Z", { ok: true, adjusted: "asap", at: "2026-11-20T10:01:00.000Z" }],
    ["2026-11-20T09:50:00Z", { ok: true, adjusted: "asap", at: "2026-11-20T10:01:00.000Z" }],
    ["2026-11-20T09:00:00Z", { ok: false, reason: "past_time" }],
    ["2027-06-01T09:00:00Z", { ok: false, reason: "too_far" }],
    ["tomorrow at 3", { ok: false, reason: "malformed_time" }],
    ["2026-13-45T99:00:00Z", { ok: false, reason: "malformed_time" }],
  ])("plans a follow-up at %s", (followUpAt, expected) => {
    // Prepare
    const now = NOW;
    // Act
    const planned = planCallbackTime(followUpAt, now, TIMING);
    // Assess
    const shown = planned.ok ? { ...planned, at: planned.at.toISOString() } : planned;
    expect(shown).toMatchObject(expected);
  });

  it("uses the default delay when no time is given", () => {
    // Prepare
    const now = NOW;
    // Act
    const planned = planCallbackTime(undefined, now, TIMING);
    // Assess
    expect(planned).toMatchObject({ ok: true, adjusted: "default_delay" });
    expect(planned.ok && planned.at.toISOString()).toBe("2026-11-21T10:00:00.000Z");
  });

  it("names one schedule per lead: deterministic, distinct, within Scheduler's rules", () => {
    // Prepare
    const leads = ["lead-42", "lead-43", "a/very:long lead id with spaces and ünïcode that goes on and on"];
    // Act
    const names = leads.map(scheduleNameFor);
    // Assess
    expect(leads.map(scheduleNameFor)).toEqual(names);
    expect(new Set(names).size).toBe(leads.length);
    for (const name of names) expect(name).toMatch(/^[0-9a-zA-Z_.-]{1,64}$/);
    expect(atExpression(new Date("2026-11-21T15:30:45.123Z"))).toBe("at(2026-11-21T15:30:45)");
  });
});
