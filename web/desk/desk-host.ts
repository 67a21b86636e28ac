import type { DeskView } from "./desk-view.js";

/** A row of the desk's queue. */
export interface QueueItem {
  contactId: string;
  trigger: string;
  status: string;
  receivedAt?: string | undefined;
  summary: string;
}

export interface HandbackInput {
  note: string;
  /** ISO 8601. */
  followUpAt: string;
}

/**
 * Where the desk gets its data: the local server's API, or the Connect agent workspace (the contact's
 * attributes). Actions a host cannot do are absent, and the page hides their buttons.
 */
export interface DeskHost {
  readonly name: string;
  queue(): Promise<QueueItem[]>;
  view(contactId: string): Promise<DeskView | null>;
  /** Calls `onChange` whenever the queue or a screen pop may have changed (and on every reconnect). */
  watch(onChange: () => void, onStatus: (status: string) => void): void;
  accept?(contactId: string): Promise<void>;
  handBack?(contactId: string, input: HandbackInput): Promise<void>;
}
