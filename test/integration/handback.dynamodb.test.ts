import { randomUUID } from "node:crypto";
import {
  ConnectClient,
  DescribeContactCommand,
  type DescribeContactCommandOutput,
  StartOutboundVoiceContactCommand,
} from "@aws-sdk/client-connect";
import {
  ConflictException,
  CreateScheduleCommand,
  DeleteScheduleCommand,
  SchedulerClient,
  UpdateScheduleCommand,
} from "@aws-sdk/client-scheduler";
import { mockClient } from "aws-sdk-client-mock";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { CallbackTargetInput } from "../../contracts/callback.js";
import { HandbackRequested } from "../../contracts/events/catalog.js";
import { deterministicEventId, SCHEMA_VERSION } from "../../contracts/events/define-event.js";
import type { SlotValue } from "../../contracts/qualification-state.js";
import { ConnectContactCenter } from "../../functions/adapters/connect-contact-center.js";
import { DynamoDbCallbackStore } from "../../functions/adapters/dynamodb-callback-store.js";
import { DynamoDbStateStore } from "../../functions/adapters/dynamodb-state-store.js";
import { EventBridgeCallbackScheduler } from "../../functions/adapters/eventbridge-callback-scheduler.js";
import { InMemoryEventPublisher } from "../../functions/adapters/in-memory.js";
import { ScriptedLanguageModel } from "../../functions/adapters/scripted-language-model.js";
import { createStateTable } from "../../functions/adapters/state-table.js";
import {
  type CallbackDependencies,
  handleHandbackEvent,
} from "../../functions/application/schedule-callback.js";
import { type StartCallbackDependencies, startCallback } from "../../functions/application/start-callback.js";
import { takeTurn } from "../../functions/application/take-turn.js";
import { CampaignRegistry, defaultCampaign } from "../../functions/domain/campaigns.js";
import { processCustomerTurn, recordLine, startContact } from "../../functions/domain/engine.js";
import describeVoice from "../fixtures/connect/describe-contact-voice.json" with { type: "json" };
import startResponse from "../fixtures/connect/start-outbound-voice-contact-response.json" with {
  type: "json",
};
import createScheduleResponse from "../fixtures/scheduler/create-schedule-response.json" with {
  type: "json",
};
import { type DynamoDbLocal, startDynamoDbLocal } from "../support/dynamodb-local.js";
import { envelope } from "../support/handoff-events.js";

const TABLE = "baton-handback-test";
const NOW = "2026-11-20T10:00:00.000Z";
const scheduler = mockClient(SchedulerClient);
const connect = mockClient(ConnectClient);

let local: DynamoDbLocal;
let leads: DynamoDbStateStore;
let callbacks: DynamoDbCallbackStore;

beforeAll(async () => {
  local = await startDynamoDbLocal();
  await createStateTable(local.client, TABLE);
  leads = new DynamoDbStateStore({ client: local.client, tableName: TABLE });
  callbacks = new DynamoDbCallbackStore({ client: local.client, tableName: TABLE });
});

afterAll(async () => {
  await local?.stop();
});

beforeEach(() => {
  scheduler.reset();
  connect.reset();
  scheduler.on(CreateScheduleCommand).resolves(createScheduleResponse);
  scheduler.on(UpdateScheduleCommand).resolves(createScheduleResponse);
  scheduler.on(DeleteScheduleCommand).resolves({});
  connect.on(DescribeContactCommand).resolves(describeVoice as unknown as DescribeContactCommandOutput);
  connect.on(StartOutboundVoiceContactCommand).resolves(startResponse);
});

function scheduling(now = NOW): CallbackDependencies {
  return {
    store: callbacks,
    scheduler: new EventBridgeCallbackScheduler({
      client: new SchedulerClient({ region: "eu-west-1" }),
      targetArn: "arn:aws:lambda:eu-west-1:111122223333:function:baton-start-callback",
      roleArn: "arn:aws:iam::111122223333:role/baton-scheduler",
    }),
    clock: () => new Date(now),
    timing: {
      pastGraceMs: 15 * 60_000,
      minLeadMs: 60_000,
      maxAheadMs: 90 * 86_400_000,
      defaultDelayMs: 86_400_000,
    },
    ttlDays: 90,
    log: () => {},
    count: () => {},
  };
}

