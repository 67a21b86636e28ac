import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import {
  AppConfigDataClient,
  GetLatestConfigurationCommand,
  StartConfigurationSessionCommand,
} from "@aws-sdk/client-appconfigdata";
import { BedrockRuntimeClient, ConverseCommand } from "@aws-sdk/client-bedrock-runtime";
import {
  ConnectClient,
  DescribeContactCommand,
  type DescribeContactCommandOutput,
  DescribeUserCommand,
  type DescribeUserCommandOutput,
  GetContactAttributesCommand,
  GetCurrentMetricDataCommand,
  type GetCurrentMetricDataCommandOutput,
  StartOutboundVoiceContactCommand,
  TransferContactCommand,
  UpdateContactAttributesCommand,
} from "@aws-sdk/client-connect";
import { DynamoDBClient, GetItemCommand } from "@aws-sdk/client-dynamodb";
import { EventBridgeClient, PutEventsCommand } from "@aws-sdk/client-eventbridge";
import {
  ConflictException,
  CreateScheduleCommand,
  DeleteScheduleCommand,
  SchedulerClient,
  UpdateScheduleCommand,
} from "@aws-sdk/client-scheduler";
import { SendMessageCommand, SQSClient } from "@aws-sdk/client-sqs";
import type { Context } from "aws-lambda";
import { mockClient } from "aws-sdk-client-mock";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { HandbackCancelled } from "../../contracts/callback.js";
import { HandbackRequested, HandoffAccepted } from "../../contracts/events/catalog.js";
import { DynamoDbCallbackStore } from "../../functions/adapters/dynamodb-callback-store.js";
import { DynamoDbStateStore } from "../../functions/adapters/dynamodb-state-store.js";
import { contactKey, createStateTable } from "../../functions/adapters/state-table.js";
import { scheduleNameFor } from "../../functions/domain/callback-plan.js";
import { defaultCampaign } from "../../functions/domain/campaigns.js";
import { startContact } from "../../functions/domain/engine.js";
import { type BatonFunctionName, FUNCTION_COMMANDS } from "../../infra/iam/function-commands.js";
import {
  isSdkCommand,
  type Permission,
  permissionsFor,
  type ResourceKind,
  SDK_COMMAND_PERMISSIONS,
} from "../../infra/iam/sdk-permissions.js";
import type { BatonStack } from "../../infra/stack.js";
import describeTask from "../fixtures/connect/describe-contact-task.json" with { type: "json" };
import describeVoice from "../fixtures/connect/describe-contact-voice.json" with { type: "json" };
import describeWithAgent from "../fixtures/connect/describe-contact-with-agent.json" with { type: "json" };
import describeUser from "../fixtures/connect/describe-user-response.json" with { type: "json" };
import contactAttributes from "../fixtures/connect/get-contact-attributes-response.json" with {
  type: "json",
};
import agentsAvailable from "../fixtures/connect/get-current-metric-data-agents-available.json" with {
  type: "json",
};
import noneAvailable from "../fixtures/connect/get-current-metric-data-none-available.json" with {
  type: "json",
};
import startResponse from "../fixtures/connect/start-outbound-voice-contact-response.json" with {
  type: "json",
};
import transferResponse from "../fixtures/connect/transfer-contact-response.json" with { type: "json" };
import { type DynamoDbLocal, startDynamoDbLocal } from "../support/dynamodb-local.js";
import { contactEvent, envelope, handoffRequestedEvent } from "../support/handoff-events.js";
import { exampleApp } from "./support.js";

/**
 * IAM that follows the code: every handler runs on real inputs (DynamoDB Local for the table, SDK mocks at
 * the edge of Connect, EventBridge, Scheduler and Bedrock) while every command it sends is recorded. The
 * synthesized policy of that function must allow each recorded command (infra/iam/sdk-permissions.ts says
 * which action on which resource), and must allow no action none of them needs.
 */
const TABLE = "baton-iam";
const connect = mockClient(ConnectClient);
const eventBridge = mockClient(EventBridgeClient);
const scheduler = mockClient(SchedulerClient);
const bedrock = mockClient(BedrockRuntimeClient);
const appConfig = mockClient(AppConfigDataClient);
const sqs = mockClient(SQSClient);
const sentToTable: Array<{ name: string; input: unknown }> = [];

