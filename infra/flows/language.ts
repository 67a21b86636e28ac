/**
 * Typed builders for the Amazon Connect flow language (Version 2019-10-30), only the actions Baton uses,
 * and the rules the flow walker (flow.ts) checks every flow against. The rules come from evidence, not
 * memory: console exports and projects that probed CreateContactFlow. Each rule names its source; the keys
 * (CATALOG, AICC, EXPORT, DOCS) are explained in infra/flows/evidence.md.
 * https://docs.aws.amazon.com/connect/latest/APIReference/flow-language-actions.html
 */

export const FLOW_LANGUAGE_VERSION = "2019-10-30";

/** An action's Identifier: at most 50 characters, none of `% : ( \ / ) = $ , ; [ ] { }`. */
export type ActionId = string;

export type ErrorType =
  | "NoMatchingError"
  | "NoMatchingCondition"
  | "InputTimeLimitExceeded"
  | "QueueAtCapacity"
  | "TimeLimitExceeded";

export type ConditionOperator =
  | "Equals"
  | "NumberGreaterThan"
  | "NumberLessThan"
  | "NumberGreaterOrEqualTo"
  | "NumberLessOrEqualTo";

export interface Condition {
  NextAction: ActionId;
  Condition: { Operator: ConditionOperator; Operands: [string] };
}

export interface Transitions {
  NextAction?: ActionId;
  Conditions?: Condition[];
  Errors?: Array<{ NextAction: ActionId; ErrorType: ErrorType }>;
}

export interface FlowAction {
  Identifier: ActionId;
  Type: ActionType;
  Parameters: Record<string, unknown>;
  Transitions: Transitions;
}

/** AWS::Connect::ContactFlow `Type` values Baton deploys or checks. */
export type FlowType =
  | "CONTACT_FLOW"
  | "CUSTOMER_QUEUE"
  | "AGENT_TRANSFER"
  | "QUEUE_TRANSFER"
  | "MODULE"
  | "AGENT_WHISPER";

export interface ActionRule {
  /** "required": CreateContactFlow refuses the action without Transitions.NextAction; "none": terminal. */
  next: "required" | "none";
  /** Every error branch the action may carry; Baton's builders demand a branch for each. */
  errors: readonly ErrorType[];
  /** The error branches the service refuses the action without (a subset of `errors`). */
  requiredErrors: readonly ErrorType[];
  operators: readonly ConditionOperator[];
  /** The service refuses the action without at least one condition. */
  conditionsRequired?: boolean;
  /** The conditions must be exactly these operands. */
  fixedOperands?: readonly string[];
  /** Flow types the action may appear in; undefined = any. */
  flowTypes?: readonly FlowType[];
  /** Problems with the action's parameters (empty when they are fine). */
  parameters: (parameters: Record<string, unknown>) => string[];
  /** Where the rule comes from (infra/flows/evidence.md). */
  source: string;
}

const INBOUND_AND_TRANSFER: readonly FlowType[] = [
  "CONTACT_FLOW",
  "AGENT_TRANSFER",
  "QUEUE_TRANSFER",
  "MODULE",
];
const WITH_CUSTOMER_QUEUE: readonly FlowType[] = [...INBOUND_AND_TRANSFER, "CUSTOMER_QUEUE"];
const NUMERIC: readonly ConditionOperator[] = [
  "NumberGreaterThan",
  "NumberLessThan",
  "NumberGreaterOrEqualTo",
  "NumberLessOrEqualTo",
];

