import type { CallbackRecord, CallbackStatus, CallbackStore } from "../../functions/ports/callback-store.js";
import {
  type HandoffKpiStore,
  type RouteRecord,
  type RouteStore,
  type ScreenPopRecord,
  type ScreenPopStore,
  StaleItemError,
  type StoredHandoff,
} from "../../functions/ports/handoff-store.js";
import type { LeadProfile } from "../../functions/ports/state-store.js";

/**
 * In-memory stand-ins of the after-transfer stores for unit tests: the same conditions as the DynamoDB
 * adapters (which the integration tests run against DynamoDB Local), values copied in and out.
 */
export class InMemoryHandoffStores implements HandoffKpiStore, ScreenPopStore, RouteStore {
  readonly handoffs = new Map<string, StoredHandoff>();
  readonly screenPops = new Map<string, ScreenPopRecord>();
  readonly routes = new Map<string, RouteRecord>();

  async loadHandoff(contactId: string): Promise<StoredHandoff | null> {
    const item = this.handoffs.get(contactId);
    return item ? structuredClone(item) : null;
  }

  async saveHandoff(next: StoredHandoff, expectedVersion: number): Promise<void> {
    const current = this.handoffs.get(next.contactId);
    if ((current?.version ?? 0) !== expectedVersion)
      throw new StaleItemError(next.contactId, expectedVersion);
    this.handoffs.set(next.contactId, structuredClone(next));
  }

  async clearPending(contactId: string, ids: readonly string[]): Promise<void> {
    const current = this.handoffs.get(contactId);
    if (current) current.pending = current.pending.filter((event) => !ids.includes(event.id));
  }

  async saveScreenPop(record: ScreenPopRecord): Promise<"stored" | "exists"> {
    if (this.screenPops.has(record.screenPop.contactId)) return "exists";
    this.screenPops.set(record.screenPop.contactId, structuredClone(record));
    return "stored";
  }

  async loadScreenPop(contactId: string): Promise<ScreenPopRecord | null> {
    return this.screenPops.get(contactId) ?? null;
  }

  async saveRoute(record: RouteRecord): Promise<RouteRecord> {
    const existing = this.routes.get(record.contactId);
    if (existing) return structuredClone(existing);
    this.routes.set(record.contactId, structuredClone(record));
    return record;
  }
}

export class InMemoryCallbackStore implements CallbackStore {
  readonly leads = new Map<string, LeadProfile>();
  readonly callbacks = new Map<string, CallbackRecord>();

  addLead(leadId: string, changes: Partial<LeadProfile> = {}): LeadProfile {
    const lead: LeadProfile = {
      leadId,
      campaignId: "default",
      slots: {},
      lastContactId: `contact-of-${leadId}`,
      doNotCall: false,
      expiresAt: 1_900_000_000,
      ...changes,
    };
    this.leads.set(leadId, lead);
    return lead;
  }

  async loadLead(leadId: string): Promise<LeadProfile | null> {
    const lead = this.leads.get(leadId);
    return lead ? structuredClone(lead) : null;
  }

  async saveLeadNote(leadId: string, note: string): Promise<"saved" | "opted_out" | "missing"> {
    const lead = this.leads.get(leadId);
    if (!lead) return "missing";
    if (lead.doNotCall) return "opted_out";
    lead.note = note;
    return "saved";
  }

  async loadCallback(leadId: string): Promise<CallbackRecord | null> {
    const record = this.callbacks.get(leadId);
    return record ? structuredClone(record) : null;
  }

  async saveCallback(record: CallbackRecord, expectedVersion: number): Promise<void> {
    const current = this.callbacks.get(record.leadId);
    if ((current?.version ?? 0) !== expectedVersion) throw new StaleItemError(record.leadId, expectedVersion);
    this.callbacks.set(record.leadId, structuredClone(record));
  }

  async transitionCallback(
    leadId: string,
    version: number,
    from: CallbackStatus,
    to: CallbackStatus,
    extra: { updatedAt: string; callContactId?: string | undefined; reason?: string | undefined },
  ): Promise<boolean> {
    const current = this.callbacks.get(leadId);
    if (!current || current.version !== version || current.status !== from) return false;
    this.callbacks.set(leadId, {
      ...current,
      status: to,
      updatedAt: extra.updatedAt,
      ...(extra.callContactId ? { callContactId: extra.callContactId } : {}),
      ...(extra.reason ? { reason: extra.reason } : {}),
    });
    return true;
  }
}
