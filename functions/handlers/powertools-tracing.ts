import { Tracer } from "@aws-lambda-powertools/tracer";
import { captureLambdaHandler } from "@aws-lambda-powertools/tracer/middleware";
import type { Tracing } from "./tracing.js";

/**
 * The Powertools tracer as a handler's Tracing. Only `loadTracing` imports this file, dynamically, so the
 * bundler puts it and the X-Ray SDK in a chunk of their own that a start with tracing off never reads.
 */
export function powertoolsTracing(serviceName: string): Tracing {
  const tracer = new Tracer({ serviceName });
  return {
    captureAWSv3Client: (client) => tracer.captureAWSv3Client(client),
    middlewares: [captureLambdaHandler(tracer)],
  };
}