const INSTANCE = "arn:aws:connect:us-east-1:111122223333:instance/00000000-0000-4000-8000-000000000000";
const context = {
  functionName: "baton-iam",
  awsRequestId: "request-1",
  getRemainingTimeInMillis: () => 10_000,
} as unknown as Context;

let local: DynamoDbLocal;
/** What GetCurrentMetricData answers: a closer available or none. */
let closerFree = false;
const TASK_CONTACT = "c-route-task";
const AGENT_CONTACT = describeWithAgent.Contact.Id;
let stack: BatonStack;
let policies: Record<string, Array<{ actions: string[]; resource: string }>>;

/** Platform actions every function (or its event source) needs that no handler command sends. */
const PLATFORM: Record<string, string> = {
  "logs:CreateLogStream": "the function's own log group",
  "logs:PutLogEvents": "the function's own log group",
  "xray:PutTraceSegments": "active tracing",
  "xray:PutTelemetryRecords": "active tracing",
  "dynamodb:DescribeStream": "the Lambda service reads the relay's stream with the function's role",
  "dynamodb:GetRecords": "the Lambda service reads the relay's stream with the function's role",
  "dynamodb:GetShardIterator": "the Lambda service reads the relay's stream with the function's role",
  "dynamodb:ListStreams": "the Lambda service reads the relay's stream with the function's role",
  "sqs:SendMessage": "the relay's stream event source sends failed batches to its on-failure queue",
  "sqs:GetQueueAttributes": "the relay's stream event source sends failed batches to its on-failure queue",
  "sqs:GetQueueUrl": "the relay's stream event source sends failed batches to its on-failure queue",
};

/**
 * Grants no scenario here reaches, each with why it stays: the router wires the KPI publisher, which sends
 * (and then clears on the item) only when a routing fact adds a KPI event. Kept explicit so the list can only
 * shrink: the test fails once a scenario reaches one of them.
 */
const UNREACHED: Partial<Record<BatonFunctionName, string[]>> = {
  "handoff-router": ["dynamodb:UpdateItem", "events:PutEvents"],
};

const PUBLISHED = { FailedEntryCount: 0, Entries: [{ EventId: "e-1" }] };
const REFUSED = { FailedEntryCount: 1, Entries: [{ ErrorCode: "InternalFailure", ErrorMessage: "retry" }] };

/** Runs `step` with the bus refusing every entry: the code keeps them for a later publish. */
async function whileBusRefuses(step: () => Promise<unknown>) {
  eventBridge.on(PutEventsCommand).resolves(REFUSED);
  try {
    await step();
  } finally {
    eventBridge.on(PutEventsCommand).resolves(PUBLISHED);
  }
}

function recorded(): Permission[] {
  const mocked = [connect, eventBridge, scheduler, bedrock, appConfig, sqs].flatMap((mock) =>
    mock.calls().map((call) => {
      const command = call.args[0] as { constructor: { name: string }; input: unknown };
      return { name: command.constructor.name, input: command.input };
    }),
  );
  return [...sentToTable, ...mocked].flatMap(({ name, input }) => {
    if (!isSdkCommand(name)) throw new Error(`${name} is not in SDK_COMMAND_PERMISSIONS: add it there`);
    return (SDK_COMMAND_PERMISSIONS[name] as (input: unknown) => Permission[])(input);
  });
}

function resetRecording() {
  sentToTable.length = 0;
  for (const mock of [connect, eventBridge, scheduler, bedrock, appConfig, sqs]) mock.resetHistory();
}

