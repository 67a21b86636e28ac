import {
  ConnectClient,
  DescribeContactCommand,
  type DescribeContactCommandOutput,
  DestinationNotAllowedException,
  LimitExceededException,
  StartOutboundVoiceContactCommand,
} from "@aws-sdk/client-connect";
import { mockClient } from "aws-sdk-client-mock";
import { beforeEach, describe, expect, it } from "vitest";
import { ConnectContactCenter } from "../../functions/adapters/connect-contact-center.js";
import { SESSION } from "../../functions/application/lex-conversation.js";
import {
  CALLBACK_ATTRIBUTES,
  type StartCallbackDependencies,
  startCallback,
} from "../../functions/application/start-callback.js";
import { scheduleNameFor } from "../../functions/domain/callback-plan.js";
import type { CallbackRecord } from "../../functions/ports/callback-store.js";
import describeTask from "../fixtures/connect/describe-contact-task.json" with { type: "json" };
import describeVoice from "../fixtures/connect/describe-contact-voice.json" with { type: "json" };
import startResponse from "../fixtures/connect/start-outbound-voice-contact-response.json" with {
  type: "json",
};
import { InMemoryCallbackStore } from "../support/in-memory-after-transfer.js";

const connect = mockClient(ConnectClient);
const INSTANCE_ID = "12345678-1234-1234-1234-123456789012";
const OUTBOUND_FLOW_ID = "dddddddd-0000-0000-0000-000000000004";
const SOURCE_PHONE = "+442071234567";
const SCHEDULED_FOR = "2026-11-21T15:30:00.000Z";

function setup(now = SCHEDULED_FOR) {
  const store = new InMemoryCallbackStore();
  const counts: string[] = [];
  const deps: StartCallbackDependencies = {
    store,
    contactCenter: new ConnectContactCenter({
      client: new ConnectClient({ region: "eu-west-1" }),
      instance: INSTANCE_ID,
      outboundFlow: OUTBOUND_FLOW_ID,
      outboundSource: { phoneNumber: SOURCE_PHONE },
    }),
    clock: () => new Date(Date.parse(now) + 20_000),
    maxLatenessMs: 60 * 60_000,
    log: () => {},
    count: (metric) => counts.push(metric),
  };
  return { deps, store, counts };
}

function planned(store: InMemoryCallbackStore, changes: Partial<CallbackRecord> = {}): CallbackRecord {
  const record: CallbackRecord = {
    leadId: "lead-42",
    version: 1,
    status: "scheduled",
    scheduleName: scheduleNameFor("lead-42"),
    scheduledFor: SCHEDULED_FOR,
    campaignId: "default",
    sourceContactId: describeVoice.Contact.Id,
    origin: "handback",
    requestId: "Handback.Requested:c-1:1",
    handledRequestIds: ["Handback.Requested:c-1:1"],
    updatedAt: "2026-11-20T10:00:00.000Z",
    expiresAt: 1_900_000_000,
    ...changes,
  };
  store.callbacks.set(record.leadId, record);
  return record;
}

function input(record: Pick<CallbackRecord, "leadId" | "campaignId" | "scheduleName" | "version">) {
  return {
    leadId: record.leadId,
    campaignId: record.campaignId,
    scheduleName: record.scheduleName,
    version: record.version,
  };
}

