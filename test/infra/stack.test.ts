import { Template } from "aws-cdk-lib/assertions";
import { AwsSolutionsChecks } from "cdk-nag";
import { beforeAll, describe, expect, it } from "vitest";
import { busRules, type RuleTarget } from "../../contracts/bus-rules.js";
import { eventJsonSchemas } from "../../contracts/json-schema.js";
import { STATE_TABLE } from "../../functions/adapters/state-table.js";
import { defaultCampaign } from "../../functions/domain/campaigns.js";
import { TARGET_RETRY } from "../../infra/constructs/event-bus.js";
import { BOT_LOCALE } from "../../infra/constructs/lex-bot.js";
import { SCHEMA_NAME, schemaName } from "../../infra/constructs/schema-registry.js";
import type { BatonStack } from "../../infra/stack.js";
import { exampleApp } from "./support.js";

type Resource = { Type: string; Properties: Record<string, unknown>; DependsOn?: string[] };

let stack: BatonStack;
let template: Template;
let resources: Record<string, Resource>;
let app: ReturnType<typeof exampleApp>["app"];

const ofType = (type: string) => Object.entries(resources).filter(([, r]) => r.Type === type);
/** The logical id of an L1 resource, or of an L2 construct's default child. */
const logicalId = (construct: unknown) => {
  const node = (construct as { node: { defaultChild?: unknown } }).node;
  return stack.getLogicalId((node.defaultChild ?? construct) as never);
};
const text = (value: unknown) => JSON.stringify(value);
/**
 * CDK's own BucketDeployment handler (uploads the workspace app): its runtime, managed policy and grants
 * are aws-cdk-lib's, acknowledged in infra/constructs/workspace-app.ts. Every other resource is Baton's.
 */
const isCdkBucketDeployment = (id: string) => id.startsWith("CustomCDKBucketDeployment");

beforeAll(() => {
  ({ app, stack } = exampleApp());
  app.synth();
  template = Template.fromStack(stack);
  resources = template.toJSON().Resources;
}, 180_000);

describe("state table", () => {
  it("has the adapter's keys, on-demand billing, TTL, PITR, KMS encryption, the stream and deletion protection", () => {
    template.hasResourceProperties("AWS::DynamoDB::Table", {
      KeySchema: [
        { AttributeName: STATE_TABLE.partitionKey.name, KeyType: "HASH" },
        { AttributeName: STATE_TABLE.sortKey.name, KeyType: "RANGE" },
      ],
      AttributeDefinitions: [
        { AttributeName: STATE_TABLE.partitionKey.name, AttributeType: "S" },
        { AttributeName: STATE_TABLE.sortKey.name, AttributeType: "S" },
      ],
      BillingMode: STATE_TABLE.billingMode,
      TimeToLiveSpecification: { AttributeName: STATE_TABLE.timeToLiveAttribute, Enabled: true },
      PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
      SSESpecification: { SSEEnabled: true },
      StreamSpecification: { StreamViewType: STATE_TABLE.streamViewType },
      DeletionProtectionEnabled: true,
    });
    template.hasResource("AWS::DynamoDB::Table", { DeletionPolicy: "Retain" });
  });

  it("feeds the outbox relay from the stream: bisect on error, retries, partial failures, SQS on failure", () => {
    const relayId = logicalId(stack.relay.fn);
    const [[, mapping] = []] = ofType("AWS::Lambda::EventSourceMapping");
    expect(mapping?.Properties).toMatchObject({
      FunctionName: { Ref: relayId },
      EventSourceArn: { "Fn::GetAtt": [logicalId(stack.state.table), "StreamArn"] },
      BisectBatchOnFunctionError: true,
      MaximumRetryAttempts: 8,
      FunctionResponseTypes: ["ReportBatchItemFailures"],
      DestinationConfig: {
        OnFailure: { Destination: { "Fn::GetAtt": [logicalId(stack.relay.failures.queue), "Arn"] } },
      },
    });
  });
});

