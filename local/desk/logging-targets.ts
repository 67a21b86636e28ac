import { HandoffRequested } from "../../contracts/events/catalog.js";
import { EventBridgeEnvelope } from "../bus/event-envelope.js";
import type { TargetHandler } from "../bus/local-bus.js";
import type { Log } from "../support/log.js";

/**
 * Targets whose deployed consumers are other issues (KPI metrics, the CRM example): locally they show
 * on the terminal that the rule matched and what they would act on.
 */
export function handoffKpiLogger(log: Log): TargetHandler {
  return async (raw) => {
    const event = EventBridgeEnvelope.parse(raw);
    const detail = event.detail;
    const contactEvent =
      typeof detail === "object" && detail !== null && "eventType" in detail ? String(detail.eventType) : "";
    log.info(`kpi: ${event["detail-type"]}${contactEvent ? ` ${contactEvent}` : ""}`);
  };
}

export function crmSyncLogger(log: Log): TargetHandler {
  return async (raw) => {
    const event = EventBridgeEnvelope.parse(raw);
    const detail = HandoffRequested.detail.parse(event.detail);
    log.info(
      `crm example: would upsert lead ${detail.meta.leadId ?? detail.meta.contactId} (${detail.trigger})`,
    );
  };
}
