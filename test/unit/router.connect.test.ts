import {
  ConnectClient,
  DescribeContactCommand,
  GetCurrentMetricDataCommand,
  InternalServiceException,
  InvalidRequestException,
  ResourceNotFoundException,
  TransferContactCommand,
  UpdateContactAttributesCommand,
} from "@aws-sdk/client-connect";
import { mockClient } from "aws-sdk-client-mock";
import { beforeEach, describe, expect, it } from "vitest";
import { ConnectContactCenter } from "../../functions/adapters/connect-contact-center.js";
import { resourceId } from "../../functions/domain/handoff-route.js";

const connect = mockClient(ConnectClient);
const INSTANCE = "arn:aws:connect:eu-west-1:111122223333:instance/12345678-1234-1234-1234-123456789012";

function adapter(options: { transferFlow?: string } = {}) {
  return new ConnectContactCenter({
    client: new ConnectClient({ region: "eu-west-1" }),
    instance: INSTANCE,
    ...options,
  });
}

describe("Amazon Connect adapter", () => {
  beforeEach(() => {
    connect.reset();
  });

  it("reads a null AGENTS_AVAILABLE as unknown, not as zero", async () => {
    // Prepare
    connect.on(GetCurrentMetricDataCommand).resolves({
      MetricResults: [{ Collections: [{ Metric: { Name: "AGENTS_AVAILABLE", Unit: "COUNT" } }] }],
    });
    // Act
    const available = await adapter().availableAgents("queue-1", "voice");
    // Assess
    expect(available).toBeNull();
  });

  it("answers an unknown contact with null and not_found instead of an error", async () => {
    // Prepare
    const notFound = new ResourceNotFoundException({ message: "Contact not found", $metadata: {} });
    connect.on(DescribeContactCommand).rejects(notFound);
    connect.on(UpdateContactAttributesCommand).rejects(notFound);
    // Act
    const described = await adapter().describeContact("gone");
    const updated = await adapter().updateAttributes("gone", { baton_route: "flow_transfer" });
    // Assess
    expect(described).toBeNull();
    expect(updated).toBe("not_found");
  });

  it("marks server faults retryable and request errors not", async () => {
    // Prepare
    connect
      .on(TransferContactCommand)
      .rejectsOnce(new InternalServiceException({ message: "boom", $metadata: {} }))
      .rejects(new InvalidRequestException({ message: "contact is not active", $metadata: {} }));
    const center = adapter({ transferFlow: "flow-1" });
    const request = { contactId: "c-1", queueId: "q-1", clientToken: "t" };
    // Act
    const first = center.transferContact(request);
    await expect(first).rejects.toMatchObject({ code: "InternalServiceException", retryable: true });
    const second = center.transferContact(request);
    // Assess
    await expect(second).rejects.toMatchObject({ code: "InvalidRequestException", retryable: false });
  });

  it("refuses to transfer or call without the flows it needs", async () => {
    // Prepare
    const center = adapter();
    // Act
    const transfer = center.transferContact({ contactId: "c-1", queueId: "q-1", clientToken: "t" });
    const call = center.startOutboundVoiceContact({
      destinationPhoneNumber: "+447700900123",
      attributes: {},
      clientToken: "t",
    });
    // Assess
    await expect(transfer).rejects.toMatchObject({ code: "NotConfigured", retryable: false });
    await expect(call).rejects.toMatchObject({ code: "NotConfigured", retryable: false });
    expect(connect.calls()).toHaveLength(0);
  });

  it("takes ids or ARNs for the instance, queues and flows", () => {
    // Prepare
    const queueArn = `${INSTANCE}/queue/aaaaaaaa-0000-0000-0000-000000000001`;
    // Act
    const ids = [
      resourceId(INSTANCE, "instance"),
      resourceId(queueArn, "queue"),
      resourceId(`${INSTANCE}/contact-flow/ffff`, "contact-flow"),
      resourceId("plain-id", "queue"),
    ];
    // Assess
    expect(ids).toEqual([
      "12345678-1234-1234-1234-123456789012",
      "aaaaaaaa-0000-0000-0000-000000000001",
      "ffff",
      "plain-id",
    ]);
  });
});