describe("event bus", () => {
  const rules = busRules([defaultCampaign]);

  it("deploys exactly the contract's rules and patterns on the baton bus", () => {
    template.hasResourceProperties("AWS::Events::EventBus", { Name: "baton" });
    const deployed = ofType("AWS::Events::Rule").filter(([, r]) => r.Properties.EventBusName !== undefined);
    expect(deployed.map(([, r]) => r.Properties.Name).sort()).toEqual(rules.map((r) => r.name).sort());
    for (const rule of rules) {
      const [, resource] = deployed.find(([, r]) => r.Properties.Name === rule.name) ?? [];
      expect(resource?.Properties.EventPattern, rule.name).toEqual(rule.pattern);
      expect(resource?.Properties.Description).toBe(rule.description);
    }
  });

  it("gives every target a dead-letter queue and a retry policy, and each rule its consumer", () => {
    const targets = ofType("AWS::Events::Rule").flatMap(
      ([, r]) => (r.Properties.Targets as Array<Record<string, unknown>>) ?? [],
    );
    expect(targets.length).toBe(rules.length + 1);
    for (const target of targets) {
      expect(target.DeadLetterConfig, text(target)).toMatchObject({
        Arn: { "Fn::GetAtt": [expect.any(String), "Arn"] },
      });
    }
    const lambdaTargets = targets.filter((t) => text(t.Arn).includes("Consumer"));
    for (const target of lambdaTargets) {
      expect(target.RetryPolicy).toEqual({
        MaximumRetryAttempts: TARGET_RETRY.retryAttempts,
        MaximumEventAgeInSeconds: TARGET_RETRY.maxEventAge.toSeconds(),
      });
    }
    for (const rule of rules) {
      const [, resource] = ofType("AWS::Events::Rule").find(([, r]) => r.Properties.Name === rule.name) ?? [];
      const consumer = stack.consumers.functions[rule.target as RuleTarget];
      expect(text(resource?.Properties.Targets)).toContain(logicalId(consumer));
    }
    for (const [, queue] of ofType("AWS::SQS::Queue")) {
      expect(queue.Properties).toMatchObject({
        SqsManagedSseEnabled: true,
        MessageRetentionPeriod: 1_209_600,
      });
    }
  });

  it("forwards this instance's Amazon Connect contact events (only) from the default bus and archives everything", () => {
    const forward = ofType("AWS::Events::Rule").find(([, r]) => r.Properties.EventBusName === undefined)?.[1];
    expect(forward?.Properties.EventPattern).toEqual({
      source: ["aws.connect"],
      "detail-type": ["Amazon Connect Contact Event"],
      detail: { instanceArn: [stack.connect.instanceArn] },
    });
    template.hasResourceProperties("AWS::Events::Archive", { RetentionDays: 30 });
  });

  it("deploys no rule without a target", () => {
    for (const [id, rule] of ofType("AWS::Events::Rule")) {
      expect((rule.Properties.Targets as unknown[] | undefined)?.length ?? 0, id).toBeGreaterThan(0);
    }
  });

  it("registers every event's JSON Schema (draft 4, whole event) in the schema registry", () => {
    template.hasResourceProperties("AWS::EventSchemas::Registry", { RegistryName: "baton-events" });
    const schemas = ofType("AWS::EventSchemas::Schema");
    const events = eventJsonSchemas();
    expect(schemas.map(([, s]) => s.Properties.SchemaName).sort()).toEqual(events.map(schemaName).sort());
    for (const [, schema] of schemas) {
      expect(schema.Properties.SchemaName).toMatch(SCHEMA_NAME);
      expect(schema.Properties.Type).toBe("JSONSchemaDraft4");
      const content = JSON.parse(schema.Properties.Content as string);
      expect(content.$schema).toBe("http://json-schema.org/draft-04/schema#");
      expect(content.properties.detail.properties.meta).toBeDefined();
      expect(JSON.stringify(content)).not.toMatch(/"const"|\$defs|2020-12/);
    }
  });
});

