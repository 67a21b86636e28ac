import { mkdtemp, readdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { CreateTableCommand, GetItemCommand, PutItemCommand } from "@aws-sdk/client-dynamodb";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { LocalDynamoDbError, startLocalDynamoDb } from "../../local/dynamodb/local-dynamodb.js";
import { memoryLog } from "../../local/support/log.js";

let root: string;

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), "baton-ddb-test-"));
});

afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

const TABLE = "kept-items";

describe("DynamoDB Local with a data folder", () => {
  it("keeps what was written across a restart", { timeout: 240_000 }, async () => {
    const dataDir = join(root, "dynamodb");
    const first = await startLocalDynamoDb({ dataDir, log: memoryLog() });
    try {
      await first.client.send(
        new CreateTableCommand({
          TableName: TABLE,
          AttributeDefinitions: [{ AttributeName: "pk", AttributeType: "S" }],
          KeySchema: [{ AttributeName: "pk", KeyType: "HASH" }],
          BillingMode: "PAY_PER_REQUEST",
        }),
      );
      await first.client.send(
        new PutItemCommand({ TableName: TABLE, Item: { pk: { S: "call-1" }, note: { S: "kept" } } }),
      );
    } finally {
      await first.stop();
    }
    const second = await startLocalDynamoDb({ dataDir, log: memoryLog() });
    try {
      const { Item } = await second.client.send(
        new GetItemCommand({ TableName: TABLE, Key: { pk: { S: "call-1" } } }),
      );
      expect(Item?.note?.S).toBe("kept");
      expect(second.recoveredFrom).toBeUndefined();
    } finally {
      await second.stop();
    }
  });

  it("moves a corrupt data folder aside, says so, and starts empty", { timeout: 240_000 }, async () => {
    const dataDir = join(root, "dynamodb");
    const log = memoryLog();
    await startLocalDynamoDb({ dataDir, log }).then((db) => db.stop());
    await writeFile(
      join(dataDir, "shared-local-instance.db"),
      "this is not an sqlite database, it is garbage".repeat(200),
    );

    const db = await startLocalDynamoDb({ dataDir, log });
    try {
      expect(db.recoveredFrom).toMatch(/dynamodb\.corrupt-\d{4}-\d\d-\d\dT\d\d-\d\d-\d\dZ$/);
      expect(await readdir(root)).toEqual(
        expect.arrayContaining(["dynamodb", expect.stringMatching(/^dynamodb\.corrupt-/)]),
      );
      const warning = log.lines.find((line) => line.startsWith("warn"));
      expect(warning).toContain("could not read its data");
      expect(warning).toContain(db.recoveredFrom);
      await db.client.send(
        new CreateTableCommand({
          TableName: TABLE,
          AttributeDefinitions: [{ AttributeName: "pk", AttributeType: "S" }],
          KeySchema: [{ AttributeName: "pk", KeyType: "HASH" }],
          BillingMode: "PAY_PER_REQUEST",
        }),
      );
    } finally {
      await db.stop();
    }
  });

  it("names the Java package to install when java is missing", async () => {
    const path = process.env.PATH;
    process.env.PATH = join(root, "no-java-here");
    try {
      const started = startLocalDynamoDb({ dataDir: join(root, "dynamodb"), log: memoryLog() });
      await expect(started).rejects.toThrow(LocalDynamoDbError);
      await expect(started).rejects.toThrow("openjdk-17-jre-headless");
    } finally {
      process.env.PATH = path;
    }
  });
});
