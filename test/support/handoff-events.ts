import type { RouteTrigger } from "../../contracts/campaign.js";
import {
  HandoffOutcome,
  HandoffRequested,
  type HandoffRequestedDetail,
} from "../../contracts/events/catalog.js";
import { deterministicEventId, SCHEMA_VERSION } from "../../contracts/events/define-event.js";
import type { ScreenPop } from "../../contracts/screen-pop.js";
import connectedFixture from "../fixtures/connect/contact-event-connected-to-agent.json" with {
  type: "json",
};
import disconnectedAfterAgentFixture from "../fixtures/connect/contact-event-disconnected-after-agent.json" with {
  type: "json",
};
import disconnectedInQueueFixture from "../fixtures/connect/contact-event-disconnected-in-queue.json" with {
  type: "json",
};
import queuedFixture from "../fixtures/connect/contact-event-queued.json" with { type: "json" };

/** Builders of the events the after-transfer functions consume, from the documented fixtures. */

export const T0 = Date.parse("2026-11-20T10:00:00.000Z");
export const at = (offsetMs: number): string => new Date(T0 + offsetMs).toISOString();

export function screenPopFor(
  contactId: string,
  options: { leadId?: string; trigger?: RouteTrigger; campaignId?: string } = {},
): ScreenPop {
  return {
    contactId,
    ...(options.leadId ? { leadId: options.leadId } : {}),
    campaignId: options.campaignId ?? "default",
    trigger: options.trigger ?? "qualified",
    decidedAtTurn: 7,
    summary: "Lead is qualified; confirmed budget 50000/yr, decision maker decision_maker.",
    opener: "I've got your notes here: budget 50000/yr. Based on that, let me walk you through how it fits.",
    confirmed: [
      { slot: "budget", label: "Budget", value: "50000/yr", turn: 3, confidence: 0.9, quote: "50k a year" },
      {
        slot: "authority",
        label: "Decision maker",
        value: "decision_maker",
        turn: 3,
        confidence: 0.75,
        quote: "i sign off on it",
      },
      {
        slot: "timeline",
        label: "Timeline",
        value: "within_1_month",
        turn: 5,
        confidence: 0.7,
        quote: "next month",
      },
    ],
    missing: ["Need"],
    intentTags: ["pricing"],
    tone: { label: "positive", trend: "improving", sarcasm: false },
    urgency: "low",
    objections: [
      { kind: "price", status: "resolved", turn: 4, customerSaid: "sounds pricey", aiAnswer: "no setup fee" },
    ],
    reasons: ["all required slots are confirmed"],
    transcript: [{ turn: 6, speaker: "customer", text: "Within the next month." }],
  };
}

export function handoffRequestedDetail(
  contactId: string,
  options: {
    leadId?: string;
    trigger?: RouteTrigger;
    queue?: string;
    campaignId?: string;
    occurredAt?: string;
  } = {},
): HandoffRequestedDetail {
  const campaignId = options.campaignId ?? "default";
  return HandoffRequested.detail.parse({
    meta: {
      id: deterministicEventId(HandoffRequested.detailType, contactId, "handoff"),
      schemaVersion: SCHEMA_VERSION,
      occurredAt: options.occurredAt ?? at(0),
      contactId,
      campaignId,
      ...(options.leadId ? { leadId: options.leadId } : {}),
    },
    trigger: options.trigger ?? "qualified",
    queue: options.queue ?? "baton-closers",
    turn: 7,
    reasons: ["all required slots are confirmed"],
    screenPop: screenPopFor(contactId, { ...options, campaignId }),
  });
}

/** An EventBridge envelope as a rule target receives it. */
export function envelope<Detail>(source: string, detailType: string, detail: Detail, time = at(0)) {
  return {
    version: "0",
    id: `envelope-${Math.abs(hash(JSON.stringify(detail)))}`,
    "detail-type": detailType,
    source,
    account: "111122223333",
    time: time.replace(/\.\d{3}Z$/, "Z"),
    region: "eu-west-1",
    resources: [],
    detail,
  };
}

export function handoffRequestedEvent(
  contactId: string,
  options: Parameters<typeof handoffRequestedDetail>[1] = {},
) {
  return envelope(
    HandoffRequested.source,
    HandoffRequested.detailType,
    handoffRequestedDetail(contactId, options),
  );
}