/** Where a resource kind shows in a synthesized statement's Resource. */
function resourceMatches(kind: ResourceKind, resource: string): boolean {
  const id = (construct: unknown) =>
    stack.getLogicalId((construct as { node: { defaultChild: never } }).node.defaultChild);
  switch (kind) {
    case "state-table":
      return resource.includes(id(stack.state.table));
    case "event-bus":
      return resource.includes(id(stack.bus.bus));
    case "bedrock-model":
      return resource.includes(":bedrock:");
    case "connect-contact":
      return resource.includes(`${INSTANCE}/contact/*`);
    case "connect-queue":
      return /Queue/.test(resource);
    case "connect-instance":
      return resource === JSON.stringify(INSTANCE);
    case "connect-flow":
      return resource.includes(stack.getLogicalId(stack.flows.queueTransfer));
    case "connect-user":
      return resource.includes(`${INSTANCE}/agent/*`);
    case "callback-schedule":
      return resource.includes(":schedule/");
    case "scheduler-role":
      return resource.includes("SchedulerRole");
    case "campaign-config":
      return resource.includes(":appconfig:");
    case "pending-events-queue":
      return resource.includes("PendingEvents");
  }
}

/** Runs `scenario` and compares what it sent with what the function's role allows. */
async function expectPolicyFollowsCode(name: BatonFunctionName, scenario: () => Promise<void>) {
  resetRecording();
  await scenario();
  const needed = recorded();
  const granted = policies[name] ?? [];
  const missing = needed.filter(
    (p) =>
      !granted.some(
        (statement) =>
          statement.actions.includes(p.action) && resourceMatches(p.resource, statement.resource),
      ),
  );
  const unreached = UNREACHED[name] ?? [];
  const unused = [...new Set(granted.flatMap((statement) => statement.actions))].filter(
    (action) => !PLATFORM[action] && !unreached.includes(action) && !needed.some((p) => p.action === action),
  );
  expect(
    unreached.filter((action) => needed.some((p) => p.action === action)),
    `${name}: reached now, drop it from UNREACHED`,
  ).toEqual([]);
  expect(
    missing.map((p) => `${p.action} on ${p.resource}`),
    `${name}: sent but not allowed`,
  ).toEqual([]);
  expect(unused, `${name}: allowed but never sent`).toEqual([]);
  // The declared command list is what the handler sends, no more (grants derive from it).
  const declared = permissionsFor(FUNCTION_COMMANDS[name]).map((p) => p.action);
  expect([...new Set(declared)].sort(), `${name}: FUNCTION_COMMANDS`).toEqual(
    [...new Set([...needed.map((p) => p.action), ...unreached])].sort(),
  );
}

const leads = () => new DynamoDbStateStore({ client: local.client, tableName: TABLE });
const callbacks = () => new DynamoDbCallbackStore({ client: local.client, tableName: TABLE });

async function seedLead(leadId: string, contactId: string) {
  await leads().commitTurn({
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
      slots: {},
      lastContactId: contactId,
      doNotCall: false,
      expiresAt: 1_900_000_000,
    },
  });
}

