import type { Campaign } from "../../contracts/campaign.js";
import {
  HandoffRequested,
  type HandoffRequestedDetail,
  LeadQualificationUpdated,
  type LeadQualificationUpdatedDetail,
  NurtureScheduled,
  type NurtureScheduledDetail,
} from "../../contracts/events/catalog.js";
import { deterministicEventId, type EventMeta, SCHEMA_VERSION } from "../../contracts/events/define-event.js";
import type { HandoffDecision } from "../../contracts/handoff-decision.js";
import type { QualificationState } from "../../contracts/qualification-state.js";
import type { SlotChange } from "./qualification.js";
import { buildScreenPop, type CallerFacts } from "./screen-pop.js";

export interface DomainEvent {
  id: string;
  source: string;
  detailType: string;
  detail: HandoffRequestedDetail | LeadQualificationUpdatedDetail | NurtureScheduledDetail;
}

export interface TurnFacts {
  turn: number;
  state: QualificationState;
  decision: HandoffDecision;
  slotChanges: readonly SlotChange[];
  missing: readonly string[];
}

/**
 * The events one turn produces, with ids that depend only on the contact and the turn,
 * so a retried publish is recognisably the same event.
 */
export function eventsForTurn(
  facts: TurnFacts,
  campaign: Campaign,
  occurredAt: string,
  caller: CallerFacts = {},
): DomainEvent[] {
  const { state, turn, decision } = facts;
  const meta = (detailType: string, discriminator: string | number): EventMeta => ({
    id: deterministicEventId(detailType, state.contactId, discriminator),
    schemaVersion: SCHEMA_VERSION,
    occurredAt,
    contactId: state.contactId,
    campaignId: state.campaignId,
    ...(state.leadId ? { leadId: state.leadId } : {}),
  });
  const events: DomainEvent[] = [];
  if (facts.slotChanges.length > 0) {
    const detail: LeadQualificationUpdatedDetail = {
      meta: meta(LeadQualificationUpdated.detailType, turn),
      turn,
      changed: facts.slotChanges.map((change) => ({ ...change })),
      slots: Object.fromEntries(Object.entries(state.slots).map(([name, slot]) => [name, slot.value])),
      missing: [...facts.missing],
    };
    events.push(envelope(LeadQualificationUpdated, detail));
  }
  if (decision.action === "handoff" && decision.first && state.outcome.status === "handed_off") {
    // One handoff per contact: the id does not depend on the turn.
    const detail: HandoffRequestedDetail = {
      meta: meta(HandoffRequested.detailType, "handoff"),
      trigger: decision.trigger,
      queue: decision.queue,
      turn,
      reasons: decision.reasons,
      screenPop: buildScreenPop(state, campaign, state.outcome, caller),
    };
    events.push(envelope(HandoffRequested, detail));
  }
  if (decision.action === "nurture") {
    const detail: NurtureScheduledDetail = {
      meta: meta(NurtureScheduled.detailType, turn),
      origin: "engine",
      reasons: decision.reasons,
    };
    events.push(envelope(NurtureScheduled, detail));
  }
  return events;
}

function envelope(
  contract: { source: string; detailType: string },
  detail: DomainEvent["detail"],
): DomainEvent {
  return { id: detail.meta.id, source: contract.source, detailType: contract.detailType, detail };
}
