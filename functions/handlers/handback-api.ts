import { Logger } from "@aws-lambda-powertools/logger";
import { injectLambdaContext } from "@aws-lambda-powertools/logger/middleware";
import { Metrics } from "@aws-lambda-powertools/metrics";
import { logMetrics } from "@aws-lambda-powertools/metrics/middleware";
import { ConnectClient } from "@aws-sdk/client-connect";
import { EventBridgeClient } from "@aws-sdk/client-eventbridge";
import middy from "@middy/core";
import type { APIGatewayProxyStructuredResultV2 } from "aws-lambda";
import type { HandbackApiErrorCode, HandbackApiResponse } from "../../contracts/handback-api.js";
import * as z from "../../contracts/zod.js";
import { ConnectHandbackContacts } from "../adapters/connect-handback-contacts.js";
import { EventBridgePublisher } from "../adapters/eventbridge-publisher.js";
import { type RequestHandbackDependencies, requestHandback } from "../application/request-handback.js";
import { ContactCenterError } from "../ports/contact-center.js";
import { readHandbackApiEnvironment } from "./after-transfer-config.js";
import { countTo, logTo } from "./observability.js";

/**
 * `POST /api/handbacks` behind API Gateway's Cognito JWT authorizer: a closer in the agent workspace
 * hands the call back to the AI (functions/application/request-handback.ts). The caller is the token's
 * `cognito:username`; the body is the contact, a note and when to call again.
 */
const env = readHandbackApiEnvironment(process.env);
const logger = new Logger({ serviceName: "baton-handback-api" });
const metrics = new Metrics({ namespace: "Baton", serviceName: "handback-api" });

const dependencies: RequestHandbackDependencies = {
  contacts: new ConnectHandbackContacts({
    client: new ConnectClient({}),
    instance: env.BATON_CONNECT_INSTANCE_ID,
  }),
  publisher: new EventBridgePublisher({
    client: new EventBridgeClient({}),
    eventBusName: env.BATON_EVENT_BUS_NAME,
  }),
  clock: () => new Date(),
  log: logTo(logger),
  count: countTo(metrics),
};

/** The part of an HTTP API (payload 2.0) event with a JWT authorizer this handler reads. */
const HttpApiEvent = z.object({
  body: z.optional(z.string()),
  isBase64Encoded: z.optional(z.boolean()),
  requestContext: z.object({
    authorizer: z.optional(z.object({ jwt: z.object({ claims: z.record(z.string(), z.unknown()) }) })),
  }),
});

const STATUS: Record<HandbackApiErrorCode, number> = {
  invalid_request: 400,
  not_signed_in: 401,
  unknown_contact: 404,
  not_a_baton_contact: 409,
  not_your_contact: 403,
  connect_unavailable: 502,
  publish_failed: 503,
};

export async function handleHandbackApi(
  deps: RequestHandbackDependencies,
  event: unknown,
): Promise<APIGatewayProxyStructuredResultV2> {
  const parsed = HttpApiEvent.safeParse(event);
  if (!parsed.success) return reply(400, error("invalid_request", "not an HTTP API request"));
  const { body, isBase64Encoded, requestContext } = parsed.data;
  const username = requestContext.authorizer?.jwt.claims["cognito:username"];
  let json: unknown;
  try {
    json = JSON.parse(isBase64Encoded ? Buffer.from(body ?? "", "base64").toString("utf8") : (body ?? ""));
  } catch {
    return reply(400, error("invalid_request", "the body is not JSON"));
  }
  try {
    const outcome = await requestHandback(deps, typeof username === "string" ? username : undefined, json);
    if (outcome.status === "requested") return reply(202, outcome);
    return reply(STATUS[outcome.code], error(outcome.code, outcome.message));
  } catch (failure) {
    if (!(failure instanceof ContactCenterError)) throw failure;
    deps.log("error", "Connect did not answer the handback check", { error: failure.message });
    deps.count("HandbackContactLookupFailed");
    return reply(502, error("connect_unavailable", "Amazon Connect did not answer; try again"));
  }
}

function error(code: HandbackApiErrorCode, message: string): HandbackApiResponse {
  return { error: { code, message } };
}

function reply(statusCode: number, body: HandbackApiResponse): APIGatewayProxyStructuredResultV2 {
  return {
    statusCode,
    headers: { "content-type": "application/json", "cache-control": "no-store" },
    body: JSON.stringify(body),
  };
}

export const handler = middy((event: unknown) => handleHandbackApi(dependencies, event))
  .use(injectLambdaContext(logger))
  .use(logMetrics(metrics));
