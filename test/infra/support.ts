import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import type { RuleTarget } from "../../contracts/bus-rules.js";
import { buildApp } from "../../infra/baton-app.js";
import { type ConsumerSpec, RULE_TARGETS, START_CALLBACK } from "../../infra/rule-targets.js";
import { REPO_ROOT } from "../../infra/stack.js";

/** The documented example context, exactly as cdk.json has it. */
export const EXAMPLE_CONTEXT: Record<string, unknown> = JSON.parse(
  readFileSync(resolve(REPO_ROOT, "cdk.json"), "utf8"),
).context;

/** Skips asset bundling (NodejsFunction then uses a placeholder asset): for tests that do not test bundling. */
export const NO_BUNDLING = { "aws:cdk:bundling-stacks": [] };

/**
 * Every consumer wired, with a stand-in entry file: the wiring is under test, not the consumers (which are
 * written in parallel and may not exist yet).
 */
const STAND_IN = resolve(REPO_ROOT, "functions/handlers/outbox-relay.ts");
export const ALL_RULE_TARGETS = Object.fromEntries(
  Object.entries(RULE_TARGETS).map(([target, spec]) => [target, { ...spec, entry: STAND_IN }]),
) as Record<RuleTarget, ConsumerSpec>;
export const STAND_IN_START_CALLBACK: ConsumerSpec = { ...START_CALLBACK, entry: STAND_IN };

/** The example deployment with every consumer, not bundled. */
export function exampleApp(context: Record<string, unknown> = {}) {
  return buildApp({
    context: { ...EXAMPLE_CONTEXT, ...NO_BUNDLING, ...context },
    cwd: REPO_ROOT,
    ruleTargets: ALL_RULE_TARGETS,
    startCallback: STAND_IN_START_CALLBACK,
  });
}
