import { describe, expect, it } from "vitest";
import { Campaign, type CampaignInput, LEX_LANGUAGE_NAMES, LexLocale } from "../../contracts/campaign.js";
import { readCampaignText } from "../../functions/domain/campaign-document.js";
import { defaultCampaign } from "../../functions/domain/campaigns.js";
import { READER_LABELS, type ReaderScores } from "../../functions/domain/reader/labels.js";
import { combineNlu } from "../../functions/domain/reader/read-signals.js";
import { lexBotsFor } from "../../infra/lex-bots.js";
import type { GeneratedIntent } from "../../infra/lex-intents.js";

const GENERATED: GeneratedIntent[] = [
  { name: "TalkToAgent", description: "person", utterances: ["can i talk to a person", "get me an agent"] },
  { name: "BuyNow", description: "buy", utterances: ["i want to buy it", "sign me up"] },
  { name: "RequestQuote", description: "quote", utterances: ["send me a quote"] },
];

/** The default campaign as a file would say it, with another id and the given `lex` section. */
function campaign(id: string, lex?: CampaignInput["lex"], language?: string): Campaign {
  const { product, ...rest } = defaultCampaign;
  return Campaign.parse({ ...rest, id, product: { ...product, language }, ...(lex ? { lex } : {}) });
}

function problemsOf(lex: unknown, language = "English"): string[] {
  const text = JSON.stringify({
    ...defaultCampaign,
    product: { ...defaultCampaign.product, language },
    lex,
  });
  const reading = readCampaignText(text, "json");
  return reading.ok ? [] : reading.problems.map((problem) => `${problem.field}: ${problem.message}`);
}

describe("a campaign's Lex section", () => {
  it("accepts a locale, more phrases for a built-in intent and a new intent with its signal", () => {
    // Prepare / Act
    const problems = problemsOf({
      locale: "en_GB",
      intents: {
        RequestQuote: { utterances: ["could you price up my policy"] },
        BindPolicy: { signal: "buy_now", utterances: ["put the cover in place"] },
      },
    });
    // Assess
    expect(problems).toEqual([]);
  });

  it.each([
    [
      { intents: { BindPolicy: { utterances: ["bind it"] } } },
      /^lex\.intents\.BindPolicy\.signal: a new intent needs the signal/,
    ],
    [
      { intents: { BuyNow: { signal: "quote_request", utterances: ["bind it"] } } },
      /^lex\.intents\.BuyNow\.signal: BuyNow stands for buy_now/,
    ],
    [
      {
        intents: {
          BuyNow: { utterances: ["Sign me up!"] },
          Enrol: { signal: "enroll_request", utterances: ["sign me up"] },
        },
      },
      /^lex\.intents\.Enrol\.utterances\.0: "sign me up" is already a phrase of BuyNow/,
    ],
    [
      { intents: { BuyNow: { utterances: ["buy {product}"] } } },
      /^lex\.intents\.BuyNow\.utterances\.0: sample phrases are words/,
    ],
    [
      { intents: { BuyNow: { utterances: ["buy 30 seats"] } } },
      /^lex\.intents\.BuyNow\.utterances\.0: sample phrases are words/,
    ],
    [
      { intents: { FallbackIntent: { signal: "buy_now", utterances: ["x y"] } } },
      /^lex\.intents\.FallbackIntent: intent names are letters and digits/,
    ],
    [{ locale: "en_XX" }, /^lex\.locale: /],
    [{ locale: "es_US" }, /^lex\.intents: the generated sample phrases are English/m],
  ])("refuses %j naming the field", (lex, expected) => {
    expect(problemsOf(lex).join("\n")).toMatch(expected);
  });

  it("refuses a locale in another language than product.language, and accepts the same one", () => {
    const spanish = { locale: "es_US", intents: { BuyNow: { utterances: ["quiero comprarlo"] } } };
    expect(problemsOf(spanish, "English").join("\n")).toMatch(
      /^lex\.locale: the bot's locale es_US is spanish/,
    );
    expect(problemsOf(spanish, "Spanish")).toEqual([]);
  });

  it("names each locale's language as Intl.DisplayNames does in English", () => {
    // Prepare
    const names = new Intl.DisplayNames(["en"], { type: "language" });
    const languages = [...new Set(LexLocale.options.map((locale) => locale.slice(0, 2)))];
    // Act
    const fromIntl = Object.fromEntries(
      languages.map((language) => [language, names.of(language)?.toLowerCase()]),
    );
    // Assess
    expect(LEX_LANGUAGE_NAMES).toEqual(fromIntl);
  });
});