/** The per-action rules; `satisfies` keeps each entry's literal error list for the builders' types. */
export const ACTION_RULES = {
  ConnectParticipantWithLexBot: {
    next: "required",
    errors: ["NoMatchingCondition", "NoMatchingError", "InputTimeLimitExceeded"],
    requiredErrors: ["NoMatchingError"],
    operators: ["Equals"],
    flowTypes: WITH_CUSTOMER_QUEUE,
    parameters: (p) => [
      ...exactlyOne(p, ["LexV2Bot", "LexBot"]),
      ...atMostOne(p, ["PromptId", "Text", "SSML"]),
      ...atLeastOne(p, ["Text", "SSML", "PromptId", "Media", "LexInitializationData"]),
      ...(p.LexV2Bot !== undefined && !nonEmptyString(field(p.LexV2Bot, "AliasArn"))
        ? ["LexV2Bot.AliasArn must be a bot alias ARN"]
        : []),
      ...stringMap(p, "LexSessionAttributes"),
    ],
    source:
      "CATALOG (next mirrors NoMatchingCondition; NoMatchingError required; LexBot/LexV2Bot exactly one); AICC (API errors: Parameters.LexBot, 'At least one of [Text, SSML, PromptId, Media, LexInitializationData]'); issue #10 probe (missing NextAction refused)",
  },
  Compare: {
    next: "required",
    errors: ["NoMatchingCondition"],
    requiredErrors: ["NoMatchingCondition"],
    operators: ["Equals", ...NUMERIC],
    conditionsRequired: true,
    parameters: (p) => (jsonPath(p.ComparisonValue) ? [] : ["ComparisonValue must be one JSONPath ($.…)"]),
    source:
      "AICC (only NoMatchingCondition; ComparisonValue a real JSONPath; needs a condition; console export carries NextAction); issue #10 probe (missing NextAction refused). CATALOG models next as none: the console export and the probe win",
  },
  UpdateContactAttributes: {
    next: "required",
    errors: ["NoMatchingError"],
    requiredErrors: ["NoMatchingError"],
    operators: [],
    parameters: (p) => [
      ...stringMap(p, "Attributes", true),
      ...(p.TargetContact === "Current" || p.TargetContact === "Related"
        ? []
        : ["TargetContact must be Current or Related"]),
    ],
    source: "CATALOG (Attributes and TargetContact required, NoMatchingError required); AICC",
  },
  UpdateContactEventHooks: {
    next: "required",
    errors: ["NoMatchingError"],
    requiredErrors: ["NoMatchingError"],
    operators: [],
    parameters: (p) => {
      const hooks = Object.entries((p.EventHooks ?? {}) as Record<string, unknown>);
      if (hooks.length !== 1) return ["EventHooks must have exactly one hook"];
      return hooks.every(([, flow]) => nonEmptyString(flow)) ? [] : ["EventHooks must name a flow"];
    },
    source: "CATALOG (EventHooks: min 1, max 1); AICC (empty EventHooks or an empty flow id refused)",
  },
  UpdateContactTargetQueue: {
    next: "required",
    errors: ["NoMatchingError"],
    requiredErrors: ["NoMatchingError"],
    operators: [],
    flowTypes: INBOUND_AND_TRANSFER,
    parameters: (p) => [
      ...atMostOne(p, ["QueueId", "AgentId"]),
      ...(p.QueueId === undefined || nonEmptyString(p.QueueId) ? [] : ["QueueId must be a string"]),
    ],
    source: "CATALOG; AICC ('Invalid Action property value. Path: …Parameters.QueueId' for a nested QueueId)",
  },
  TransferContactToQueue: {
    next: "required",
    errors: ["QueueAtCapacity", "NoMatchingError"],
    requiredErrors: ["NoMatchingError"],
    operators: [],
    flowTypes: INBOUND_AND_TRANSFER,
    parameters: (p) => (Object.keys(p).length === 0 ? [] : ["takes no parameters (set the queue first)"]),
    source: "CATALOG (QueueAtCapacity optional, NoMatchingError required); AICC (no QueueId); EXPORT",
  },
  CheckHoursOfOperation: {
    next: "required",
    errors: ["NoMatchingError"],
    requiredErrors: ["NoMatchingError"],
    operators: ["Equals"],
    fixedOperands: ["True", "False"],
    flowTypes: WITH_CUSTOMER_QUEUE,
    parameters: (p) =>
      p.HoursOfOperationId === undefined || nonEmptyString(p.HoursOfOperationId)
        ? []
        : ["HoursOfOperationId must be an id or ARN"],
    source:
      "CATALOG (next mirrors the False condition); AICC (True and False conditions, only NoMatchingError); EXPORT (no HoursOfOperationId: the queue's hours)",
  },
  CheckMetricData: {
    next: "required",
    errors: ["NoMatchingCondition", "NoMatchingError"],
    requiredErrors: ["NoMatchingCondition", "NoMatchingError"],
    operators: NUMERIC,
    conditionsRequired: true,
    flowTypes: WITH_CUSTOMER_QUEUE,
    parameters: (p) => [
      ...([
        "NumberOfAgentsAvailable",
        "NumberOfAgentsStaffed",
        "NumberOfAgentsOnline",
        "OldestContactInQueueAgeSeconds",
        "NumberOfContactsInQueue",
      ].includes(p.MetricType as string)
        ? []
        : [`MetricType ${String(p.MetricType)} is not one Connect knows`]),
      ...atMostOne(p, ["QueueId", "AgentId"]),
    ],
    source:
      "issue #10 probe and AICC check-staffing (both NoMatchingCondition and NoMatchingError required; a condition required); EXPORT (Default queue transfer wires both); CATALOG (MetricType values; next mirrors NoMatchingError)",
  },
  GetParticipantInput: {
    next: "required",
    errors: ["InputTimeLimitExceeded", "NoMatchingCondition", "NoMatchingError"],
    requiredErrors: ["InputTimeLimitExceeded", "NoMatchingError"],
    operators: ["Equals"],
    flowTypes: WITH_CUSTOMER_QUEUE,
    parameters: (p) => [
      ...(integerString(p.InputTimeLimitSeconds, 1, 180)
        ? []
        : ["InputTimeLimitSeconds must be a whole number of seconds, 1 to 180, as a string"]),
      ...atMostOne(p, ["PromptId", "Text", "SSML"]),
      ...(p.StoreInput === "True"
        ? ["StoreInput True is a different action shape Baton does not check"]
        : []),
    ],
    source:
      "CATALOG (menu shape: InputTimeLimitExceeded refused without on 2026-09-29, next mirrors NoMatchingCondition); AICC ('missing required property … Parameters.InputTimeLimitSeconds')",
  },
  MessageParticipant: {
    next: "required",
    errors: ["NoMatchingError"],
    requiredErrors: [],
    operators: [],
    flowTypes: [...WITH_CUSTOMER_QUEUE, "AGENT_WHISPER"],
    parameters: (p) => exactlyOne(p, ["PromptId", "Text", "SSML", "Media"]),
    source:
      "AICC ('Only one of these properties may be defined. Properties: [Text, SSML]'); CATALOG marks NoMatchingError required but EXPORT (Connect's Default queue transfer) has none: Baton always writes it; CATALOG flowTypes (contact, transfer, the three whisper types, customer queue, module)",
  },
  ShowView: {
    next: "required",
    errors: ["NoMatchingCondition", "NoMatchingError", "TimeLimitExceeded"],
    requiredErrors: ["NoMatchingCondition", "NoMatchingError", "TimeLimitExceeded"],
    operators: ["Equals"],
    flowTypes: ["CONTACT_FLOW", "CUSTOMER_QUEUE", "MODULE"],
    parameters: (p) => [
      ...(nonEmptyString(field(p.ViewResource, "Id")) ? [] : ["ViewResource.Id must be a view ARN"]),
      ...(integerString(p.InvocationTimeLimitSeconds, 1)
        ? []
        : ["InvocationTimeLimitSeconds must be a whole number as a string"]),
    ],
    source:
      "CATALOG (three required errors, next mirrors NoMatchingError); AICC ('undefined' time limit refused)",
  },
  UpdateFlowLoggingBehavior: {
    next: "required",
    errors: [],
    requiredErrors: [],
    operators: [],
    parameters: (p) =>
      p.FlowLoggingBehavior === "Enabled" || p.FlowLoggingBehavior === "Disabled"
        ? []
        : ["FlowLoggingBehavior must be Enabled or Disabled"],
    source: "CATALOG (no errors); AICC ('FlowLoggingBehavior': 'Enabled', not LoggingBehavior)",
  },
  InvokeLambdaFunction: {
    next: "required",
    errors: ["NoMatchingError"],
    requiredErrors: ["NoMatchingError"],
    operators: [],
    parameters: (p) => [
      ...(nonEmptyString(p.LambdaFunctionARN) ? [] : ["LambdaFunctionARN is required"]),
      ...(integerString(p.InvocationTimeLimitSeconds, 1, 8) || integerIn(p.InvocationTimeLimitSeconds, 1, 8)
        ? []
        : ["InvocationTimeLimitSeconds must be 1 to 8"]),
    ],
    source: "CATALOG; DOCS (at most 8 s)",
  },
  DisconnectParticipant: {
    next: "none",
    errors: [],
    requiredErrors: [],
    operators: [],
    flowTypes: WITH_CUSTOMER_QUEUE,
    parameters: () => [],
    source: "AICC ('Action does not support transitions'); CATALOG (terminal)",
  },
  EndFlowExecution: {
    next: "none",
    errors: [],
    requiredErrors: [],
    operators: [],
    flowTypes: ["CUSTOMER_QUEUE", "MODULE", "AGENT_WHISPER"],
    parameters: () => [],
    source: "CATALOG (terminal; whisper, customer queue and module flows)",
  },
} as const satisfies Record<string, ActionRule>;
export type ActionType = keyof typeof ACTION_RULES;

