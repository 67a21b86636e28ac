import {
  type Channel,
  type ConnectClient,
  DescribeContactCommand,
  GetCurrentMetricDataCommand,
  StartOutboundVoiceContactCommand,
  TransferContactCommand,
  UpdateContactAttributesCommand,
} from "@aws-sdk/client-connect";
import { resourceId } from "../domain/handoff-route.js";
import { type ContactCenter, ContactCenterError, type ContactDescription } from "../ports/contact-center.js";

/** Error names Connect documents for a call that may succeed when tried again. */
const RETRYABLE = new Set([
  "ThrottlingException",
  "TooManyRequestsException",
  "InternalServiceException",
  "LimitExceededException",
  "ServiceUnavailableException",
]);

const CHANNELS: ReadonlySet<string> = new Set(["VOICE", "CHAT", "TASK", "EMAIL"]);

export interface ConnectContactCenterOptions {
  /** Created once per process by the caller. */
  client: ConnectClient;
  /** Instance id or ARN. */
  instance: string;
  /** Flow TransferContact runs (a transfer-to-queue flow); needed to move task and email contacts. */
  transferFlow?: string | undefined;
  /** The outbound AI flow callbacks start in; needed to start callbacks. */
  outboundFlow?: string | undefined;
  /** Caller id of callbacks: a claimed number (E.164) or the queue whose outbound caller id is used. */
  outboundSource?: { phoneNumber: string } | { queue: string } | undefined;
}

/**
 * Amazon Connect adapter of the ContactCenter port, with the documented request shapes:
 * DescribeContact, GetCurrentMetricData (AGENTS_AVAILABLE), UpdateContactAttributes, TransferContact,
 * StartOutboundVoiceContact (https://docs.aws.amazon.com/connect/latest/APIReference/).
 */
export class ConnectContactCenter implements ContactCenter {
  private readonly client: ConnectClient;
  private readonly instanceId: string;
  private readonly options: ConnectContactCenterOptions;

  constructor(options: ConnectContactCenterOptions) {
    this.client = options.client;
    this.instanceId = resourceId(options.instance, "instance");
    this.options = options;
  }

  async describeContact(contactId: string): Promise<ContactDescription | null> {
    try {
      const { Contact } = await this.client.send(
        new DescribeContactCommand({ InstanceId: this.instanceId, ContactId: contactId }),
      );
      if (!Contact) return null;
      const endpoint = Contact.CustomerEndpoint;
      return {
        ...(Contact.Channel ? { channel: Contact.Channel } : {}),
        ...(endpoint?.Type === "TELEPHONE_NUMBER" && endpoint.Address
          ? { customerPhoneNumber: endpoint.Address }
          : {}),
      };
    } catch (error) {
      if (errorName(error) === "ResourceNotFoundException") return null;
      throw toContactCenterError("DescribeContact", error);
    }
  }

  async availableAgents(queueId: string, channel: string): Promise<number | null> {
    const upper = channel.toUpperCase();
    try {
      const response = await this.client.send(
        new GetCurrentMetricDataCommand({
          InstanceId: this.instanceId,
          Filters: {
            Queues: [resourceId(queueId, "queue")],
            ...(CHANNELS.has(upper) ? { Channels: [upper as Channel] } : {}),
          },
          Groupings: ["QUEUE"],
          CurrentMetrics: [{ Name: "AGENTS_AVAILABLE", Unit: "COUNT" }],
        }),
      );
      const results = response.MetricResults ?? [];
      // "MetricResult list is empty: the request cannot find any data": nobody is staffed for this queue.
      if (results.length === 0) return 0;
      const values = results.flatMap((result) =>
        (result.Collections ?? [])
          .filter((collection) => collection.Metric?.Name === "AGENTS_AVAILABLE")
          .map((collection) => collection.Value),
      );
      const numbers = values.filter((value): value is number => typeof value === "number");
      // "Metric value is null: the calculation cannot be performed": unknown, not zero.
      if (numbers.length === 0) return null;
      return numbers.reduce((sum, value) => sum + value, 0);
    } catch (error) {
      throw toContactCenterError("GetCurrentMetricData", error);
    }
  }

  async updateAttributes(
    contactId: string,
    attributes: Record<string, string>,
  ): Promise<"updated" | "not_found"> {
    try {
      await this.client.send(
        new UpdateContactAttributesCommand({
          InstanceId: this.instanceId,
          InitialContactId: contactId,
          Attributes: attributes,
        }),
      );
      return "updated";
    } catch (error) {
      if (errorName(error) === "ResourceNotFoundException") return "not_found";
      throw toContactCenterError("UpdateContactAttributes", error);
    }
  }

  async transferContact(request: {
    contactId: string;
    queueId: string;
    clientToken: string;
  }): Promise<{ contactId?: string | undefined }> {
    const flow = this.options.transferFlow;
    if (!flow) {
      throw new ContactCenterError(
        "TransferContact",
        "NotConfigured",
        false,
        "no transfer flow is configured",
      );
    }
    try {
      const response = await this.client.send(
        new TransferContactCommand({
          InstanceId: this.instanceId,
          ContactId: request.contactId,
          QueueId: resourceId(request.queueId, "queue"),
          ContactFlowId: resourceId(flow, "contact-flow"),
          ClientToken: request.clientToken.slice(0, 500),
        }),
      );
      return { contactId: response.ContactId };
    } catch (error) {
      throw toContactCenterError("TransferContact", error);
    }
  }

  async startOutboundVoiceContact(request: {
    destinationPhoneNumber: string;
    attributes: Record<string, string>;
    clientToken: string;
    description?: string | undefined;
  }): Promise<{ contactId?: string | undefined }> {
    const { outboundFlow, outboundSource } = this.options;
    if (!outboundFlow || !outboundSource) {
      throw new ContactCenterError(
        "StartOutboundVoiceContact",
        "NotConfigured",
        false,
        "no outbound flow or caller id is configured",
      );
    }
    try {
      const response = await this.client.send(
        new StartOutboundVoiceContactCommand({
          InstanceId: this.instanceId,
          ContactFlowId: resourceId(outboundFlow, "contact-flow"),
          DestinationPhoneNumber: request.destinationPhoneNumber,
          ...("phoneNumber" in outboundSource
            ? { SourcePhoneNumber: outboundSource.phoneNumber }
            : { QueueId: resourceId(outboundSource.queue, "queue") }),
          Attributes: request.attributes,
          // Connect returns the same contact for the same token (7 days): a retried invocation never dials twice.
          ClientToken: request.clientToken.slice(0, 500),
          ...(request.description ? { Description: request.description.slice(0, 4096) } : {}),
        }),
      );
      return { contactId: response.ContactId };
    } catch (error) {
      throw toContactCenterError("StartOutboundVoiceContact", error);
    }
  }
}

export function errorName(error: unknown): string {
  return error instanceof Error ? error.name : "UnknownError";
}

/** Any failure of a Connect call as a ContactCenterError, retryable for throttling and 5xx. */
export function toContactCenterError(operation: string, error: unknown): ContactCenterError {
  if (error instanceof ContactCenterError) return error;
  const name = errorName(error);
  const fault = (error as { $fault?: string } | null)?.$fault;
  const retryable = RETRYABLE.has(name) || fault === "server";
  const message = error instanceof Error ? error.message : String(error);
  return new ContactCenterError(operation, name, retryable, message, { cause: error });
}
