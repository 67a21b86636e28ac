import {
  BedrockRuntimeClient,
  ConverseCommand,
  type ConverseCommandOutput,
  ThrottlingException,
  type ToolUseBlock,
} from "@aws-sdk/client-bedrock-runtime";
import { mockClient } from "aws-sdk-client-mock";
import { beforeEach, describe, expect, it } from "vitest";
import type { QualificationState } from "../../contracts/qualification-state.js";
import { BedrockLanguageModel, RECORD_SLOTS_TOOL } from "../../functions/adapters/bedrock-language-model.js";
import { defaultCampaign } from "../../functions/domain/campaigns.js";
import { recordLine, startContact } from "../../functions/domain/engine.js";
import type { NextLineRequest } from "../../functions/ports/language-model.js";

const bedrock = mockClient(BedrockRuntimeClient);
const SCRIPTED = "And when would you ideally want the new system up and running?";

/** Converse response in the documented shape. */
function textAnswer(
  text: string,
  stopReason: ConverseCommandOutput["stopReason"] = "end_turn",
): ConverseCommandOutput {
  return {
    $metadata: { httpStatusCode: 200 },
    output: { message: { role: "assistant" as const, content: [{ text }] } },
    stopReason,
    usage: { inputTokens: 412, outputTokens: 23, totalTokens: 435 },
    metrics: { latencyMs: 640 },
  };
}

function toolAnswer(input: ToolUseBlock["input"]): ConverseCommandOutput {
  return {
    $metadata: { httpStatusCode: 200 },
    output: {
      message: {
        role: "assistant" as const,
        content: [
          { toolUse: { toolUseId: "tooluse_kZJMlvQmRJ6eAyJE5GIl7Q", name: RECORD_SLOTS_TOOL, input } },
        ],
      },
    },
    stopReason: "tool_use" as const,
    usage: { inputTokens: 520, outputTokens: 61, totalTokens: 581 },
    metrics: { latencyMs: 810 },
  };
}

function request(state?: QualificationState): NextLineRequest {
  let base = startContact({ contactId: "contact-1", campaignId: "default", leadId: "lead-1" });
  base = {
    ...base,
    nextTurn: 4,
    customerTurns: 2,
    slots: {
      budget: { value: "500/month", turn: 1, confidence: 0.9, quote: "about 500 a month", corrected: false },
    },
    recent: [
      { turn: 0, speaker: "ai", text: "Hi, this is the Nimbus assistant. Do you have a couple of minutes?" },
      { turn: 1, speaker: "customer", text: "Sure. We spend about 500 a month on phones." },
      { turn: 2, speaker: "customer", text: "It's mostly the landlines." },
      { turn: 3, speaker: "agent", text: "Thanks, noted." },
      { turn: 4, speaker: "ai", text: "Who else would be involved in the decision?" },
      { turn: 5, speaker: "customer", text: "Just me, I own the place." },
    ],
  };
  return {
    campaign: defaultCampaign,
    state: state ?? base,
    missing: ["need", "timeline"],
    scriptedLine: SCRIPTED,
  };
}

function model(deadlineMs = 1_500) {
  return new BedrockLanguageModel({
    client: new BedrockRuntimeClient({ region: "us-east-1" }),
    modelId: "anthropic.claude-3-haiku-20240307-v1:0",
    deadlineMs,
  });
}

function lastConverseInput() {
  const calls = bedrock.commandCalls(ConverseCommand);
  const input = calls.at(-1)?.args[0].input;
  if (!input) throw new Error("no Converse call");
  return input;
}