function calling(now: string): StartCallbackDependencies {
  return {
    store: callbacks,
    contactCenter: new ConnectContactCenter({
      client: new ConnectClient({ region: "eu-west-1" }),
      instance: "12345678-1234-1234-1234-123456789012",
      outboundFlow: "dddddddd-0000-0000-0000-000000000004",
      outboundSource: { phoneNumber: "+442071234567" },
    }),
    clock: () => new Date(now),
    maxLatenessMs: 60 * 60_000,
    log: () => {},
    count: () => {},
  };
}

/** A lead as the call path writes it: with a contact, in one transaction. */
async function writeLead(
  leadId: string,
  changes: { doNotCall?: boolean; note?: string; slots?: Record<string, SlotValue> } = {},
) {
  const contactId = `contact-${randomUUID()}`;
  await leads.commitTurn({
    expectedVersion: 0,
    next: {
      contactId,
      version: 1,
      state: startContact({ contactId, campaignId: "default", leadId }),
      outbox: [],
      unpublished: [],
      expiresAt: 1_900_000_000,
    },
    lead: {
      leadId,
      campaignId: "default",
      slots: changes.slots ?? {},
      lastContactId: contactId,
      note: changes.note,
      doNotCall: changes.doNotCall ?? false,
      expiresAt: 1_900_000_000,
    },
  });
}

function handback(leadId: string, followUpAt: string, options: { id?: string; note?: string } = {}) {
  const id = options.id ?? randomUUID();
  return envelope(HandbackRequested.source, HandbackRequested.detailType, {
    meta: {
      id: deterministicEventId(HandbackRequested.detailType, describeVoice.Contact.Id, id),
      schemaVersion: SCHEMA_VERSION,
      occurredAt: NOW,
      contactId: describeVoice.Contact.Id,
      campaignId: "default",
      leadId,
    },
    leadId,
    note: options.note ?? "Call after the board meeting; they want the annual plan.",
    followUpAt,
    requestedBy: "agent-7",
  });
}

function lastScheduleInput() {
  const calls = [
    ...scheduler.commandCalls(CreateScheduleCommand),
    ...scheduler.commandCalls(UpdateScheduleCommand),
  ].map((call) => call.args[0].input);
  const input = calls.at(-1)?.Target?.Input;
  return CallbackTargetInput.parse(JSON.parse(input ?? "{}"));
}

