import type { Campaign } from "./campaign.js";
import {
  BATON_SOURCE,
  HandbackRequested,
  HandoffAccepted,
  HandoffOutcome,
  HandoffRequested,
  NurtureScheduled,
} from "./events/catalog.js";

/**
 * EventBridge event patterns: the one definition the CDK app deploys and the local bus evaluates.
 * Only these operators are used (and implemented locally): exact values, prefix, anything-but,
 * exists and numeric.
 */
export type PatternLeaf =
  | string
  | number
  | boolean
  | null
  | { prefix: string }
  | { "anything-but": Array<string | number> | string | number }
  | { exists: boolean }
  | { numeric: Array<string | number> };

export interface EventPattern {
  [field: string]: PatternLeaf[] | EventPattern;
}

/** The functions (or local handlers) a rule delivers to. */
export type RuleTarget = "handoff-router" | "handoff-kpi" | "handback-scheduler" | "crm-sync-example";

export interface BusRule {
  /** EventBridge rule names: letters, digits, dot, dash, underscore; at most 64. */
  name: string;
  description: string;
  pattern: EventPattern;
  target: RuleTarget;
}

export const CONNECT_CONTACT_EVENT = {
  source: "aws.connect",
  detailType: "Amazon Connect Contact Event",
} as const;

/** Every rule Baton needs for a set of campaigns: one router rule per queue a campaign routes to. */
export function busRules(campaigns: readonly Campaign[]): BusRule[] {
  const queues = [...new Set(campaigns.flatMap((campaign) => Object.values(campaign.routes)))].sort();
  const routerRules = queues.map(
    (queue): BusRule => ({
      name: `baton-route-${queue}`.replace(/[^A-Za-z0-9._-]/g, "-").slice(0, 64),
      description: `Handoffs routed to queue ${queue}`,
      pattern: {
        source: [HandoffRequested.source],
        "detail-type": [HandoffRequested.detailType],
        detail: { queue: [queue] },
      },
      target: "handoff-router",
    }),
  );
  return [
    ...routerRules,
    {
      name: "baton-route-accepted",
      description: "A closer answered a handoff: the router withdraws the callback it planned for no closer",
      pattern: { source: [HandoffAccepted.source], "detail-type": [HandoffAccepted.detailType] },
      target: "handoff-router",
    },
    {
      name: "baton-handoff-kpi-requests",
      description: "Handoffs and their outcomes, to measure time to human, drop-off and close rate",
      pattern: {
        source: [BATON_SOURCE.handoff],
        "detail-type": [HandoffRequested.detailType, HandoffOutcome.detailType],
      },
      target: "handoff-kpi",
    },
    {
      name: "baton-handoff-kpi-contact-events",
      // Every contact event: the detail comes camelCase or PascalCase (`eventType` / `EventType`), and a pattern
      // on one casing would drop the other before Baton sees it. The consumer reads both, ignores the documented
      // types it does not use and counts the rest.
      description: "Amazon Connect contact events (any type, any casing), read by the handoff KPI",
      pattern: {
        source: [CONNECT_CONTACT_EVENT.source],
        "detail-type": [CONNECT_CONTACT_EVENT.detailType],
      },
      target: "handoff-kpi",
    },
    {
      name: "baton-handback",
      description: "A closer hands follow-up back to the AI, or the engine schedules a nurture call",
      pattern: {
        source: [BATON_SOURCE.handback, BATON_SOURCE.nurture],
        "detail-type": [HandbackRequested.detailType, NurtureScheduled.detailType],
      },
      target: "handback-scheduler",
    },
    {
      name: "baton-crm-sync-example",
      description: "Example extension: real handoffs (not system fallbacks) to a CRM",
      pattern: {
        source: [{ prefix: "baton." }],
        "detail-type": [HandoffRequested.detailType],
        detail: { trigger: [{ "anything-but": ["system_fallback"] }], turn: [{ numeric: [">=", 0] }] },
      },
      target: "crm-sync-example",
    },
  ];
}

/** Slow handoffs (over a minute to a human) are worth a look; used by the KPI dashboard's alarm rule. */
export const SLOW_HANDOFF_PATTERN: EventPattern = {
  source: [HandoffAccepted.source],
  "detail-type": [HandoffAccepted.detailType],
  detail: { timeToHumanMs: [{ numeric: [">=", 60_000] }] },
};
