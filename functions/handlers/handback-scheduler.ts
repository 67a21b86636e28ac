import { Logger } from "@aws-lambda-powertools/logger";
import { injectLambdaContext } from "@aws-lambda-powertools/logger/middleware";
import { Metrics } from "@aws-lambda-powertools/metrics";
import { logMetrics } from "@aws-lambda-powertools/metrics/middleware";
import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { SchedulerClient } from "@aws-sdk/client-scheduler";
import middy from "@middy/core";
import { DynamoDbCallbackStore } from "../adapters/dynamodb-callback-store.js";
import { EventBridgeCallbackScheduler } from "../adapters/eventbridge-callback-scheduler.js";
import { type CallbackDependencies, handleHandbackEvent } from "../application/schedule-callback.js";
import { callbackTiming, readHandbackEnvironment } from "./after-transfer-config.js";
import { countTo, logTo } from "./observability.js";

/**
 * Target of the rule `baton-handback`: Handback.Requested and Nurture.Scheduled plan the lead's one
 * callback (EventBridge Scheduler, one-time), Handback.Cancelled withdraws it
 * (functions/application/schedule-callback.ts). Handback.Cancelled is not in the rule's pattern yet.
 */
const env = readHandbackEnvironment(process.env);
const logger = new Logger({ serviceName: "baton-handback-scheduler" });
const metrics = new Metrics({ namespace: "Baton", serviceName: "handback-scheduler" });

const dependencies: CallbackDependencies = {
  store: new DynamoDbCallbackStore({ client: new DynamoDBClient({}), tableName: env.BATON_TABLE_NAME }),
  scheduler: new EventBridgeCallbackScheduler({
    client: new SchedulerClient({}),
    targetArn: env.BATON_CALLBACK_FUNCTION_ARN,
    roleArn: env.BATON_SCHEDULER_ROLE_ARN,
    groupName: env.BATON_SCHEDULE_GROUP,
    deadLetterArn: env.BATON_CALLBACK_DLQ_ARN,
  }),
  clock: () => new Date(),
  timing: callbackTiming(env),
  ttlDays: env.BATON_TTL_DAYS,
  log: logTo(logger),
  count: countTo(metrics),
};

export const handler = middy((event: unknown) => handleHandbackEvent(dependencies, event))
  .use(injectLambdaContext(logger))
  .use(logMetrics(metrics));
