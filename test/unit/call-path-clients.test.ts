import { createServer, type Socket } from "node:net";
import { DynamoDBClient, GetItemCommand } from "@aws-sdk/client-dynamodb";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CALL_PATH_LIMITS, clientSettings } from "../../functions/adapters/call-path-clients.js";

/** An endpoint that accepts connections and never answers (black-holed). */
const sockets = new Set<Socket>();
let requestsSeen = 0;
const blackHole = createServer((socket) => {
  sockets.add(socket);
  socket.on("data", (chunk: Buffer) => {
    if (chunk.subarray(0, 5).toString("latin1") === "POST ") requestsSeen += 1;
  });
});
let endpoint = "";

beforeAll(async () => {
  await new Promise<void>((resolve) => blackHole.listen(0, "127.0.0.1", () => resolve()));
  const address = blackHole.address();
  if (address === null || typeof address === "string") throw new Error("no TCP address");
  endpoint = `http://127.0.0.1:${address.port}`;
});

afterAll(async () => {
  for (const socket of sockets) socket.destroy();
  await new Promise<void>((resolve) => blackHole.close(() => resolve()));
});

describe("call-path client settings", () => {
  it("give up on an endpoint that never answers after the bounded attempts, with a timeout error", async () => {
    // Prepare
    const client = new DynamoDBClient({
      ...clientSettings(CALL_PATH_LIMITS.dynamodb),
      endpoint,
      region: "local",
      credentials: { accessKeyId: "local", secretAccessKey: "local" },
    });
    // Act
    const read = client.send(
      new GetItemCommand({ TableName: "t", Key: { pk: { S: "a" }, sk: { S: "b" } }, ConsistentRead: true }),
    );
    // Assess
    await expect(read).rejects.toMatchObject({ name: "TimeoutError" });
    expect(requestsSeen).toBe(CALL_PATH_LIMITS.dynamodb.maxAttempts);
    client.destroy();
  });

  it("keep every call on the path well inside the turn's deadline", () => {
    for (const limits of Object.values(CALL_PATH_LIMITS)) {
      expect(limits.maxAttempts * (limits.connectionTimeoutMs + limits.requestTimeoutMs)).toBeLessThanOrEqual(
        3_000,
      );
    }
  });
});
