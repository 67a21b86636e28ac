import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { ignoredLexHints, LexV2Event } from "../../contracts/lex-v2.js";

/** Lex V2 code hook events AWS publishes in aws/aws-sam-cli and aws/aws-lambda-dotnet (fixtures README). */
async function sample(name: string): Promise<Record<string, unknown>> {
  const url = new URL(`../fixtures/aws-published/lex-v2/${name}`, import.meta.url);
  return JSON.parse((await readFile(url, "utf8")).replace(/^\uFEFF/, ""));
}

describe("Lex V2 events as AWS publishes them", () => {
  it.each([
    [
      "sam-cli-BankingBot.json",
      { intent: "CheckBalance", nluConfidence: 1, mode: "Text", source: "FulfillmentCodeHook" },
    ],
    [
      "sam-cli-LexBookCar.json",
      { intent: "BookCar", nluConfidence: 1, mode: "Text", source: "DialogCodeHook" },
    ],
    [
      "sam-cli-LexBookHotel.json",
      { intent: "BookHotel", nluConfidence: 1, mode: "Text", source: "DialogCodeHook" },
    ],
  ])("reads %s: intent, NLU confidence as a number, no hint dropped", async (name, expected) => {
    // Prepare
    const event = await sample(name);
    // Act
    const parsed = LexV2Event.parse(event);
    // Assess
    const [top] = parsed.interpretations;
    expect(top?.intent.name).toBe(expected.intent);
    expect(top?.nluConfidence).toBe(expected.nluConfidence);
    expect(parsed.inputMode).toBe(expected.mode);
    expect(parsed.invocationSource).toBe(expected.source);
    expect(ignoredLexHints(event)).toEqual([]);
  });

  it.each([
    ["dotnet-lexv2-event-2022-05.json", 1],
    ["dotnet-lexv2-event.json", 0.79],
  ])(
    "reads the .NET event %s: NLU confidence %s, its unknown sentiment label dropped and named",
    async (name, confidence) => {
      // Prepare: the 2022-05 version sends nluConfidence as {"score": 1.0}, the runtime API's shape.
      const event = await sample(name);
      // Act
      const parsed = LexV2Event.parse(event);
      // Assess
      const [top, fallback] = parsed.interpretations;
      expect(top?.intent.name).toBe("TestAction");
      expect(top?.nluConfidence).toBe(confidence);
      expect(top?.sentimentResponse).toBeUndefined();
      expect(fallback?.intent.name).toBe("FallbackIntent");
      expect(parsed.inputMode).toBe("DTMF");
      expect(parsed.sessionState.sessionAttributes).toEqual({
        sessionattribute1: "sessionvalue1",
        sessionattribute2: "sessionvalue2",
      });
      expect(ignoredLexHints(event)).toEqual(["interpretations.0.sentimentResponse"]);
    },
  );

  it("accepts the runtime's None dialog action type in an event", async () => {
    // Prepare
    const event = await sample("sam-cli-LexBookHotel.json");
    const withNone = {
      ...event,
      sessionState: { ...(event.sessionState as object), dialogAction: { type: "None" } },
    };
    // Act
    const parsed = LexV2Event.safeParse(withNone);
    // Assess
    expect(parsed.data?.sessionState.dialogAction?.type).toBe("None");
  });
});
