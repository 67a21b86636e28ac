import type { CommandUse } from "./sdk-permissions.js";

/**
 * The SDK commands each Baton function's adapters send (the handler file wires the adapters; the adapter
 * files name the commands). Grants are derived from these lists through SDK_COMMAND_PERMISSIONS, and
 * test/infra/iam-follows-code.test.ts fails when a handler sends a command missing here or a listed one is
 * never sent.
 */
const STATE_TABLE_READ_WRITE = ["GetItemCommand", "PutItemCommand", "UpdateItemCommand"] as const;
const SCHEDULES = ["CreateScheduleCommand", "UpdateScheduleCommand", "DeleteScheduleCommand"] as const;

export const FUNCTION_COMMANDS = {
  /** DynamoDbStateStore (read, conditional put or a two-put transaction, publish marks), EventBridge, Bedrock. */
  "conversation-turn": [
    ...STATE_TABLE_READ_WRITE,
    { command: "TransactWriteItemsCommand", items: ["Put"] },
    "PutEventsCommand",
    "ConverseCommand",
    // The campaign, from AppConfig (infra/constructs/campaign-config.ts grants it on the campaign profiles).
    "StartConfigurationSessionCommand",
    "GetLatestConfigurationCommand",
  ],
  /** relay-outbox.ts re-reads the contact (GetItem) before it publishes, then clears what it published. */
  "outbox-relay": ["GetItemCommand", "UpdateItemCommand", "PutEventsCommand"],
  "handoff-router": [
    ...STATE_TABLE_READ_WRITE,
    "PutEventsCommand",
    "DescribeContactCommand",
    "GetCurrentMetricDataCommand",
    "UpdateContactAttributesCommand",
    "TransferContactCommand",
    ...SCHEDULES,
  ],
  "handoff-kpi": [...STATE_TABLE_READ_WRITE, "PutEventsCommand"],
  "handback-scheduler": [...STATE_TABLE_READ_WRITE, ...SCHEDULES],
  /** Reads the callback and the lead, claims and records (UpdateItem), looks the number up, places the call. */
  "start-callback": [
    "GetItemCommand",
    "UpdateItemCommand",
    "DescribeContactCommand",
    "StartOutboundVoiceContactCommand",
  ],
  "crm-sync-example": [],
  /** The handback endpoint: the agent on the contact and that user's name, Baton's attributes, the bus. */
  "handback-api": [
    "DescribeContactCommand",
    "DescribeUserCommand",
    "GetContactAttributesCommand",
    "PutEventsCommand",
  ],
} as const satisfies Record<string, readonly CommandUse[]>;

export type BatonFunctionName = keyof typeof FUNCTION_COMMANDS;