describe("functions", () => {
  it("run Node.js 22 on arm64 with tracing, an explicit log group and Powertools settings", () => {
    const functions = ofType("AWS::Lambda::Function").filter(([id]) => !isCdkBucketDeployment(id));
    expect(functions.length).toBe(9);
    for (const [id, fn] of functions) {
      expect(fn.Properties, id).toMatchObject({
        Runtime: "nodejs22.x",
        Architectures: ["arm64"],
        Handler: "index.handler",
        TracingConfig: { Mode: "Active" },
        LoggingConfig: { LogGroup: { Ref: expect.stringMatching(/Logs/) } },
        Environment: {
          Variables: expect.objectContaining({
            NODE_OPTIONS: "--enable-source-maps",
            POWERTOOLS_SERVICE_NAME: expect.stringMatching(/^baton-/),
            POWERTOOLS_METRICS_NAMESPACE: "Baton",
          }),
        },
      });
    }
    for (const [id, group] of ofType("AWS::Logs::LogGroup"))
      expect(group.Properties.RetentionInDays, id).toBe(30);
  });

  it("set the environment every handler reads, next to the grants", () => {
    const variables = (fn: unknown) =>
      ((resources[logicalId(fn)]?.Properties.Environment ?? {}) as { Variables: Record<string, unknown> })
        .Variables;
    expect(Object.keys(variables(stack.conversationTurn))).toEqual(
      expect.arrayContaining([
        "BATON_TABLE_NAME",
        "BATON_EVENT_BUS_NAME",
        "BATON_MODEL_ID",
        "BATON_DEFAULT_CAMPAIGN",
        "BATON_FALLBACK_QUEUE",
      ]),
    );
    expect(variables(stack.conversationTurn).BATON_MODEL_ID).toBe("us.amazon.nova-lite-v1:0");
    expect(variables(stack.conversationTurn).BATON_SECOND_OPINION_MS).toBe("0");
    expect(Object.keys(variables(stack.relay.fn))).toEqual(
      expect.arrayContaining(["BATON_TABLE_NAME", "BATON_EVENT_BUS_NAME", "BATON_MODEL_ID"]),
    );
    expect(Object.keys(variables(stack.consumers.functions["handoff-router"]))).toEqual(
      expect.arrayContaining([
        "BATON_TABLE_NAME",
        "BATON_EVENT_BUS_NAME",
        "BATON_CONNECT_INSTANCE_ID",
        "BATON_QUEUE_MAP",
        "BATON_CALLBACK_FUNCTION_ARN",
        "BATON_SCHEDULER_ROLE_ARN",
        "BATON_SCHEDULE_GROUP",
      ]),
    );
    // Task and email handoffs move with TransferContact, which names this QUEUE_TRANSFER flow.
    expect(text(variables(stack.consumers.functions["handoff-router"]).BATON_TRANSFER_FLOW_ID)).toContain(
      logicalId(stack.flows.queueTransfer),
    );
    expect(Object.keys(variables(stack.consumers.startCallback))).toEqual(
      expect.arrayContaining([
        "BATON_OUTBOUND_FLOW_ID",
        "BATON_OUTBOUND_QUEUE_ID",
        "BATON_CONNECT_INSTANCE_ID",
      ]),
    );
  });
});

describe("IAM", () => {
  type Statement = { id: string; Action?: unknown; Resource?: unknown; [key: string]: unknown };
  const statements = (): Statement[] =>
    ofType("AWS::IAM::Policy")
      .filter(([id]) => !isCdkBucketDeployment(id))
      .flatMap(([id, p]) =>
        ((p.Properties.PolicyDocument as { Statement: Array<Record<string, unknown>> }).Statement ?? []).map(
          (s) => ({ id, ...s }),
        ),
      );
  const actions = (s: Record<string, unknown>) => [s.Action].flat() as string[];
  /** Actions that support no resource-level permissions, so `*` is their only resource. */
  const UNSCOPABLE = new Set(["xray:PutTraceSegments", "xray:PutTelemetryRecords", "dynamodb:ListStreams"]);

  it("uses no * resource for any action whose resource is known", () => {
    for (const statement of statements()) {
      const resourcesOf = [statement.Resource].flat();
      if (resourcesOf.includes("*")) {
        expect(
          actions(statement).every((a) => UNSCOPABLE.has(a)),
          text(statement),
        ).toBe(true);
      }
      expect(
        actions(statement).some((a) => a.endsWith("*")),
        text(statement),
      ).toBe(false);
    }
  });

  it("grants the conversation-turn function exactly its table calls, the bus and the model", () => {
    const role = logicalId(stack.conversationTurn.role);
    const mine = statements().filter((s) => text(resources[s.id]?.Properties.Roles).includes(role));
    const table = mine.find((s) => actions(s).includes("dynamodb:GetItem"));
    expect(actions(table ?? {}).sort()).toEqual(
      ["dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:UpdateItem"].sort(),
    );
    expect(text(table?.Resource)).toContain(logicalId(stack.state.table));
    const bus = mine.find((s) => actions(s).includes("events:PutEvents"));
    expect(text(bus?.Resource)).toContain(logicalId(stack.bus.bus));
    const model = mine.find((s) => actions(s).includes("bedrock:InvokeModel"));
    expect(text(model?.Resource)).toContain("inference-profile/us.amazon.nova-lite-v1:0");
    expect(text(model?.Resource)).toContain("foundation-model/amazon.nova-lite-v1:0");
  });

  const roleStatements = (fn: { role?: unknown } | undefined) => {
    const role = logicalId(fn?.role);
    return statements().filter((s) => text(resources[s.id]?.Properties.Roles).includes(role));
  };

  it("lets the relay re-read the contact it relays (GetItem) and clear it (UpdateItem), nothing more", () => {
    const items = roleStatements(stack.relay.fn)
      .flatMap(actions)
      .filter((a) =>
        /^dynamodb:(PutItem|UpdateItem|DeleteItem|GetItem|BatchWriteItem|BatchGetItem|Query|Scan)$/.test(a),
      );
    expect(items.sort()).toEqual(["dynamodb:GetItem", "dynamodb:UpdateItem"]);
  });

  it("lets start-callback look up the number it calls back (DescribeContact) and place the call", () => {
    const connect = roleStatements(stack.consumers.startCallback)
      .flatMap(actions)
      .filter((a) => a.startsWith("connect:"));
    expect(connect.sort()).toEqual(["connect:DescribeContact", "connect:StartOutboundVoiceContact"]);
  });

  it("gives the callback schedules' target a dead-letter queue the scheduler role may send to", () => {
    const dlq = logicalId(stack.consumers.callbackDeadLetters?.queue);
    for (const fn of [
      stack.consumers.functions["handoff-router"],
      stack.consumers.functions["handback-scheduler"],
    ]) {
      const environment = resources[logicalId(fn)]?.Properties.Environment as
        | { Variables: Record<string, unknown> }
        | undefined;
      const variables = environment?.Variables ?? {};
      expect(text(variables.BATON_CALLBACK_DLQ_ARN)).toContain(dlq);
    }
    const send = roleStatements({ role: stack.consumers.schedulerRole }).find((s) =>
      actions(s).includes("sqs:SendMessage"),
    );
    expect(text(send?.Resource)).toContain(dlq);
  });

  it("uses no AWS managed policies", () => {
    for (const [id, role] of ofType("AWS::IAM::Role").filter(([id]) => !isCdkBucketDeployment(id)))
      expect(role.Properties.ManagedPolicyArns, id).toBeUndefined();
  });
});

