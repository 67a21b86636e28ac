import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { ignoredLexHints, LexV2Event, LexV2Response } from "../../contracts/lex-v2.js";

async function fixture(name: string): Promise<unknown> {
  return JSON.parse(await readFile(new URL(`../fixtures/lex/${name}`, import.meta.url), "utf8"));
}

describe("Lex V2 code hook contract", () => {
  it.each(["dialog-code-hook-speech.json", "fallback-intent-text.json", "dtmf-only.json"])(
    "parses the event fixture %s",
    async (name) => {
      // Prepare
      const event = await fixture(name);
      // Act
      const parsed = LexV2Event.safeParse(event);
      // Assess
      expect(parsed.error).toBeUndefined();
    },
  );

  it.each(["response-elicit-intent.json", "response-close-fulfilled.json"])(
    "parses the response fixture %s",
    async (name) => {
      // Prepare
      const response = await fixture(name);
      // Act
      const parsed = LexV2Response.safeParse(response);
      // Assess
      expect(parsed.error).toBeUndefined();
    },
  );

  it("reads the speech turn's NLU confidence, sentiment scores and Connect attributes", async () => {
    // Prepare
    const event = await fixture("dialog-code-hook-speech.json");
    // Act
    const parsed = LexV2Event.parse(event);
    // Assess
    const [top] = parsed.interpretations;
    expect(top?.nluConfidence).toBe(0.91);
    expect(top?.sentimentResponse?.sentimentScore?.neutral).toBe(0.88);
    expect(parsed.transcriptions?.[0]?.transcriptionConfidence).toBe(0.94);
    expect(parsed.sessionState.sessionAttributes).toMatchObject({
      contactId: "b2c4e6f8-1a3c-4e5a-8b7d-9f0e1d2c3b4a",
      leadId: "lead-000417",
      campaignId: "default",
    });
  });

  it("tolerates fields Lex adds later, at the top and nested", async () => {
    // Prepare
    const event = (await fixture("fallback-intent-text.json")) as Record<string, unknown>;
    const extended = {
      ...event,
      futureTopLevelField: { anything: true },
      bot: { ...(event.bot as object), futureBotField: "x" },
    };
    // Act
    const parsed = LexV2Event.safeParse(extended);
    // Assess
    expect(parsed.success).toBe(true);
  });

  it("accepts sentiment scores sent as numeric strings and drops (and names) a sentiment with non-numeric ones", async () => {
    // Prepare
    const event = (await fixture("dialog-code-hook-speech.json")) as { interpretations: unknown[] };
    const withScores = (score: unknown) => ({
      ...event,
      interpretations: [
        {
          intent: { name: "QualifyLead", slots: {}, state: "InProgress", confirmationState: "None" },
          sentimentResponse: {
            sentiment: "NEGATIVE",
            sentimentScore: { positive: "0.01", negative: score, neutral: "0.05", mixed: "0.02" },
          },
        },
      ],
    });
    // Act
    const numeric = LexV2Event.safeParse(withScores("0.92"));
    const garbage = LexV2Event.safeParse(withScores("very"));
    // Assess
    expect(numeric.data?.interpretations[0]?.sentimentResponse?.sentimentScore?.negative).toBe(0.92);
    expect(garbage.success).toBe(true);
    expect(garbage.data?.interpretations[0]?.sentimentResponse).toBeUndefined();
    expect(ignoredLexHints(withScores("very"))).toEqual(["interpretations.0.sentimentResponse"]);
    expect(ignoredLexHints(withScores("0.92"))).toEqual([]);
  });

  it("rejects an ElicitIntent response without messages", async () => {
    // Prepare
    const response = (await fixture("response-elicit-intent.json")) as Record<string, unknown>;
    const { messages: _messages, ...withoutMessages } = response;
    // Act
    const parsed = LexV2Response.safeParse(withoutMessages);
    // Assess
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((issue) => issue.path.join("."))).toContain("messages");
  });

  it("rejects a session attribute that is not a string", async () => {
    // Prepare
    const response = (await fixture("response-close-fulfilled.json")) as {
      sessionState: { sessionAttributes: Record<string, unknown> };
    };
    const withNumber = {
      ...response,
      sessionState: {
        ...response.sessionState,
        sessionAttributes: { ...response.sessionState.sessionAttributes, baton_turn: 7 },
      },
    };
    // Act
    const parsed = LexV2Response.safeParse(withNumber);
    // Assess
    expect(parsed.success).toBe(false);
  });
});
