import {
  type LeadProfile,
  type StateStore,
  type StoredContact,
  type TurnCommit,
  VersionConflictError,
} from "../../functions/ports/state-store.js";

export type StateStoreMethod = keyof StateStore;

/**
 * The StateStore port in memory, with the DynamoDB adapter's semantics: a contact write is conditional
 * on the version (a first write on the item not existing) and writes the lead in the same "transaction";
 * `markUnpublished` replaces the list only at the current version, `clearUnpublished` removes ids at the
 * current version and does nothing otherwise. Values are copied in and out, so a caller can never change
 * what is stored by mutating what it passed or got. Every call is asynchronous (one macrotask), so
 * concurrent turns interleave as they would against a real table.
 */
export class InMemoryStateStore implements StateStore {
  private readonly contacts = new Map<string, StoredContact>();
  private readonly leads = new Map<string, LeadProfile>();
  private readonly failures = new Map<StateStoreMethod, Error[]>();
  /** Every call, in order: one entry per round trip the real adapter would make. */
  readonly calls: StateStoreMethod[] = [];

  async loadContact(contactId: string): Promise<StoredContact | null> {
    await this.enter("loadContact");
    const contact = this.contacts.get(contactId);
    return contact ? copy(contact) : null;
  }

  async loadLead(leadId: string): Promise<LeadProfile | null> {
    await this.enter("loadLead");
    const lead = this.leads.get(leadId);
    return lead ? copy(lead) : null;
  }

  async commitTurn({ expectedVersion, next, lead }: TurnCommit): Promise<void> {
    await this.enter("commitTurn");
    if (!Number.isInteger(expectedVersion) || expectedVersion < 0 || next.version !== expectedVersion + 1) {
      throw new Error(
        `commit for contact ${next.contactId} writes version ${next.version} over expected version ${expectedVersion}; it must write expected + 1`,
      );
    }
    const current = this.contacts.get(next.contactId);
    const holds = expectedVersion === 0 ? current === undefined : current?.version === expectedVersion;
    if (!holds) throw new VersionConflictError(next.contactId, expectedVersion);
    this.contacts.set(next.contactId, normalised(next));
    if (lead) this.leads.set(lead.leadId, copy(lead));
  }

  async markUnpublished(contactId: string, version: number, ids: readonly string[]): Promise<void> {
    await this.enter("markUnpublished");
    const current = this.contacts.get(contactId);
    if (current?.version !== version) throw new VersionConflictError(contactId, version);
    current.unpublished = [...new Set(ids)].sort();
  }

  async clearUnpublished(contactId: string, version: number, ids: readonly string[]): Promise<void> {
    if (ids.length === 0) return;
    await this.enter("clearUnpublished");
    const current = this.contacts.get(contactId);
    // A newer version (or no item) keeps its own list.
    if (current?.version !== version) return;
    current.unpublished = current.unpublished.filter((id) => !ids.includes(id));
  }

  /** Puts a lead as an earlier call would have left it. */
  seedLead(lead: LeadProfile): void {
    this.leads.set(lead.leadId, copy(lead));
  }

  /** What is stored for the contact, without counting a call. */
  peekContact(contactId: string): StoredContact | undefined {
    const contact = this.contacts.get(contactId);
    return contact ? copy(contact) : undefined;
  }

  peekLead(leadId: string): LeadProfile | undefined {
    const lead = this.leads.get(leadId);
    return lead ? copy(lead) : undefined;
  }

  /** The next call of `method` rejects with `error` (queued: one error per call). */
  failNext(method: StateStoreMethod, error: Error): void {
    this.failures.set(method, [...(this.failures.get(method) ?? []), error]);
  }

  private async enter(method: StateStoreMethod): Promise<void> {
    this.calls.push(method);
    await new Promise((resolve) => setTimeout(resolve, 0));
    const queued = this.failures.get(method);
    const error = queued?.shift();
    if (error) throw error;
  }
}

/** As the DynamoDB adapter reads it back: `unpublished` is a set, returned sorted. */
function normalised(contact: StoredContact): StoredContact {
  const stored = copy(contact);
  stored.unpublished = [...new Set(stored.unpublished)].sort();
  return stored;
}

function copy<T>(value: T): T {
  return structuredClone(value);
}