export function handoffOutcomeEvent(
  contactId: string,
  outcome: "won" | "lost" | "follow_up",
  options: { occurredAt?: string; campaignId?: string } = {},
) {
  const occurredAt = options.occurredAt ?? at(3_600_000);
  return envelope(HandoffOutcome.source, HandoffOutcome.detailType, {
    meta: {
      id: deterministicEventId(HandoffOutcome.detailType, contactId, occurredAt),
      schemaVersion: SCHEMA_VERSION,
      occurredAt,
      contactId,
      campaignId: options.campaignId ?? "default",
    },
    outcome,
    trigger: "qualified",
  });
}

type ContactEventKind =
  | "queued"
  | "connected"
  | "disconnected_after_agent"
  | "disconnected_in_queue"
  | "completed";

/** COMPLETED: "published immediately after the DISCONNECT event with the same data" (contact-events page). */
const completedFixture = {
  ...disconnectedAfterAgentFixture,
  detail: { ...disconnectedAfterAgentFixture.detail, eventType: "COMPLETED" },
};

const FIXTURES: Record<ContactEventKind, unknown> = {
  queued: queuedFixture,
  connected: connectedFixture,
  disconnected_after_agent: disconnectedAfterAgentFixture,
  disconnected_in_queue: disconnectedInQueueFixture,
  completed: completedFixture,
};

/**
 * A documented contact event for `contactId`, its times moved to `T0 + offsets` (enqueue 5 s, agent 20 s,
 * disconnect `disconnectAtMs`, default 6 min after the agent / 90 s in queue). A COMPLETED with
 * `afterContactWorkSeconds` carries the agent's after-contact work from the disconnect on.
 */
export function contactEvent(
  kind: ContactEventKind,
  contactId: string,
  options: {
    enqueueAtMs?: number;
    agentAtMs?: number;
    disconnectAtMs?: number;
    initialContactId?: string;
    channel?: string;
    afterContactWorkSeconds?: number;
  } = {},
): Record<string, unknown> & { detail: Record<string, unknown> } {
  const event = structuredClone(FIXTURES[kind]) as Record<string, unknown> & {
    detail: Record<string, unknown>;
  };
  const detail = event.detail;
  detail.contactId = contactId;
  if (options.initialContactId) detail.initialContactId = options.initialContactId;
  else if ("initialContactId" in detail) detail.initialContactId = contactId;
  if (options.channel) detail.channel = options.channel;
  const enqueueAt = at(options.enqueueAtMs ?? 5_000);
  const agentAt = at(options.agentAtMs ?? 20_000);
  const queueInfo = detail.queueInfo as Record<string, unknown> | undefined;
  if (queueInfo) queueInfo.enqueueTimestamp = enqueueAt;
  const agentInfo = detail.agentInfo as Record<string, unknown> | undefined;
  if (agentInfo) agentInfo.connectedToAgentTimestamp = agentAt;
  const eventTimes: Record<ContactEventKind, string> = {
    queued: enqueueAt,
    connected: agentAt,
    disconnected_after_agent: at(options.disconnectAtMs ?? 380_000),
    disconnected_in_queue: at(options.disconnectAtMs ?? 90_000),
    completed: at((options.disconnectAtMs ?? 380_000) + (options.afterContactWorkSeconds ?? 0) * 1000),
  };
  if (kind.startsWith("disconnected")) detail.disconnectTimestamp = eventTimes[kind];
  if (kind === "completed") {
    const disconnectAt = options.disconnectAtMs ?? 380_000;
    detail.disconnectTimestamp = at(disconnectAt);
    const seconds = options.afterContactWorkSeconds;
    if (agentInfo && seconds !== undefined) {
      agentInfo.afterContactWorkStartTimestamp = at(disconnectAt);
      agentInfo.afterContactWorkEndTimestamp = at(disconnectAt + seconds * 1000);
      agentInfo.afterContactWorkDuration = seconds;
    }
  }
  event.time = eventTimes[kind].replace(/\.\d{3}Z$/, "Z");
  event.id = `${kind}-${contactId}`;
  return event;
}

function hash(text: string): number {
  let value = 0;
  for (let i = 0; i < text.length; i++) value = (value * 31 + text.charCodeAt(i)) | 0;
  return value;
}