describe("handback against DynamoDB Local", () => {
  it("plans a callback, stores the note on the lead, and the call resumes with the lead's id", async () => {
    // Prepare
    const leadId = `lead-${randomUUID()}`;
    await writeLead(leadId);
    // Act
    const planned = await handleHandbackEvent(scheduling(), handback(leadId, "2026-11-21T15:30:00Z"));
    const called = await startCallback(calling("2026-11-21T15:30:20.000Z"), lastScheduleInput());
    // Assess
    expect(planned).toMatchObject({ status: "scheduled", version: 1 });
    expect((await leads.loadLead(leadId))?.note).toBe(
      "Call after the board meeting; they want the annual plan.",
    );
    expect(called).toMatchObject({ status: "called", contactId: startResponse.ContactId });
    expect(connect.commandCalls(StartOutboundVoiceContactCommand)[0]?.args[0].input.Attributes).toMatchObject(
      {
        leadId,
        campaignId: "default",
      },
    );
    expect(await callbacks.loadCallback(leadId)).toMatchObject({
      status: "called",
      callContactId: startResponse.ContactId,
    });
  });

  it("resumes the callback call with what the lead confirmed and the closer's note, without a greeting", async () => {
    // Prepare
    const leadId = `lead-${randomUUID()}`;
    let earlier = startContact({ contactId: "earlier", campaignId: "default", leadId });
    earlier = recordLine(earlier, "ai", defaultCampaign.slots[0]?.question ?? "", defaultCampaign);
    earlier = processCustomerTurn(
      earlier,
      { text: "About 50k a year, and I sign off on it." },
      defaultCampaign,
    ).state;
    await writeLead(leadId, { slots: earlier.slots });
    await handleHandbackEvent(
      scheduling(),
      handback(leadId, "2026-11-21T15:30:00Z", { note: "Send the annual quote." }),
    );
    await startCallback(calling("2026-11-21T15:30:20.000Z"), lastScheduleInput());
    const attributes =
      connect.commandCalls(StartOutboundVoiceContactCommand)[0]?.args[0].input.Attributes ?? {};
    // Act: the outbound flow hands the attributes to Lex; the first customer turn of the new contact.
    const answer = await takeTurn(
      {
        stateStore: leads,
        publisher: new InMemoryEventPublisher(),
        languageModel: new ScriptedLanguageModel(),
        campaigns: new CampaignRegistry([defaultCampaign]),
        clock: () => new Date("2026-11-21T15:31:00.000Z"),
        ttlDays: 90,
      },
      {
        contactId: startResponse.ContactId,
        leadId: attributes.leadId,
        campaignId: attributes.campaignId ?? "missing",
        turnKey: "callback-turn-1",
        text: "Hi, yes, go ahead.",
        inputMode: "Speech",
      },
    );
    // Assess
    const state = (await leads.loadContact(startResponse.ContactId))?.state;
    expect(state).toMatchObject({ leadId, resumed: true, handbackNote: "Send the annual quote." });
    expect(Object.keys(state?.slots ?? {})).toEqual(expect.arrayContaining(["budget", "authority"]));
    expect(answer.reply.line.startsWith(defaultCampaign.script.resume)).toBe(true);
    expect(answer.reply.line).not.toContain(defaultCampaign.script.greeting);
    expect(answer.reply.line).not.toContain(defaultCampaign.slots[0]?.question);
  });

  it("never plans nor stores anything for a lead that opted out, and cancels what was planned", async () => {
    // Prepare
    const leadId = `lead-${randomUUID()}`;
    await writeLead(leadId);
    await handleHandbackEvent(scheduling(), handback(leadId, "2026-11-21T15:30:00Z", { note: "first note" }));
    await writeLead(leadId, { doNotCall: true, note: "first note" });
    scheduler.resetHistory();
    // Act
    const outcome = await handleHandbackEvent(
      scheduling(),
      handback(leadId, "2026-11-22T15:30:00Z", { note: "second note" }),
    );
    // Assess
    expect(outcome).toMatchObject({ status: "rejected", reason: "opted_out" });
    expect(scheduler.commandCalls(CreateScheduleCommand)).toHaveLength(0);
    expect(scheduler.commandCalls(DeleteScheduleCommand)).toHaveLength(1);
    expect((await leads.loadLead(leadId))?.note).toBe("first note");
    expect(await callbacks.loadCallback(leadId)).toMatchObject({ status: "cancelled", version: 2 });
  });

  it("refuses to write a note on an opted-out lead even when asked directly", async () => {
    // Prepare
    const leadId = `lead-${randomUUID()}`;
    await writeLead(leadId, { doNotCall: true });
    // Act
    const saved = await callbacks.saveLeadNote(leadId, "please call");
    const missing = await callbacks.saveLeadNote(`lead-${randomUUID()}`, "please call");
    // Assess
    expect(saved).toBe("opted_out");
    expect(missing).toBe("missing");
    expect((await leads.loadLead(leadId))?.note).toBeUndefined();
  });

  it("does not call a lead that opted out between the plan and the call", async () => {
    // Prepare
    const leadId = `lead-${randomUUID()}`;
    await writeLead(leadId);
    await handleHandbackEvent(scheduling(), handback(leadId, "2026-11-21T15:30:00Z"));
    await writeLead(leadId, { doNotCall: true });
    // Act
    const outcome = await startCallback(calling("2026-11-21T15:30:20.000Z"), lastScheduleInput());
    // Assess
    expect(outcome).toMatchObject({ status: "skipped", reason: "opted_out" });
    expect(connect.commandCalls(StartOutboundVoiceContactCommand)).toHaveLength(0);
  });

  it("calls a follow-up a few minutes in the past as soon as possible and refuses one long past", async () => {
    // Prepare
    const recent = `lead-${randomUUID()}`;
    const stale = `lead-${randomUUID()}`;
    await writeLead(recent);
    await writeLead(stale);
    // Act
    const soon = await handleHandbackEvent(scheduling(), handback(recent, "2026-11-20T09:55:00Z"));
    const refused = await handleHandbackEvent(scheduling(), handback(stale, "2026-11-19T09:00:00Z"));
    // Assess
    expect(soon).toMatchObject({
      status: "scheduled",
      adjusted: "asap",
      scheduledFor: "2026-11-20T10:01:00.000Z",
    });
    expect(refused).toMatchObject({ status: "rejected", reason: "past_time" });
    expect(await callbacks.loadCallback(stale)).toBeNull();
    expect(scheduler.commandCalls(CreateScheduleCommand)).toHaveLength(1);
  });

  it("refuses a handback for a lead Baton does not know", async () => {
    // Prepare
    const leadId = `lead-${randomUUID()}`;
    // Act
    const outcome = await handleHandbackEvent(scheduling(), handback(leadId, "2026-11-21T15:30:00Z"));
    // Assess
    expect(outcome).toMatchObject({ status: "rejected", reason: "unknown_lead" });
    expect(scheduler.calls()).toHaveLength(0);
  });

  it("reschedules by replacing the lead's one schedule: the old plan calls nobody, the new one calls", async () => {
    // Prepare
    const leadId = `lead-${randomUUID()}`;
    await writeLead(leadId);
    await handleHandbackEvent(scheduling(), handback(leadId, "2026-11-21T15:30:00Z"));
    const first = lastScheduleInput();
    scheduler
      .on(CreateScheduleCommand)
      .rejects(new ConflictException({ Message: "exists", message: "exists", $metadata: {} }));
    // Act
    const rescheduled = await handleHandbackEvent(scheduling(), handback(leadId, "2026-11-22T09:00:00Z"));
    const second = lastScheduleInput();
    const oldFires = await startCallback(calling("2026-11-21T15:30:20.000Z"), first);
    const newFires = await startCallback(calling("2026-11-22T09:00:20.000Z"), second);
    // Assess
    expect(rescheduled).toMatchObject({ status: "scheduled", version: 2, replaced: true });
    expect(second.scheduleName).toBe(first.scheduleName);
    expect(scheduler.commandCalls(UpdateScheduleCommand)[0]?.args[0].input.ScheduleExpression).toBe(
      "at(2026-11-22T09:00:00)",
    );
    expect(oldFires).toMatchObject({ status: "skipped", reason: "stale" });
    expect(newFires).toMatchObject({ status: "called", version: 2 });
    expect(connect.commandCalls(StartOutboundVoiceContactCommand)).toHaveLength(1);
  });

  it("ignores a late duplicate of an older handback instead of moving the callback back", async () => {
    // Prepare
    const leadId = `lead-${randomUUID()}`;
    await writeLead(leadId);
    const older = handback(leadId, "2026-11-21T15:30:00Z", { id: "older" });
    await handleHandbackEvent(scheduling(), older);
    await handleHandbackEvent(scheduling(), handback(leadId, "2026-11-22T09:00:00Z", { id: "newer" }));
    // Act
    const duplicate = await handleHandbackEvent(scheduling(), older);
    // Assess
    expect(duplicate).toMatchObject({ status: "duplicate", version: 2 });
    expect(await callbacks.loadCallback(leadId)).toMatchObject({
      version: 2,
      scheduledFor: "2026-11-22T09:00:00.000Z",
    });
  });

  it("places one call when the schedule is delivered twice at the same time", async () => {
    // Prepare
    const leadId = `lead-${randomUUID()}`;
    await writeLead(leadId);
    await handleHandbackEvent(scheduling(), handback(leadId, "2026-11-21T15:30:00Z"));
    const input = lastScheduleInput();
    // Act
    const outcomes = await Promise.all([
      startCallback(calling("2026-11-21T15:30:20.000Z"), input),
      startCallback(calling("2026-11-21T15:30:20.000Z"), input),
    ]);
    // Assess
    expect(outcomes.map((outcome) => outcome.status).sort()).toEqual(["called", "skipped"]);
    expect(connect.commandCalls(StartOutboundVoiceContactCommand)).toHaveLength(1);
  });
});
