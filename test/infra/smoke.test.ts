import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import {
  LexRuntimeV2Client,
  RecognizeTextCommand,
  type RecognizeTextCommandOutput,
} from "@aws-sdk/client-lex-runtime-v2";
import { DynamoDBDocumentClient, GetCommand } from "@aws-sdk/lib-dynamodb";
import { mockClient } from "aws-sdk-client-mock";
import { beforeEach, describe, expect, it } from "vitest";
import { runSmoke } from "../../scripts/smoke.js";

/** The post-deploy smoke script against mocks shaped like the Lex V2 RecognizeText and GetItem answers. */
const lex = mockClient(LexRuntimeV2Client);
const dynamodb = mockClient(DynamoDBDocumentClient);
const OPTIONS = {
  botAliasArn: "arn:aws:lex:us-east-1:111122223333:bot-alias/BOTID12345/ALIASID123",
  tableName: "Baton-StateTable",
  campaignId: "default",
  localeId: "en_US",
};
const clients = () => ({
  lex: new LexRuntimeV2Client({ region: "us-east-1" }),
  documents: DynamoDBDocumentClient.from(new DynamoDBClient({ region: "us-east-1" })),
});
const handoffAnswer = {
  sessionId: "s",
  sessionState: {
    dialogAction: { type: "Close" },
    intent: { name: "TalkToAgent", state: "Fulfilled" },
    sessionAttributes: {
      handoff: "true",
      handoff_trigger: "customer_request",
      handoff_queue: "baton-closers",
    },
  },
  messages: [{ contentType: "PlainText", content: "Let me get you a specialist." }],
} as unknown as RecognizeTextCommandOutput;

describe("the smoke script", () => {
  beforeEach(() => {
    lex.reset();
    dynamodb.reset();
  });

  it("passes when the bot hands off and the bus took Handoff.Requested", async () => {
    // Prepare
    lex.on(RecognizeTextCommand).resolves(handoffAnswer);
    dynamodb.on(GetCommand).resolves({ Item: { outbox: [{ detailType: "Handoff.Requested" }] } });
    // Act
    const checks = await runSmoke(clients(), OPTIONS);
    // Assess
    expect(checks.map((c) => c.ok)).toEqual([true, true]);
    const sent = lex.commandCalls(RecognizeTextCommand)[0]?.args[0].input;
    expect(sent).toMatchObject({ botId: "BOTID12345", botAliasId: "ALIASID123", localeId: "en_US" });
    expect(sent?.sessionState?.sessionAttributes?.contactId).toBe(sent?.sessionId);
    expect(dynamodb.commandCalls(GetCommand)[0]?.args[0].input.Key).toEqual({
      pk: `CONTACT#${sent?.sessionId}`,
      sk: "STATE",
    });
  });

  it("fails naming what is wrong: a fallback answer, an event the bus did not take, no item", async () => {
    // Prepare
    lex.on(RecognizeTextCommand).resolves({
      sessionState: { dialogAction: { type: "ElicitIntent" }, sessionAttributes: {} },
    } as unknown as RecognizeTextCommandOutput);
    dynamodb
      .on(GetCommand)
      .resolves({ Item: { outbox: [{ detailType: "Handoff.Requested" }], unpublished: new Set(["x"]) } });
    // Act
    const first = await runSmoke(clients(), OPTIONS);
    dynamodb.on(GetCommand).resolves({});
    const second = await runSmoke(clients(), OPTIONS);
    const badArn = await runSmoke(clients(), { ...OPTIONS, botAliasArn: "BOTID/ALIAS" });
    // Assess
    expect(first.map((c) => c.ok)).toEqual([false, false]);
    expect(first[0]?.detail).toMatch(/dialogAction ElicitIntent/);
    expect(first[1]?.detail).toMatch(/1 unpublished/);
    expect(second[1]?.detail).toMatch(/no item for contact baton-smoke-/);
    expect(badArn).toEqual([
      expect.objectContaining({ ok: false, detail: expect.stringMatching(/not a Lex V2 bot alias ARN/) }),
    ]);
  });
});
