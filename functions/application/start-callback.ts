import { CallbackTargetInput, FOLLOW_UP_CALL, FOLLOWS_CONTACT_ATTRIBUTE } from "../../contracts/callback.js";
import { describeIssue } from "../domain/zod-issue.js";
import type { CallbackStore } from "../ports/callback-store.js";
import { type ContactCenter, ContactCenterError } from "../ports/contact-center.js";
import type { Log } from "./record-handoff-kpi.js";

export interface StartCallbackDependencies {
  store: CallbackStore;
  contactCenter: ContactCenter;
  clock: () => Date;
  /** A schedule delivered later than this after its time (Scheduler retries) calls nobody. */
  maxLatenessMs: number;
  log: Log;
  count: (metric: string, value?: number) => void;
}

export type StartCallbackOutcome =
  | { status: "called"; leadId: string; contactId?: string | undefined; version: number }
  | {
      status: "skipped";
      reason: "no_record" | "stale" | "already_claimed" | "too_late" | "opted_out" | "unknown_lead";
      leadId?: string | undefined;
      detail?: string | undefined;
    }
  | { status: "failed"; reason: "no_destination" | "connect_rejected"; leadId: string; detail: string }
  | { status: "invalid_input"; reason: string };

/**
 * Contact attributes the outbound AI flow copies into the Lex session: `leadId` and `campaignId` are the
 * session attribute names the conversation-turn Lambda reads (SESSION in lex-conversation.ts; a unit test
 * keeps them equal without pulling the call path into this function's bundle).
 */
export const CALLBACK_ATTRIBUTES = {
  leadId: "leadId",
  campaignId: "campaignId",
  /** The one follow-up marker: the outbound AI flow resumes the conversation when it is set. */
  callKind: FOLLOW_UP_CALL.attribute,
  origin: "baton_callback_origin",
  /** The contact this call follows up: the closer's screen pop links back to it. */
  followsContact: FOLLOWS_CONTACT_ATTRIBUTE,
} as const;

/**
 * The start-callback target (invoked by the lead's one-time schedule):
 * 1. the lead's callback record must still be this schedule's version and `scheduled` (a cancel or a
 *    reschedule made it stale), and not too late;
 * 2. the lead must exist and must not have opted out (checked again now, not only when it was planned);
 * 3. claim it (scheduled -> calling, conditional): of two deliveries only one goes on;
 * 4. look up the number of the contact being followed up (DescribeContact), never stored by Baton;
 * 5. StartOutboundVoiceContact into the outbound AI flow with `leadId` and `campaignId` as attributes, so
 *    the conversation-turn Lambda loads the lead (slots confirmed so far, the closer's note) and resumes;
 *    the client token is the schedule's version: a retried call is the same contact;
 * 6. record `called` (or `failed`); a throttled or failing Connect releases the claim and throws, so the
 *    invocation is retried with the same token.
 */
export async function startCallback(
  deps: StartCallbackDependencies,
  raw: unknown,
): Promise<StartCallbackOutcome> {
  const outcome = await run(deps, raw);
  deps.count(
    `CallbackStart_${outcome.status === "called" || outcome.status === "invalid_input" ? outcome.status : `${outcome.status}_${outcome.reason}`}`,
  );
  deps.log(outcome.status === "called" ? "info" : "warn", `callback ${outcome.status}`, { ...outcome });
  return outcome;
}

async function run(deps: StartCallbackDependencies, raw: unknown): Promise<StartCallbackOutcome> {
  const parsed = CallbackTargetInput.safeParse(raw);
  if (!parsed.success) return { status: "invalid_input", reason: describeIssue(parsed.error).message };
  const { leadId, version } = parsed.data;
  const record = await deps.store.loadCallback(leadId);
  if (!record) return { status: "skipped", reason: "no_record", leadId };
  if (record.version !== version || record.status !== "scheduled") {
    return {
      status: "skipped",
      reason: "stale",
      leadId,
      detail: `record v${record.version} is ${record.status}`,
    };
  }
  const now = deps.clock();
  const updatedAt = now.toISOString();
  if (now.getTime() - Date.parse(record.scheduledFor) > deps.maxLatenessMs) {
    await deps.store.transitionCallback(leadId, version, "scheduled", "expired", {
      updatedAt,
      reason: "delivered too late",
    });
    return { status: "skipped", reason: "too_late", leadId, detail: `planned for ${record.scheduledFor}` };
  }
  const lead = await deps.store.loadLead(leadId);
  if (!lead || lead.doNotCall) {
    const reason = lead ? "opted_out" : "unknown_lead";
    await deps.store.transitionCallback(leadId, version, "scheduled", "skipped", { updatedAt, reason });
    return { status: "skipped", reason, leadId };
  }
  if (!(await deps.store.transitionCallback(leadId, version, "scheduled", "calling", { updatedAt }))) {
    return { status: "skipped", reason: "already_claimed", leadId };
  }

  let destination: string | undefined;
  try {
    destination = (await deps.contactCenter.describeContact(record.sourceContactId))?.customerPhoneNumber;
  } catch (error) {
    await release(deps, leadId, version, error);
    throw error;
  }
  if (!destination) {
    const detail = `contact ${record.sourceContactId} has no customer phone number`;
    await deps.store.transitionCallback(leadId, version, "calling", "failed", { updatedAt, reason: detail });
    return { status: "failed", reason: "no_destination", leadId, detail };
  }

  try {
    const { contactId } = await deps.contactCenter.startOutboundVoiceContact({
      destinationPhoneNumber: destination,
      attributes: {
        [CALLBACK_ATTRIBUTES.leadId]: leadId,
        [CALLBACK_ATTRIBUTES.campaignId]: record.campaignId,
        [CALLBACK_ATTRIBUTES.callKind]: FOLLOW_UP_CALL.value,
        [CALLBACK_ATTRIBUTES.origin]: record.origin,
        [CALLBACK_ATTRIBUTES.followsContact]: record.sourceContactId,
      },
      clientToken: `${record.scheduleName}-v${version}`,
      description: `Baton ${record.origin} callback of lead ${leadId}`,
    });
    await deps.store.transitionCallback(leadId, version, "calling", "called", {
      updatedAt: deps.clock().toISOString(),
      ...(contactId ? { callContactId: contactId } : {}),
    });
    return { status: "called", leadId, contactId, version };
  } catch (error) {
    if (error instanceof ContactCenterError && !error.retryable) {
      await deps.store.transitionCallback(leadId, version, "calling", "failed", {
        updatedAt: deps.clock().toISOString(),
        reason: error.message.slice(0, 500),
      });
      return { status: "failed", reason: "connect_rejected", leadId, detail: error.message };
    }
    await release(deps, leadId, version, error);
    throw error;
  }
}

/** Gives the claim back so the retried invocation can call (with the same client token). */
async function release(deps: StartCallbackDependencies, leadId: string, version: number, error: unknown) {
  deps.log("warn", "callback not placed yet; released for a retry", {
    leadId,
    error: error instanceof Error ? error.message : String(error),
  });
  await deps.store.transitionCallback(leadId, version, "calling", "scheduled", {
    updatedAt: deps.clock().toISOString(),
  });
}
