import { Logger } from "@aws-lambda-powertools/logger";
import { injectLambdaContext } from "@aws-lambda-powertools/logger/middleware";
import { Metrics, MetricUnit } from "@aws-lambda-powertools/metrics";
import { logMetrics } from "@aws-lambda-powertools/metrics/middleware";
import { AppConfigProvider } from "@aws-lambda-powertools/parameters/appconfig";
import { AppConfigDataClient } from "@aws-sdk/client-appconfigdata";
import { BedrockRuntimeClient } from "@aws-sdk/client-bedrock-runtime";
import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { EventBridgeClient } from "@aws-sdk/client-eventbridge";
import { SQSClient } from "@aws-sdk/client-sqs";
import middy from "@middy/core";
import defaultCampaignDocument from "../../campaigns/default.json" with { type: "json" };
import {
  TURN_METRICS_NAMESPACE,
  TURN_METRICS_SERVICE,
  TURN_READER_METRICS,
} from "../../contracts/turn-metrics.js";
import { AppConfigCampaigns, campaignIdOfLexEvent } from "../adapters/appconfig-campaigns.js";
import { BedrockLanguageModel } from "../adapters/bedrock-language-model.js";
import { BedrockTurnReader } from "../adapters/bedrock-turn-reader.js";
import { CALL_PATH_LIMITS, clientSettings } from "../adapters/call-path-clients.js";
import { DynamoDbStateStore } from "../adapters/dynamodb-state-store.js";
import { EventBridgePublisher } from "../adapters/eventbridge-publisher.js";
import { SqsPendingEvents } from "../adapters/sqs-pending-events.js";
import { answerLex, type LexConversationDependencies } from "../application/lex-conversation.js";
import { readCallPathEnvironment } from "./config.js";
import { loadTracing } from "./tracing.js";

/** Amazon Lex V2 code hook: one customer turn of an AI sales call (see functions/application/lex-conversation.ts). */
const env = readCallPathEnvironment(process.env);
const logger = new Logger({ serviceName: "baton-conversation-turn" });
const metrics = new Metrics({ namespace: TURN_METRICS_NAMESPACE, serviceName: TURN_METRICS_SERVICE });
const tracer = await loadTracing("baton-conversation-turn");

// Every client has connection and request timeouts and bounded retries: a caller is waiting.
const dynamodb = new DynamoDBClient(clientSettings(CALL_PATH_LIMITS.dynamodb));
const eventBridge = new EventBridgeClient(clientSettings(CALL_PATH_LIMITS.eventbridge));
// One traced client for the AI's lines and the second reading of uncertain turns.
const bedrock = tracer.captureAWSv3Client(new BedrockRuntimeClient(clientSettings(CALL_PATH_LIMITS.bedrock)));
const sqs = new SQSClient(clientSettings(CALL_PATH_LIMITS.sqs));

// Campaigns live in AppConfig (infra/constructs/campaign-config.ts): a change rolls out without a redeploy.
const campaigns = new AppConfigCampaigns({
  provider: new AppConfigProvider({
    application: env.BATON_CAMPAIGN_APPLICATION,
    environment: env.BATON_CAMPAIGN_ENVIRONMENT,
    awsSdkV3Client: tracer.captureAWSv3Client(new AppConfigDataClient({})),
  }),
  maxAgeSeconds: env.BATON_CAMPAIGN_MAX_AGE_SECONDS,
  log: (level, message, details) => logger[level](message, details),
});

const dependencies: Omit<LexConversationDependencies, "campaigns"> = {
  stateStore: new DynamoDbStateStore({
    client: tracer.captureAWSv3Client(dynamodb),
    tableName: env.BATON_TABLE_NAME,
  }),
  publisher: new EventBridgePublisher({
    client: tracer.captureAWSv3Client(eventBridge),
    eventBusName: env.BATON_EVENT_BUS_NAME,
    // The SDK retries a failed call; the publisher's own retries are for entries refused one by one.
    maxAttempts: 2,
  }),
  languageModel: new BedrockLanguageModel({
    client: bedrock,
    modelId: env.BATON_MODEL_ID,
    deadlineMs: env.BATON_MODEL_DEADLINE_MS,
  }),
  pendingEvents: new SqsPendingEvents({
    client: tracer.captureAWSv3Client(sqs),
    queueUrl: env.BATON_PENDING_EVENTS_QUEUE_URL,
  }),
  ...(env.BATON_SECOND_OPINION_MS > 0
    ? {
        secondOpinion: {
          reader: new BedrockTurnReader({
            client: bedrock,
            modelId: env.BATON_MODEL_ID,
            deadlineMs: env.BATON_SECOND_OPINION_MS,
          }),
          maxMs: env.BATON_SECOND_OPINION_MS,
        },
        onSecondOpinion: (answered: boolean) =>
          metrics.addMetric(
            answered ? TURN_READER_METRICS.secondOpinion : TURN_READER_METRICS.secondOpinionMissed,
            MetricUnit.Count,
            1,
          ),
      }
    : {}),
  clock: () => new Date(),
  ttlDays: env.BATON_TTL_DAYS,
  turnDeadlineMs: env.BATON_TURN_DEADLINE_MS,
  defaultCampaignId: env.BATON_DEFAULT_CAMPAIGN,
  fallbackQueue: env.BATON_FALLBACK_QUEUE,
  // What the caller hears when no campaign loads: the bundled default's line, without parsing the campaign.
  fallbackLine: defaultCampaignDocument.script.handoff,
  maxSilentTurns: env.BATON_MAX_SILENT_TURNS,
  onPublishFailure: (ids, contactId) => logger.warn("events left for the outbox relay", { ids, contactId }),
  log: (level, message, details) => logger[level](message, details),
  count: (metric, value = 1) => metrics.addMetric(metric, MetricUnit.Count, value),
};

export const handler = middy(async (event: unknown) => {
  const campaignId = campaignIdOfLexEvent(event, env.BATON_DEFAULT_CAMPAIGN);
  return answerLex({ ...dependencies, campaigns: await campaigns.registryFor(campaignId) }, event);
})
  .use(tracer.middlewares)
  .use(injectLambdaContext(logger))
  .use(logMetrics(metrics));
