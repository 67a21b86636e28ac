import {
  BedrockRuntimeClient,
  ConverseCommand,
  type ConverseCommandOutput,
  ThrottlingException,
  type ToolUseBlock,
} from "@aws-sdk/client-bedrock-runtime";
import { mockClient } from "aws-sdk-client-mock";
import { beforeEach, describe, expect, it } from "vitest";
import { BedrockTurnReader, READ_TURN_TOOL } from "../../functions/adapters/bedrock-turn-reader.js";
import { READER_LABELS } from "../../functions/domain/reader/labels.js";

const bedrock = mockClient(BedrockRuntimeClient);

/** Converse response with a forced tool use, in the documented shape. */
function toolAnswer(input: ToolUseBlock["input"]): ConverseCommandOutput {
  return {
    $metadata: { httpStatusCode: 200 },
    output: {
      message: {
        role: "assistant" as const,
        content: [{ toolUse: { toolUseId: "tooluse_Qm3bJ0sTRNa1xV5yFhZkAg", name: READ_TURN_TOOL, input } }],
      },
    },
    stopReason: "tool_use" as const,
    usage: { inputTokens: 610, outputTokens: 140, totalTokens: 750 },
    metrics: { latencyMs: 720 },
  };
}

const allZero = () => Object.fromEntries(READER_LABELS.map((label) => [label, 0.02]));

describe("BedrockTurnReader", () => {
  beforeEach(() => bedrock.reset());

  it("forces the read_turn tool and returns its probabilities", async () => {
    // Prepare
    bedrock.on(ConverseCommand).resolves(toolAnswer({ ...allZero(), quote_request: 0.93 }));
    const reader = new BedrockTurnReader({
      client: new BedrockRuntimeClient({}),
      modelId: "us.amazon.nova-lite-v1:0",
    });
    // Act
    const scores = await reader.read({ text: "can you quote me a life policy", aiLine: "How can I help?" });
    // Assess
    expect(scores?.quote_request).toBe(0.93);
    const sent = bedrock.commandCalls(ConverseCommand)[0]?.args[0].input;
    expect(sent?.toolConfig?.toolChoice).toEqual({ tool: { name: READ_TURN_TOOL } });
    expect(JSON.stringify(sent?.messages)).toContain("How can I help?");
  });

  it("returns null when the tool answer misses a label or is out of range", async () => {
    // Prepare
    const { person_request: _missing, ...partial } = allZero();
    bedrock
      .on(ConverseCommand)
      .resolvesOnce(toolAnswer(partial))
      .resolvesOnce(toolAnswer({ ...allZero(), buy_now: 3 }));
    const reader = new BedrockTurnReader({ client: new BedrockRuntimeClient({}), modelId: "m" });
    // Act
    const first = await reader.read({ text: "hello" });
    const second = await reader.read({ text: "hello" });
    // Assess
    expect(first).toBeNull();
    expect(second).toBeNull();
  });

  it("returns null when Bedrock throttles, and never calls it for an empty turn", async () => {
    // Prepare
    bedrock.on(ConverseCommand).rejects(new ThrottlingException({ message: "Rate exceeded", $metadata: {} }));
    const reader = new BedrockTurnReader({ client: new BedrockRuntimeClient({}), modelId: "m" });
    // Act
    const throttled = await reader.read({ text: "i want a person" });
    const empty = await reader.read({ text: "   " });
    // Assess
    expect(throttled).toBeNull();
    expect(empty).toBeNull();
    expect(bedrock.commandCalls(ConverseCommand)).toHaveLength(1);
  });

  it("aborts the call at its deadline and returns null", async () => {
    // Prepare: a Converse that never answers.
    bedrock.on(ConverseCommand).callsFake(() => new Promise<never>(() => {}));
    const reader = new BedrockTurnReader({
      client: new BedrockRuntimeClient({}),
      modelId: "m",
      deadlineMs: 5,
    });
    // Act
    const scores = await reader.read({ text: "hello?" });
    // Assess
    expect(scores).toBeNull();
    const sendArgs: readonly unknown[] = bedrock.commandCalls(ConverseCommand)[0]?.args ?? [];
    expect(sendArgs[1]).toMatchObject({ abortSignal: { aborted: true } });
  });
});
