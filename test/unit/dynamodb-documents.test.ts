import {
  DynamoDBClient,
  GetItemCommand,
  PutItemCommand,
  TransactWriteItemsCommand,
  UpdateItemCommand,
} from "@aws-sdk/client-dynamodb";
import { mockClient } from "aws-sdk-client-mock";
import { beforeEach, describe, expect, it } from "vitest";
import { DynamoDbDocuments } from "../../functions/adapters/dynamodb-documents.js";

/** The stores' items as plain objects, sent as the DynamoDB API's attribute values (shapes from its reference). */
const dynamodb = mockClient(DynamoDBClient);
const documents = () => new DynamoDbDocuments(new DynamoDBClient({ region: "us-east-1" }));
const KEY = { pk: "CONTACT#c-1", sk: "STATE" };

describe("DynamoDbDocuments", () => {
  beforeEach(() => {
    dynamodb.reset();
  });

  it("gets an item by its key and reads it back as plain values, sets as Set", async () => {
    // Prepare
    dynamodb.on(GetItemCommand).resolves({
      Item: { pk: { S: "CONTACT#c-1" }, version: { N: "3" }, unpublished: { SS: ["e-1", "e-2"] } },
    });
    // Act
    const item = await documents().get({ TableName: "t", Key: KEY, ConsistentRead: true });
    // Assess
    expect(item).toEqual({ pk: "CONTACT#c-1", version: 3, unpublished: new Set(["e-1", "e-2"]) });
    expect(dynamodb.commandCalls(GetItemCommand)[0]?.args[0].input).toEqual({
      TableName: "t",
      Key: { pk: { S: "CONTACT#c-1" }, sk: { S: "STATE" } },
      ConsistentRead: true,
    });
  });

  it("reads a missing item as undefined", async () => {
    // Prepare
    dynamodb.on(GetItemCommand).resolves({});
    // Act
    const item = await documents().get({ TableName: "t", Key: KEY });
    // Assess
    expect(item).toBeUndefined();
  });

  it("puts an item without its undefined fields and sends no expression values when it has none", async () => {
    // Prepare
    dynamodb.on(PutItemCommand).resolves({});
    // Act
    await documents().put({
      TableName: "t",
      Item: { ...KEY, note: undefined, slots: { budget: { value: 1200 } }, tags: ["a"] },
      ConditionExpression: "attribute_not_exists(#pk)",
      ExpressionAttributeNames: { "#pk": "pk" },
    });
    // Assess
    const input = dynamodb.commandCalls(PutItemCommand)[0]?.args[0].input;
    expect(input).toEqual({
      TableName: "t",
      Item: {
        pk: { S: "CONTACT#c-1" },
        sk: { S: "STATE" },
        slots: { M: { budget: { M: { value: { N: "1200" } } } } },
        tags: { L: [{ S: "a" }] },
      },
      ConditionExpression: "attribute_not_exists(#pk)",
      ExpressionAttributeNames: { "#pk": "pk" },
    });
    expect(input).not.toHaveProperty("ExpressionAttributeValues");
  });

  it("updates with marshalled key and values and returns the attributes asked for", async () => {
    // Prepare
    dynamodb.on(UpdateItemCommand).resolves({ Attributes: { version: { N: "4" } } });
    // Act
    const attributes = await documents().update({
      TableName: "t",
      Key: KEY,
      UpdateExpression: "SET #u = :ids",
      ConditionExpression: "#version = :version",
      ExpressionAttributeNames: { "#u": "unpublished", "#version": "version" },
      ExpressionAttributeValues: { ":version": 4, ":ids": new Set(["e-1"]) },
      ReturnValues: "ALL_NEW",
    });
    // Assess
    expect(attributes).toEqual({ version: 4 });
    expect(dynamodb.commandCalls(UpdateItemCommand)[0]?.args[0].input).toMatchObject({
      Key: { pk: { S: "CONTACT#c-1" }, sk: { S: "STATE" } },
      ExpressionAttributeValues: { ":version": { N: "4" }, ":ids": { SS: ["e-1"] } },
    });
  });

  it("writes a transaction's puts as TransactWriteItems, each item marshalled", async () => {
    // Prepare
    dynamodb.on(TransactWriteItemsCommand).resolves({});
    // Act
    await documents().transactWrite([
      {
        Put: {
          TableName: "t",
          Item: { ...KEY, version: 2 },
          ConditionExpression: "#version = :expected",
          ExpressionAttributeNames: { "#version": "version" },
          ExpressionAttributeValues: { ":expected": 1 },
        },
      },
      { Put: { TableName: "t", Item: { pk: "LEAD#l-1", sk: "PROFILE" } } },
    ]);
    // Assess
    expect(dynamodb.commandCalls(TransactWriteItemsCommand)[0]?.args[0].input).toEqual({
      TransactItems: [
        {
          Put: {
            TableName: "t",
            Item: { pk: { S: "CONTACT#c-1" }, sk: { S: "STATE" }, version: { N: "2" } },
            ConditionExpression: "#version = :expected",
            ExpressionAttributeNames: { "#version": "version" },
            ExpressionAttributeValues: { ":expected": { N: "1" } },
          },
        },
        { Put: { TableName: "t", Item: { pk: { S: "LEAD#l-1" }, sk: { S: "PROFILE" } } } },
      ],
    });
  });

  it("refuses a class instance in an item rather than flattening it, and sends nothing", async () => {
    // Prepare
    dynamodb.on(PutItemCommand).resolves({});
    // Act
    const put = documents().put({ TableName: "t", Item: { ...KEY, at: new Date(0) } });
    // Assess
    await expect(put).rejects.toThrow(/convertClassInstanceToMap/);
    expect(dynamodb.commandCalls(PutItemCommand)).toHaveLength(0);
  });
});
