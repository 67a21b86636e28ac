import {
  CreateTableCommand,
  DescribeTableCommand,
  DescribeTimeToLiveCommand,
  type DynamoDBClient,
  ResourceInUseException,
  UpdateTimeToLiveCommand,
  waitUntilTableExists,
} from "@aws-sdk/client-dynamodb";

/**
 * The one description of the state table, read by the adapter, the tests, the local runtime and the
 * CDK app. The string values equal the CDK enum values (AttributeType.STRING is "S", and so on).
 */
export const STATE_TABLE = {
  partitionKey: { name: "pk", type: "S" },
  sortKey: { name: "sk", type: "S" },
  billingMode: "PAY_PER_REQUEST",
  streamViewType: "NEW_AND_OLD_IMAGES",
  /** Epoch seconds; DynamoDB deletes the item some time after it passes. */
  timeToLiveAttribute: "expiresAt",
} as const;

export const CONTACT_PK_PREFIX = "CONTACT#";
export const CONTACT_SK = "STATE";
export const LEAD_PK_PREFIX = "LEAD#";
export const LEAD_SK = "PROFILE";

/** The value of the `type` attribute, so a stream consumer can tell items apart without parsing keys. */
export type StateItemType = "contact" | "lead";

export interface StateKey {
  pk: string;
  sk: string;
}

export function contactKey(contactId: string): StateKey {
  return { pk: `${CONTACT_PK_PREFIX}${contactId}`, sk: CONTACT_SK };
}

export function leadKey(leadId: string): StateKey {
  return { pk: `${LEAD_PK_PREFIX}${leadId}`, sk: LEAD_SK };
}

/** Waits at most this long for a new table to become ACTIVE (DynamoDB Local is at once, AWS takes seconds). */
const TABLE_ACTIVE_WAIT_SECONDS = 120;

/**
 * Creates the table as the CDK app declares it, for tests and the local runtime. Idempotent: an existing
 * table with the same keys is accepted, one with other keys is an error rather than a confusing write failure.
 */
export async function createStateTable(client: DynamoDBClient, tableName: string): Promise<void> {
  try {
    await client.send(
      new CreateTableCommand({
        TableName: tableName,
        AttributeDefinitions: [
          { AttributeName: STATE_TABLE.partitionKey.name, AttributeType: STATE_TABLE.partitionKey.type },
          { AttributeName: STATE_TABLE.sortKey.name, AttributeType: STATE_TABLE.sortKey.type },
        ],
        KeySchema: [
          { AttributeName: STATE_TABLE.partitionKey.name, KeyType: "HASH" },
          { AttributeName: STATE_TABLE.sortKey.name, KeyType: "RANGE" },
        ],
        BillingMode: STATE_TABLE.billingMode,
        StreamSpecification: { StreamEnabled: true, StreamViewType: STATE_TABLE.streamViewType },
      }),
    );
  } catch (error) {
    if (!(error instanceof ResourceInUseException)) throw error;
  }
  await waitUntilTableExists({ client, maxWaitTime: TABLE_ACTIVE_WAIT_SECONDS }, { TableName: tableName });
  await assertKeySchema(client, tableName);
  await enableTimeToLive(client, tableName);
}

async function assertKeySchema(client: DynamoDBClient, tableName: string): Promise<void> {
  const { Table } = await client.send(new DescribeTableCommand({ TableName: tableName }));
  const keys = (Table?.KeySchema ?? []).map((key) => `${key.AttributeName}:${key.KeyType}`).join(",");
  const expected = `${STATE_TABLE.partitionKey.name}:HASH,${STATE_TABLE.sortKey.name}:RANGE`;
  if (keys !== expected) {
    throw new Error(`table ${tableName} exists with keys [${keys}], the state table needs [${expected}]`);
  }
}

async function enableTimeToLive(client: DynamoDBClient, tableName: string): Promise<void> {
  // DynamoDB rejects UpdateTimeToLive when TTL is already on, so look first.
  const { TimeToLiveDescription: current } = await client.send(
    new DescribeTimeToLiveCommand({ TableName: tableName }),
  );
  const status = current?.TimeToLiveStatus;
  if (status === "ENABLED" || status === "ENABLING") {
    if (current?.AttributeName === STATE_TABLE.timeToLiveAttribute) return;
    throw new Error(
      `table ${tableName} has TTL on ${current?.AttributeName}, the state table needs ${STATE_TABLE.timeToLiveAttribute}`,
    );
  }
  await client.send(
    new UpdateTimeToLiveCommand({
      TableName: tableName,
      TimeToLiveSpecification: { Enabled: true, AttributeName: STATE_TABLE.timeToLiveAttribute },
    }),
  );
}
