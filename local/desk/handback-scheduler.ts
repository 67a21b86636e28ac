import { HandbackRequested, NurtureScheduled } from "../../contracts/events/catalog.js";
import type { FollowUp } from "../api/desk-api.js";
import { EventBridgeEnvelope } from "../bus/event-envelope.js";
import type { TargetHandler } from "../bus/local-bus.js";
import type { Log } from "../support/log.js";
import type { DeskStore } from "./desk-store.js";

/**
 * The `handback-scheduler` target on one machine: records `Handback.Requested` and `Nurture.Scheduled`
 * for the desk. The deployed scheduler (EventBridge Scheduler, the AI's callback) is another issue;
 * this stand-in shows the events arrive, once each.
 */
export function handbackScheduler(deps: { desk: DeskStore; clock: () => Date; log: Log }): TargetHandler {
  return async (raw) => {
    const envelope = EventBridgeEnvelope.parse(raw);
    const followUp = toFollowUp(envelope, deps.clock().toISOString());
    if (!deps.desk.recordFollowUp(followUp)) return;
    const when = followUp.followUpAt ? ` for ${followUp.followUpAt}` : "";
    deps.log.info(`scheduler: ${followUp.kind} follow-up recorded for ${followUp.contactId}${when}`);
  };
}

function toFollowUp(envelope: EventBridgeEnvelope, recordedAt: string): FollowUp {
  switch (envelope["detail-type"]) {
    case HandbackRequested.detailType: {
      const detail = HandbackRequested.detail.parse(envelope.detail);
      return {
        eventId: detail.meta.id,
        kind: "handback",
        contactId: detail.meta.contactId,
        campaignId: detail.meta.campaignId,
        leadId: detail.leadId,
        followUpAt: detail.followUpAt,
        note: detail.note,
        reasons: [`handed back by ${detail.requestedBy}`],
        recordedAt,
      };
    }
    case NurtureScheduled.detailType: {
      const detail = NurtureScheduled.detail.parse(envelope.detail);
      return {
        eventId: detail.meta.id,
        kind: "nurture",
        contactId: detail.meta.contactId,
        campaignId: detail.meta.campaignId,
        ...(detail.meta.leadId ? { leadId: detail.meta.leadId } : {}),
        ...(detail.followUpAt ? { followUpAt: detail.followUpAt } : {}),
        ...(detail.note ? { note: detail.note } : {}),
        reasons: detail.reasons,
        recordedAt,
      };
    }
    default:
      throw new Error(`handback-scheduler does not handle ${envelope["detail-type"]}`);
  }
}