export function isActionType(type: string): type is ActionType {
  return Object.hasOwn(ACTION_RULES, type);
}

type ErrorsOf<T extends ActionType> = (typeof ACTION_RULES)[T]["errors"][number];
type ErrorBranches<T extends ActionType> = { [E in ErrorsOf<T>]: ActionId };

/**
 * One action. `next` is required of every non-terminal action: the service refuses one without it even when
 * its conditions and errors cover every outcome; branching actions pass the branch the console puts there.
 */
function action<T extends ActionType>(
  id: ActionId,
  type: T,
  parameters: Record<string, unknown>,
  errors: ErrorBranches<T>,
  next: ActionId,
  conditions: Condition[] = [],
): FlowAction {
  const errorList = Object.entries(errors as Record<ErrorType, ActionId>).map(([ErrorType, NextAction]) => ({
    NextAction,
    ErrorType: ErrorType as ErrorType,
  }));
  return {
    Identifier: id,
    Type: type,
    Parameters: parameters,
    Transitions: {
      NextAction: next,
      ...(conditions.length > 0 ? { Conditions: conditions } : {}),
      ...(errorList.length > 0 ? { Errors: errorList } : {}),
    },
  };
}

const equals = (operand: string, next: ActionId): Condition => ({
  NextAction: next,
  Condition: { Operator: "Equals", Operands: [operand] },
});

