import type { QualificationState, SlotValue } from "../../contracts/qualification-state.js";

/** An event waiting on the state item until it is known to be on the bus (transactional outbox). */
export interface OutboxEntry {
  id: string;
  source: string;
  detailType: string;
  /** The event detail as JSON text, exactly as it will be put on the bus. */
  detail: string;
}

/** One item per contact: the engine state, its version, and what the last applied turn answered. */
export interface StoredContact {
  contactId: string;
  version: number;
  state: QualificationState;
  /** Idempotency key of the last applied turn: a retried or parallel duplicate returns `lastResponse`. */
  lastTurnKey?: string | undefined;
  /** The Lex response sent for that turn, as JSON text. */
  lastResponse?: string | undefined;
  /** Events of the last applied turn (plus any not yet published). */
  outbox: OutboxEntry[];
  /** Ids in `outbox` the handler could not publish; the stream relay publishes them. */
  unpublished: string[];
  /** TTL, epoch seconds. */
  expiresAt: number;
}

/** What a lead carries from one contact to the next (callbacks resume, never re-ask). */
export interface LeadProfile {
  leadId: string;
  campaignId: string;
  slots: Record<string, SlotValue>;
  lastContactId: string;
  /** The closer's note from a handback, read by the AI on the next call. */
  note?: string | undefined;
  doNotCall: boolean;
  expiresAt: number;
}

export interface TurnCommit {
  /** 0 when the contact has no item yet. */
  expectedVersion: number;
  /** Written with version = expectedVersion + 1. */
  next: StoredContact;
  /** Written in the same transaction when present. */
  lead?: LeadProfile | undefined;
}

/** The conditional write lost: another invocation wrote this contact first. Re-read and decide again. */
export class VersionConflictError extends Error {
  override readonly name = "VersionConflictError";
  constructor(
    readonly contactId: string,
    readonly expectedVersion: number,
  ) {
    super(`contact ${contactId} is no longer at version ${expectedVersion}`);
  }
}

/** Port for the contact state (DynamoDB in AWS and locally). Each method is one round trip. */
export interface StateStore {
  /** Strongly consistent read of the contact's item, or null. */
  loadContact(contactId: string): Promise<StoredContact | null>;
  loadLead(leadId: string): Promise<LeadProfile | null>;
  /** Conditional on the version; throws VersionConflictError when it lost. */
  commitTurn(commit: TurnCommit): Promise<void>;
  /** Records ids the handler failed to publish, so the stream relay re-publishes them. */
  markUnpublished(contactId: string, version: number, ids: readonly string[]): Promise<void>;
  /** The relay clears what it published; a newer version keeps its own list. */
  clearUnpublished(contactId: string, version: number, ids: readonly string[]): Promise<void>;
}
