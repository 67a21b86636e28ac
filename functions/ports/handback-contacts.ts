/**
 * The contact attributes the AI flows write at the handoff (infra/flows/baton-flows.ts copies them from
 * the Lex session, SESSION in functions/application/lex-conversation.ts; a test keeps them equal).
 */
export const BATON_CONTACT_ATTRIBUTES = { campaignId: "campaignId", leadId: "leadId" } as const;

/** What the handback endpoint must know of a contact before it lets a closer hand it back. */
export interface HandbackContact {
  /** Connect user id of the agent on the contact (DescribeContact AgentInfo.Id); null when none is. */
  agentUserId: string | null;
  /** That user's Connect user name, which the closer signs in to Baton with; null when none. */
  agentUsername: string | null;
  /** Contact attributes the AI flow set; null when the contact did not come through Baton's flows. */
  campaignId: string | null;
  leadId: string | null;
}

/** Port for looking a contact up in Amazon Connect; failures are ContactCenterError. */
export interface HandbackContacts {
  /** null when Connect does not know the contact. */
  find(contactId: string): Promise<HandbackContact | null>;
}
