import {
  AccessDeniedException,
  ConnectClient,
  DescribeContactCommand,
  type DescribeContactCommandOutput,
  GetCurrentMetricDataCommand,
  type GetCurrentMetricDataCommandOutput,
  ThrottlingException,
  TransferContactCommand,
  UpdateContactAttributesCommand,
} from "@aws-sdk/client-connect";
import { CreateScheduleCommand, DeleteScheduleCommand, SchedulerClient } from "@aws-sdk/client-scheduler";
import { mockClient } from "aws-sdk-client-mock";
import { beforeEach, describe, expect, it } from "vitest";
import { CallbackTargetInput } from "../../contracts/callback.js";
import { HandoffAccepted } from "../../contracts/events/catalog.js";
import { ConnectContactCenter } from "../../functions/adapters/connect-contact-center.js";
import { EventBridgeCallbackScheduler } from "../../functions/adapters/eventbridge-callback-scheduler.js";
import { InMemoryEventPublisher, InMemoryMetricsSink } from "../../functions/adapters/in-memory.js";
import { type RouterDependencies, routeHandoff } from "../../functions/application/route-handoff.js";
import describeTask from "../fixtures/connect/describe-contact-task.json" with { type: "json" };
import describeVoice from "../fixtures/connect/describe-contact-voice.json" with { type: "json" };
import agentsAvailable from "../fixtures/connect/get-current-metric-data-agents-available.json" with {
  type: "json",
};
import noneAvailable from "../fixtures/connect/get-current-metric-data-none-available.json" with {
  type: "json",
};
import transferResponse from "../fixtures/connect/transfer-contact-response.json" with { type: "json" };
import createScheduleResponse from "../fixtures/scheduler/create-schedule-response.json" with {
  type: "json",
};
import { envelope, handoffRequestedEvent, T0 } from "../support/handoff-events.js";
import { InMemoryCallbackStore, InMemoryHandoffStores } from "../support/in-memory-after-transfer.js";

const connect = mockClient(ConnectClient);
const scheduler = mockClient(SchedulerClient);

const INSTANCE_ID = "12345678-1234-1234-1234-123456789012";
const INSTANCE_ARN = `arn:aws:connect:eu-west-1:111122223333:instance/${INSTANCE_ID}`;
const QUEUE_ID = "aaaaaaaa-0000-0000-0000-000000000001";
const SENIOR_QUEUE_ID = "aaaaaaaa-0000-0000-0000-000000000002";
const TRANSFER_FLOW_ID = "cccccccc-0000-0000-0000-000000000003";
const CALLBACK_ARN = "arn:aws:lambda:eu-west-1:111122223333:function:baton-start-callback";
const ROLE_ARN = "arn:aws:iam::111122223333:role/baton-scheduler";
const VOICE_CONTACT = "11111111-1111-1111-1111-111111111111";
const TASK_CONTACT = "22222222-2222-2222-2222-222222222222";

function setup(options: { queues?: Record<string, string> } = {}) {
  const stores = new InMemoryHandoffStores();
  const callbackStore = new InMemoryCallbackStore();
  const logs: Array<{ level: string; message: string }> = [];
  const counts: string[] = [];
  const clock = () => new Date(T0 + 2_000);
  const log = (level: string, message: string) => logs.push({ level, message });
  const count = (metric: string) => counts.push(metric);
  const deps: RouterDependencies = {
    screenPops: stores,
    routes: stores,
    contactCenter: new ConnectContactCenter({
      client: new ConnectClient({ region: "eu-west-1" }),
      instance: INSTANCE_ARN,
      transferFlow: `${INSTANCE_ARN}/contact-flow/${TRANSFER_FLOW_ID}`,
    }),
    queues: new Map(
      Object.entries(
        options.queues ?? {
          "baton-closers": `${INSTANCE_ARN}/queue/${QUEUE_ID}`,
          "baton-senior-closers": SENIOR_QUEUE_ID,
        },
      ),
    ),
    kpi: {
      store: stores,
      publisher: new InMemoryEventPublisher(),
      metrics: new InMemoryMetricsSink(),
      clock,
      ttlDays: 90,
      reorderWindowSeconds: 3_600,
      log,
    },
    callbacks: {
      store: callbackStore,
      scheduler: new EventBridgeCallbackScheduler({
        client: new SchedulerClient({ region: "eu-west-1" }),
        targetArn: CALLBACK_ARN,
        roleArn: ROLE_ARN,
      }),
      clock,
      timing: {
        pastGraceMs: 15 * 60_000,
        minLeadMs: 60_000,
        maxAheadMs: 90 * 86_400_000,
        defaultDelayMs: 86_400_000,
      },
      ttlDays: 90,
      log,
      count,
    },
    noCloserCallbackDelayMs: 30 * 60_000,
    clock,
    ttlDays: 90,
    log,
    count,
  };
  return { deps, stores, callbackStore, logs, counts };
}

