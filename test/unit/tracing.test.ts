import { SQSClient } from "@aws-sdk/client-sqs";
import { afterEach, describe, expect, it, vi } from "vitest";
import { loadTracing, UNTRACED } from "../../functions/handlers/tracing.js";

describe("loadTracing", () => {
  afterEach(() => vi.unstubAllEnvs());

  it("loads the Powertools tracer in Lambda: clients are instrumented and the handler gets its segment", async () => {
    // Prepare
    const client = new SQSClient({ region: "us-east-1" });
    vi.stubEnv("AWS_EXECUTION_ENV", "AWS_Lambda_nodejs22.x");
    vi.stubEnv("POWERTOOLS_TRACE_ENABLED", undefined);
    // Act
    const tracing = await loadTracing("baton-test");
    // Assess
    expect(tracing).not.toBe(UNTRACED);
    expect(tracing.middlewares).toHaveLength(1);
    expect(tracing.middlewares[0]?.before).toBeTypeOf("function");
    expect(tracing.captureAWSv3Client(client)).toBe(client);
    expect(client.middlewareStack.identify().join(" ")).toMatch(/XRaySDKInstrumentation/);
  });

  it("leaves the tracer unloaded when POWERTOOLS_TRACE_ENABLED is false", async () => {
    // Prepare
    vi.stubEnv("AWS_EXECUTION_ENV", "AWS_Lambda_nodejs22.x");
    vi.stubEnv("POWERTOOLS_TRACE_ENABLED", "False");
    // Act
    const tracing = await loadTracing("baton-test");
    // Assess
    expect(tracing).toBe(UNTRACED);
  });

  it("leaves the tracer unloaded outside Lambda, where it would not trace", async () => {
    // Prepare
    vi.stubEnv("AWS_EXECUTION_ENV", undefined);
    vi.stubEnv("POWERTOOLS_TRACE_ENABLED", undefined);
    // Act
    const tracing = await loadTracing("baton-test");
    // Assess
    expect(tracing).toBe(UNTRACED);
    expect(tracing.middlewares).toEqual([]);
  });
});