describe("the bots a deployment's campaigns need", () => {
  it("gives campaigns without a Lex section the default bot, first, with the generated intents", () => {
    // Act
    const [bot, ...others] = lexBotsFor([campaign("default"), campaign("other")], GENERATED);
    // Assess
    expect(others).toEqual([]);
    expect(bot).toMatchObject({ name: "default", isDefault: true, locale: "en_US", voiceId: "Joanna" });
    expect(bot?.campaignIds).toEqual(["default", "other"]);
    expect(bot?.intents).toEqual(GENERATED);
  });

  it("shares one bot between campaigns with the same locale and intents, and a bot per other locale", () => {
    // Prepare
    const british = { locale: "en_GB" as const };
    const campaigns = [campaign("default"), campaign("uk-a", british), campaign("uk-b", british)];
    // Act
    const bots = lexBotsFor(campaigns, GENERATED);
    // Assess
    expect(bots.map((bot) => [bot.name, bot.locale, bot.campaignIds])).toEqual([
      ["default", "en_US", ["default"]],
      ["uk-a", "en_GB", ["uk-a", "uk-b"]],
    ]);
    expect(bots[1]?.intents).toEqual(GENERATED);
    expect(bots[1]?.voiceId).toBe("Amy");
  });

  it("adds the campaign's phrases and intents, and moves a generated phrase the campaign gives elsewhere", () => {
    // Prepare
    const lex = {
      intents: {
        RequestQuote: { utterances: ["What would my premium be?"] },
        Enrol: { signal: "enroll_request" as const, utterances: ["sign me up"] },
      },
    };
    // Act
    const [, bot] = lexBotsFor([campaign("default"), campaign("insurance", lex)], GENERATED);
    // Assess
    const phrases = Object.fromEntries(
      (bot?.intents ?? []).map((intent) => [intent.name, intent.utterances]),
    );
    expect(phrases).toEqual({
      TalkToAgent: ["can i talk to a person", "get me an agent"],
      BuyNow: ["i want to buy it"],
      RequestQuote: ["send me a quote", "what would my premium be"],
      Enrol: ["sign me up"],
    });
  });

  it("teaches a bot in another language only the campaign's phrases", () => {
    // Prepare
    const lex = {
      locale: "es_US" as const,
      intents: { TalkToAgent: { utterances: ["quiero hablar con una persona"] } },
    };
    // Act
    const [, bot] = lexBotsFor([campaign("default"), campaign("spanish", lex, "Spanish")], GENERATED);
    // Assess
    expect(bot?.intents).toEqual([
      { name: "TalkToAgent", description: "person", utterances: ["quiero hablar con una persona"] },
    ]);
    expect(bot?.voiceId).toBe("Lupe");
  });
});

describe("a campaign's own intent on the live path", () => {
  it("counts as its signal when Lex is confident, like a built-in intent", () => {
    // Prepare
    const scores = Object.fromEntries(READER_LABELS.map((label) => [label, 0.1])) as ReaderScores;
    const nlu = { intent: "BindPolicy", confidence: 0.9 };
    // Act
    const combined = combineNlu(scores, nlu, 0.8, { BindPolicy: { signal: "buy_now" } });
    const unknown = combineNlu(scores, nlu, 0.8);
    // Assess
    expect(combined.buy_now).toBeCloseTo(1 - 0.9 * 0.1);
    expect(unknown.buy_now).toBe(0.1);
  });
});