describe("Lex bot", () => {
  it("has en_US with the signal intents and AMAZON.FallbackIntent, the dialog code hook on each, and voice", () => {
    const [[, bot] = []] = ofType("AWS::Lex::Bot");
    const [locale] = (bot?.Properties.BotLocales ?? []) as Array<Record<string, unknown>>;
    expect(locale).toMatchObject({
      LocaleId: BOT_LOCALE,
      VoiceSettings: { VoiceId: "Joanna", Engine: "neural" },
    });
    const intents = locale?.Intents as Array<Record<string, unknown>>;
    expect(intents.map((i) => i.Name)).toEqual(
      expect.arrayContaining(["TalkToAgent", "BuyNow", "RequestPrice", "FallbackIntent"]),
    );
    expect(intents.find((i) => i.Name === "FallbackIntent")?.ParentIntentSignature).toBe(
      "AMAZON.FallbackIntent",
    );
    for (const intent of intents)
      expect(intent.DialogCodeHook, String(intent.Name)).toEqual({ Enabled: true });
    expect(bot?.Properties.RoleArn).toEqual({ "Fn::GetAtt": [expect.stringMatching(/BotRole/), "Arn"] });
  });

  it("puts the conversation-turn function on the alias, with sentiment, on a version built from DRAFT", () => {
    const fnArn = { "Fn::GetAtt": [logicalId(stack.conversationTurn), "Arn"] };
    template.hasResourceProperties("AWS::Lex::BotVersion", {
      BotVersionLocaleSpecification: [
        { LocaleId: BOT_LOCALE, BotVersionLocaleDetails: { SourceBotVersion: "DRAFT" } },
      ],
    });
    template.hasResourceProperties("AWS::Lex::BotAlias", {
      BotVersion: { "Fn::GetAtt": [logicalId(stack.bot.version), "BotVersion"] },
      SentimentAnalysisSettings: { DetectSentiment: true },
      BotAliasLocaleSettings: [
        {
          LocaleId: BOT_LOCALE,
          BotAliasLocaleSetting: {
            Enabled: true,
            CodeHookSpecification: { LambdaCodeHook: { CodeHookInterfaceVersion: "1.0", LambdaArn: fnArn } },
          },
        },
      ],
    });
    template.hasResourceProperties("AWS::Lambda::Permission", {
      Principal: "lexv2.amazonaws.com",
      FunctionName: fnArn,
      SourceArn: { "Fn::GetAtt": [logicalId(stack.bot.alias), "Arn"] },
    });
  });
});

