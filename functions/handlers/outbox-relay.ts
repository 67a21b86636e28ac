import { Logger } from "@aws-lambda-powertools/logger";
import { injectLambdaContext } from "@aws-lambda-powertools/logger/middleware";
import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { EventBridgeClient } from "@aws-sdk/client-eventbridge";
import middy from "@middy/core";
import { DynamoDbStateStore } from "../adapters/dynamodb-state-store.js";
import { EventBridgePublisher } from "../adapters/eventbridge-publisher.js";
import { outboxImagesFromStream } from "../adapters/outbox-stream-records.js";
import { relayOutbox } from "../application/relay-outbox.js";
import { readEnvironment } from "./config.js";

/** DynamoDB stream consumer of the state table: publishes the events the call path could not. */
const env = readEnvironment(process.env);
const logger = new Logger({ serviceName: "baton-outbox-relay" });
const dependencies = {
  publisher: new EventBridgePublisher({
    client: new EventBridgeClient({}),
    eventBusName: env.BATON_EVENT_BUS_NAME,
  }),
  stateStore: new DynamoDbStateStore({ client: new DynamoDBClient({}), tableName: env.BATON_TABLE_NAME }),
};

export const handler = middy(async (event: unknown) => {
  const { images, skipped } = outboxImagesFromStream(event);
  if (skipped.length > 0) logger.warn("stream records without a readable contact image", { skipped });
  const failing = await relayOutbox(
    dependencies,
    images.map((entry) => entry.image),
  );
  const failedIds = new Set(failing.map((image) => image.contactId));
  // ReportBatchItemFailures: only the records still failing are retried.
  return {
    batchItemFailures: images
      .filter((entry) => failedIds.has(entry.image.contactId))
      .map((entry) => ({ itemIdentifier: entry.sequenceNumber })),
  };
}).use(injectLambdaContext(logger));
