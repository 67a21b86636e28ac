import type { MiddlewareObj } from "@middy/core";

/** What a handler uses of the Powertools tracer: its AWS clients traced, and the handler's own segment. */
export interface Tracing {
  captureAWSv3Client<T>(client: T): T;
  /** Middy middlewares: the tracer's captureLambdaHandler, or none when tracing is off. */
  middlewares: MiddlewareObj[];
}

/** Tracing off: clients as they are, no middleware (what the Powertools tracer does when disabled). */
export const UNTRACED: Tracing = { captureAWSv3Client: (client) => client, middlewares: [] };

/**
 * The Powertools tracer, loaded only when it would trace: in a Lambda execution environment and unless
 * POWERTOOLS_TRACE_ENABLED is "false" (the tracer's own rule). Importing it loads the X-Ray SDK, about 50 ms of
 * a cold start and 110 KB of code, which a start with tracing off does not need: the bundle keeps it in a
 * chunk beside index.mjs (infra/bundling.ts) that only this import reads.
 */
export async function loadTracing(
  serviceName: string,
  env: NodeJS.ProcessEnv = process.env,
): Promise<Tracing> {
  if (!tracingWanted(env)) return UNTRACED;
  const { powertoolsTracing } = await import("./powertools-tracing.js");
  return powertoolsTracing(serviceName);
}

export function tracingWanted(env: NodeJS.ProcessEnv): boolean {
  return (
    (env.POWERTOOLS_TRACE_ENABLED ?? "").toLowerCase() !== "false" && (env.AWS_EXECUTION_ENV ?? "") !== ""
  );
}