/** A JSONPath into the contact's data, e.g. `$.Lex.SessionAttributes.handoff`. */
export type JsonPath = `$.${string}`;

/** Turns on flow logs (CloudWatch) for the rest of the flow. */
export function enableFlowLogging(id: ActionId, next: ActionId): FlowAction {
  return action(id, "UpdateFlowLoggingBehavior", { FlowLoggingBehavior: "Enabled" }, {}, next);
}

/**
 * Hands the caller to a Lex V2 bot until the bot closes the intent; branches on the intent name only. The
 * NextAction is the no-match branch (CATALOG: "mirrors NoMatchingCondition").
 */
export function connectParticipantWithLexBot(
  id: ActionId,
  params: { text: string; botAliasArn: string; sessionAttributes: Record<string, string> },
  branches: { intents?: Record<string, ActionId> } & ErrorBranches<"ConnectParticipantWithLexBot">,
): FlowAction {
  const { intents = {}, ...errors } = branches;
  return action(
    id,
    "ConnectParticipantWithLexBot",
    {
      Text: params.text,
      LexV2Bot: { AliasArn: params.botAliasArn },
      LexSessionAttributes: params.sessionAttributes,
    },
    errors,
    errors.NoMatchingCondition,
    Object.entries(intents).map(([intent, next]) => equals(intent, next)),
  );
}

