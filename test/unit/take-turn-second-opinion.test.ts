import {
  BedrockRuntimeClient,
  ConverseCommand,
  type ConverseCommandOutput,
} from "@aws-sdk/client-bedrock-runtime";
import { mockClient } from "aws-sdk-client-mock";
import { beforeEach, describe, expect, it } from "vitest";
import { BedrockTurnReader, READ_TURN_TOOL } from "../../functions/adapters/bedrock-turn-reader.js";
import { InMemoryEventPublisher } from "../../functions/adapters/in-memory.js";
import { type TurnDependencies, type TurnRequest, takeTurn } from "../../functions/application/take-turn.js";
import { CampaignRegistry, defaultCampaign } from "../../functions/domain/campaigns.js";
import { READER_LABELS, type ReaderLabel, type ReaderScores } from "../../functions/domain/reader/labels.js";
import type { TurnReader, TurnReaderInput } from "../../functions/domain/reader/turn-reader.js";
import type { SecondOpinion } from "../../functions/ports/second-opinion.js";
import { InMemoryStateStore } from "../support/in-memory-state-store.js";

const NOW = new Date("2026-03-02T10:15:00.000Z");
const bedrock = mockClient(BedrockRuntimeClient);

function scores(values: Partial<Record<ReaderLabel, number>>): ReaderScores {
  return Object.fromEntries(READER_LABELS.map((label) => [label, values[label] ?? 0.02])) as ReaderScores;
}

/** The local reader, fixed: a test decides how sure it is. */
function localReader(reading: ReaderScores): TurnReader {
  return { version: "local-test", read: () => reading };
}

class RecordingSecondOpinion implements SecondOpinion {
  readonly asked: Array<{ input: TurnReaderInput; deadlineMs: number }> = [];
  constructor(private readonly answer: ReaderScores | null) {}
  async read(input: TurnReaderInput, deadlineMs: number): Promise<ReaderScores | null> {
    this.asked.push({ input, deadlineMs });
    return this.answer;
  }
}

function dependencies(overrides: Partial<TurnDependencies>): TurnDependencies {
  return {
    stateStore: new InMemoryStateStore(),
    publisher: new InMemoryEventPublisher(),
    languageModel: { nextLine: async (request) => ({ text: request.scriptedLine, source: "script" }) },
    campaigns: new CampaignRegistry([defaultCampaign]),
    clock: () => NOW,
    ttlDays: 90,
    ...overrides,
  };
}

const request: TurnRequest = {
  contactId: "contact-1",
  campaignId: defaultCampaign.id,
  turnKey: "turn-1",
  text: "could I maybe talk it over with someone on your side",
  inputMode: "Speech",
};

describe("a second opinion on uncertain turns", () => {
  beforeEach(() => {
    bedrock.reset();
  });

  it("averages a second reading into an uncertain one, and the engine decides on the result", async () => {
    // Prepare
    const second = new RecordingSecondOpinion(scores({ person_request: 0.96 }));
    const answered: boolean[] = [];
    const deps = dependencies({
      reader: localReader(scores({ person_request: 0.45 })),
      secondOpinion: { reader: second, maxMs: 600 },
      onSecondOpinion: (ok) => answered.push(ok),
    });

    // Act
    const { reply } = await takeTurn(deps, request);

    // Assess
    expect(second.asked).toHaveLength(1);
    expect(second.asked[0]?.input.text).toBe(request.text);
    expect(second.asked[0]?.deadlineMs).toBe(600);
    expect(answered).toEqual([true]);
    expect(reply.action).toBe("handoff");
  });

  it("keeps a sure local reading without asking", async () => {
    // Prepare
    const second = new RecordingSecondOpinion(scores({ person_request: 0.96 }));
    const deps = dependencies({
      reader: localReader(scores({ person_request: 0.05 })),
      secondOpinion: { reader: second, maxMs: 600 },
    });

    // Act
    const { reply } = await takeTurn(deps, request);

    // Assess
    expect(second.asked).toHaveLength(0);
    expect(reply.action).toBe("continue");
  });

  it("lets the local reading stand when the second opinion does not come back", async () => {
    // Prepare
    const second = new RecordingSecondOpinion(null);
    const answered: boolean[] = [];
    const deps = dependencies({
      reader: localReader(scores({ person_request: 0.45 })),
      secondOpinion: { reader: second, maxMs: 600 },
      onSecondOpinion: (ok) => answered.push(ok),
    });

    // Act
    const { reply } = await takeTurn(deps, request);

    // Assess
    expect(answered).toEqual([false]);
    expect(reply.action).toBe("continue");
  });

  it("asks only within what the turn has left, and not at all when that is too little", async () => {
    // Prepare
    const roomy = new RecordingSecondOpinion(null);
    const tight = new RecordingSecondOpinion(null);
    const uncertain = localReader(scores({ person_request: 0.45 }));

    // Act
    await takeTurn(
      dependencies({ reader: uncertain, secondOpinion: { reader: roomy, maxMs: 5_000 } }),
      request,
      {
        deadlineAt: NOW.getTime() + 1_000,
      },
    );
    await takeTurn(
      dependencies({ reader: uncertain, secondOpinion: { reader: tight, maxMs: 5_000 } }),
      request,
      {
        deadlineAt: NOW.getTime() + 600,
      },
    );

    // Assess: 1,000 ms less the write (400) and the shortest model line (150); 600 leaves 50.
    expect(roomy.asked.map((asked) => asked.deadlineMs)).toEqual([450]);
    expect(tight.asked).toHaveLength(0);
  });

  it("reads with Bedrock Converse's forced tool answer at the SDK boundary", async () => {
    // Prepare
    const toolAnswer: ConverseCommandOutput = {
      $metadata: { httpStatusCode: 200 },
      output: {
        message: {
          role: "assistant",
          content: [
            {
              toolUse: {
                toolUseId: "tooluse_1",
                name: READ_TURN_TOOL,
                input: Object.fromEntries(
                  READER_LABELS.map((label) => [label, label === "person_request" ? 0.97 : 0.01]),
                ),
              },
            },
          ],
        },
      },
      stopReason: "tool_use",
      usage: { inputTokens: 512, outputTokens: 160, totalTokens: 672 },
      metrics: { latencyMs: 420 },
    };
    bedrock.on(ConverseCommand).resolves(toolAnswer);
    const reader = new BedrockTurnReader({
      client: new BedrockRuntimeClient({ region: "us-east-1" }),
      modelId: "us.amazon.nova-lite-v1:0",
      deadlineMs: 800,
    });
    const deps = dependencies({
      reader: localReader(scores({ person_request: 0.4 })),
      secondOpinion: { reader, maxMs: 800 },
    });

    // Act
    const { reply } = await takeTurn(deps, request);

    // Assess
    const sent = bedrock.commandCalls(ConverseCommand)[0]?.args[0].input;
    expect(sent?.toolConfig?.toolChoice).toEqual({ tool: { name: READ_TURN_TOOL } });
    expect(reply.action).toBe("handoff");
  });
});
