import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { CfnOutput, Duration, RemovalPolicy, Stack, type StackProps } from "aws-cdk-lib";
import type { RetentionDays } from "aws-cdk-lib/aws-logs";
import type { Construct } from "constructs";
import { busRules, type RuleTarget } from "../contracts/bus-rules.js";
import type { BatonConfig } from "./config.js";
import { BatonFunction, bedrockModel } from "./constructs/baton-function.js";
import { CampaignConfig } from "./constructs/campaign-config.js";
import { ConnectCenter } from "./constructs/connect-center.js";
import { BusConsumers } from "./constructs/consumers.js";
import { ContactFlows } from "./constructs/contact-flows.js";
import { BatonBus } from "./constructs/event-bus.js";
import { HandbackApi } from "./constructs/handback-api.js";
import { KpiDashboard } from "./constructs/kpi-dashboard.js";
import { BOT_INTENTS, LexBot } from "./constructs/lex-bot.js";
import { OutboxRelay } from "./constructs/outbox-relay.js";
import { PendingEvents } from "./constructs/pending-events.js";
import { SchemaRegistry } from "./constructs/schema-registry.js";
import { StateTable } from "./constructs/state-table.js";
import { HANDBACK_PATH, WorkspaceApp } from "./constructs/workspace-app.js";
import { FUNCTION_COMMANDS } from "./iam/function-commands.js";
import { actionsOn, permissionsFor } from "./iam/sdk-permissions.js";
import { lexBotsFor } from "./lex-bots.js";
import { availableRuleTargets, type ConsumerSpec, ifWritten, START_CALLBACK } from "./rule-targets.js";
import { workspaceSiteSource } from "./workspace/site-source.js";

/** The repository root (infra/..), where functions/ and package-lock.json are. */
export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");

export interface BatonStackProps extends StackProps {
  config: BatonConfig;
  /**
   * The rule consumers to deploy; by default those whose handler file exists (rule-targets.ts). Tests pass
   * their own to exercise the wiring before every consumer is written.
   */
  ruleTargets?: Partial<Record<RuleTarget, ConsumerSpec>>;
  /** The start-callback function; by default when its handler exists, `false` for none. */
  startCallback?: ConsumerSpec | false;
}

/** Baton in one stack: state, bus, functions, the Lex bot and the Amazon Connect side. */
export class BatonStack extends Stack {
  readonly state: StateTable;
  readonly bus: BatonBus;
  readonly conversationTurn: BatonFunction;
  readonly campaigns: CampaignConfig;
  readonly relay: OutboxRelay;
  readonly pendingEvents: PendingEvents;
  readonly consumers: BusConsumers;
  /** The default campaign's bot. */
  readonly bot: LexBot;
  /** Every bot, the default first: one per distinct locale and intent set of the campaigns. */
  readonly bots: LexBot[];
  readonly connect: ConnectCenter;
  readonly flows: ContactFlows;
  readonly handbackApi: HandbackApi;
  readonly workspace: WorkspaceApp;

