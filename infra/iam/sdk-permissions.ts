/**
 * The one table from an AWS SDK command Baton's adapters send to the IAM actions (and the kind of resource)
 * it needs. Function grants are derived from it (infra/rule-targets.ts, infra/stack.ts), and
 * test/infra/iam-follows-code.test.ts runs every handler, records the commands it really sends and checks
 * the synthesized policies allow exactly what the table says.
 * Sources: the Service Authorization Reference (https://docs.aws.amazon.com/service-authorization/latest/reference/),
 * DynamoDB "Using IAM with transactions" (each item of TransactWriteItems is authorized as its own
 * PutItem / UpdateItem / DeleteItem / ConditionCheckItem), Bedrock "Converse" (bedrock:InvokeModel),
 * EventBridge Scheduler "execution role" (the caller needs iam:PassRole on the role it gives the schedule).
 */

/** What a permission is scoped to; the stack knows the ARN of each. */
export type ResourceKind =
  | "state-table"
  | "event-bus"
  | "bedrock-model"
  | "connect-contact"
  | "connect-queue"
  | "connect-flow"
  | "connect-instance"
  | "connect-user"
  | "callback-schedule"
  | "scheduler-role"
  | "campaign-config"
  | "pending-events-queue";

export interface Permission {
  action: string;
  resource: ResourceKind;
}

type TransactItem = Partial<Record<"Put" | "Update" | "Delete" | "ConditionCheck", unknown>>;

const TRANSACT_ACTIONS = {
  Put: "dynamodb:PutItem",
  Update: "dynamodb:UpdateItem",
  Delete: "dynamodb:DeleteItem",
  ConditionCheck: "dynamodb:ConditionCheckItem",
} as const;

const table = (action: string): Permission[] => [{ action, resource: "state-table" }];

/** Command class name (as the SDK names it) to what it needs; the input matters only for transactions. */
export const SDK_COMMAND_PERMISSIONS = {
  // @aws-sdk/client-dynamodb (functions/adapters/dynamodb-documents.ts sends these for every store)
  GetItemCommand: () => table("dynamodb:GetItem"),
  PutItemCommand: () => table("dynamodb:PutItem"),
  UpdateItemCommand: () => table("dynamodb:UpdateItem"),
  DeleteItemCommand: () => table("dynamodb:DeleteItem"),
  TransactWriteItemsCommand: (input?: { TransactItems?: TransactItem[] }) =>
    (input?.TransactItems ?? []).flatMap((item) =>
      (Object.keys(item) as Array<keyof typeof TRANSACT_ACTIONS>)
        .filter((kind) => kind in TRANSACT_ACTIONS)
        .flatMap((kind) => table(TRANSACT_ACTIONS[kind])),
    ),
  // @aws-sdk/client-eventbridge
  PutEventsCommand: () => [{ action: "events:PutEvents", resource: "event-bus" }],
  // @aws-sdk/client-bedrock-runtime
  ConverseCommand: () => [{ action: "bedrock:InvokeModel", resource: "bedrock-model" }],
  // @aws-sdk/client-connect
  DescribeContactCommand: () => [{ action: "connect:DescribeContact", resource: "connect-contact" }],
  GetCurrentMetricDataCommand: () => [
    { action: "connect:GetCurrentMetricData", resource: "connect-queue" },
    { action: "connect:GetCurrentMetricData", resource: "connect-instance" },
  ],
  GetContactAttributesCommand: () => [
    { action: "connect:GetContactAttributes", resource: "connect-contact" },
  ],
  DescribeUserCommand: () => [{ action: "connect:DescribeUser", resource: "connect-user" }],
  UpdateContactAttributesCommand: () => [
    { action: "connect:UpdateContactAttributes", resource: "connect-contact" },
  ],
  TransferContactCommand: () => [
    { action: "connect:TransferContact", resource: "connect-contact" },
    { action: "connect:TransferContact", resource: "connect-queue" },
    { action: "connect:TransferContact", resource: "connect-flow" },
  ],
  StartOutboundVoiceContactCommand: () => [
    { action: "connect:StartOutboundVoiceContact", resource: "connect-contact" },
  ],
  // @aws-sdk/client-scheduler
  CreateScheduleCommand: () => [
    { action: "scheduler:CreateSchedule", resource: "callback-schedule" },
    { action: "iam:PassRole", resource: "scheduler-role" },
  ],
  UpdateScheduleCommand: () => [
    { action: "scheduler:UpdateSchedule", resource: "callback-schedule" },
    { action: "iam:PassRole", resource: "scheduler-role" },
  ],
  DeleteScheduleCommand: () => [{ action: "scheduler:DeleteSchedule", resource: "callback-schedule" }],
  // @aws-sdk/client-appconfigdata (through Powertools Parameters' AppConfigProvider)
  StartConfigurationSessionCommand: () => [
    { action: "appconfig:StartConfigurationSession", resource: "campaign-config" },
  ],
  GetLatestConfigurationCommand: () => [
    { action: "appconfig:GetLatestConfiguration", resource: "campaign-config" },
  ],
  // @aws-sdk/client-sqs
  SendMessageCommand: () => [{ action: "sqs:SendMessage", resource: "pending-events-queue" }],
} as const satisfies Record<string, (input?: never) => Permission[]>;

export type SdkCommand = keyof typeof SDK_COMMAND_PERMISSIONS;

export function isSdkCommand(name: string): name is SdkCommand {
  return Object.hasOwn(SDK_COMMAND_PERMISSIONS, name);
}

/**
 * A command a function may send, with the shape of its input when it matters (a transaction names the
 * item operations it contains).
 */
export type CommandUse =
  | SdkCommand
  | { command: "TransactWriteItemsCommand"; items: Array<keyof typeof TRANSACT_ACTIONS> };

/** The permissions a set of command uses needs, without duplicates. */
export function permissionsFor(uses: readonly CommandUse[]): Permission[] {
  const all = uses.flatMap((use) =>
    typeof use === "string"
      ? (SDK_COMMAND_PERMISSIONS[use] as (input?: unknown) => Permission[])()
      : SDK_COMMAND_PERMISSIONS.TransactWriteItemsCommand({
          TransactItems: use.items.map((kind) => ({ [kind]: {} })),
        }),
  );
  const seen = new Set<string>();
  return all.filter((p) => {
    const key = `${p.action} ${p.resource}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** The actions of `permissions` on one kind of resource, sorted. */
export function actionsOn(permissions: readonly Permission[], resource: ResourceKind): string[] {
  return [...new Set(permissions.filter((p) => p.resource === resource).map((p) => p.action))].sort();
}
