import { existsSync } from "node:fs";
import { resolve } from "node:path";
import type { RuleTarget } from "../contracts/bus-rules.js";
import { FUNCTION_COMMANDS } from "./iam/function-commands.js";
import { type CommandUse, permissionsFor } from "./iam/sdk-permissions.js";

/**
 * What a consumer function is given. Its grants follow from the SDK commands its adapters send
 * (infra/iam/function-commands.ts, through infra/iam/sdk-permissions.ts), each with the variable
 * functions/handlers/after-transfer-config.ts reads:
 * - state table commands: BATON_TABLE_NAME, and exactly the DynamoDB actions they need;
 * - PutEvents: BATON_EVENT_BUS_NAME and events:PutEvents on the Baton bus;
 * - Connect commands: BATON_CONNECT_INSTANCE_ID, and their actions on the instance's contacts, Baton's queues
 *   (and the instance where the action is checked against it);
 * - schedule commands: BATON_CALLBACK_FUNCTION_ARN, BATON_SCHEDULER_ROLE_ARN, BATON_SCHEDULE_GROUP,
 *   BATON_CALLBACK_DLQ_ARN, managing schedules in Baton's schedule group and passing the scheduler role;
 * - queues: BATON_QUEUE_MAP (campaign queue name to queue ARN) and BATON_FALLBACK_QUEUE.
 */
export interface ConsumerNeeds {
  commands: readonly CommandUse[];
  queues?: boolean;
}

export interface ConsumerSpec {
  /** The handler file, relative to the repository root (absolute once resolved). */
  entry: string;
  description: string;
  needs: ConsumerNeeds;
}

/**
 * The one map from a bus rule's target (contracts/bus-rules.ts) to its Lambda. A target is wired only when
 * its handler file exists at synth time, so the app deploys today and picks each consumer up once written.
 */
export const RULE_TARGETS: Record<RuleTarget, ConsumerSpec> = {
  "handoff-router": {
    entry: "functions/handlers/handoff-router.ts",
    description:
      "Routes Handoff.Requested to the closers' queue, or plans a callback when none is free; withdraws it when a closer answers",
    needs: { commands: FUNCTION_COMMANDS["handoff-router"], queues: true },
  },
  "handoff-kpi": {
    entry: "functions/handlers/handoff-kpi.ts",
    description:
      "Turns handoffs and Connect contact events into Handoff.Accepted / Abandoned and KPI metrics",
    needs: { commands: FUNCTION_COMMANDS["handoff-kpi"] },
  },
  "handback-scheduler": {
    entry: "functions/handlers/handback-scheduler.ts",
    description: "Schedules the AI follow-up call a closer or the engine asked for",
    needs: { commands: FUNCTION_COMMANDS["handback-scheduler"] },
  },
  "crm-sync-example": {
    entry: "functions/handlers/crm-sync-example.ts",
    description: "Example extension: sends real handoffs to a CRM",
    needs: { commands: FUNCTION_COMMANDS["crm-sync-example"] },
  },
};

/** The function the callback schedules run: it places the follow-up call with the outbound AI flow. */
export const START_CALLBACK: ConsumerSpec = {
  entry: "functions/handlers/start-callback.ts",
  description: "Places a scheduled follow-up call through the outbound AI flow",
  needs: { commands: FUNCTION_COMMANDS["start-callback"] },
};

/** Whether a consumer plans callbacks (so it needs the schedule group and start-callback). */
export function plansCallbacks(spec: ConsumerSpec): boolean {
  return permissionsFor(spec.needs.commands).some((p) => p.resource === "callback-schedule");
}

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
