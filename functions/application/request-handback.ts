import { HandbackRequested } from "../../contracts/events/catalog.js";
import { type HandbackApiErrorCode, HandbackApiRequest } from "../../contracts/handback-api.js";
import { BatonInputError } from "../domain/errors.js";
import { handbackRequestedDetail } from "../domain/handback-request.js";
import { describeIssue } from "../domain/zod-issue.js";
import type { EventPublisher } from "../ports/event-publisher.js";
import type { HandbackContacts } from "../ports/handback-contacts.js";
import type { Log } from "./record-handoff-kpi.js";

export interface RequestHandbackDependencies {
  contacts: HandbackContacts;
  publisher: EventPublisher;
  clock: () => Date;
  log: Log;
  count: (metric: string, value?: number) => void;
}

export type HandbackOutcome =
  | { status: "requested"; eventId: string; followUpAt: string }
  | { status: "refused"; code: HandbackApiErrorCode; message: string };

/**
 * A closer hands a call back to the AI from the agent workspace (`POST /api/handbacks`):
 *
 * 1. the body must be a HandbackApiRequest (contact, a note, a follow-up time in the future);
 * 2. the caller is the signed-in closer (the token's user name, never the body);
 * 3. Connect must know the contact, it must have come through Baton's flows (campaignId set), and the
 *    agent on it must be the caller: nobody hands back someone else's call;
 * 4. `Handback.Requested` goes to the bus (deterministic id: a retry is the same event).
 *
 * Any refusal publishes nothing and says why; a Connect failure throws (the handler answers 502).
 */
export async function requestHandback(
  deps: RequestHandbackDependencies,
  caller: string | undefined,
  body: unknown,
): Promise<HandbackOutcome> {
  const refuse = (code: HandbackApiErrorCode, message: string): HandbackOutcome => {
    deps.log("warn", "handback refused", { code, message });
    deps.count(`HandbackRefused_${code}`);
    return { status: "refused", code, message };
  };
  if (!caller) return refuse("not_signed_in", "the request carries no signed-in closer");
  const parsed = HandbackApiRequest.safeParse(body);
  if (!parsed.success) {
    return refuse("invalid_request", describeIssue(parsed.error).message);
  }
  const request = parsed.data;
  const now = deps.clock();
  if (new Date(request.followUpAt).getTime() <= now.getTime()) {
    return refuse("invalid_request", `followUpAt: ${request.followUpAt} is not in the future`);
  }

  const contact = await deps.contacts.find(request.contactId);
  if (!contact) return refuse("unknown_contact", `Connect knows no contact ${request.contactId}`);
  if (!contact.campaignId) {
    return refuse("not_a_baton_contact", `contact ${request.contactId} was not handed off by Baton`);
  }
  // Connect user names are compared as Cognito compares them (case-insensitive).
  if (!contact.agentUsername || contact.agentUsername.toLowerCase() !== caller.toLowerCase()) {
    return refuse("not_your_contact", `contact ${request.contactId} is not connected to you`);
  }

  let detail: ReturnType<typeof handbackRequestedDetail>;
  try {
    detail = handbackRequestedDetail({
      contactId: request.contactId,
      campaignId: contact.campaignId,
      leadId: contact.leadId ?? undefined,
      note: request.note,
      followUpAt: request.followUpAt,
      requestedBy: contact.agentUserId ?? caller,
      now,
    });
  } catch (error) {
    if (error instanceof BatonInputError) return refuse("invalid_request", error.message);
    throw error;
  }
  const { failed } = await deps.publisher.publish([
    {
      id: detail.meta.id,
      source: HandbackRequested.source,
      detailType: HandbackRequested.detailType,
      detail: JSON.stringify(detail),
    },
  ]);
  if (failed.length > 0) {
    return refuse("publish_failed", `the bus did not take Handback.Requested: ${failed[0]?.errorMessage}`);
  }
  deps.log("info", "handback requested", { contactId: request.contactId, eventId: detail.meta.id });
  deps.count("HandbackRequested");
  return { status: "requested", eventId: detail.meta.id, followUpAt: detail.followUpAt };
}
