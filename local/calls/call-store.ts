import {
  CreateTableCommand,
  type DynamoDBClient,
  ResourceInUseException,
  waitUntilTableExists,
} from "@aws-sdk/client-dynamodb";
import { DynamoDBDocumentClient, GetCommand, PutCommand, ScanCommand } from "@aws-sdk/lib-dynamodb";
import { CallRecord } from "../api/call-api.js";

const CACHE_LIMIT = 500;

/**
 * The local Lex and Connect session of each console call (session attributes, the full transcript)
 * in its own DynamoDB Local table, beside Baton's state table: what Lex and Connect keep server-side
 * in AWS. A reload, a dropped browser or a restart finds the call where it was.
 */
export class CallStore {
  private readonly documents: DynamoDBDocumentClient;
  /** Write-through: this process is the table's only writer (the data lock), so reads can skip DynamoDB. */
  private readonly cache = new Map<string, CallRecord>();

  constructor(
    client: DynamoDBClient,
    private readonly tableName: string,
  ) {
    this.documents = DynamoDBDocumentClient.from(client, {
      marshallOptions: { removeUndefinedValues: true },
    });
  }

  /** Idempotent: an existing table is kept. */
  static async create(client: DynamoDBClient, tableName: string): Promise<CallStore> {
    try {
      await client.send(
        new CreateTableCommand({
          TableName: tableName,
          AttributeDefinitions: [{ AttributeName: "callId", AttributeType: "S" }],
          KeySchema: [{ AttributeName: "callId", KeyType: "HASH" }],
          BillingMode: "PAY_PER_REQUEST",
        }),
      );
    } catch (error) {
      if (!(error instanceof ResourceInUseException)) throw error;
    }
    await waitUntilTableExists({ client, maxWaitTime: 60 }, { TableName: tableName });
    return new CallStore(client, tableName);
  }

  async get(callId: string): Promise<CallRecord | null> {
    const cached = this.cache.get(callId);
    if (cached) return cached;
    const { Item } = await this.documents.send(
      new GetCommand({ TableName: this.tableName, Key: { callId }, ConsistentRead: true }),
    );
    if (!Item) return null;
    const call = CallRecord.parse(Item);
    this.remember(call);
    return call;
  }

  async put(call: CallRecord): Promise<void> {
    await this.documents.send(new PutCommand({ TableName: this.tableName, Item: call }));
    this.remember(call);
  }

  private remember(call: CallRecord): void {
    this.cache.delete(call.callId);
    this.cache.set(call.callId, call);
    // Oldest out first: a long-running console keeps the calls it is likely to show.
    if (this.cache.size > CACHE_LIMIT) {
      const oldest = this.cache.keys().next().value;
      if (oldest !== undefined) this.cache.delete(oldest);
    }
  }

  /** The most recent calls first; a local table is small, so one paged scan is fine. */
  async recent(limit: number): Promise<CallRecord[]> {
    const calls: CallRecord[] = [];
    let start: Record<string, unknown> | undefined;
    do {
      const page = await this.documents.send(
        new ScanCommand({ TableName: this.tableName, ExclusiveStartKey: start }),
      );
      for (const item of page.Items ?? []) {
        const parsed = CallRecord.safeParse(item);
        if (parsed.success) calls.push(parsed.data);
      }
      start = page.LastEvaluatedKey;
    } while (start);
    return calls.sort((a, b) => b.startedAt.localeCompare(a.startedAt)).slice(0, limit);
  }
}
