import { Stack } from "aws-cdk-lib";
import type { IConstruct } from "constructs";

/** The stack name `cdk deploy` uses unless the context sets `stackName`. */
export const DEFAULT_STACK_NAME = "Baton";

/**
 * A name that must be unique in the account (bus, schema registry, dashboard) or the Connect instance (flows,
 * queues, hours, routing profile): the usual name in the default stack, prefixed with the stack name in any
 * other, so a staging stack can live beside production.
 */
export function scopedName(scope: IConstruct, base: string, separator = "-"): string {
  const { stackName } = Stack.of(scope);
  return stackName === DEFAULT_STACK_NAME ? base : `${stackName}${separator}${base}`;
}