beforeAll(async () => {
  local = await startDynamoDbLocal();
  await createStateTable(local.client, TABLE);
  const env: Record<string, string> = {
    AWS_ENDPOINT_URL_DYNAMODB: local.endpoint,
    AWS_REGION: "us-east-1",
    AWS_ACCESS_KEY_ID: "test",
    AWS_SECRET_ACCESS_KEY: "test",
    POWERTOOLS_LOG_LEVEL: "SILENT",
    POWERTOOLS_METRICS_NAMESPACE: "Baton",
    BATON_TABLE_NAME: TABLE,
    BATON_CAMPAIGN_APPLICATION: "baton-campaigns",
    BATON_CAMPAIGN_ENVIRONMENT: "live",
    BATON_PENDING_EVENTS_QUEUE_URL: "https://sqs.us-east-1.amazonaws.com/111122223333/baton-pending-events",
    BATON_EVENT_BUS_NAME: "baton",
    BATON_MODEL_ID: "us.amazon.nova-lite-v1:0",
    BATON_CONNECT_INSTANCE_ID: INSTANCE,
    BATON_QUEUE_MAP: JSON.stringify({
      "baton-closers": `${INSTANCE}/queue/aaaaaaaa-0000-4000-8000-000000000001`,
    }),
    BATON_CALLBACK_FUNCTION_ARN: "arn:aws:lambda:us-east-1:111122223333:function:baton-start-callback",
    BATON_SCHEDULER_ROLE_ARN: "arn:aws:iam::111122223333:role/baton-scheduler",
    BATON_CALLBACK_DLQ_ARN: "arn:aws:sqs:us-east-1:111122223333:baton-callback-dlq",
    BATON_TRANSFER_FLOW_ID: "cccccccc-0000-4000-8000-000000000003",
    BATON_OUTBOUND_FLOW_ID: "dddddddd-0000-4000-8000-000000000004",
    BATON_OUTBOUND_QUEUE_ID: `${INSTANCE}/queue/aaaaaaaa-0000-4000-8000-000000000001`,
  };
  for (const [key, value] of Object.entries(env)) vi.stubEnv(key, value);
  vi.spyOn(process.stdout, "write").mockImplementation(() => true);
  const send = DynamoDBClient.prototype.send;
  vi.spyOn(DynamoDBClient.prototype, "send").mockImplementation(function (
    this: DynamoDBClient,
    ...args: Parameters<DynamoDBClient["send"]>
  ) {
    const command = args[0] as { constructor: { name: string }; input: unknown };
    sentToTable.push({ name: command.constructor.name, input: command.input });
    return (send as (...a: unknown[]) => unknown).apply(this, args) as never;
  });

  connect
    .on(DescribeContactCommand)
    .callsFake(
      (input: { ContactId?: string }) =>
        (input.ContactId === TASK_CONTACT
          ? describeTask
          : input.ContactId === AGENT_CONTACT
            ? describeWithAgent
            : describeVoice) as unknown as DescribeContactCommandOutput,
    );
  connect
    .on(GetCurrentMetricDataCommand)
    .callsFake(
      () => (closerFree ? agentsAvailable : noneAvailable) as unknown as GetCurrentMetricDataCommandOutput,
    );
  connect.on(DescribeUserCommand).resolves(describeUser as unknown as DescribeUserCommandOutput);
  connect.on(GetContactAttributesCommand).resolves(contactAttributes);
  connect.on(UpdateContactAttributesCommand).resolves({});
  connect.on(TransferContactCommand).resolves(transferResponse);
  connect.on(StartOutboundVoiceContactCommand).resolves(startResponse);
  eventBridge.on(PutEventsCommand).resolves(PUBLISHED);
  // The first create of a schedule finds one (a reschedule), so the update path runs too.
  scheduler
    .on(CreateScheduleCommand)
    .rejectsOnce(new ConflictException({ message: "exists", Message: "exists", $metadata: {} }))
    .resolves({ ScheduleArn: "arn:aws:scheduler:us-east-1:111122223333:schedule/baton/x" });
  scheduler
    .on(UpdateScheduleCommand)
    .resolves({ ScheduleArn: "arn:aws:scheduler:us-east-1:111122223333:schedule/baton/x" });
  scheduler.on(DeleteScheduleCommand).resolves({});
  appConfig.on(StartConfigurationSessionCommand).resolves({ InitialConfigurationToken: "token-1" });
  const campaignJson = JSON.stringify(defaultCampaign);
  appConfig.on(GetLatestConfigurationCommand).resolves({
    Configuration: Object.assign(new TextEncoder().encode(campaignJson), {
      transformToString: () => campaignJson,
    }),
    NextPollConfigurationToken: "token-2",
    ContentType: "application/json",
  });
  sqs.on(SendMessageCommand).resolves({ MessageId: "m-1" });
  bedrock.on(ConverseCommand).resolves({
    output: { message: { role: "assistant", content: [{ text: "What budget do you have in mind?" }] } },
    stopReason: "end_turn",
    usage: { inputTokens: 1, outputTokens: 1, totalTokens: 2 },
    metrics: { latencyMs: 1 },
  });

  const synthesized = exampleApp();
  synthesized.app.synth();
  stack = synthesized.stack;
  const template = synthesized.app.synth().getStackByName(stack.stackName).template as {
    Resources: Record<string, { Type: string; Properties: Record<string, unknown> }>;
  };
  const roles: Record<BatonFunctionName, unknown> = {
    "conversation-turn": stack.conversationTurn.role,
    "outbox-relay": stack.relay.fn.role,
    "handoff-router": stack.consumers.functions["handoff-router"]?.role,
    "handoff-kpi": stack.consumers.functions["handoff-kpi"]?.role,
    "handback-scheduler": stack.consumers.functions["handback-scheduler"]?.role,
    "start-callback": stack.consumers.startCallback?.role,
    "crm-sync-example": stack.consumers.functions["crm-sync-example"]?.role,
    "handback-api": stack.handbackApi.fn.role,
  };
  policies = {};
  for (const [name, role] of Object.entries(roles)) {
    const roleId = stack.getLogicalId((role as { node: { defaultChild: never } }).node.defaultChild);
    policies[name] = Object.values(template.Resources)
      .filter((r) => r.Type === "AWS::IAM::Policy" && JSON.stringify(r.Properties.Roles).includes(roleId))
      .flatMap(
        (r) => (r.Properties.PolicyDocument as { Statement: Array<Record<string, unknown>> }).Statement,
      )
      .flatMap((s) =>
        [s.Resource].flat().map((resource) => ({
          actions: [s.Action].flat() as string[],
          resource: JSON.stringify(resource),
        })),
      );
  }
}, 240_000);

