import {
  ACTION_RULES,
  type ActionId,
  type ActionRule,
  FLOW_LANGUAGE_VERSION,
  type FlowAction,
  type FlowType,
  isActionType,
} from "./language.js";

/** The content of an AWS::Connect::ContactFlow. */
export interface Flow {
  Version: typeof FLOW_LANGUAGE_VERSION;
  StartAction: ActionId;
  Metadata: {
    entryPointPosition: { x: number; y: number };
    ActionMetadata: Record<ActionId, { position: { x: number; y: number } }>;
    name: string;
    description: string;
  };
  Actions: FlowAction[];
}

export const FLOW_LIMITS = {
  actions: 250,
  identifierLength: 50,
  /** AWS::Connect::ContactFlow Content. */
  contentChars: 256_000,
  forbiddenIdentifierChars: /[%:(\\/)=$,;[\]{}]/,
  reservedIdentifiers: [
    "__proto__",
    "constructor",
    "__defineGetter__",
    "__defineSetter__",
    "toString",
    "hasOwnProperty",
    "isPrototypeOf",
    "propertyIsEnumerable",
    "toLocaleString",
    "valueOf",
  ],
  /**
   * A CDK token (an ARN resolved at deploy time) is counted at this many characters when the content size is
   * checked at synth, more than any Connect, Lex or Lambda ARN.
   */
  tokenChars: 256,
} as const;

/** Assembles a flow; the designer layout puts each action one column right of the first that reaches it. */
export function buildFlow(spec: {
  name: string;
  description: string;
  start: ActionId;
  actions: FlowAction[];
}): Flow {
  return {
    Version: FLOW_LANGUAGE_VERSION,
    StartAction: spec.start,
    Metadata: {
      entryPointPosition: { x: 40, y: 40 },
      ActionMetadata: layout(spec.start, spec.actions),
      name: spec.name,
      description: spec.description,
    },
    Actions: spec.actions,
  };
}

/** Every action a transition of `action` leads to. */
export function successors(action: FlowAction): ActionId[] {
  const { NextAction, Conditions = [], Errors = [] } = action.Transitions ?? {};
  return [
    ...(NextAction ? [NextAction] : []),
    ...Conditions.map((condition) => condition.NextAction),
    ...Errors.map((error) => error.NextAction),
  ];
}

/**
 * Everything wrong with a flow, as sentences (empty when it is fine): the rules of ACTION_RULES for each
 * action (a NextAction on every non-terminal action, the error branches the service requires and no others,
 * accepted condition operators, parameters, the flow types the action may appear in), and across the flow:
 * dangling transitions, actions not reachable from StartAction, bad identifiers, too many actions, content
 * too long. `serialize` gives the content as deployed.
 */
export function checkFlow(
  flow: Flow,
  serialize: (flow: Flow) => string = JSON.stringify,
  flowType: FlowType = "CONTACT_FLOW",
): string[] {
  const problems: string[] = [];
  const byId = new Map<ActionId, FlowAction>();
  for (const action of flow.Actions) {
    if (byId.has(action.Identifier)) problems.push(`duplicate identifier "${action.Identifier}"`);
    byId.set(action.Identifier, action);
    problems.push(...identifierProblems(action.Identifier));
  }
  if (flow.Version !== FLOW_LANGUAGE_VERSION) problems.push(`Version must be ${FLOW_LANGUAGE_VERSION}`);
  if (flow.Actions.length > FLOW_LIMITS.actions) {
    problems.push(`${flow.Actions.length} actions, at most ${FLOW_LIMITS.actions}`);
  }
  if (!byId.has(flow.StartAction)) problems.push(`StartAction "${flow.StartAction}" is no action`);

  for (const action of flow.Actions) {
    const where = `"${action.Identifier}" (${action.Type})`;
    for (const target of successors(action)) {
      if (!byId.has(target)) problems.push(`${where} goes to "${target}", which is no action`);
      if (target === action.Identifier) problems.push(`${where} goes to itself`);
    }
    if (!isActionType(action.Type)) {
      problems.push(`${where}: no evidence that Connect accepts this action type`);
      continue;
    }
    problems.push(...actionProblems(action, ACTION_RULES[action.Type], flowType).map((p) => `${where} ${p}`));
  }

  const reachable = reachableFrom(flow.StartAction, byId);
  for (const action of flow.Actions) {
    if (!reachable.has(action.Identifier))
      problems.push(`"${action.Identifier}" is not reachable from the start`);
  }
  const terminal = flow.Actions.filter((action) => successors(action).length === 0);
  if (terminal.length === 0) problems.push("no action ends the flow");

  const size = serialize(flow).length;
  if (size > FLOW_LIMITS.contentChars)
    problems.push(`content is ${size} characters, at most ${FLOW_LIMITS.contentChars}`);
  return problems;
}

