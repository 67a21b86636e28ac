import type { ScreenPop } from "../../contracts/screen-pop.js";
import type { HandoffFacts } from "../domain/handoff-kpi.js";
import type { BusEvent } from "./event-publisher.js";

/** A conditional write lost to another writer (or found the item gone): re-read and decide again. */
export class StaleItemError extends Error {
  override readonly name = "StaleItemError";
  constructor(
    readonly key: string,
    readonly expectedVersion: number,
  ) {
    super(`${key} is no longer at version ${expectedVersion}`);
  }
}

/** The KPI state of one handoff: facts, the events still to publish, its version and expiry. */
export interface StoredHandoff {
  contactId: string;
  /** Incremented by every write; 0 = no item yet. */
  version: number;
  facts: HandoffFacts;
  /** Outcome events written with the facts and not yet confirmed on the bus (outbox). */
  pending: BusEvent[];
  /** TTL, epoch seconds: short while Baton does not know the contact, long once it is a handoff. */
  expiresAt: number;
}

/** Port for the per-handoff KPI item (DynamoDB in AWS and locally). */
export interface HandoffKpiStore {
  /** Strongly consistent read, or null. */
  loadHandoff(contactId: string): Promise<StoredHandoff | null>;
  /** Writes `next` (version = expectedVersion + 1); throws StaleItemError when it lost. */
  saveHandoff(next: StoredHandoff, expectedVersion: number): Promise<void>;
  /**
   * Removes published events from the outbox, whatever the version (ids are deterministic: a published id
   * is done). A writer that read the item before may put one back; it is then re-sent with the same id.
   */
  clearPending(contactId: string, ids: readonly string[]): Promise<void>;
}

export interface ScreenPopRecord {
  screenPop: ScreenPop;
  /** The Handoff.Requested event the screen pop came with. */
  eventId: string;
  queue: string;
  storedAt: string;
}

/** Port for the full screen pop, where the agent app reads it (the contact's attributes carry the summary). */
export interface ScreenPopStore {
  /** Writes once; a second delivery of the same handoff finds it and returns "exists". */
  saveScreenPop(record: ScreenPopRecord, expiresAt: number): Promise<"stored" | "exists">;
  loadScreenPop(contactId: string): Promise<ScreenPopRecord | null>;
}

/** What the router decided for one handoff, fixed by its first delivery so a retry repeats it. */
export interface RouteRecord {
  contactId: string;
  action: "flow_transfer" | "api_transfer" | "callback" | "unroutable";
  reason: string;
  channel: string;
  queueId?: string | undefined;
  availableAgents?: number | null | undefined;
  decidedAt: string;
}

export interface RouteStore {
  /** Writes once; returns the record that holds (this one, or the one an earlier delivery wrote). */
  saveRoute(record: RouteRecord, expiresAt: number): Promise<RouteRecord>;
}
