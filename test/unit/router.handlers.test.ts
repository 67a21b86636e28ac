import {
  ConnectClient,
  DescribeContactCommand,
  type DescribeContactCommandOutput,
  GetCurrentMetricDataCommand,
  type GetCurrentMetricDataCommandOutput,
  StartOutboundVoiceContactCommand,
  UpdateContactAttributesCommand,
} from "@aws-sdk/client-connect";
import { DynamoDBClient, GetItemCommand, PutItemCommand, UpdateItemCommand } from "@aws-sdk/client-dynamodb";
import { EventBridgeClient, PutEventsCommand } from "@aws-sdk/client-eventbridge";
import { SchedulerClient } from "@aws-sdk/client-scheduler";
import type { Context } from "aws-lambda";
import { mockClient } from "aws-sdk-client-mock";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { HandbackRequested } from "../../contracts/events/catalog.js";
import {
  readRouterEnvironment,
  readStartCallbackEnvironment,
} from "../../functions/handlers/after-transfer-config.js";
import describeVoice from "../fixtures/connect/describe-contact-voice.json" with { type: "json" };
import agentsAvailable from "../fixtures/connect/get-current-metric-data-agents-available.json" with {
  type: "json",
};
import { contactEvent, envelope, handoffRequestedEvent } from "../support/handoff-events.js";

/** The adapters talk through the document client (one per adapter, made from the function's DynamoDBClient). */
const dynamodb = mockClient(DynamoDBClient);
const connect = mockClient(ConnectClient);
const eventBridge = mockClient(EventBridgeClient);
const scheduler = mockClient(SchedulerClient);

const ENV = {
  BATON_TABLE_NAME: "baton-state",
  BATON_EVENT_BUS_NAME: "baton",
  BATON_CONNECT_INSTANCE_ID:
    "arn:aws:connect:eu-west-1:111122223333:instance/12345678-1234-1234-1234-123456789012",
  BATON_QUEUE_MAP: JSON.stringify({ "baton-closers": "aaaaaaaa-0000-0000-0000-000000000001" }),
  BATON_CALLBACK_FUNCTION_ARN: "arn:aws:lambda:eu-west-1:111122223333:function:baton-start-callback",
  BATON_SCHEDULER_ROLE_ARN: "arn:aws:iam::111122223333:role/baton-scheduler",
  BATON_OUTBOUND_FLOW_ID: "dddddddd-0000-0000-0000-000000000004",
  BATON_OUTBOUND_SOURCE_PHONE: "+442071234567",
  POWERTOOLS_METRICS_NAMESPACE: "Baton",
  AWS_REGION: "eu-west-1",
  AWS_ACCESS_KEY_ID: "test",
  AWS_SECRET_ACCESS_KEY: "test",
  POWERTOOLS_LOG_LEVEL: "SILENT",
  POWERTOOLS_DEV: "true",
};

const context = {
  functionName: "baton-test",
  functionVersion: "$LATEST",
  invokedFunctionArn: "arn:aws:lambda:eu-west-1:111122223333:function:baton-test",
  memoryLimitInMB: "256",
  awsRequestId: "request-1",
  logGroupName: "/aws/lambda/baton-test",
  logStreamName: "stream",
  callbackWaitsForEmptyEventLoop: true,
  getRemainingTimeInMillis: () => 10_000,
  done: () => {},
  fail: () => {},
  succeed: () => {},
} as Context;

