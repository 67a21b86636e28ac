import type { CallbackOrigin } from "../../contracts/callback.js";
import type { LeadProfile } from "./state-store.js";

/**
 * - scheduled: a schedule exists for `version` and will start the call;
 * - calling: start-callback claimed it and is placing the call (never claimed twice);
 * - called: the call was placed (`callContactId`);
 * - cancelled / skipped / failed / expired: nothing will be called for this version (`reason` says why).
 */
export type CallbackStatus =
  | "scheduled"
  | "calling"
  | "called"
  | "cancelled"
  | "skipped"
  | "failed"
  | "expired";

/** One planned callback per lead: re-planning replaces it (new version), so a lead is never called twice. */
export interface CallbackRecord {
  leadId: string;
  /** The plan's version: a schedule carries it, and only the current version may call. */
  version: number;
  status: CallbackStatus;
  scheduleName: string;
  scheduledFor: string;
  campaignId: string;
  /** The contact the callback follows up (its customer endpoint is called back). */
  sourceContactId: string;
  origin: CallbackOrigin;
  /** The event that planned this version. */
  requestId: string;
  /** Events already handled for this lead (newest last, bounded): a late duplicate changes nothing. */
  handledRequestIds: string[];
  callContactId?: string | undefined;
  reason?: string | undefined;
  updatedAt: string;
  expiresAt: number;
}

/** Port for leads and their callbacks (DynamoDB in AWS and locally). */
export interface CallbackStore {
  loadLead(leadId: string): Promise<LeadProfile | null>;
  /** Stores the closer's note on the lead, only while the lead exists and has not opted out. */
  saveLeadNote(leadId: string, note: string): Promise<"saved" | "opted_out" | "missing">;
  /** Strongly consistent read, or null. */
  loadCallback(leadId: string): Promise<CallbackRecord | null>;
  /** Writes a new plan: version = expectedVersion + 1 (0 = no record yet); throws StaleItemError when it lost. */
  saveCallback(record: CallbackRecord, expectedVersion: number): Promise<void>;
  /** Moves the record of `version` from one status to another; false when it is not (or no longer) there. */
  transitionCallback(
    leadId: string,
    version: number,
    from: CallbackStatus,
    to: CallbackStatus,
    extra: { updatedAt: string; callContactId?: string | undefined; reason?: string | undefined },
  ): Promise<boolean>;
}