function describes(fixture: unknown) {
  connect.on(DescribeContactCommand).resolves(fixture as DescribeContactCommandOutput);
}

function agents(fixture: unknown) {
  connect.on(GetCurrentMetricDataCommand).resolves(fixture as GetCurrentMetricDataCommandOutput);
}

describe("handoff router", () => {
  beforeEach(() => {
    connect.reset();
    scheduler.reset();
    connect.on(UpdateContactAttributesCommand).resolves({});
    connect.on(TransferContactCommand).resolves(transferResponse);
    scheduler.on(CreateScheduleCommand).resolves(createScheduleResponse);
    scheduler.on(DeleteScheduleCommand).resolves({});
  });

  it("stores the screen pop and sets the summary on a voice contact, leaving the transfer to the flow", async () => {
    // Prepare
    const { deps, stores } = setup();
    describes(describeVoice);
    agents(agentsAvailable);
    // Act
    const outcome = await routeHandoff(deps, handoffRequestedEvent(VOICE_CONTACT, { leadId: "lead-1" }));
    // Assess
    expect(outcome).toMatchObject({ status: "routed", action: "flow_transfer", screenPop: "stored" });
    expect(stores.screenPops.get(VOICE_CONTACT)?.screenPop.confirmed).toHaveLength(3);
    expect(connect.commandCalls(DescribeContactCommand)[0]?.args[0].input).toEqual({
      InstanceId: INSTANCE_ID,
      ContactId: VOICE_CONTACT,
    });
    expect(connect.commandCalls(GetCurrentMetricDataCommand)[0]?.args[0].input).toEqual({
      InstanceId: INSTANCE_ID,
      Filters: { Queues: [QUEUE_ID], Channels: ["VOICE"] },
      Groupings: ["QUEUE"],
      CurrentMetrics: [{ Name: "AGENTS_AVAILABLE", Unit: "COUNT" }],
    });
    const update = connect.commandCalls(UpdateContactAttributesCommand)[0]?.args[0].input;
    expect(update?.InstanceId).toBe(INSTANCE_ID);
    expect(update?.InitialContactId).toBe(VOICE_CONTACT);
    expect(update?.Attributes).toMatchObject({
      baton_trigger: "qualified",
      baton_confirmed_budget: "50000/yr (turn 3)",
      baton_route: "flow_transfer",
    });
    expect(connect.commandCalls(TransferContactCommand)).toHaveLength(0);
    expect(scheduler.commandCalls(CreateScheduleCommand)).toHaveLength(0);
  });

  it("moves a task contact to the queue with TransferContact and records the new contact", async () => {
    // Prepare
    const { deps, stores } = setup();
    describes(describeTask);
    agents(agentsAvailable);
    // Act
    const outcome = await routeHandoff(
      deps,
      handoffRequestedEvent(TASK_CONTACT, { queue: "baton-senior-closers" }),
    );
    // Assess
    expect(outcome).toMatchObject({ action: "api_transfer", transfer: "done" });
    expect(connect.commandCalls(TransferContactCommand)[0]?.args[0].input).toEqual({
      InstanceId: INSTANCE_ID,
      ContactId: TASK_CONTACT,
      QueueId: SENIOR_QUEUE_ID,
      ContactFlowId: TRANSFER_FLOW_ID,
      ClientToken: `baton-transfer-${TASK_CONTACT}`,
    });
    expect(stores.handoffs.get(TASK_CONTACT)?.facts.transfer).toEqual({
      status: "done",
      contactId: transferResponse.ContactId,
    });
  });

  it("does not call TransferContact for a chat (Connect moves only task and email contacts by API)", async () => {
    // Prepare
    const { deps } = setup();
    describes({ Contact: { ...describeVoice.Contact, Channel: "CHAT", CustomerEndpoint: undefined } });
    agents(agentsAvailable);
    // Act
    const outcome = await routeHandoff(deps, handoffRequestedEvent(VOICE_CONTACT));
    // Assess
    expect(outcome).toMatchObject({ action: "flow_transfer" });
    expect(connect.commandCalls(TransferContactCommand)).toHaveLength(0);
    expect(connect.commandCalls(GetCurrentMetricDataCommand)[0]?.args[0].input.Filters?.Channels).toEqual([
      "CHAT",
    ]);
  });

  it("plans a callback instead of a silent queue when no closer is available", async () => {
    // Prepare
    const { deps, stores, callbackStore } = setup();
    callbackStore.addLead("lead-1", { note: "closer's earlier note" });
    describes(describeVoice);
    agents(noneAvailable);
    // Act
    const outcome = await routeHandoff(deps, handoffRequestedEvent(VOICE_CONTACT, { leadId: "lead-1" }));
    // Assess
    expect(outcome).toMatchObject({ action: "callback", callback: { status: "scheduled", version: 1 } });
    const create = scheduler.commandCalls(CreateScheduleCommand)[0]?.args[0].input;
    expect(create).toMatchObject({
      ScheduleExpression: "at(2026-11-20T10:30:02)",
      ScheduleExpressionTimezone: "UTC",
      FlexibleTimeWindow: { Mode: "OFF" },
      ActionAfterCompletion: "DELETE",
      State: "ENABLED",
      Target: { Arn: CALLBACK_ARN, RoleArn: ROLE_ARN },
    });
    expect(CallbackTargetInput.parse(JSON.parse(create?.Target?.Input ?? "{}"))).toMatchObject({
      leadId: "lead-1",
      campaignId: "default",
      version: 1,
    });
    expect(connect.commandCalls(UpdateContactAttributesCommand)[0]?.args[0].input.Attributes).toMatchObject({
      baton_route: "callback",
      baton_callback_at: "2026-11-20T10:30:02.000Z",
      baton_callback_in_minutes: "30",
    });
    expect(callbackStore.leads.get("lead-1")?.note).toBe("closer's earlier note");
    expect(stores.handoffs.get(VOICE_CONTACT)?.facts.callback?.scheduledFor).toBe("2026-11-20T10:30:02.000Z");
    expect(callbackStore.callbacks.get("lead-1")).toMatchObject({ status: "scheduled", origin: "no_closer" });
  });

  it("withdraws the no-closer callback when a closer answers after all, and only that one", async () => {
    // Prepare
    const { deps, callbackStore } = setup();
    callbackStore.addLead("lead-1");
    describes(describeVoice);
    agents(noneAvailable);
    await routeHandoff(deps, handoffRequestedEvent(VOICE_CONTACT, { leadId: "lead-1" }));
    const accepted = (contactId: string) =>
      envelope(HandoffAccepted.source, HandoffAccepted.detailType, {
        meta: {
          id: `Handoff.Accepted:${contactId}:accepted`,
          schemaVersion: "1",
          occurredAt: "2026-11-20T10:01:00.000Z",
          contactId,
          campaignId: "default",
          leadId: "lead-1",
        },
        trigger: "qualified",
        queue: "baton-closers",
        timeToHumanMs: 58_000,
      });
    // Act
    const otherContact = await routeHandoff(deps, accepted(TASK_CONTACT));
    const sameContact = await routeHandoff(deps, accepted(VOICE_CONTACT));
    // Assess
    expect(otherContact).toMatchObject({
      status: "callback_withdrawn",
      callback: { status: "nothing_to_cancel" },
    });
    expect(sameContact).toMatchObject({ status: "callback_withdrawn", callback: { status: "cancelled" } });
    expect(scheduler.commandCalls(DeleteScheduleCommand)).toHaveLength(1);
    expect(callbackStore.callbacks.get("lead-1")).toMatchObject({ status: "cancelled" });
  });

  it("treats an empty metric result as nobody staffed", async () => {
    // Prepare
    const { deps, callbackStore } = setup();
    callbackStore.addLead("lead-1");
    describes(describeVoice);
    agents({ MetricResults: [], DataSnapshotTime: "2026-11-20T10:00:00.000Z" });
    // Act
    const outcome = await routeHandoff(deps, handoffRequestedEvent(VOICE_CONTACT, { leadId: "lead-1" }));
    // Assess
    expect(outcome).toMatchObject({ action: "callback" });
  });

  it("routes to the queue after all when no closer is free and the lead opted out", async () => {
    // Prepare
    const { deps, callbackStore } = setup();
    callbackStore.addLead("lead-1", { doNotCall: true });
    describes(describeVoice);
    agents(noneAvailable);
    // Act
    const outcome = await routeHandoff(deps, handoffRequestedEvent(VOICE_CONTACT, { leadId: "lead-1" }));
    // Assess
    expect(outcome).toMatchObject({
      action: "flow_transfer",
      callback: { status: "rejected", reason: "opted_out" },
    });
    expect(scheduler.commandCalls(CreateScheduleCommand)).toHaveLength(0);
    expect(
      connect.commandCalls(UpdateContactAttributesCommand)[0]?.args[0].input.Attributes?.baton_route,
    ).toBe("flow_transfer");
  });

  it("queues a handoff without a lead even when no closer is free (nobody to call back)", async () => {
    // Prepare
    const { deps } = setup();
    describes(describeVoice);
    agents(noneAvailable);
    // Act
    const outcome = await routeHandoff(deps, handoffRequestedEvent(VOICE_CONTACT));
    // Assess
    expect(outcome).toMatchObject({ action: "flow_transfer", reason: expect.stringMatching(/no lead/) });
    expect(scheduler.commandCalls(CreateScheduleCommand)).toHaveLength(0);
  });

  it("repeats its first decision on a redelivery and never plans a second callback", async () => {
    // Prepare
    const { deps, callbackStore } = setup();
    callbackStore.addLead("lead-1");
    describes(describeVoice);
    agents(noneAvailable);
    const event = handoffRequestedEvent(VOICE_CONTACT, { leadId: "lead-1" });
    await routeHandoff(deps, event);
    agents(agentsAvailable);
    // Act
    const again = await routeHandoff(deps, event);
    // Assess
    expect(again).toMatchObject({
      action: "callback",
      screenPop: "exists",
      callback: { status: "duplicate" },
    });
    expect(callbackStore.callbacks.get("lead-1")?.version).toBe(1);
    const creates = scheduler.commandCalls(CreateScheduleCommand).map((call) => call.args[0].input);
    expect(creates).toHaveLength(2);
    expect(creates[1]?.ClientToken).toBe(creates[0]?.ClientToken);
    expect(creates[1]?.Target?.Input).toBe(creates[0]?.Target?.Input);
  });

  it("treats a contact whose channel cannot be read as voice and still sets the summary", async () => {
    // Prepare
    const { deps, counts } = setup();
    connect
      .on(DescribeContactCommand)
      .rejects(new AccessDeniedException({ message: "denied", $metadata: {} }));
    agents(agentsAvailable);
    // Act
    const outcome = await routeHandoff(deps, handoffRequestedEvent(VOICE_CONTACT));
    // Assess
    expect(outcome).toMatchObject({ action: "flow_transfer", attributes: "updated" });
    expect(counts).toContain("Route_channel_unknown");
  });

  it("refuses to guess a queue for a task whose queue is not mapped", async () => {
    // Prepare
    const { deps, logs } = setup({ queues: {} });
    describes(describeTask);
    // Act
    const outcome = await routeHandoff(deps, handoffRequestedEvent(TASK_CONTACT, { queue: "nowhere" }));
    // Assess
    expect(outcome).toMatchObject({ action: "unroutable" });
    expect(connect.commandCalls(TransferContactCommand)).toHaveLength(0);
    expect(connect.commandCalls(GetCurrentMetricDataCommand)).toHaveLength(0);
    expect(logs.some((entry) => entry.level === "error")).toBe(true);
  });

  it("throws on a throttled UpdateContactAttributes so the event is delivered again", async () => {
    // Prepare
    const { deps } = setup();
    describes(describeVoice);
    agents(agentsAvailable);
    connect
      .on(UpdateContactAttributesCommand)
      .rejects(new ThrottlingException({ message: "slow down", $metadata: {} }));
    // Act
    const result = routeHandoff(deps, handoffRequestedEvent(VOICE_CONTACT));
    // Assess
    await expect(result).rejects.toMatchObject({ name: "ContactCenterError", retryable: true });
  });

  it("answers invalid and foreign events with an outcome, not a throw", async () => {
    // Prepare
    const { deps } = setup();
    const broken = handoffRequestedEvent(VOICE_CONTACT);
    (broken.detail as { queue?: unknown }).queue = 42;
    // Act
    const invalid = await routeHandoff(deps, broken);
    const foreign = await routeHandoff(deps, { source: "aws.connect", "detail-type": "Other", detail: {} });
    // Assess
    expect(invalid).toMatchObject({ status: "invalid_event", reason: expect.stringMatching(/^queue/) });
    expect(foreign).toMatchObject({ status: "ignored_event_type" });
    expect(connect.calls()).toHaveLength(0);
  });
});
