import { Logger } from "@aws-lambda-powertools/logger";
import { injectLambdaContext } from "@aws-lambda-powertools/logger/middleware";
import { Metrics } from "@aws-lambda-powertools/metrics";
import { logMetrics } from "@aws-lambda-powertools/metrics/middleware";
import { ConnectClient } from "@aws-sdk/client-connect";
import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import middy from "@middy/core";
import { ConnectContactCenter } from "../adapters/connect-contact-center.js";
import { DynamoDbCallbackStore } from "../adapters/dynamodb-callback-store.js";
import { type StartCallbackDependencies, startCallback } from "../application/start-callback.js";
import { readStartCallbackEnvironment } from "./after-transfer-config.js";
import { countTo, logTo } from "./observability.js";

/**
 * Target of every callback schedule (EventBridge Scheduler, input CallbackTargetInput): starts the outbound
 * AI call of a lead, unless the plan changed or the lead opted out (functions/application/start-callback.ts).
 */
const env = readStartCallbackEnvironment(process.env);
const logger = new Logger({ serviceName: "baton-start-callback" });
const metrics = new Metrics({ namespace: "Baton", serviceName: "start-callback" });

const dependencies: StartCallbackDependencies = {
  store: new DynamoDbCallbackStore({ client: new DynamoDBClient({}), tableName: env.BATON_TABLE_NAME }),
  contactCenter: new ConnectContactCenter({
    client: new ConnectClient({}),
    instance: env.BATON_CONNECT_INSTANCE_ID,
    outboundFlow: env.BATON_OUTBOUND_FLOW_ID,
    outboundSource: env.BATON_OUTBOUND_SOURCE_PHONE
      ? { phoneNumber: env.BATON_OUTBOUND_SOURCE_PHONE }
      : env.BATON_OUTBOUND_QUEUE_ID
        ? { queue: env.BATON_OUTBOUND_QUEUE_ID }
        : undefined,
  }),
  clock: () => new Date(),
  maxLatenessMs: env.BATON_CALLBACK_MAX_LATENESS_MINUTES * 60_000,
  log: logTo(logger),
  count: countTo(metrics),
};

export const handler = middy((event: unknown) => startCallback(dependencies, event))
  .use(injectLambdaContext(logger))
  .use(logMetrics(metrics));
