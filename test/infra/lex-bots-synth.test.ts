import { copyFileSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { Template } from "aws-cdk-lib/assertions";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { defaultCampaign } from "../../functions/domain/campaigns.js";
import { REPO_ROOT } from "../../infra/stack.js";
import { exampleApp } from "./support.js";

type Resource = { Type: string; Properties: Record<string, unknown>; DependsOn?: string[] };

/**
 * A deployment whose campaigns differ in language: two British English campaigns (one bot between them) and
 * one in US Spanish with its own phrases, beside the shipped campaigns.
 */
let folder = "";
let resources: Record<string, Resource> = {};
const ofType = (type: string) => Object.entries(resources).filter(([, r]) => r.Type === type);
const campaign = (id: string, language: string, lex: unknown) => ({
  ...defaultCampaign,
  id,
  product: { ...defaultCampaign.product, language },
  script: { ...defaultCampaign.script, greeting: `Hello from ${id}.` },
  lex,
});

beforeAll(() => {
  folder = mkdtempSync(join(tmpdir(), "baton-lex-campaigns-"));
  for (const name of readdirSync(resolve(REPO_ROOT, "campaigns")))
    copyFileSync(resolve(REPO_ROOT, "campaigns", name), join(folder, name));
  const british = { locale: "en_GB" };
  const spanish = {
    locale: "es_US",
    intents: { TalkToAgent: { utterances: ["quiero hablar con una persona", "páseme con un agente"] } },
  };
  const files = {
    "uk-a.json": campaign("uk-a", "English", british),
    "uk-b.json": campaign("uk-b", "English", british),
    "spanish.json": campaign("spanish", "Spanish", spanish),
  };
  for (const [name, body] of Object.entries(files)) writeFileSync(join(folder, name), JSON.stringify(body));
  const { app, stack } = exampleApp({ campaignFile: join(folder, "default.json") });
  app.synth();
  resources = Template.fromStack(stack).toJSON().Resources;
}, 180_000);

afterAll(() => rmSync(folder, { recursive: true, force: true }));

describe("Lex bots synthesized for campaigns in other locales", () => {
  it("builds one bot per locale and intent set: the two en_GB campaigns share one", () => {
    const bots = ofType("AWS::Lex::Bot").map(([, bot]) => {
      const [locale] = bot.Properties.BotLocales as Array<{
        LocaleId: string;
        Intents: Array<{ Name: string }>;
      }>;
      return { name: String(bot.Properties.Name), locale: locale?.LocaleId, intents: locale?.Intents ?? [] };
    });
    expect(bots.map((bot) => [bot.name.replace(/^.*-baton/, "baton"), bot.locale]).sort()).toEqual([
      ["baton", "en_US"],
      ["baton-insurance-quotes", "en_US"],
      ["baton-spanish", "es_US"],
      ["baton-uk-a", "en_GB"],
    ]);
    const spanish = bots.find((bot) => bot.locale === "es_US");
    expect(spanish?.intents.map((intent) => intent.Name)).toEqual(["TalkToAgent", "FallbackIntent"]);
  });

  it("versions and aliases each bot in its own locale, with the code hook on that locale", () => {
    for (const [, version] of ofType("AWS::Lex::BotVersion")) {
      const [spec] = version.Properties.BotVersionLocaleSpecification as Array<{ LocaleId: string }>;
      expect(["en_US", "en_GB", "es_US"]).toContain(spec?.LocaleId);
    }
    const aliasLocales = ofType("AWS::Lex::BotAlias").map(([, alias]) => {
      const [setting] = alias.Properties.BotAliasLocaleSettings as Array<{ LocaleId: string }>;
      return setting?.LocaleId;
    });
    expect(aliasLocales.sort()).toEqual(["en_GB", "en_US", "en_US", "es_US"]);
    const lexAssociations = ofType("AWS::Connect::IntegrationAssociation").filter(
      ([, association]) => association.Properties.IntegrationType === "LEX_BOT",
    );
    expect(lexAssociations.length).toBe(4);
  });

  it("sends both British campaigns' inbound calls to the en_GB bot's alias, each with its greeting", () => {
    const [ukAlias] = ofType("AWS::Lex::BotAlias").filter(([, alias]) =>
      JSON.stringify(alias.Properties.BotAliasLocaleSettings).includes("en_GB"),
    );
    const inbound = ofType("AWS::Connect::ContactFlow").find(
      ([, flow]) => flow.Properties.Name === "Baton inbound AI",
    );
    // The content is an Fn::Join: each action's literal text, then the alias ARN token it names.
    const content = inbound?.[1].Properties.Content as { "Fn::Join": [string, unknown[]] };
    const parts = content["Fn::Join"][1];
    for (const id of ["uk-a", "uk-b"]) {
      const at = parts.findIndex((part) => typeof part === "string" && part.includes(`Hello from ${id}.`));
      const literal = String(parts[at]);
      expect(literal.slice(literal.indexOf(`Hello from ${id}.`)), id).toMatch(
        /^[^{}]*"LexV2Bot":\{"AliasArn":"$/,
      );
      expect(parts[at + 1], id).toEqual({ "Fn::GetAtt": [ukAlias?.[0], "Arn"] });
    }
  });
});
