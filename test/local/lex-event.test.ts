import { readFile } from "node:fs/promises";
import { expect, it } from "vitest";
import { LexV2Event } from "../../contracts/lex-v2.js";
import { lexEventForTurn } from "../../local/calls/lex-event.js";

const fixture = LexV2Event.parse(
  JSON.parse(
    await readFile(new URL("../fixtures/lex/dialog-code-hook-speech.json", import.meta.url), "utf8"),
  ),
);

it("builds code hook events in the shape Lex sends (the documented fixture's fields, no others)", () => {
  const event = lexEventForTurn({
    sessionId: "contact-1",
    text: "we have maybe five hundred a month set aside for it",
    inputMode: "Speech",
    sessionAttributes: { contactId: "contact-1", leadId: "lead-1", campaignId: "default" },
    requestId: "7d1f0c52-2b7e-4b8e-a1c4-6f3d9e2a8b01",
    sentiment: "NEUTRAL",
  });
  expect(LexV2Event.parse(event)).toEqual(event);
  // Everything the fixture has except the NLU's proposal, which a FallbackIntent turn does not carry.
  const fixtureKeys = Object.keys(fixture).filter((key) => key !== "proposedNextState");
  expect(Object.keys(event).sort()).toEqual(fixtureKeys.sort());
  expect(Object.keys(event.sessionState).sort()).toEqual(
    Object.keys(fixture.sessionState)
      .filter((key) => key !== "dialogAction")
      .sort(),
  );
  expect(event.sessionState.originatingRequestId).toBe("7d1f0c52-2b7e-4b8e-a1c4-6f3d9e2a8b01");
  expect(event.interpretations[0]?.sentimentResponse?.sentiment).toBe("NEUTRAL");
});

it("leaves out speech transcriptions for typed text, as Lex does", () => {
  const event = lexEventForTurn({
    sessionId: "contact-1",
    text: "hello",
    inputMode: "Text",
    sessionAttributes: {},
    requestId: "r-1",
  });
  expect(event.transcriptions).toBeUndefined();
  expect(event.responseContentType).toBe("text/plain; charset=utf-8");
  expect(LexV2Event.safeParse(event).success).toBe(true);
});
