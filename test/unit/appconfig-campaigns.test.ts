import { AppConfigProvider } from "@aws-lambda-powertools/parameters/appconfig";
import {
  AppConfigDataClient,
  GetLatestConfigurationCommand,
  ResourceNotFoundException,
  StartConfigurationSessionCommand,
} from "@aws-sdk/client-appconfigdata";
import { mockClient } from "aws-sdk-client-mock";
import { beforeEach, describe, expect, it } from "vitest";
import { AppConfigCampaigns, campaignIdOfLexEvent } from "../../functions/adapters/appconfig-campaigns.js";
import { defaultCampaign } from "../../functions/domain/campaigns.js";

const appConfig = mockClient(AppConfigDataClient);
/** The SDK's response body: bytes that can also read themselves as a string. */
const blob = (text: string) =>
  Object.assign(new TextEncoder().encode(text), { transformToString: () => text });
const bytes = (value: unknown) => blob(JSON.stringify(value));

function campaigns(maxAgeSeconds = 60) {
  const logged: Array<{ message: string; details: Record<string, unknown> }> = [];
  const provider = new AppConfigProvider({
    application: "baton",
    environment: "live",
    awsSdkV3Client: new AppConfigDataClient({ region: "us-east-1" }),
  });
  const source = new AppConfigCampaigns({
    provider,
    maxAgeSeconds,
    log: (_level, message, details) => logged.push({ message, details }),
  });
  return { source, logged };
}

describe("campaigns read from AWS AppConfig through Powertools Parameters", () => {
  beforeEach(() => {
    appConfig.reset();
    appConfig.on(StartConfigurationSessionCommand).resolves({ InitialConfigurationToken: "token-1" });
  });

  it("reads a campaign's configuration profile, named by the campaign id", async () => {
    // Prepare
    appConfig.on(GetLatestConfigurationCommand).resolves({
      Configuration: bytes(defaultCampaign),
      NextPollConfigurationToken: "token-2",
      ContentType: "application/json",
    });
    const { source } = campaigns();
    // Act
    const campaign = await source.get("default");
    // Assess
    expect(campaign).toEqual(defaultCampaign);
    expect(appConfig.commandCalls(StartConfigurationSessionCommand)[0]?.args[0].input).toMatchObject({
      ApplicationIdentifier: "baton",
      EnvironmentIdentifier: "live",
      ConfigurationProfileIdentifier: "default",
    });
  });

  it("serves repeated turns from the cache, and the same campaign object (compiled once)", async () => {
    // Prepare
    appConfig
      .on(GetLatestConfigurationCommand)
      .resolves({ Configuration: bytes(defaultCampaign), NextPollConfigurationToken: "t" });
    const { source } = campaigns(60);
    // Act
    const first = await source.get("default");
    const second = await source.get("default");
    // Assess
    expect(appConfig.commandCalls(GetLatestConfigurationCommand)).toHaveLength(1);
    expect(second).toBe(first);
  });

  it("keeps the parsed campaign when AppConfig says nothing changed (empty configuration)", async () => {
    // Prepare: maxAge 0 asks AppConfig on every read; the second answer is empty, as for an unchanged profile.
    appConfig
      .on(GetLatestConfigurationCommand)
      .resolvesOnce({ Configuration: bytes(defaultCampaign), NextPollConfigurationToken: "t2" })
      .resolves({ Configuration: blob(""), NextPollConfigurationToken: "t3" });
    const { source } = campaigns(0);
    // Act
    const first = await source.get("default");
    const second = await source.get("default");
    // Assess
    expect(appConfig.commandCalls(GetLatestConfigurationCommand)).toHaveLength(2);
    expect(second).toBe(first);
  });

  it("treats an invalid campaign as absent, so the turn fails toward a human", async () => {
    // Prepare
    appConfig
      .on(GetLatestConfigurationCommand)
      .resolves({ Configuration: bytes({ id: "default", slots: [] }) });
    const { source, logged } = campaigns();
    // Act
    const registry = await source.registryFor("default");
    // Assess
    expect(registry.has("default")).toBe(false);
    expect(logged[0]?.message).toBe("campaign in AppConfig is invalid");
  });

  it("treats an unknown profile as absent and says why", async () => {
    // Prepare
    appConfig
      .on(StartConfigurationSessionCommand)
      .rejects(new ResourceNotFoundException({ message: "Profile not found", $metadata: {} }));
    const { source, logged } = campaigns();
    // Act
    const campaign = await source.get("solar");
    // Assess
    expect(campaign).toBeUndefined();
    expect(logged[0]?.details).toMatchObject({ campaignId: "solar" });
  });

  it("never asks AppConfig for an id that cannot be a campaign", async () => {
    const { source } = campaigns();
    expect(await source.get("../../etc")).toBeUndefined();
    expect(appConfig.calls()).toHaveLength(0);
  });
});

describe("the campaign a Lex event names", () => {
  it.each([
    [{ sessionState: { sessionAttributes: { campaignId: "insurance-quotes" } } }, "insurance-quotes"],
    [{ sessionState: { sessionAttributes: { campaignId: "  " } } }, "default"],
    [{ sessionState: {} }, "default"],
    ["not an event", "default"],
  ])("%j -> %s", (event, id) => {
    expect(campaignIdOfLexEvent(event, "default")).toBe(id);
  });
});