describe("a Lex bot per campaign language and intents", () => {
  it("gives insurance-quotes (its own intents) its own bot; the default bot serves the others", () => {
    // Assess: the example campaigns folder has default, insurance-quotes (lex.intents) and ledgerly-demo.
    expect(stack.bots.length).toBe(2);
    const [, insurance] = stack.bots;
    const bot = resources[logicalId(insurance?.bot)];
    expect(bot?.Properties.Name).toMatch(/-baton-insurance-quotes$/);
    const [locale] = (bot?.Properties.BotLocales ?? []) as Array<{
      LocaleId: string;
      Intents: Array<{ Name: string; SampleUtterances?: Array<{ Utterance: string }> }>;
    }>;
    expect(locale?.LocaleId).toBe("en_US");
    const phrases = (name: string) =>
      (locale?.Intents.find((intent) => intent.Name === name)?.SampleUtterances ?? []).map(
        (u) => u.Utterance,
      );
    expect(phrases("BindPolicy")).toContain("i want to bind the policy");
    expect(phrases("RequestQuote")).toContain("what would my premium be");
    expect(phrases("TalkToAgent").length).toBeGreaterThan(10);
  });

  it("versions, aliases and associates every bot with the instance, and lets each alias invoke the code hook", () => {
    const fnArn = { "Fn::GetAtt": [logicalId(stack.conversationTurn), "Arn"] };
    for (const bot of stack.bots) {
      const aliasArn = { "Fn::GetAtt": [logicalId(bot.alias), "Arn"] };
      template.hasResourceProperties("AWS::Lex::BotAlias", {
        BotId: { "Fn::GetAtt": [logicalId(bot.bot), "Id"] },
        BotVersion: { "Fn::GetAtt": [logicalId(bot.version), "BotVersion"] },
      });
      template.hasResourceProperties("AWS::Connect::IntegrationAssociation", {
        IntegrationType: "LEX_BOT",
        IntegrationArn: aliasArn,
      });
      template.hasResourceProperties("AWS::Lambda::Permission", {
        Principal: "lexv2.amazonaws.com",
        FunctionName: fnArn,
        SourceArn: aliasArn,
      });
    }
  });

  it("routes each campaign's calls in both AI flows to its bot, after every bot's association", () => {
    const flows = ofType("AWS::Connect::ContactFlow");
    const associations = ofType("AWS::Connect::IntegrationAssociation")
      .filter(([, association]) => association.Properties.IntegrationType === "LEX_BOT")
      .map(([id]) => id);
    for (const name of ["Baton inbound AI", "Baton outbound AI"]) {
      const flow = flows.find(([, f]) => f.Properties.Name === name)?.[1];
      const content = text(flow?.Properties.Content);
      for (const bot of stack.bots) expect(content, name).toContain(logicalId(bot.alias));
      expect(flow?.DependsOn, name).toEqual(expect.arrayContaining(associations));
    }
  });
});

describe("Amazon Connect", () => {
  it("associates the bot alias with the instance and creates hours, a queue per route and a routing profile", () => {
    const instanceArn = stack.connect.instanceArn;
    template.hasResourceProperties("AWS::Connect::IntegrationAssociation", {
      InstanceId: instanceArn,
      IntegrationType: "LEX_BOT",
      IntegrationArn: { "Fn::GetAtt": [logicalId(stack.bot.alias), "Arn"] },
    });
    template.hasResourceProperties("AWS::Connect::HoursOfOperation", { TimeZone: "America/New_York" });
    const queues = ofType("AWS::Connect::Queue").map(([, q]) => q.Properties.Name);
    expect(queues.sort()).toEqual([...new Set(Object.values(defaultCampaign.routes))].sort());
    const [[, profile] = []] = ofType("AWS::Connect::RoutingProfile");
    expect(((profile?.Properties.QueueConfigs ?? []) as unknown[]).length).toBe(queues.length);
  });

  it("deploys the six flows, whose transfer path names the bot, the queues and the three hook flows", () => {
    const flows = ofType("AWS::Connect::ContactFlow");
    expect(flows.map(([, f]) => f.Properties.Name).sort()).toEqual([
      "Baton customer queue",
      "Baton inbound AI",
      "Baton outbound AI",
      "Baton queue transfer",
      "Baton screen pop",
      "Baton warm brief",
    ]);
    const inbound = flows.find(([, f]) => f.Properties.Name === "Baton inbound AI")?.[1];
    const content = text(inbound?.Properties.Content);
    for (const expected of [
      "TransferContactToQueue",
      "QueueAtCapacity",
      "DefaultAgentUI",
      "CustomerQueue",
      "AgentWhisper",
      logicalId(stack.flows.screenPop),
      logicalId(stack.flows.customerQueue),
      logicalId(stack.flows.agentWhisper),
      logicalId(stack.bot.alias),
    ]) {
      expect(content).toContain(expected);
    }
    expect(inbound?.DependsOn).toEqual(expect.arrayContaining([expect.stringMatching(/LexBotAssociation/)]));
    const queueFlow = flows.find(([, f]) => f.Properties.Name === "Baton customer queue")?.[1];
    expect(queueFlow?.Properties.Type).toBe("CUSTOMER_QUEUE");
    const whisper = flows.find(([, f]) => f.Properties.Name === "Baton warm brief")?.[1];
    expect(whisper?.Properties.Type).toBe("AGENT_WHISPER");
  });
});

