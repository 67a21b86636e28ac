/**
 * Typed builders for the Amazon Connect flow language (Version 2019-10-30), only the actions Baton uses,
 * each with its documented parameters and every error it can raise as a required argument: a flow that
 * forgets an error branch does not compile.
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

export type ConditionOperator = "Equals" | "NumberGreaterThan";

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

/**
 * What each action type must handle: the errors it can raise (every one needs a branch), whether it continues
 * to a NextAction, and which condition operators it accepts. The flow walker checks every flow against this.
 */
export const ACTION_RULES = {
  ConnectParticipantWithLexBot: {
    errors: ["NoMatchingCondition", "NoMatchingError", "InputTimeLimitExceeded"],
    next: false,
    operators: ["Equals"],
  },
  Compare: { errors: ["NoMatchingCondition"], next: false, operators: ["Equals"] },
  UpdateContactAttributes: { errors: ["NoMatchingError"], next: true, operators: [] },
  UpdateContactEventHooks: { errors: ["NoMatchingError"], next: true, operators: [] },
  UpdateContactTargetQueue: { errors: ["NoMatchingError"], next: true, operators: [] },
  TransferContactToQueue: { errors: ["QueueAtCapacity", "NoMatchingError"], next: true, operators: [] },
  CheckHoursOfOperation: { errors: ["NoMatchingError"], next: false, operators: ["Equals"] },
  CheckMetricData: { errors: ["NoMatchingError"], next: true, operators: ["NumberGreaterThan"] },
  GetParticipantInput: {
    errors: ["InputTimeLimitExceeded", "NoMatchingCondition", "NoMatchingError"],
    next: false,
    operators: ["Equals"],
  },
  CreateCallbackContact: { errors: ["NoMatchingError"], next: true, operators: [] },
  MessageParticipant: { errors: ["NoMatchingError"], next: true, operators: [] },
  ShowView: {
    errors: ["NoMatchingError", "NoMatchingCondition", "TimeLimitExceeded"],
    next: false,
    operators: [],
  },
  DisconnectParticipant: { errors: [], next: false, operators: [] },
} as const satisfies Record<
  string,
  { errors: readonly ErrorType[]; next: boolean; operators: readonly ConditionOperator[] }
>;
export type ActionType = keyof typeof ACTION_RULES;

type ErrorsOf<T extends ActionType> = (typeof ACTION_RULES)[T]["errors"][number];
type ErrorBranches<T extends ActionType> = { [E in ErrorsOf<T>]: ActionId };

function action<T extends ActionType>(
  id: ActionId,
  type: T,
  parameters: Record<string, unknown>,
  errors: ErrorBranches<T>,
  extra: { next?: ActionId; conditions?: Condition[] } = {},
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
      ...(extra.next ? { NextAction: extra.next } : {}),
      ...(extra.conditions && extra.conditions.length > 0 ? { Conditions: extra.conditions } : {}),
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

/** Hands the caller to a Lex V2 bot until the bot closes the intent; branches on the intent name only. */
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
    { conditions: Object.entries(intents).map(([intent, next]) => equals(intent, next)) },
  );
}

/** Branches on one value; what matches no `equals` entry goes to NoMatchingCondition. */
export function compare(
  id: ActionId,
  value: JsonPath,
  branches: { equals: ReadonlyArray<readonly [string, ActionId]> } & ErrorBranches<"Compare">,
): FlowAction {
  const { equals: cases, ...errors } = branches;
  return action(id, "Compare", { ComparisonValue: value }, errors, {
    conditions: cases.map(([operand, next]) => equals(operand, next)),
  });
}

/** Sets contact attributes (all or none; the contact's total stays under 32 KB). */
export function updateContactAttributes(
  id: ActionId,
  attributes: Record<string, string>,
  branches: { next: ActionId } & ErrorBranches<"UpdateContactAttributes">,
): FlowAction {
  const { next, ...errors } = branches;
  return action(id, "UpdateContactAttributes", { Attributes: attributes, TargetContact: "Current" }, errors, {
    next,
  });
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
  return action(id, "UpdateContactEventHooks", { EventHooks: { [hook]: flowArn } }, errors, { next });
}

/** Sets the queue the next TransferContactToQueue uses. */
export function updateContactTargetQueue(
  id: ActionId,
  queueArn: string,
  branches: { next: ActionId } & ErrorBranches<"UpdateContactTargetQueue">,
): FlowAction {
  const { next, ...errors } = branches;
  return action(id, "UpdateContactTargetQueue", { QueueId: queueArn }, errors, { next });
}

/** Puts the contact in its target queue; `next` runs only if the flow continues after queuing. */
export function transferContactToQueue(
  id: ActionId,
  branches: { next: ActionId } & ErrorBranches<"TransferContactToQueue">,
): FlowAction {
  const { next, ...errors } = branches;
  return action(id, "TransferContactToQueue", {}, errors, { next });
}

/** In or out of the hours of operation (the target queue's when no id is given). */
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
    { conditions: [equals("True", open), equals("False", closed)] },
  );
}

/** Whether the target queue has agents (staffed: logged in, on a contact or not); none goes to `none`. */
export function checkStaffing(
  id: ActionId,
  metric: "NumberOfAgentsStaffed" | "NumberOfAgentsAvailable" | "NumberOfAgentsOnline",
  branches: { some: ActionId; none: ActionId } & ErrorBranches<"CheckMetricData">,
): FlowAction {
  const { some, none, ...errors } = branches;
  return action(id, "CheckMetricData", { MetricType: metric }, errors, {
    next: none,
    conditions: [{ NextAction: some, Condition: { Operator: "NumberGreaterThan", Operands: ["0"] } }],
  });
}

/** Plays text and waits for one keypad digit. */
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
    { conditions: Object.entries(digits).map(([digit, next]) => equals(digit, next)) },
  );
}

/** Queues a callback to the caller's number in the target queue (or `queueArn`). */
export function createCallbackContact(
  id: ActionId,
  params: { queueArn?: string; initialDelaySeconds: number; maxAttempts: number; retryDelaySeconds: number },
  branches: { next: ActionId } & ErrorBranches<"CreateCallbackContact">,
): FlowAction {
  const { next, ...errors } = branches;
  return action(
    id,
    "CreateCallbackContact",
    {
      ...(params.queueArn ? { QueueId: params.queueArn } : {}),
      InitialCallDelaySeconds: String(params.initialDelaySeconds),
      MaximumConnectionAttempts: String(params.maxAttempts),
      RetryDelaySeconds: String(params.retryDelaySeconds),
    },
    errors,
    { next },
  );
}

/** Says (or sends) a text. */
export function messageParticipant(
  id: ActionId,
  text: string,
  branches: { next: ActionId } & ErrorBranches<"MessageParticipant">,
): FlowAction {
  const { next, ...errors } = branches;
  return action(id, "MessageParticipant", { Text: text }, errors, { next });
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
  );
}

/** Ends the flow for the participant (hangs up a call). */
export function disconnectParticipant(id: ActionId): FlowAction {
  return action(id, "DisconnectParticipant", {}, {});
}