afterAll(async () => {
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
  await local?.stop();
});

describe("each function's policy allows exactly the commands its code sends", () => {
  it("outbox-relay: re-reads the contact, publishes, clears", async () => {
    await expectPolicyFollowsCode("outbox-relay", async () => {
      const contactId = "c-relay-1";
      const entry = {
        id: `Handoff.Requested:${contactId}:handoff`,
        source: "baton.handoff",
        detailType: "Handoff.Requested",
        detail: JSON.stringify({ meta: { id: `Handoff.Requested:${contactId}:handoff`, contactId } }),
      };
      await leads().commitTurn({
        expectedVersion: 0,
        next: {
          contactId,
          version: 1,
          state: startContact({ contactId, campaignId: "default" }),
          outbox: [entry],
          unpublished: [entry.id],
          expiresAt: 1_900_000_000,
        },
      });
      const { Item } = await local.client.send(
        new GetItemCommand({
          TableName: TABLE,
          Key: { pk: { S: contactKey(contactId).pk }, sk: { S: contactKey(contactId).sk } },
        }),
      );
      resetRecording();
      const { handler } = await import("../../functions/handlers/outbox-relay.js");
      await handler(
        {
          Records: [
            {
              eventID: "1",
              eventName: "MODIFY",
              eventSource: "aws:dynamodb",
              dynamodb: {
                Keys: {},
                NewImage: Item,
                SequenceNumber: "1",
                StreamViewType: "NEW_AND_OLD_IMAGES",
              },
            },
          ],
        },
        context,
      );
    });
  });

  it("start-callback: reads the plan and the lead, claims it, looks the number up and calls", async () => {
    await expectPolicyFollowsCode("start-callback", async () => {
      await seedLead("lead-start-1", "c-start-1");
      const scheduleName = scheduleNameFor("lead-start-1");
      await callbacks().saveCallback(
        {
          leadId: "lead-start-1",
          version: 1,
          status: "scheduled",
          scheduleName,
          scheduledFor: new Date().toISOString(),
          campaignId: "default",
          sourceContactId: describeVoice.Contact.Id,
          origin: "handback",
          requestId: "r-1",
          handledRequestIds: ["r-1"],
          updatedAt: new Date().toISOString(),
          expiresAt: 1_900_000_000,
        },
        0,
      );
      resetRecording();
      const { handler } = await import("../../functions/handlers/start-callback.js");
      const outcome = await handler(
        { leadId: "lead-start-1", campaignId: "default", scheduleName, version: 1 },
        context,
      );
      expect(outcome).toMatchObject({ status: "called" });
    });
  });

  it("handback-scheduler: plans, re-plans and withdraws a callback", async () => {
    await expectPolicyFollowsCode("handback-scheduler", async () => {
      await seedLead("lead-back-1", "c-back-1");
      resetRecording();
      const { handler } = await import("../../functions/handlers/handback-scheduler.js");
      const meta = (id: string) => ({
        id,
        schemaVersion: "1",
        occurredAt: new Date().toISOString(),
        contactId: describeVoice.Contact.Id,
        campaignId: "default",
      });
      const planned = await handler(
        envelope(HandbackRequested.source, HandbackRequested.detailType, {
          meta: meta("Handback.Requested:c-back-1:1"),
          leadId: "lead-back-1",
          note: "Call after lunch",
          followUpAt: new Date(Date.now() + 86_400_000).toISOString(),
          requestedBy: "agent-7",
        }),
        context,
      );
      const cancelled = await handler(
        envelope(HandbackCancelled.source, HandbackCancelled.detailType, {
          meta: meta("Handback.Cancelled:c-back-1:1"),
          leadId: "lead-back-1",
          reason: "customer bought",
          requestedBy: "agent-7",
        }),
        context,
      );
      expect([planned, cancelled]).toMatchObject([{ status: "scheduled" }, { status: "cancelled" }]);
    });
  });

  it("handoff-router: voice with no closer (callback), a task (transfer), then a closer answers", async () => {
    await expectPolicyFollowsCode("handoff-router", async () => {
      await seedLead("lead-route-1", "c-route-seed");
      resetRecording();
      const { handler } = await import("../../functions/handlers/handoff-router.js");
      const voice = await handler(handoffRequestedEvent("c-route-1", { leadId: "lead-route-1" }), context);
      // A redelivery changes nothing, so the router publishes what the item still holds (Handoff.Accepted).
      await handler(handoffRequestedEvent("c-route-1", { leadId: "lead-route-1" }), context);
      closerFree = true;
      const task = await handler(handoffRequestedEvent(TASK_CONTACT), context);
      closerFree = false;
      const accepted = await handler(
        envelope(HandoffAccepted.source, HandoffAccepted.detailType, {
          meta: {
            id: "Handoff.Accepted:c-route-1:accepted",
            schemaVersion: "1",
            occurredAt: new Date().toISOString(),
            contactId: "c-route-1",
            campaignId: "default",
            leadId: "lead-route-1",
          },
          trigger: "qualified",
          queue: "baton-closers",
          timeToHumanMs: 1_000,
        }),
        context,
      );
      expect([voice, accepted]).toMatchObject([
        { action: "callback" },
        { callback: { status: "cancelled" } },
      ]);
      expect(task).toMatchObject({ action: "api_transfer", transfer: "done" });
    });
  });

  it("handoff-kpi: a handoff, its queue and a closer connecting", async () => {
    await expectPolicyFollowsCode("handoff-kpi", async () => {
      const { handler } = await import("../../functions/handlers/handoff-kpi.js");
      await handler(handoffRequestedEvent("c-kpi-1"), context);
      await handler(contactEvent("queued", "c-kpi-1"), context);
      await handler(contactEvent("connected", "c-kpi-1"), context);
    });
  });

  it("conversation-turn: a caller's turn with the model writing the next line", async () => {
    await expectPolicyFollowsCode("conversation-turn", async () => {
      const event = JSON.parse(
        readFileSync(resolve(import.meta.dirname, "../fixtures/lex/dialog-code-hook-speech.json"), "utf8"),
      );
      const { handler } = await import("../../functions/handlers/conversation-turn.js");
      await whileBusRefuses(() => handler(event, context));
    });
  });

  it("handback-api: the closer on the contact hands it back", async () => {
    await expectPolicyFollowsCode("handback-api", async () => {
      const { handler } = await import("../../functions/handlers/handback-api.js");
      const response = await handler(
        {
          body: JSON.stringify({
            contactId: AGENT_CONTACT,
            note: "Send the 30-seat quote first, then call",
            followUpAt: new Date(Date.now() + 86_400_000).toISOString(),
          }),
          isBase64Encoded: false,
          requestContext: { authorizer: { jwt: { claims: { "cognito:username": "dana.closer" } } } },
        },
        context,
      );
      expect(response).toMatchObject({ statusCode: 202 });
    });
  });

  it("crm-sync-example: nothing", async () => {
    await expectPolicyFollowsCode("crm-sync-example", async () => {});
  });
});