describe("cdk-nag AwsSolutions", () => {
  it("finds no unacknowledged error or warning", () => {
    const report = new AwsSolutionsChecks(app).validateScope(app);
    expect(
      report.violations.map(
        (v) => `${v.ruleName} ${v.violatingResources.map((r) => r.constructPath).join(", ")}`,
      ),
    ).toEqual([]);
  });
});

describe("handoff KPI dashboard", () => {
  it("graphs transfer rate, drop-off and time to human from the KPI consumer's metrics", () => {
    // Prepare
    const dashboards = template.findResources("AWS::CloudWatch::Dashboard");
    // Act
    const body = JSON.stringify(Object.values(dashboards));
    // Assess
    expect(Object.keys(dashboards)).toHaveLength(1);
    expect(body).toContain("{Baton,campaign,service,trigger}");
    for (const metric of ["HandoffTransferred", "HandoffDropOff", "TimeToHuman", "HandoffClosed"]) {
      expect(body).toContain(metric);
    }
  });

  it("graphs the second opinions the conversation-turn function reports, answered and missed", () => {
    // Prepare
    const dashboards = template.findResources("AWS::CloudWatch::Dashboard");
    // Act
    const body = JSON.stringify(Object.values(dashboards));
    // Assess: the metrics as Powertools publishes them, namespace Baton with the service dimension.
    expect(body).toMatch(/\\"Baton\\",\\"SecondOpinion\\",\\"service\\",\\"conversation-turn\\"/);
    expect(body).toMatch(/\\"Baton\\",\\"SecondOpinionMissed\\",\\"service\\",\\"conversation-turn\\"/);
  });
});

describe("pending events (fallback handoffs the bus would not take)", () => {
  it("lets the conversation-turn function send to an encrypted queue with a DLQ, and relays it to the bus", () => {
    const { queue, deadLetters, relay } = stack.pendingEvents;
    const environment = resources[logicalId(stack.conversationTurn)]?.Properties.Environment as {
      Variables: Record<string, unknown>;
    };
    expect(text(environment.Variables.BATON_PENDING_EVENTS_QUEUE_URL)).toContain(logicalId(queue));
    template.hasResourceProperties("AWS::SQS::Queue", {
      SqsManagedSseEnabled: true,
      RedrivePolicy: {
        deadLetterTargetArn: { "Fn::GetAtt": [logicalId(deadLetters.queue), "Arn"] },
        maxReceiveCount: 10,
      },
    });
    template.hasResourceProperties("AWS::Lambda::EventSourceMapping", {
      EventSourceArn: { "Fn::GetAtt": [logicalId(queue), "Arn"] },
      FunctionName: { Ref: logicalId(relay) },
      FunctionResponseTypes: ["ReportBatchItemFailures"],
    });
    const sends = ofType("AWS::IAM::Policy").filter(([, policy]) => {
      const document = text(policy.Properties.PolicyDocument);
      return document.includes("sqs:SendMessage") && document.includes(logicalId(queue));
    });
    expect(sends.map(([, policy]) => text(policy.Properties.Roles))).toEqual([
      expect.stringContaining(logicalId(stack.conversationTurn.role)),
    ]);
    const relayEnvironment = resources[logicalId(relay)]?.Properties.Environment as {
      Variables: Record<string, unknown>;
    };
    expect(Object.keys(relayEnvironment.Variables)).toContain("BATON_EVENT_BUS_NAME");
  });
});