  constructor(scope: Construct, id: string, props: BatonStackProps) {
    super(scope, id, props);
    const { config } = props;
    const retentionDays = config.retentionDays as RetentionDays;
    const removalPolicy = config.deletionProtection ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY;
    const entry = (file: string) => resolve(REPO_ROOT, file);
    const depsLockFilePath = entry("package-lock.json");
    const model = bedrockModel(this, config.bedrock.modelId, config.bedrock.region);

    this.state = new StateTable(this, "State", { deletionProtection: config.deletionProtection });
    this.connect = new ConnectCenter(this, "Connect", {
      connect: config.connect,
      queues: config.queues,
      hoursOfOperation: config.hoursOfOperation,
      timeZone: config.timeZone,
      outboundCallerIdNumberArn: config.outboundCallerIdNumberArn,
    });
    this.bus = new BatonBus(this, "Events", {
      archiveRetentionDays: config.retentionDays,
      connectInstanceArn: this.connect.instanceArn,
    });
    new SchemaRegistry(this, "Schemas");

    this.conversationTurn = new BatonFunction(this, "ConversationTurn", {
      entry: entry("functions/handlers/conversation-turn.ts"),
      name: "conversation-turn",
      description: "Lex V2 code hook: decides every customer turn of an AI sales call",
      depsLockFilePath,
      retentionDays,
      removalPolicy,
      memorySize: 1024,
      // Lex waits for the hook; the model call has its own 1.5 s deadline and a scripted fallback.
      timeout: Duration.seconds(10),
    })
      .useStateTable(
        this.state.table,
        actionsOn(permissionsFor(FUNCTION_COMMANDS["conversation-turn"]), "state-table"),
      )
      .useEventBus(this.bus.bus)
      .useBedrockModel(model)
      .useSetting("BATON_DEFAULT_CAMPAIGN", config.campaign.id)
      .useSetting("BATON_FALLBACK_QUEUE", config.campaign.routes.system_fallback)
      .useSetting("BATON_SECOND_OPINION_MS", String(config.secondOpinionMs));
    this.campaigns = new CampaignConfig(this, "Campaigns", { campaigns: config.campaigns });
    this.campaigns.grantRead(this.conversationTurn);

    this.relay = new OutboxRelay(this, "OutboxRelay", {
      entry: entry("functions/handlers/outbox-relay.ts"),
      depsLockFilePath,
      table: this.state.table,
      bus: this.bus.bus,
      model,
      retentionDays,
      removalPolicy,
    });

    // A fallback handoff the bus would not take waits here for its relay.
    this.pendingEvents = new PendingEvents(this, "PendingEvents", {
      entry: entry("functions/handlers/pending-events-relay.ts"),
      depsLockFilePath,
      bus: this.bus.bus,
      producer: this.conversationTurn,
      retentionDays,
      removalPolicy,
    });

    // Campaigns with the same locale and intents share a bot; the default bot keeps its construct ids.
    const definitions = lexBotsFor(config.campaigns, BOT_INTENTS);
    this.bots = definitions.map(
      (definition) =>
        new LexBot(this, definition.isDefault ? "Bot" : `Bot-${definition.name}`, {
          codeHook: this.conversationTurn,
          definition,
        }),
    );
    const [defaultBot] = this.bots;
    if (!defaultBot) throw new Error("no Lex bot for the default campaign");
    this.bot = defaultBot;
    const associations = this.bots.map((bot, index) =>
      this.connect.associateLexBot(
        index === 0 ? "LexBotAssociation" : `LexBotAssociation-${definitions[index]?.name}`,
        bot.alias.attrArn,
      ),
    );
    const aliasOf = (campaignId: string) => {
      const index = definitions.findIndex((definition) => definition.campaignIds.includes(campaignId));
      return (this.bots[index] ?? defaultBot).alias.attrArn;
    };
    this.flows = new ContactFlows(this, "Flows", {
      instanceArn: this.connect.instanceArn,
      campaign: config.campaign,
      botAliasArn: this.bot.alias.attrArn,
      campaigns: config.campaigns.map((campaign) => ({ campaign, botAliasArn: aliasOf(campaign.id) })),
      queueArns: this.connect.queueArns,
    });
    // A flow that names a bot is only accepted once the instance may use it.
    for (const association of associations) {
      this.flows.inbound.node.addDependency(association);
      this.flows.outbound.node.addDependency(association);
    }

    this.consumers = new BusConsumers(this, "Consumers", {
      targets: props.ruleTargets ?? availableRuleTargets(REPO_ROOT),
      startCallback:
        props.startCallback === undefined
          ? ifWritten(REPO_ROOT, START_CALLBACK)
          : props.startCallback || undefined,
      table: this.state.table,
      bus: this.bus.bus,
      instanceArn: this.connect.instanceArn,
      queueArns: this.connect.queueArns,
      fallbackQueue: config.campaign.routes.system_fallback,
      outboundFlowArn: this.flows.outbound.attrContactFlowArn,
      queueTransferFlowArn: this.flows.queueTransfer.attrContactFlowArn,
      depsLockFilePath,
      retentionDays,
      removalPolicy,
    });
    this.bus.addRules(busRules([config.campaign]), this.consumers.functions);

    new KpiDashboard(this, "Kpis");

    // The screen pop inside the agent workspace, and its authenticated handback.
    this.handbackApi = new HandbackApi(this, "HandbackApi", {
      entry: entry("functions/handlers/handback-api.ts"),
      depsLockFilePath,
      instanceArn: this.connect.instanceArn,
      bus: this.bus.bus,
      retentionDays,
      removalPolicy,
    });
    this.workspace = new WorkspaceApp(this, "WorkspaceApp", {
      instanceArn: this.connect.instanceArn,
      workspaceOrigins: config.workspaceOrigins,
      apiDomainName: this.handbackApi.apiDomainName,
      connectOrigins: [this.handbackApi.signInOrigin],
      removalPolicy,
    });
    const signIn = this.handbackApi.signInFrom(this.workspace.url);
    this.workspace.publish(workspaceSiteSource(REPO_ROOT), {
      handbackUrl: HANDBACK_PATH,
      signIn: {
        authorizeUrl: `${this.handbackApi.signInOrigin}/oauth2/authorize`,
        tokenUrl: `${this.handbackApi.signInOrigin}/oauth2/token`,
        clientId: signIn.userPoolClientId,
        redirectUri: `${this.workspace.url}/index.html`,
      },
    });

    new CfnOutput(this, "InboundFlowArn", {
      value: this.flows.inbound.attrContactFlowArn,
      description: "Attach this flow to the phone number that takes inbound AI calls",
    });
    new CfnOutput(this, "OutboundFlowArn", {
      value: this.flows.outbound.attrContactFlowArn,
      description: "ContactFlowId for StartOutboundVoiceContact (campaign and follow-up calls)",
    });
    new CfnOutput(this, "ConnectInstanceArn", { value: this.connect.instanceArn });
    new CfnOutput(this, "BotAliasArn", { value: this.bot.alias.attrArn });
    new CfnOutput(this, "EventBusName", { value: this.bus.bus.eventBusName });
    new CfnOutput(this, "StateTableName", { value: this.state.table.tableName });
    new CfnOutput(this, "WorkspaceAppUrl", {
      value: this.workspace.url,
      description: 'The Baton screen pop app, registered in the agent workspace as "Baton screen pop"',
    });
    new CfnOutput(this, "ClosersUserPoolId", {
      value: this.handbackApi.userPool.userPoolId,
      description: "Create each closer here with their Connect user name (docs/deploy.md)",
    });
  }
}
