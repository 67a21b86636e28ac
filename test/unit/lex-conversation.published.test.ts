import { readFile } from "node:fs/promises";
import { describe, expect, it, vi } from "vitest";
import { LexV2Response } from "../../contracts/lex-v2.js";
import { InMemoryEventPublisher, InMemoryPendingEvents } from "../../functions/adapters/in-memory.js";
import { ScriptedLanguageModel } from "../../functions/adapters/scripted-language-model.js";
import { answerLex, type LexConversationDependencies } from "../../functions/application/lex-conversation.js";
import { CampaignRegistry, defaultCampaign } from "../../functions/domain/campaigns.js";
import { InMemoryStateStore } from "../support/in-memory-state-store.js";

/** AWS's own Lex V2 test events (test/fixtures/aws-published/README.md) on the live call path. */
async function sample(name: string): Promise<Record<string, unknown>> {
  const url = new URL(`../fixtures/aws-published/lex-v2/${name}`, import.meta.url);
  return JSON.parse((await readFile(url, "utf8")).replace(/^\uFEFF/, ""));
}

function setup() {
  const log = vi.fn<LexConversationDependencies["log"]>();
  const deps: LexConversationDependencies = {
    stateStore: new InMemoryStateStore(),
    publisher: new InMemoryEventPublisher(),
    languageModel: new ScriptedLanguageModel(),
    pendingEvents: new InMemoryPendingEvents(),
    // A bound against hangs only: these tests check what is read, not how fast.
    turnDeadlineMs: 60_000,
    campaigns: new CampaignRegistry([defaultCampaign]),
    clock: () => new Date("2026-11-30T10:00:00.000Z"),
    ttlDays: 90,
    defaultCampaignId: "default",
    fallbackQueue: "baton-fallback",
    fallbackLine: "One moment.",
    maxSilentTurns: 3,
    log,
    count: vi.fn<LexConversationDependencies["count"]>(),
  };
  return { deps, log };
}

describe("answerLex on AWS-published Lex V2 events", () => {
  it.each(["dotnet-lexv2-event-2022-05.json", "dotnet-lexv2-event.json"])(
    "answers %s without a system fallback, logging the sentiment hint it dropped",
    async (name) => {
      // Prepare
      const { deps, log } = setup();
      const event = await sample(name);
      // Act
      const response = LexV2Response.parse(await answerLex(deps, event));
      // Assess
      expect(response.sessionState.sessionAttributes.handoff_trigger).not.toBe("system_fallback");
      expect(log).toHaveBeenCalledWith("warn", "Lex hints that did not parse were ignored", {
        ignored: ["interpretations.0.sentimentResponse"],
      });
    },
  );

  it("answers the SAM CLI BookHotel event as an ordinary turn, logging nothing", async () => {
    // Prepare
    const { deps, log } = setup();
    const event = await sample("sam-cli-LexBookHotel.json");
    // Act
    const response = LexV2Response.parse(await answerLex(deps, event));
    // Assess
    expect(response.sessionState.sessionAttributes.handoff_trigger).not.toBe("system_fallback");
    expect(log).not.toHaveBeenCalledWith("warn", expect.anything(), expect.anything());
  });
});
