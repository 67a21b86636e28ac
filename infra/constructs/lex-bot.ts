import { createHash } from "node:crypto";
import { Stack } from "aws-cdk-lib";
import { PolicyDocument, PolicyStatement, Role, ServicePrincipal } from "aws-cdk-lib/aws-iam";
import type { IFunction } from "aws-cdk-lib/aws-lambda";
import { CfnBot, CfnBotAlias, CfnBotVersion } from "aws-cdk-lib/aws-lex";
import { Construct } from "constructs";
import type { BotDefinition } from "../lex-bots.js";
import { type GeneratedIntent, intentsFromTrainingData } from "../lex-intents.js";
import { acknowledge } from "../nag.js";

export const BOT_LOCALE = "en_US";

/**
 * Intents are signals for the engine, not a dialog: every utterance goes to the conversation-turn function
 * (dialog code hook on every intent), which combines a confident intent with the turn reader's score
 * (functions/domain/reader/read-signals.ts). The intents and their sample utterances are generated from the
 * reader's training data (`infra/lex-intents.ts`), so both readers learn the same categories. Slots are
 * extracted by the engine from the words, so the bot has none.
 */
export const BOT_INTENTS: readonly GeneratedIntent[] = intentsFromTrainingData();

export interface LexBotProps {
  /** The conversation-turn function: the code hook of the alias. */
  codeHook: IFunction;
  /** Locale, intents and voice (infra/lex-bots.ts); by default en_US with the generated intents. */
  definition?: Pick<BotDefinition, "name" | "isDefault" | "locale" | "voiceId" | "intents">;
}

const DEFAULT_DEFINITION = {
  name: "default",
  isDefault: true,
  locale: BOT_LOCALE,
  voiceId: "Joanna",
  intents: BOT_INTENTS,
} as const;

/**
 * A Baton Lex V2 bot: one locale (en_US by default) with the signal intents and AMAZON.FallbackIntent, the dialog code hook on
 * every intent, a version built from DRAFT (a new one whenever the definition changes), and the "live"
 * alias with the conversation-turn function as its code hook and sentiment analysis on.
 */
export class LexBot extends Construct {
  readonly bot: CfnBot;
  readonly version: CfnBotVersion;
  readonly alias: CfnBotAlias;

  constructor(scope: Construct, id: string, props: LexBotProps) {
    super(scope, id);
    const role = new Role(this, "Role", {
      assumedBy: new ServicePrincipal("lexv2.amazonaws.com"),
      description: "Baton Lex V2 bot: speech synthesis and sentiment",
      inlinePolicies: {
        runtime: new PolicyDocument({
          statements: [
            new PolicyStatement({
              actions: ["polly:SynthesizeSpeech", "comprehend:DetectSentiment"],
              resources: ["*"],
            }),
          ],
        }),
      },
    });
    acknowledge(
      role,
      "AwsSolutions-IAM5",
      "polly:SynthesizeSpeech and comprehend:DetectSentiment act on no resource, so they cannot be scoped.",
      ["Resource::*"],
    );

    const definition = props.definition ?? DEFAULT_DEFINITION;
    const localeId = definition.locale;
    const hook = { enabled: true };
    const locale: CfnBot.BotLocaleProperty = {
      localeId,
      description:
        localeId === BOT_LOCALE ? "Baton AI sales calls, US English" : `Baton AI sales calls, ${localeId}`,
      nluConfidenceThreshold: 0.4,
      ...(definition.voiceId ? { voiceSettings: { voiceId: definition.voiceId, engine: "neural" } } : {}),
      intents: [
        ...definition.intents.map(
          (intent): CfnBot.IntentProperty => ({
            name: intent.name,
            description: intent.description,
            sampleUtterances: intent.utterances.map((utterance) => ({ utterance })),
            dialogCodeHook: hook,
            fulfillmentCodeHook: hook,
          }),
        ),
        {
          name: "FallbackIntent",
          description: "Everything else the caller says: the code hook reads the words",
          parentIntentSignature: "AMAZON.FallbackIntent",
          dialogCodeHook: hook,
          fulfillmentCodeHook: hook,
        },
      ],
    };
    const { account, region, partition } = Stack.of(this);
    const codeHookSettings = [
      {
        localeId,
        botAliasLocaleSetting: {
          enabled: true,
          codeHookSpecification: {
            lambdaCodeHook: { codeHookInterfaceVersion: "1.0", lambdaArn: props.codeHook.functionArn },
          },
        },
      },
    ];
    // Lex bot names: letters and digits with single _ or - between them.
    const suffix = definition.isDefault ? "" : `-${definition.name.replace(/-+/g, "-").replace(/-$/, "")}`;
    this.bot = new CfnBot(this, "Bot", {
      name: `${Stack.of(this).stackName}-baton${suffix}`.slice(0, 100),
      description: "Baton AI caller: every turn is decided by the conversation-turn function",
      roleArn: role.roleArn,
      dataPrivacy: { ChildDirected: false },
      idleSessionTtlInSeconds: 300,
      autoBuildBotLocales: true,
      botLocales: [locale],
      testBotAliasSettings: {
        botAliasLocaleSettings: codeHookSettings,
        sentimentAnalysisSettings: { DetectSentiment: true },
      },
    });

    // A bot version is immutable: the description carries a hash of the definition so that a change makes
    // a new version (and the alias moves to it) instead of silently keeping the old one.
    const hash = createHash("sha256").update(JSON.stringify(locale)).digest("hex").slice(0, 16);
    this.version = new CfnBotVersion(this, "Version", {
      botId: this.bot.attrId,
      description: `Baton bot definition ${hash}`,
      botVersionLocaleSpecification: [{ localeId, botVersionLocaleDetails: { sourceBotVersion: "DRAFT" } }],
    });
    this.alias = new CfnBotAlias(this, "Alias", {
      botId: this.bot.attrId,
      botAliasName: "live",
      description: "The alias Amazon Connect talks to",
      botVersion: this.version.attrBotVersion,
      botAliasLocaleSettings: codeHookSettings,
      sentimentAnalysisSettings: { DetectSentiment: true },
    });

    // Lex may invoke the code hook for this bot's live alias and its test alias, nothing else.
    const permission = definition.isDefault ? "" : `-${definition.name}`;
    props.codeHook.addPermission(`InvokeFromLexAlias${permission}`, {
      principal: new ServicePrincipal("lexv2.amazonaws.com"),
      action: "lambda:InvokeFunction",
      sourceAccount: account,
      sourceArn: this.alias.attrArn,
    });
    props.codeHook.addPermission(`InvokeFromLexTestAlias${permission}`, {
      principal: new ServicePrincipal("lexv2.amazonaws.com"),
      action: "lambda:InvokeFunction",
      sourceAccount: account,
      sourceArn: `arn:${partition}:lex:${region}:${account}:bot-alias/${this.bot.attrId}/TSTALIASID`,
    });
  }
}
