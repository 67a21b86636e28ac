import { Logger } from "@aws-lambda-powertools/logger";
import { injectLambdaContext } from "@aws-lambda-powertools/logger/middleware";
import { Metrics } from "@aws-lambda-powertools/metrics";
import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { EventBridgeClient } from "@aws-sdk/client-eventbridge";
import middy from "@middy/core";
import { HANDOFF_KPI_NAMESPACE } from "../../contracts/handoff-kpi.js";
import { DynamoDbHandoffStore } from "../adapters/dynamodb-handoff-store.js";
import { EventBridgePublisher } from "../adapters/eventbridge-publisher.js";
import { PowertoolsMetricsSink } from "../adapters/powertools-metrics-sink.js";
import { type HandoffKpiDependencies, recordHandoffKpi } from "../application/record-handoff-kpi.js";
import { readKpiEnvironment } from "./after-transfer-config.js";
import { logTo } from "./observability.js";

/**
 * Target of the rules `baton-handoff-kpi-requests` (Handoff.Requested, Handoff.Outcome) and
 * `baton-handoff-kpi-contact-events` (Amazon Connect contact events): the per-handoff KPI state machine
 * (functions/application/record-handoff-kpi.ts). Throws only when outcome events stay unpublished, so
 * EventBridge's retry publishes them (the KPI write itself is idempotent).
 */
const env = readKpiEnvironment(process.env);
const logger = new Logger({ serviceName: "baton-handoff-kpi" });
const metrics = new Metrics({ namespace: HANDOFF_KPI_NAMESPACE, serviceName: "handoff-kpi" });

const dependencies: HandoffKpiDependencies = {
  store: new DynamoDbHandoffStore({ client: new DynamoDBClient({}), tableName: env.BATON_TABLE_NAME }),
  publisher: new EventBridgePublisher({
    client: new EventBridgeClient({}),
    eventBusName: env.BATON_EVENT_BUS_NAME,
  }),
  metrics: new PowertoolsMetricsSink(metrics),
  clock: () => new Date(),
  ttlDays: env.BATON_TTL_DAYS,
  reorderWindowSeconds: env.BATON_KPI_REORDER_WINDOW_SECONDS,
  log: logTo(logger),
};

export const handler = middy(async (event: unknown) => {
  const outcome = await recordHandoffKpi(dependencies, event);
  if ((outcome.status === "applied" || outcome.status === "duplicate") && outcome.unpublished.length > 0) {
    throw new Error(`handoff ${outcome.contactId}: ${outcome.unpublished.length} event(s) not published yet`);
  }
  return outcome;
}).use(injectLambdaContext(logger));
