import { existsSync } from "node:fs";
import { resolve } from "node:path";
import type { RuleTarget } from "../contracts/bus-rules.js";
import type { StateTableAction } from "./constructs/baton-function.js";

/**
 * What a consumer function is given (each sets the variables functions/handlers/after-transfer-config.ts
 * reads, and grants only what goes with them):
 * - table: BATON_TABLE_NAME, and exactly these DynamoDB actions;
 * - publish: BATON_EVENT_BUS_NAME and events:PutEvents on the Baton bus;
 * - connect: BATON_CONNECT_INSTANCE_ID, and these Connect actions on the instance's contacts and Baton's queues;
 * - queues: BATON_QUEUE_MAP (campaign queue name to queue ARN) and BATON_FALLBACK_QUEUE;
 * - schedules: BATON_CALLBACK_FUNCTION_ARN, BATON_SCHEDULER_ROLE_ARN, BATON_SCHEDULE_GROUP, and managing
 *   schedules in Baton's schedule group that run the start-callback function.
 */
export interface ConsumerNeeds {
  table?: readonly StateTableAction[];
  publish?: boolean;
  connect?: readonly ConnectAction[];
  queues?: boolean;
  schedules?: boolean;
}

export type ConnectAction =
  | "connect:DescribeContact"
  | "connect:GetCurrentMetricData"
  | "connect:UpdateContactAttributes"
  | "connect:TransferContact"
  | "connect:StartOutboundVoiceContact";

export interface ConsumerSpec {
  /** The handler file, relative to the repository root (absolute once resolved). */
  entry: string;
  description: string;
  needs: ConsumerNeeds;
}

const STATE_READ_WRITE: readonly StateTableAction[] = [
  "dynamodb:GetItem",
  "dynamodb:PutItem",
  "dynamodb:UpdateItem",
];

/**
 * The one map from a bus rule's target (contracts/bus-rules.ts) to its Lambda. A target is wired only when
 * its handler file exists at synth time, so the app deploys today and picks each consumer up once written.
 */
export const RULE_TARGETS: Record<RuleTarget, ConsumerSpec> = {
  "handoff-router": {
    entry: "functions/handlers/handoff-router.ts",
    description: "Routes Handoff.Requested to the closers' queue, or plans a callback when none is free",
    needs: {
      table: STATE_READ_WRITE,
      publish: true,
      connect: [
        "connect:DescribeContact",
        "connect:GetCurrentMetricData",
        "connect:UpdateContactAttributes",
        "connect:TransferContact",
      ],
      queues: true,
      schedules: true,
    },
  },
  "handoff-kpi": {
    entry: "functions/handlers/handoff-kpi.ts",
    description:
      "Turns handoffs and Connect contact events into Handoff.Accepted / Abandoned and KPI metrics",
    needs: { table: STATE_READ_WRITE, publish: true },
  },
  "handback-scheduler": {
    entry: "functions/handlers/handback-scheduler.ts",
    description: "Schedules the AI follow-up call a closer or the engine asked for",
    needs: { table: STATE_READ_WRITE, schedules: true },
  },
  "crm-sync-example": {
    entry: "functions/handlers/crm-sync-example.ts",
    description: "Example extension: sends real handoffs to a CRM",
    needs: {},
  },
};

/** The function the callback schedules run: it places the follow-up call with the outbound AI flow. */
export const START_CALLBACK: ConsumerSpec = {
  entry: "functions/handlers/start-callback.ts",
  description: "Places a scheduled follow-up call through the outbound AI flow",
  needs: { table: STATE_READ_WRITE, connect: ["connect:StartOutboundVoiceContact"] },
};

/** `spec` with an absolute entry under `root`, or undefined when the handler file does not exist (yet). */
export function ifWritten(root: string, spec: ConsumerSpec): ConsumerSpec | undefined {
  const entry = resolve(root, spec.entry);
  return existsSync(entry) ? { ...spec, entry } : undefined;
}

/** The rule targets whose handler exists under `root`. */
export function availableRuleTargets(
  root: string,
  targets: Record<RuleTarget, ConsumerSpec> = RULE_TARGETS,
): Partial<Record<RuleTarget, ConsumerSpec>> {
  return Object.fromEntries(
    Object.entries(targets).flatMap(([target, spec]) => {
      const written = ifWritten(root, spec);
      return written ? [[target, written]] : [];
    }),
  );
}