/** Branches on one value; what matches no `equals` entry goes to NoMatchingCondition (and NextAction). */
export function compare(
  id: ActionId,
  value: JsonPath,
  branches: { equals: ReadonlyArray<readonly [string, ActionId]> } & ErrorBranches<"Compare">,
): FlowAction {
  const { equals: cases, ...errors } = branches;
  return action(
    id,
    "Compare",
    { ComparisonValue: value },
    errors,
    errors.NoMatchingCondition,
    cases.map(([operand, next]) => equals(operand, next)),
  );
}

/** Sets contact attributes (all or none; the contact's total stays under 32 KB). */
export function updateContactAttributes(
  id: ActionId,
  attributes: Record<string, string>,
  branches: { next: ActionId } & ErrorBranches<"UpdateContactAttributes">,
): FlowAction {
  const { next, ...errors } = branches;
  return action(
    id,
    "UpdateContactAttributes",
    { Attributes: attributes, TargetContact: "Current" },
    errors,
    next,
  );
}

export type EventHook =
  | "DefaultAgentUI"
  | "AgentWhisper"
  | "CustomerQueue"
  | "CustomerHold"
  | "AgentHold"
  | "CustomerWhisper"
  | "CustomerRemaining";

/** Sets one event hook of the contact to a flow (by id or ARN). */
export function updateContactEventHooks(
  id: ActionId,
  hook: EventHook,
  flowArn: string,
  branches: { next: ActionId } & ErrorBranches<"UpdateContactEventHooks">,
): FlowAction {
  const { next, ...errors } = branches;
  return action(id, "UpdateContactEventHooks", { EventHooks: { [hook]: flowArn } }, errors, next);
}

/** Sets the queue the next TransferContactToQueue uses. */
export function updateContactTargetQueue(
  id: ActionId,
  queueArn: string,
  branches: { next: ActionId } & ErrorBranches<"UpdateContactTargetQueue">,
): FlowAction {
  const { next, ...errors } = branches;
  return action(id, "UpdateContactTargetQueue", { QueueId: queueArn }, errors, next);
}

/** Puts the contact in its target queue; `next` runs only if the flow continues after queuing. */
export function transferContactToQueue(
  id: ActionId,
  branches: { next: ActionId } & ErrorBranches<"TransferContactToQueue">,
): FlowAction {
  const { next, ...errors } = branches;
  return action(id, "TransferContactToQueue", {}, errors, next);
}

/** In or out of the hours of operation (the target queue's when no id is given); NextAction = closed. */
export function checkHoursOfOperation(
  id: ActionId,
  hoursOfOperationArn: string | undefined,
  branches: { open: ActionId; closed: ActionId } & ErrorBranches<"CheckHoursOfOperation">,
): FlowAction {
  const { open, closed, ...errors } = branches;
  return action(
    id,
    "CheckHoursOfOperation",
    hoursOfOperationArn ? { HoursOfOperationId: hoursOfOperationArn } : {},
    errors,
    closed,
    [equals("True", open), equals("False", closed)],
  );
}

/**
 * Whether the target queue has agents (staffed: logged in, on a contact or not). None raises
 * NoMatchingCondition; the NextAction is the NoMatchingError branch, as the console writes it (EXPORT).
 */
export function checkStaffing(
  id: ActionId,
  metric: "NumberOfAgentsStaffed" | "NumberOfAgentsAvailable" | "NumberOfAgentsOnline",
  branches: { some: ActionId } & ErrorBranches<"CheckMetricData">,
): FlowAction {
  const { some, ...errors } = branches;
  return action(id, "CheckMetricData", { MetricType: metric }, errors, errors.NoMatchingError, [
    { NextAction: some, Condition: { Operator: "NumberGreaterThan", Operands: ["0"] } },
  ]);
}

