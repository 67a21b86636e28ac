/** A Connect API call failed; `retryable` when the same call may succeed later (throttling, 5xx). */
export class ContactCenterError extends Error {
  override readonly name = "ContactCenterError";
  constructor(
    readonly operation: string,
    readonly code: string,
    readonly retryable: boolean,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(`${operation}: ${code}: ${message}`, options);
  }
}

export interface ContactDescription {
  /** VOICE, CHAT, TASK or EMAIL. */
  channel?: string | undefined;
  /** The customer's phone number (E.164), when the contact has one. */
  customerPhoneNumber?: string | undefined;
}

/** Port for Amazon Connect (the contact center); failures are ContactCenterError. */
export interface ContactCenter {
  /** null when Connect does not know the contact. */
  describeContact(contactId: string): Promise<ContactDescription | null>;
  /** Agents available in the queue for the channel right now; null when Connect returns no number. */
  availableAgents(queueId: string, channel: string): Promise<number | null>;
  /** Sets attributes on an ongoing or ended contact; "not_found" when Connect does not know it. */
  updateAttributes(contactId: string, attributes: Record<string, string>): Promise<"updated" | "not_found">;
  /** Moves a task or email contact to a queue through a transfer flow; returns the new contact id. */
  transferContact(request: {
    contactId: string;
    queueId: string;
    clientToken: string;
  }): Promise<{ contactId?: string | undefined }>;
  /** Starts an outbound call into the outbound AI flow. */
  startOutboundVoiceContact(request: {
    destinationPhoneNumber: string;
    attributes: Record<string, string>;
    clientToken: string;
    description?: string | undefined;
  }): Promise<{ contactId?: string | undefined }>;
}