describe("BedrockLanguageModel.nextLine", () => {
  beforeEach(() => {
    bedrock.reset();
  });

  it("uses the model's answer", async () => {
    // Prepare
    bedrock
      .on(ConverseCommand)
      .resolves(textAnswer("  Great, thanks. What's the main thing you'd want fixed?  "));
    // Act
    const line = await model().nextLine(request());
    // Assess
    expect(line).toEqual({ text: "Great, thanks. What's the main thing you'd want fixed?", source: "model" });
  });

  it("sends a system prompt with the campaign, the confirmed slots, the questions and the rules", async () => {
    // Prepare
    bedrock.on(ConverseCommand).resolves(textAnswer("Okay."));
    const withNote = { ...request().state, handbackNote: "Wants pricing for 12 seats in writing." };
    // Act
    await model().nextLine(request(withNote));
    // Assess
    const input = lastConverseInput();
    const system = input.system?.[0]?.text ?? "";
    expect(input.modelId).toBe("anthropic.claude-3-haiku-20240307-v1:0");
    expect(input.inferenceConfig?.maxTokens).toBe(200);
    expect(system).toContain("Nimbus Voice");
    expect(system).toContain("never ask about these again");
    expect(system).toContain("Budget: 500/month");
    expect(system).toContain("What's the main thing you'd want a new phone system to fix for you?");
    expect(system).toContain("Wants pricing for 12 seats in writing.");
    expect(system).toContain("never greet or introduce yourself again");
    expect(system).toContain("at most two");
  });

  it("sends messages that start with the user and alternate roles", async () => {
    // Prepare
    bedrock.on(ConverseCommand).resolves(textAnswer("Okay."));
    // Act
    await model().nextLine(request());
    // Assess
    const messages = lastConverseInput().messages ?? [];
    const roles = messages.map((message) => message.role);
    expect(roles[0]).toBe("user");
    expect(roles.at(-1)).toBe("user");
    roles.forEach((role, index) => {
      if (index > 0) expect(role).not.toBe(roles[index - 1]);
    });
    expect(messages[2]?.content?.[0]?.text).toBe(
      "Sure. We spend about 500 a month on phones.\nIt's mostly the landlines.",
    );
  });

  it("falls back to the script with a reason when the model answers after the deadline", async () => {
    // Prepare
    // Never answers: only the deadline can end the call, so the test does not race a timer.
    bedrock.on(ConverseCommand).callsFake(() => new Promise(() => {}));
    // Act
    const line = await model(20).nextLine(request());
    // Assess
    expect(line).toEqual({ text: SCRIPTED, source: "script", reason: "timeout" });
    const sendArgs: readonly unknown[] = bedrock.commandCalls(ConverseCommand)[0]?.args ?? [];
    expect(sendArgs[1]).toMatchObject({ abortSignal: { aborted: true } });
  });

  it("falls back when Bedrock throttles", async () => {
    // Prepare
    bedrock
      .on(ConverseCommand)
      .rejects(new ThrottlingException({ message: "Too many requests, please wait.", $metadata: {} }));
    // Act
    const line = await model().nextLine(request());
    // Assess
    expect(line).toEqual({ text: SCRIPTED, source: "script", reason: "throttled" });
  });

  it("falls back on any other SDK error", async () => {
    // Prepare
    bedrock.on(ConverseCommand).rejects(new Error("socket hang up"));
    // Act
    const line = await model().nextLine(request());
    // Assess
    expect(line).toMatchObject({ source: "script", reason: "sdk_error:Error" });
  });

  it("falls back when the answer is longer than 400 characters", async () => {
    // Prepare
    bedrock.on(ConverseCommand).resolves(textAnswer(`Well, ${"let me tell you about Nimbus. ".repeat(20)}`));
    // Act
    const line = await model().nextLine(request());
    // Assess
    expect(line).toEqual({ text: SCRIPTED, source: "script", reason: "too_long" });
  });

  it("falls back when the answer is empty", async () => {
    // Prepare
    bedrock.on(ConverseCommand).resolves(textAnswer("   "));
    // Act
    const line = await model().nextLine(request());
    // Assess
    expect(line).toEqual({ text: SCRIPTED, source: "script", reason: "empty" });
  });

  it("falls back when a guardrail stopped the answer", async () => {
    // Prepare
    bedrock
      .on(ConverseCommand)
      .resolves(textAnswer("Sorry, I can't help with that.", "guardrail_intervened"));
    // Act
    const line = await model().nextLine(request());
    // Assess
    expect(line).toEqual({ text: SCRIPTED, source: "script", reason: "stop_reason:guardrail_intervened" });
  });

  it("starts with the user even when only the AI has spoken", async () => {
    // Prepare
    bedrock.on(ConverseCommand).resolves(textAnswer("Okay."));
    const fresh = recordLine(
      startContact({ contactId: "contact-2", campaignId: "default" }),
      "ai",
      defaultCampaign.script.greeting,
      defaultCampaign,
    );
    // Act
    await model().nextLine(request(fresh));
    // Assess
    const roles = (lastConverseInput().messages ?? []).map((message) => message.role);
    expect(roles).toEqual(["user", "assistant", "user"]);
  });
});

describe("BedrockLanguageModel.extractSlots", () => {
  beforeEach(() => {
    bedrock.reset();
  });

  it("forces the record_slots tool and keeps only the campaign's slots and values", async () => {
    // Prepare
    bedrock.on(ConverseCommand).resolves(
      toolAnswer({
        slots: [
          { slot: "timeline", value: "next quarter", confidence: 0.8 },
          { slot: "need", value: "contact_center", confidence: 0.7 },
          { slot: "favourite_colour", value: "blue", confidence: 0.99 },
          { slot: "need", value: "world_peace", confidence: 0.9 },
        ],
      }),
    );
    const text = "We want the call center live by next quarter.";
    // Act
    const slots = await model().extractSlots(request(), text);
    // Assess
    expect(slots).toEqual([
      { slot: "timeline", value: "next quarter", confidence: 0.8, correction: false, quote: text },
      { slot: "need", value: "contact_center", confidence: 0.7, correction: false, quote: text },
    ]);
    const input = lastConverseInput();
    expect(input.toolConfig?.toolChoice).toEqual({ tool: { name: RECORD_SLOTS_TOOL } });
    const spec = input.toolConfig?.tools?.[0]?.toolSpec;
    expect(spec?.name).toBe(RECORD_SLOTS_TOOL);
    expect(spec?.inputSchema?.json).toMatchObject({ type: "object", required: ["slots"] });
    expect(input.messages?.[0]).toEqual({ role: "user", content: [{ text }] });
  });

  it("returns [] when the tool input does not match the schema", async () => {
    // Prepare
    bedrock
      .on(ConverseCommand)
      .resolves(toolAnswer({ slots: [{ slot: "budget", value: 500, confidence: "high" }] }));
    // Act
    const slots = await model().extractSlots(request(), "About 500 a month.");
    // Assess
    expect(slots).toEqual([]);
  });

  it("returns [] when the model answers with text instead of the tool", async () => {
    // Prepare
    bedrock.on(ConverseCommand).resolves(textAnswer("The budget is 500."));
    // Act
    const slots = await model().extractSlots(request(), "About 500 a month.");
    // Assess
    expect(slots).toEqual([]);
  });

  it("returns [] when Bedrock throttles or the deadline passes", async () => {
    // Prepare
    bedrock
      .on(ConverseCommand)
      .rejectsOnce(new ThrottlingException({ message: "Too many requests", $metadata: {} }))
      .callsFake(() => new Promise(() => {}));
    // Act
    const throttled = await model(20).extractSlots(request(), "About 500 a month.");
    const late = await model(20).extractSlots(request(), "About 500 a month.");
    // Assess
    expect(throttled).toEqual([]);
    expect(late).toEqual([]);
  });
});