/** Plays text and waits for one keypad digit; NextAction = the no-match branch. */
export function getDigit(
  id: ActionId,
  params: { text: string; timeoutSeconds: number },
  branches: { digits: Record<string, ActionId> } & ErrorBranches<"GetParticipantInput">,
): FlowAction {
  const { digits, ...errors } = branches;
  return action(
    id,
    "GetParticipantInput",
    { Text: params.text, StoreInput: "False", InputTimeLimitSeconds: String(params.timeoutSeconds) },
    errors,
    errors.NoMatchingCondition,
    Object.entries(digits).map(([digit, next]) => equals(digit, next)),
  );
}

/** Says (or sends) a text; `$.Attributes.x` inside the text is read out as the attribute's value. */
export function messageParticipant(
  id: ActionId,
  text: string,
  branches: { next: ActionId } & ErrorBranches<"MessageParticipant">,
): FlowAction {
  const { next, ...errors } = branches;
  return action(id, "MessageParticipant", { Text: text }, errors, next);
}

/** Shows a view in the agent workspace (from a flow run as the DefaultAgentUI event hook for voice). */
export function showView(
  id: ActionId,
  params: { viewArn: string; timeoutSeconds: number; viewData: Record<string, unknown> },
  branches: ErrorBranches<"ShowView">,
): FlowAction {
  return action(
    id,
    "ShowView",
    {
      ViewResource: { Id: params.viewArn },
      InvocationTimeLimitSeconds: String(params.timeoutSeconds),
      ViewData: params.viewData,
    },
    branches,
    branches.NoMatchingError,
  );
}

/** Ends the flow for the participant (hangs up a call). Terminal: no transitions at all. */
export function disconnectParticipant(id: ActionId): FlowAction {
  return { Identifier: id, Type: "DisconnectParticipant", Parameters: {}, Transitions: {} };
}

/** Ends a customer-queue (or module) flow. Terminal. */
export function endFlowExecution(id: ActionId): FlowAction {
  return { Identifier: id, Type: "EndFlowExecution", Parameters: {}, Transitions: {} };
}

function field(value: unknown, key: string): unknown {
  return typeof value === "object" && value !== null ? (value as Record<string, unknown>)[key] : undefined;
}

function nonEmptyString(value: unknown): boolean {
  return typeof value === "string" && value.length > 0;
}

function jsonPath(value: unknown): boolean {
  return typeof value === "string" && /^\$\.[A-Za-z]/.test(value);
}

function integerString(value: unknown, min: number, max = Number.MAX_SAFE_INTEGER): boolean {
  return typeof value === "string" && /^\d+$/.test(value) && Number(value) >= min && Number(value) <= max;
}

function integerIn(value: unknown, min: number, max: number): boolean {
  return typeof value === "number" && Number.isInteger(value) && value >= min && value <= max;
}

function present(p: Record<string, unknown>, keys: readonly string[]): string[] {
  return keys.filter((key) => p[key] !== undefined);
}

function exactlyOne(p: Record<string, unknown>, keys: readonly string[]): string[] {
  return present(p, keys).length === 1 ? [] : [`exactly one of ${keys.join(", ")} must be set`];
}

function atMostOne(p: Record<string, unknown>, keys: readonly string[]): string[] {
  return present(p, keys).length <= 1 ? [] : [`at most one of ${keys.join(", ")} may be set`];
}

function atLeastOne(p: Record<string, unknown>, keys: readonly string[]): string[] {
  return present(p, keys).length >= 1 ? [] : [`at least one of ${keys.join(", ")} must be set`];
}

function stringMap(p: Record<string, unknown>, key: string, required = false): string[] {
  const value = p[key];
  if (value === undefined) return required ? [`${key} is required`] : [];
  const ok =
    typeof value === "object" &&
    value !== null &&
    !Array.isArray(value) &&
    Object.values(value).every((v) => typeof v === "string");
  return ok ? [] : [`${key} must map names to strings`];
}
