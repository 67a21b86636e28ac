import { defaultCampaign } from "../../functions/domain/campaigns.js";
import { processCustomerTurn, recordLine, startContact } from "../../functions/domain/engine.js";
import { type DomainEvent, eventsForTurn } from "../../functions/domain/turn-events.js";
import type { BusEvent } from "../../functions/ports/event-publisher.js";

/**
 * Real events from the engine (not hand-written details): a short call whose last line asks for a
 * person, run through the same functions the call path uses.
 */
export function engineEvents(contactId: string, lines: readonly string[]): DomainEvent[] {
  let state = recordLine(
    startContact({ contactId, campaignId: defaultCampaign.id, leadId: `lead-${contactId}` }),
    "ai",
    defaultCampaign.script.greeting,
    defaultCampaign,
  );
  const events: DomainEvent[] = [];
  for (const line of lines) {
    const result = processCustomerTurn(state, { text: line }, defaultCampaign);
    state = recordLine(
      result.state,
      "ai",
      "Who else would be involved in making this decision?",
      defaultCampaign,
    );
    events.push(...eventsForTurn({ ...result, state }, defaultCampaign, "2026-11-26T10:00:00.000Z"));
  }
  return events;
}

export const HUMAN_REQUEST_CALL = [
  "Sure, we are looking to replace our old PBX.",
  "Around 20k for the year.",
  "Honestly I would rather just talk to a real person now, can you put me through?",
] as const;

export function toBusEvent(event: DomainEvent): BusEvent {
  return {
    id: event.id,
    source: event.source,
    detailType: event.detailType,
    detail: JSON.stringify(event.detail),
  };
}
