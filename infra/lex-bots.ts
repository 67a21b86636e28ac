import {
  type Campaign,
  LEX_SIGNAL_INTENTS,
  type LexLocale,
  type LexSettings,
  spokenPhrase,
} from "../contracts/campaign.js";
import type { GeneratedIntent } from "./lex-intents.js";

/** One Lex V2 bot of the deployment and the campaigns that talk through it. */
export interface BotDefinition {
  /** The first campaign's id (the default campaign's for the default bot): names the bot's constructs. */
  name: string;
  /** The bot every campaign without a `lex` section uses. */
  isDefault: boolean;
  locale: LexLocale;
  /** Polly voice for the bot's own prompts, when Baton knows a neural one for the locale. */
  voiceId: string | undefined;
  intents: GeneratedIntent[];
  campaignIds: string[];
}

const DEFAULT_LEX: LexSettings = { locale: "en_US", intents: {} };

/** Neural Polly voices for the locales a campaign is most likely to pick; other locales get Lex's default. */
const VOICES: Partial<Record<LexLocale, string>> = {
  en_US: "Joanna",
  en_GB: "Amy",
  en_AU: "Olivia",
  es_US: "Lupe",
  es_ES: "Lucia",
  fr_CA: "Gabrielle",
  fr_FR: "Lea",
  de_DE: "Vicki",
};

/**
 * The bots a set of campaigns needs: one per distinct locale and intent set, the default campaign's
 * (the first) always the first bot. English locales start from the phrases generated from the reader's
 * training data; a campaign's phrases are added, and a phrase it gives to another intent leaves the
 * generated one (Lex gives a phrase to one intent). Other locales use only the campaign's phrases.
 */
export function lexBotsFor(
  campaigns: readonly Campaign[],
  generated: readonly GeneratedIntent[],
): BotDefinition[] {
  const bots = new Map<string, BotDefinition>();
  campaigns.forEach((campaign, index) => {
    const lex = campaign.lex ?? DEFAULT_LEX;
    const intents = intentsOf(lex, generated);
    const key = JSON.stringify([lex.locale, intents]);
    const bot = bots.get(key);
    if (bot) {
      bot.campaignIds.push(campaign.id);
      return;
    }
    bots.set(key, {
      name: campaign.id,
      isDefault: index === 0,
      locale: lex.locale,
      voiceId: VOICES[lex.locale],
      intents,
      campaignIds: [campaign.id],
    });
  });
  return [...bots.values()];
}

function intentsOf(lex: LexSettings, generated: readonly GeneratedIntent[]): GeneratedIntent[] {
  const english = lex.locale.startsWith("en_");
  const own = new Map(
    Object.entries(lex.intents).map(([name, intent]) => [name, intent.utterances.map(spokenPhrase)]),
  );
  const claimed = new Map([...own].flatMap(([name, phrases]) => phrases.map((p) => [p, name] as const)));
  const builtIn = Object.keys(LEX_SIGNAL_INTENTS).map((name): GeneratedIntent => {
    const base = generated.find((intent) => intent.name === name);
    const phrases = english ? (base?.utterances ?? []).filter((p) => (claimed.get(p) ?? name) === name) : [];
    return {
      name,
      description: base?.description ?? name,
      utterances: unique([...phrases, ...(own.get(name) ?? [])]),
    };
  });
  const added = Object.entries(lex.intents)
    .filter(([name]) => !(name in LEX_SIGNAL_INTENTS))
    .map(
      ([name, intent]): GeneratedIntent => ({
        name,
        description: `The campaign's ${intent.signal ?? "signal"} intent`,
        utterances: unique(own.get(name) ?? []),
      }),
    );
  return [...builtIn, ...added].filter((intent) => intent.utterances.length > 0);
}

const unique = (phrases: readonly string[]) => [...new Set(phrases)].sort();