describe("start-callback", () => {
  beforeEach(() => {
    connect.reset();
    connect.on(DescribeContactCommand).resolves(describeVoice as unknown as DescribeContactCommandOutput);
    connect.on(StartOutboundVoiceContactCommand).resolves(startResponse);
  });

  it("starts the outbound AI call with the lead and campaign as contact attributes", async () => {
    // Prepare
    const { deps, store } = setup();
    store.addLead("lead-42");
    const record = planned(store);
    // Act
    const outcome = await startCallback(deps, input(record));
    // Assess
    expect(outcome).toEqual({
      status: "called",
      leadId: "lead-42",
      contactId: startResponse.ContactId,
      version: 1,
    });
    expect(connect.commandCalls(DescribeContactCommand)[0]?.args[0].input).toEqual({
      InstanceId: INSTANCE_ID,
      ContactId: describeVoice.Contact.Id,
    });
    expect(connect.commandCalls(StartOutboundVoiceContactCommand)[0]?.args[0].input).toEqual({
      InstanceId: INSTANCE_ID,
      ContactFlowId: OUTBOUND_FLOW_ID,
      DestinationPhoneNumber: describeVoice.Contact.CustomerEndpoint.Address,
      SourcePhoneNumber: SOURCE_PHONE,
      Attributes: {
        leadId: "lead-42",
        campaignId: "default",
        baton_call_kind: "follow_up",
        baton_callback_origin: "handback",
        baton_follows_contact: describeVoice.Contact.Id,
      },
      ClientToken: `${record.scheduleName}-v1`,
      Description: "Baton handback callback of lead lead-42",
    });
    expect(store.callbacks.get("lead-42")).toMatchObject({
      status: "called",
      callContactId: startResponse.ContactId,
    });
  });

  it("uses the session attribute names the conversation-turn Lambda reads", () => {
    // Prepare
    const expected = { leadId: SESSION.leadId, campaignId: SESSION.campaignId };
    // Act
    const used = { leadId: CALLBACK_ATTRIBUTES.leadId, campaignId: CALLBACK_ATTRIBUTES.campaignId };
    // Assess
    expect(used).toEqual(expected);
  });

  it("never calls a lead that opted out after the callback was planned", async () => {
    // Prepare
    const { deps, store } = setup();
    store.addLead("lead-42", { doNotCall: true });
    const record = planned(store);
    // Act
    const outcome = await startCallback(deps, input(record));
    // Assess
    expect(outcome).toMatchObject({ status: "skipped", reason: "opted_out" });
    expect(connect.commandCalls(StartOutboundVoiceContactCommand)).toHaveLength(0);
    expect(store.callbacks.get("lead-42")).toMatchObject({ status: "skipped", reason: "opted_out" });
  });

  it("does nothing for a schedule of an older plan (rescheduled or cancelled)", async () => {
    // Prepare
    const { deps, store } = setup();
    store.addLead("lead-42");
    const current = planned(store, { version: 3, status: "scheduled" });
    // Act
    const outcome = await startCallback(deps, input({ ...current, version: 2 }));
    // Assess
    expect(outcome).toMatchObject({ status: "skipped", reason: "stale" });
    expect(connect.calls()).toHaveLength(0);
  });

  it("calls once when the schedule is delivered twice", async () => {
    // Prepare
    const { deps, store } = setup();
    store.addLead("lead-42");
    const record = planned(store);
    // Act
    const outcomes = await Promise.all([
      startCallback(deps, input(record)),
      startCallback(deps, input(record)),
    ]);
    // Assess
    expect(outcomes.map((outcome) => outcome.status).sort()).toEqual(["called", "skipped"]);
    expect(connect.commandCalls(StartOutboundVoiceContactCommand)).toHaveLength(1);
  });

  it("calls nobody when the schedule is delivered much later than planned", async () => {
    // Prepare
    const { deps, store } = setup("2026-11-21T18:00:00.000Z");
    store.addLead("lead-42");
    const record = planned(store);
    // Act
    const outcome = await startCallback(deps, input(record));
    // Assess
    expect(outcome).toMatchObject({ status: "skipped", reason: "too_late" });
    expect(store.callbacks.get("lead-42")?.status).toBe("expired");
  });

  it("fails without a number to call (the followed-up contact was a task)", async () => {
    // Prepare
    const { deps, store } = setup();
    store.addLead("lead-42");
    const record = planned(store);
    connect.on(DescribeContactCommand).resolves(describeTask as unknown as DescribeContactCommandOutput);
    // Act
    const outcome = await startCallback(deps, input(record));
    // Assess
    expect(outcome).toMatchObject({ status: "failed", reason: "no_destination" });
    expect(connect.commandCalls(StartOutboundVoiceContactCommand)).toHaveLength(0);
  });

  it("releases the claim and throws when Connect is at its outbound limit, so the retry can call", async () => {
    // Prepare
    const { deps, store } = setup();
    store.addLead("lead-42");
    const record = planned(store);
    connect
      .on(StartOutboundVoiceContactCommand)
      .rejectsOnce(new LimitExceededException({ message: "too many calls", $metadata: {} }))
      .resolves(startResponse);
    // Act
    const first = startCallback(deps, input(record));
    await expect(first).rejects.toMatchObject({ name: "ContactCenterError", retryable: true });
    const retried = await startCallback(deps, input(record));
    // Assess
    expect(retried.status).toBe("called");
    const tokens = connect
      .commandCalls(StartOutboundVoiceContactCommand)
      .map((call) => call.args[0].input.ClientToken);
    expect(tokens).toEqual([`${record.scheduleName}-v1`, `${record.scheduleName}-v1`]);
  });

  it("records a refused destination as failed, without a retry", async () => {
    // Prepare
    const { deps, store } = setup();
    store.addLead("lead-42");
    const record = planned(store);
    connect
      .on(StartOutboundVoiceContactCommand)
      .rejects(new DestinationNotAllowedException({ message: "not allowed", $metadata: {} }));
    // Act
    const outcome = await startCallback(deps, input(record));
    // Assess
    expect(outcome).toMatchObject({ status: "failed", reason: "connect_rejected" });
    expect(store.callbacks.get("lead-42")?.status).toBe("failed");
  });

  it("answers a malformed schedule input and an unknown lead with a defined outcome", async () => {
    // Prepare
    const { deps, store } = setup();
    planned(store, { leadId: "ghost", scheduleName: scheduleNameFor("ghost") });
    // Act
    const malformed = await startCallback(deps, { leadId: "lead-42" });
    const unknown = await startCallback(deps, {
      leadId: "ghost",
      campaignId: "default",
      scheduleName: scheduleNameFor("ghost"),
      version: 1,
    });
    const noRecord = await startCallback(
      deps,
      input({ ...planned(new InMemoryCallbackStore()), leadId: "nobody" }),
    );
    // Assess
    expect(malformed).toMatchObject({ status: "invalid_input" });
    expect(unknown).toMatchObject({ status: "skipped", reason: "unknown_lead" });
    expect(noRecord).toMatchObject({ status: "skipped", reason: "no_record" });
    expect(connect.calls()).toHaveLength(0);
  });
});