/** What one action breaks of its rule (the sources are named beside each rule in language.ts). */
function actionProblems(action: FlowAction, rule: ActionRule, flowType: FlowType): string[] {
  const problems: string[] = [];
  const transitions = action.Transitions ?? {};
  const errors = transitions.Errors ?? [];
  const conditions = transitions.Conditions ?? [];
  if (rule.flowTypes && !rule.flowTypes.includes(flowType))
    problems.push(`is not allowed in a ${flowType} flow`);
  if (rule.next === "none") {
    if (
      action.Transitions === undefined ||
      Object.keys(action.Transitions).some((key) => key !== "NextAction")
    )
      problems.push("ends the flow and takes no transitions");
    else if (transitions.NextAction !== undefined) problems.push("ends the flow and takes no NextAction");
  } else if (!transitions.NextAction) {
    problems.push("has no NextAction (Connect refuses it: Transitions.NextAction is a required property)");
  }
  const handled = new Set(errors.map((error) => error.ErrorType));
  for (const error of rule.requiredErrors) {
    if (!handled.has(error)) problems.push(`does not handle ${error}`);
  }
  for (const error of handled) {
    if (!(rule.errors as readonly string[]).includes(error)) problems.push(`cannot raise ${error}`);
  }
  if (rule.conditionsRequired && conditions.length === 0) problems.push("needs at least one condition");
  for (const condition of conditions) {
    if (!(rule.operators as readonly string[]).includes(condition.Condition.Operator)) {
      problems.push(`does not accept the ${condition.Condition.Operator} operator`);
    }
  }
  if (rule.fixedOperands) {
    const operands = conditions.map((c) => c.Condition.Operands[0]).sort();
    if (operands.join() !== [...rule.fixedOperands].sort().join())
      problems.push(`needs exactly the ${rule.fixedOperands.join(" and ")} conditions`);
  }
  problems.push(...rule.parameters(action.Parameters ?? {}));
  return problems;
}

/** Throws one error listing every problem of the flow. */
export function assertValidFlow(
  flow: Flow,
  serialize?: (flow: Flow) => string,
  flowType: FlowType = "CONTACT_FLOW",
): Flow {
  const problems = checkFlow(flow, serialize, flowType);
  if (problems.length > 0) {
    throw new Error(`contact flow "${flow.Metadata.name}" is invalid: ${problems.join("; ")}`);
  }
  return flow;
}

export function identifierProblems(id: ActionId): string[] {
  const problems: string[] = [];
  if (id.length === 0 || id.length > FLOW_LIMITS.identifierLength) {
    problems.push(`identifier "${id}" must have 1 to ${FLOW_LIMITS.identifierLength} characters`);
  }
  if (FLOW_LIMITS.forbiddenIdentifierChars.test(id)) {
    problems.push(`identifier "${id}" has one of % : ( \\ / ) = $ , ; [ ] { }`);
  }
  if ((FLOW_LIMITS.reservedIdentifiers as readonly string[]).includes(id)) {
    problems.push(`identifier "${id}" is reserved`);
  }
  return problems;
}

function reachableFrom(start: ActionId, byId: Map<ActionId, FlowAction>): Set<ActionId> {
  const seen = new Set<ActionId>();
  const queue = [start];
  while (queue.length > 0) {
    const id = queue.shift() as ActionId;
    if (seen.has(id)) continue;
    const action = byId.get(id);
    if (!action) continue;
    seen.add(id);
    queue.push(...successors(action));
  }
  return seen;
}

function layout(start: ActionId, actions: FlowAction[]): Flow["Metadata"]["ActionMetadata"] {
  const byId = new Map(actions.map((action) => [action.Identifier, action]));
  const depth = new Map<ActionId, number>([[start, 0]]);
  const queue = [start];
  while (queue.length > 0) {
    const id = queue.shift() as ActionId;
    const action = byId.get(id);
    if (!action) continue;
    for (const next of successors(action)) {
      if (depth.has(next)) continue;
      depth.set(next, (depth.get(id) ?? 0) + 1);
      queue.push(next);
    }
  }
  const rows = new Map<number, number>();
  const positions: Flow["Metadata"]["ActionMetadata"] = {};
  for (const action of actions) {
    const column = depth.get(action.Identifier) ?? 0;
    const row = rows.get(column) ?? 0;
    rows.set(column, row + 1);
    positions[action.Identifier] = { position: { x: 240 + column * 280, y: 40 + row * 200 } };
  }
  return positions;
}
