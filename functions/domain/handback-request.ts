import { HandbackRequested, type HandbackRequestedDetail } from "../../contracts/events/catalog.js";
import { deterministicEventId, SCHEMA_VERSION } from "../../contracts/events/define-event.js";
import { BatonInputError } from "./errors.js";

export interface HandbackRequestInput {
  contactId: string;
  campaignId: string;
  /** Without a lead the contact stands in for it: the follow-up still needs someone to call. */
  leadId?: string | undefined;
  note: string;
  /** ISO 8601 with an offset. */
  followUpAt: string;
  requestedBy: string;
  now: Date;
}

/**
 * The `Handback.Requested` detail a closer's handback publishes, from the local desk and from the
 * deployed endpoint alike. The id is deterministic per contact and follow-up time, so a double click or a
 * retried request is one event. A follow-up time not in the future is a BatonInputError (field followUpAt).
 */
export function handbackRequestedDetail(input: HandbackRequestInput): HandbackRequestedDetail {
  const followUpAt = new Date(input.followUpAt);
  if (Number.isNaN(followUpAt.getTime()) || followUpAt.getTime() <= input.now.getTime()) {
    throw new BatonInputError(`followUpAt ${input.followUpAt} is not in the future`, { field: "followUpAt" });
  }
  const followUpIso = followUpAt.toISOString();
  const leadId = input.leadId ?? input.contactId;
  return HandbackRequested.detail.parse({
    meta: {
      id: deterministicEventId(HandbackRequested.detailType, input.contactId, followUpIso),
      schemaVersion: SCHEMA_VERSION,
      occurredAt: input.now.toISOString(),
      contactId: input.contactId,
      campaignId: input.campaignId,
      leadId,
    },
    leadId,
    note: input.note,
    followUpAt: followUpIso,
    requestedBy: input.requestedBy,
  });
}
