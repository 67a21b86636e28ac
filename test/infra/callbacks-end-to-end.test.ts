import {
  ConnectClient,
  DescribeContactCommand,
  type DescribeContactCommandOutput,
  StartOutboundVoiceContactCommand,
} from "@aws-sdk/client-connect";
import { mockClient } from "aws-sdk-client-mock";
import { beforeEach, describe, expect, it } from "vitest";
import { ConnectContactCenter } from "../../functions/adapters/connect-contact-center.js";
import { startCallback } from "../../functions/application/start-callback.js";
import { scheduleNameFor } from "../../functions/domain/callback-plan.js";
import { defaultCampaign } from "../../functions/domain/campaigns.js";
import { routeAttributes } from "../../functions/domain/handoff-route.js";
import { aiFlow, customerQueueFlow } from "../../infra/flows/baton-flows.js";
import type { Flow } from "../../infra/flows/flow.js";
import type { FlowAction } from "../../infra/flows/language.js";
import describeVoice from "../fixtures/connect/describe-contact-voice.json" with { type: "json" };
import startResponse from "../fixtures/connect/start-outbound-voice-contact-response.json" with {
  type: "json",
};
import { screenPopFor } from "../support/handoff-events.js";
import { InMemoryCallbackStore } from "../support/in-memory-after-transfer.js";

/**
 * Callbacks across the function and the flows: what start-callback sets on the call is what the outbound
 * flow reads, and what the router sets is what the customer-queue flow reads. The flows are walked the way
 * Connect runs them (Compare on `$.Attributes.*`, else the action's NextAction) up to the first action
 * that talks to the caller.
 */
const connect = mockClient(ConnectClient);
const ARN = (kind: string) =>
  `arn:aws:connect:us-east-1:111122223333:instance/00000000-0000-4000-8000-000000000000/${kind}`;
const flowInput = {
  campaign: defaultCampaign,
  botAliasArn: "arn:aws:lex:us-east-1:111122223333:bot-alias/BOTID12345/ALIASID123",
  queueArns: { "baton-closers": ARN("queue/closers"), "baton-senior-closers": ARN("queue/senior") },
  screenPopFlowArn: ARN("contact-flow/screen-pop"),
  customerQueueFlowArn: ARN("contact-flow/customer-queue"),
  agentWhisperFlowArn: ARN("contact-flow/agent-whisper"),
};

/** Runs the flow with these contact attributes until an action that speaks or ends; returns the path. */
function run(flow: Flow, attributes: Record<string, string>, from = flow.StartAction): FlowAction[] {
  const byId = new Map(flow.Actions.map((action) => [action.Identifier, action]));
  const path: FlowAction[] = [];
  let id: string | undefined = from;
  while (id !== undefined && path.length < 50) {
    const action = byId.get(id);
    if (!action) throw new Error(`no action ${id}`);
    path.push(action);
    if (action.Type === "ConnectParticipantWithLexBot" || action.Type === "DisconnectParticipant") break;
    if (action.Type === "MessageParticipant" && path.length > 1) break;
    if (action.Type === "Compare") {
      const value = attributes[String(action.Parameters.ComparisonValue).replace("$.Attributes.", "")];
      const match = action.Transitions.Conditions?.find((c) => c.Condition.Operands[0] === value);
      id = match?.NextAction ?? action.Transitions.NextAction;
    } else id = action.Transitions.NextAction;
  }
  return path;
}

describe("a scheduled callback", () => {
  beforeEach(() => {
    connect.reset();
    connect.on(DescribeContactCommand).resolves(describeVoice as unknown as DescribeContactCommandOutput);
    connect.on(StartOutboundVoiceContactCommand).resolves(startResponse);
  });

  it("reaches the outbound flow's follow-up conversation: the AI resumes instead of greeting", async () => {
    // Prepare
    const store = new InMemoryCallbackStore();
    store.addLead("lead-42");
    store.callbacks.set("lead-42", {
      leadId: "lead-42",
      version: 1,
      status: "scheduled",
      scheduleName: scheduleNameFor("lead-42"),
      scheduledFor: "2026-11-21T15:30:00.000Z",
      campaignId: "default",
      sourceContactId: describeVoice.Contact.Id,
      origin: "no_closer",
      requestId: "Handoff.Requested:c-1:handoff",
      handledRequestIds: ["Handoff.Requested:c-1:handoff"],
      updatedAt: "2026-11-20T10:00:00.000Z",
      expiresAt: 1_900_000_000,
    });
    const deps = {
      store,
      contactCenter: new ConnectContactCenter({
        client: new ConnectClient({ region: "us-east-1" }),
        instance: "00000000-0000-4000-8000-000000000000",
        outboundFlow: "dddddddd-0000-0000-0000-000000000004",
        outboundSource: { phoneNumber: "+15555550100" },
      }),
      clock: () => new Date("2026-11-21T15:30:20.000Z"),
      maxLatenessMs: 3_600_000,
      log: () => {},
      count: () => {},
    };
    // Act
    await startCallback(deps, {
      leadId: "lead-42",
      campaignId: "default",
      scheduleName: scheduleNameFor("lead-42"),
      version: 1,
    });
    const attributes =
      connect.commandCalls(StartOutboundVoiceContactCommand)[0]?.args[0].input.Attributes ?? {};
    const path = run(aiFlow("outbound", flowInput), attributes);
    // Assess
    const talk = path.at(-1);
    expect(talk?.Type).toBe("ConnectParticipantWithLexBot");
    expect(talk?.Parameters.Text).toBe(defaultCampaign.script.resume);
  });

  it("a first campaign call without the marker is greeted", () => {
    const path = run(aiFlow("outbound", flowInput), { leadId: "lead-7", campaignId: "default" });
    expect(path.at(-1)?.Parameters.Text).toBe(defaultCampaign.script.greeting);
  });
});

describe("the customer-queue flow", () => {
  const screenPop = screenPopFor("c-queue-1", { leadId: "lead-1" });

  it("tells a waiting caller when the AI calls back, then ends the call", () => {
    // Prepare
    const attributes = routeAttributes(screenPop, {
      action: "callback",
      callbackAt: "2026-11-20T10:30:02.000Z",
      decidedAt: "2026-11-20T10:00:02.000Z",
    });
    const flow = customerQueueFlow();
    // Act
    const path = run(flow, attributes);
    const after = flow.Actions.find((a) => a.Identifier === path.at(-1)?.Transitions.NextAction);
    // Assess
    const told = path.at(-1);
    expect(attributes.baton_callback_in_minutes).toBe("30");
    expect(told?.Type).toBe("MessageParticipant");
    expect(told?.Parameters.Text).toMatch(
      /call you back in about \$\.Attributes\.baton_callback_in_minutes minutes/,
    );
    expect(after?.Type).toBe("DisconnectParticipant");
  });

  it("keeps a caller the router queued for a closer on hold, and looks again", () => {
    // Prepare
    const attributes = routeAttributes(screenPop, { action: "flow_transfer" });
    const flow = customerQueueFlow();
    // Act
    const path = run(flow, attributes);
    // Assess
    const hold = path.at(-1);
    expect(hold?.Parameters.Text).toMatch(/Thank you for holding/);
    expect(flow.Actions.find((a) => a.Identifier === hold?.Transitions.NextAction)?.Type).toBe("Compare");
  });
});
