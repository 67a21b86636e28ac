import {
  type DynamoDBClient,
  GetItemCommand,
  type GetItemCommandInput,
  type Put,
  PutItemCommand,
  type PutItemCommandInput,
  TransactWriteItemsCommand,
  UpdateItemCommand,
  type UpdateItemCommandInput,
} from "@aws-sdk/client-dynamodb";
import { marshall, unmarshall } from "@aws-sdk/util-dynamodb";

/** An item, a key or expression values as plain JavaScript: strings, numbers, booleans, sets, lists, maps. */
export type Document = object;

/** An item as read back: sets as `Set`, numbers as `number`. */
export type ReadItem = Record<string, unknown>;

export type GetInput = Omit<GetItemCommandInput, "Key"> & { Key: Document };

export type PutInput = Omit<PutItemCommandInput, "Item" | "ExpressionAttributeValues"> & {
  Item: Document;
  ExpressionAttributeValues?: Document;
};

export type UpdateInput = Omit<UpdateItemCommandInput, "Key" | "ExpressionAttributeValues"> & {
  Key: Document;
  ExpressionAttributeValues?: Document;
};

/** One write of a transaction: the stores only put items in one. */
export type TransactWrite = {
  Put: Omit<Put, "Item" | "ExpressionAttributeValues"> & {
    Item: Document;
    ExpressionAttributeValues?: Document;
  };
};

/**
 * Baton's stores read and write items as plain objects through the DynamoDB client itself, marshalled by
 * @aws-sdk/util-dynamodb (bundled: it has no dependencies). Not the SDK's document client
 * (@aws-sdk/lib-dynamodb): importing that CommonJS package and its own util-dynamodb cost about 7 ms of every
 * conversation-turn cold start, a sixth of what Baton adds to the SDK clients' (bench/bundles.ts).
 */
export class DynamoDbDocuments {
  constructor(private readonly client: DynamoDBClient) {}

  async get(input: GetInput): Promise<ReadItem | undefined> {
    const { Item } = await this.client.send(new GetItemCommand({ ...input, Key: toAttributes(input.Key) }));
    return Item ? unmarshall(Item) : undefined;
  }

  async put(input: PutInput): Promise<void> {
    await this.client.send(new PutItemCommand(withItem(input)));
  }

  /** The item's attributes as `ReturnValues` asks for them, if it asks. */
  async update(input: UpdateInput): Promise<ReadItem | undefined> {
    const { Attributes } = await this.client.send(
      new UpdateItemCommand(withValues({ ...input, Key: toAttributes(input.Key) })),
    );
    return Attributes ? unmarshall(Attributes) : undefined;
  }

  /** All the writes or none (TransactWriteItems). */
  async transactWrite(writes: readonly TransactWrite[]): Promise<void> {
    await this.client.send(
      new TransactWriteItemsCommand({ TransactItems: writes.map(({ Put }) => ({ Put: withItem(Put) })) }),
    );
  }
}

function withItem<T extends { Item: Document; ExpressionAttributeValues?: Document }>(input: T) {
  return withValues({ ...input, Item: toAttributes(input.Item) });
}

/** The input with its expression values marshalled, and without the field when it has none. */
function withValues<T extends { ExpressionAttributeValues?: Document }>({
  ExpressionAttributeValues: values,
  ...rest
}: T) {
  return values ? { ...rest, ExpressionAttributeValues: toAttributes(values) } : rest;
}
/**
 * Optional fields are `undefined` in the domain and DynamoDB rejects undefined, so they are left out; a class
 * instance is refused rather than flattened into a map.
 */
function toAttributes(document: Document) {
  return marshall(document, { removeUndefinedValues: true, convertClassInstanceToMap: false });
}
