import { Logger } from "@aws-lambda-powertools/logger";
import { injectLambdaContext } from "@aws-lambda-powertools/logger/middleware";
import { Metrics } from "@aws-lambda-powertools/metrics";
import { logMetrics } from "@aws-lambda-powertools/metrics/middleware";
import { ConnectClient } from "@aws-sdk/client-connect";
import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { EventBridgeClient } from "@aws-sdk/client-eventbridge";
import { SchedulerClient } from "@aws-sdk/client-scheduler";
import middy from "@middy/core";
import { HANDOFF_KPI_NAMESPACE } from "../../contracts/handoff-kpi.js";
import { ConnectContactCenter } from "../adapters/connect-contact-center.js";
import { DynamoDbCallbackStore } from "../adapters/dynamodb-callback-store.js";
import { DynamoDbHandoffStore } from "../adapters/dynamodb-handoff-store.js";
import { EventBridgeCallbackScheduler } from "../adapters/eventbridge-callback-scheduler.js";
import { EventBridgePublisher } from "../adapters/eventbridge-publisher.js";
import { PowertoolsMetricsSink } from "../adapters/powertools-metrics-sink.js";
import { type RouterDependencies, routeHandoff } from "../application/route-handoff.js";
import { callbackTiming, readRouterEnvironment } from "./after-transfer-config.js";
import { countTo, logTo } from "./observability.js";

/**
 * Target of the rules `baton-route-<queue>` (Handoff.Requested for one queue): stores the screen pop,
 * sets the summary on the contact, moves task and email contacts, plans a callback when no closer is free
 * (functions/application/route-handoff.ts).
 */
const env = readRouterEnvironment(process.env);
const logger = new Logger({ serviceName: "baton-handoff-router" });
const metrics = new Metrics({ namespace: HANDOFF_KPI_NAMESPACE, serviceName: "handoff-router" });
const log = logTo(logger);
const count = countTo(metrics);
const clock = () => new Date();
const dynamodb = new DynamoDBClient({});
const handoffs = new DynamoDbHandoffStore({ client: dynamodb, tableName: env.BATON_TABLE_NAME });

const dependencies: RouterDependencies = {
  screenPops: handoffs,
  routes: handoffs,
  contactCenter: new ConnectContactCenter({
    client: new ConnectClient({}),
    instance: env.BATON_CONNECT_INSTANCE_ID,
    transferFlow: env.BATON_TRANSFER_FLOW_ID,
  }),
  queues: new Map(Object.entries(env.BATON_QUEUE_MAP)),
  fallbackQueue: env.BATON_FALLBACK_QUEUE,
  kpi: {
    store: handoffs,
    publisher: new EventBridgePublisher({
      client: new EventBridgeClient({}),
      eventBusName: env.BATON_EVENT_BUS_NAME,
    }),
    metrics: new PowertoolsMetricsSink(metrics),
    clock,
    ttlDays: env.BATON_TTL_DAYS,
    reorderWindowSeconds: env.BATON_KPI_REORDER_WINDOW_SECONDS,
    log,
  },
  callbacks: {
    store: new DynamoDbCallbackStore({ client: dynamodb, tableName: env.BATON_TABLE_NAME }),
    scheduler: new EventBridgeCallbackScheduler({
      client: new SchedulerClient({}),
      targetArn: env.BATON_CALLBACK_FUNCTION_ARN,
      roleArn: env.BATON_SCHEDULER_ROLE_ARN,
      groupName: env.BATON_SCHEDULE_GROUP,
      deadLetterArn: env.BATON_CALLBACK_DLQ_ARN,
    }),
    clock,
    timing: callbackTiming(env),
    ttlDays: env.BATON_TTL_DAYS,
    log,
    count,
  },
  noCloserCallbackDelayMs: env.BATON_NO_CLOSER_CALLBACK_MINUTES * 60_000,
  clock,
  ttlDays: env.BATON_TTL_DAYS,
  log,
  count,
};

export const handler = middy((event: unknown) => routeHandoff(dependencies, event))
  .use(injectLambdaContext(logger))
  .use(logMetrics(metrics));