describe("after-transfer Lambda handlers", () => {
  beforeAll(() => {
    for (const [key, value] of Object.entries(ENV)) vi.stubEnv(key, value);
    // EMF and logs go to stdout; keep the test output readable.
    vi.spyOn(console, "log").mockImplementation(() => {});
    vi.spyOn(console, "info").mockImplementation(() => {});
    vi.spyOn(console, "warn").mockImplementation(() => {});
    dynamodb.on(GetItemCommand).resolves({});
    dynamodb.on(PutItemCommand).resolves({});
    dynamodb.on(UpdateItemCommand).resolves({});
    eventBridge.on(PutEventsCommand).resolves({ FailedEntryCount: 0, Entries: [{ EventId: "e-1" }] });
    connect.on(DescribeContactCommand).resolves(describeVoice as unknown as DescribeContactCommandOutput);
    connect
      .on(GetCurrentMetricDataCommand)
      .resolves(agentsAvailable as unknown as GetCurrentMetricDataCommandOutput);
    connect.on(UpdateContactAttributesCommand).resolves({});
  });

  afterAll(() => {
    vi.unstubAllEnvs();
    vi.restoreAllMocks();
  });

  it("handoff-kpi records a Handoff.Requested in the state table", async () => {
    // Prepare
    const { handler } = await import("../../functions/handlers/handoff-kpi.js");
    // Act
    const outcome = await handler(handoffRequestedEvent("c-handler-1"), context);
    // Assess
    expect(outcome).toMatchObject({ status: "applied", contactId: "c-handler-1" });
    const put = dynamodb.commandCalls(PutItemCommand).at(-1)?.args[0].input;
    expect(put?.TableName).toBe("baton-state");
    expect(put?.Item).toMatchObject({
      pk: { S: "HANDOFF#c-handler-1" },
      sk: { S: "KPI" },
      type: { S: "handoff-kpi" },
    });
  });

  it("handoff-kpi ignores a contact event type it does not measure", async () => {
    // Prepare
    const { handler } = await import("../../functions/handlers/handoff-kpi.js");
    const event = contactEvent("queued", "c-handler-2");
    event.detail.eventType = "CONNECTED_TO_SYSTEM";
    // Act
    const outcome = await handler(event, context);
    // Assess
    expect(outcome).toEqual({ status: "ignored_event_type", eventType: "CONNECTED_TO_SYSTEM" });
  });

  it("handoff-router sets the summary on the contact", async () => {
    // Prepare
    const { handler } = await import("../../functions/handlers/handoff-router.js");
    // Act
    const outcome = await handler(handoffRequestedEvent("c-handler-3"), context);
    // Assess
    expect(outcome).toMatchObject({ status: "routed", action: "flow_transfer", attributes: "updated" });
    expect(connect.commandCalls(UpdateContactAttributesCommand).at(-1)?.args[0].input.InstanceId).toBe(
      "12345678-1234-1234-1234-123456789012",
    );
  });

  it("handback-scheduler refuses a handback for a lead it does not know", async () => {
    // Prepare
    const { handler } = await import("../../functions/handlers/handback-scheduler.js");
    const event = envelope(HandbackRequested.source, HandbackRequested.detailType, {
      meta: {
        id: "Handback.Requested:c-handler-4:1",
        schemaVersion: "1",
        occurredAt: "2026-11-20T10:00:00.000Z",
        contactId: "c-handler-4",
        campaignId: "default",
      },
      leadId: "lead-nobody",
      note: "",
      followUpAt: new Date(Date.now() + 86_400_000).toISOString(),
      requestedBy: "agent-7",
    });
    // Act
    const outcome = await handler(event, context);
    // Assess
    expect(outcome).toMatchObject({ status: "rejected", reason: "unknown_lead" });
    expect(scheduler.calls()).toHaveLength(0);
  });

  it("start-callback answers a malformed schedule input without calling anyone", async () => {
    // Prepare
    const { handler } = await import("../../functions/handlers/start-callback.js");
    // Act
    const outcome = await handler({ leadId: 42 }, context);
    // Assess
    expect(outcome).toMatchObject({ status: "invalid_input" });
    expect(connect.commandCalls(StartOutboundVoiceContactCommand)).toHaveLength(0);
  });

  it("names the variable when the environment is incomplete or wrong", () => {
    // Prepare
    const { BATON_QUEUE_MAP: _map, ...withoutMap } = ENV;
    // Act
    const missing = () => readRouterEnvironment(withoutMap);
    const badJson = () => readRouterEnvironment({ ...ENV, BATON_QUEUE_MAP: "{baton-closers:" });
    const noCallerId = () => readStartCallbackEnvironment({ ...ENV, BATON_OUTBOUND_SOURCE_PHONE: undefined });
    // Assess
    expect(missing).toThrow(/BATON_QUEUE_MAP/);
    expect(badJson).toThrow(/BATON_QUEUE_MAP: not JSON/);
    expect(noCallerId).toThrow(
      /BATON_OUTBOUND_SOURCE_PHONE: set BATON_OUTBOUND_SOURCE_PHONE or BATON_OUTBOUND_QUEUE_ID/,
    );
    expect(readRouterEnvironment(ENV).BATON_QUEUE_MAP).toEqual({
      "baton-closers": "aaaaaaaa-0000-0000-0000-000000000001",
    });
  });
});
