import { Logger } from "@aws-lambda-powertools/logger";
import { injectLambdaContext } from "@aws-lambda-powertools/logger/middleware";
import { EventBridgeClient } from "@aws-sdk/client-eventbridge";
import middy from "@middy/core";
import * as z from "../../contracts/zod.js";
import { EventBridgePublisher } from "../adapters/eventbridge-publisher.js";
import { relayPendingEvents } from "../application/relay-pending-events.js";

/** SQS consumer of the pending-events queue: puts on the bus what the call path could not. */
const env = z.object({ BATON_EVENT_BUS_NAME: z.string().check(z.minLength(1)) }).parse(process.env);
const logger = new Logger({ serviceName: "baton-pending-events-relay" });
const publisher = new EventBridgePublisher({
  client: new EventBridgeClient({}),
  eventBusName: env.BATON_EVENT_BUS_NAME,
});

/** The part of the SQS event this handler reads (https://docs.aws.amazon.com/lambda/latest/dg/with-sqs.html). */
const SqsEvent = z.object({
  Records: z.array(z.object({ messageId: z.string().check(z.minLength(1)), body: z.string() })),
});

export const handler = middy(async (event: unknown) => {
  const parsed = SqsEvent.safeParse(event);
  if (!parsed.success) throw new Error(`not an SQS event: ${parsed.error.issues[0]?.message ?? "invalid"}`);
  const { failed, unreadable } = await relayPendingEvents(publisher, parsed.data.Records);
  for (const message of unreadable) logger.error("unreadable pending-events message", message);
  if (failed.length > 0) logger.warn("pending events left on the queue for another try", { failed });
  // ReportBatchItemFailures: only these messages come back; after maxReceiveCount they go to the DLQ.
  return { batchItemFailures: failed.map((itemIdentifier) => ({ itemIdentifier })) };
}).use(injectLambdaContext(logger));
