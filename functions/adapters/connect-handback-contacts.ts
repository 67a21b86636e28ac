import {
  type ConnectClient,
  DescribeContactCommand,
  DescribeUserCommand,
  GetContactAttributesCommand,
} from "@aws-sdk/client-connect";
import { resourceId } from "../domain/handoff-route.js";
import {
  BATON_CONTACT_ATTRIBUTES,
  type HandbackContact,
  type HandbackContacts,
} from "../ports/handback-contacts.js";
import { errorName, toContactCenterError } from "./connect-contact-center.js";

/**
 * Amazon Connect adapter of HandbackContacts: DescribeContact (the agent on it, AgentInfo.Id),
 * DescribeUser (that agent's user name) and GetContactAttributes (the campaignId and leadId the AI flow
 * set), with the documented request shapes (https://docs.aws.amazon.com/connect/latest/APIReference/).
 */
export class ConnectHandbackContacts implements HandbackContacts {
  private readonly instanceId: string;

  constructor(
    private readonly options: {
      /** Created once per process by the caller. */
      client: ConnectClient;
      /** Instance id or ARN. */
      instance: string;
    },
  ) {
    this.instanceId = resourceId(options.instance, "instance");
  }

  async find(contactId: string): Promise<HandbackContact | null> {
    const { client } = this.options;
    let agentUserId: string | null;
    try {
      const { Contact } = await client.send(
        new DescribeContactCommand({ InstanceId: this.instanceId, ContactId: contactId }),
      );
      if (!Contact) return null;
      agentUserId = Contact.AgentInfo?.Id ?? null;
    } catch (error) {
      if (errorName(error) === "ResourceNotFoundException") return null;
      throw toContactCenterError("DescribeContact", error);
    }
    let attributes: Record<string, string>;
    try {
      const response = await client.send(
        new GetContactAttributesCommand({ InstanceId: this.instanceId, InitialContactId: contactId }),
      );
      attributes = response.Attributes ?? {};
    } catch (error) {
      if (errorName(error) === "ResourceNotFoundException") return null;
      throw toContactCenterError("GetContactAttributes", error);
    }
    return {
      agentUserId,
      agentUsername: agentUserId ? await this.username(agentUserId) : null,
      campaignId: nonEmpty(attributes[BATON_CONTACT_ATTRIBUTES.campaignId]),
      leadId: nonEmpty(attributes[BATON_CONTACT_ATTRIBUTES.leadId]),
    };
  }

  private async username(userId: string): Promise<string | null> {
    try {
      const { User } = await this.options.client.send(
        new DescribeUserCommand({ InstanceId: this.instanceId, UserId: userId }),
      );
      return User?.Username ?? null;
    } catch (error) {
      // A user deleted since the contact: nobody can claim the contact.
      if (errorName(error) === "ResourceNotFoundException") return null;
      throw toContactCenterError("DescribeUser", error);
    }
  }
}

function nonEmpty(value: string | undefined): string | null {
  return value !== undefined && value.trim().length > 0 ? value.trim() : null;
}
