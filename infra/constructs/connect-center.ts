import {
  CfnHoursOfOperation,
  CfnInstance,
  CfnIntegrationAssociation,
  CfnQueue,
  CfnRoutingProfile,
} from "aws-cdk-lib/aws-connect";
import { Construct } from "constructs";
import type { BatonConfig, HoursOfOperationDay, QueueSource } from "../config.js";
import { scopedName } from "../names.js";

export interface ConnectCenterProps {
  connect: BatonConfig["connect"];
  queues: Record<string, QueueSource>;
  hoursOfOperation: HoursOfOperationDay[];
  timeZone: string;
  /** Caller id of the created queues (needed for callbacks); existing queues keep their own. */
  outboundCallerIdNumberArn: string | undefined;
}

/**
 * Baton's part of an Amazon Connect instance (an existing one, or a sandbox instance it creates): the
 * closers' hours of operation, a queue per queue name the campaign routes to (created, or an existing ARN),
 * and a routing profile that takes voice contacts from all of them.
 */
export class ConnectCenter extends Construct {
  readonly instanceArn: string;
  readonly hours: CfnHoursOfOperation;
  /** Queue ARN per queue name the campaign routes to. */
  readonly queueArns: Record<string, string> = {};
  readonly routingProfile: CfnRoutingProfile;

  constructor(scope: Construct, id: string, props: ConnectCenterProps) {
    super(scope, id);
    this.instanceArn =
      props.connect.kind === "existing"
        ? props.connect.instanceArn
        : new CfnInstance(this, "Instance", {
            instanceAlias: props.connect.instanceAlias,
            identityManagementType: "CONNECT_MANAGED",
            attributes: {
              inboundCalls: true,
              outboundCalls: true,
              contactflowLogs: true,
              contactLens: true,
              autoResolveBestVoices: true,
              earlyMedia: true,
            },
          }).attrArn;

    this.hours = new CfnHoursOfOperation(this, "ClosersHours", {
      instanceArn: this.instanceArn,
      name: scopedName(this, "Baton closers", " "),
      description: "When Baton's human closers take calls; outside them the AI offers a callback",
      timeZone: props.timeZone,
      config: props.hoursOfOperation.map((day) => ({
        day: day.day,
        startTime: day.start,
        endTime: day.end,
      })),
    });

    for (const [name, source] of Object.entries(props.queues).sort(([a], [b]) => a.localeCompare(b))) {
      this.queueArns[name] =
        source.kind === "existing"
          ? source.arn
          : new CfnQueue(this, `Queue-${name}`, {
              instanceArn: this.instanceArn,
              name: scopedName(this, source.connectName),
              description: `Baton closers for handoffs routed to "${name}"`,
              hoursOfOperationArn: this.hours.attrHoursOfOperationArn,
              ...(props.outboundCallerIdNumberArn
                ? { outboundCallerConfig: { outboundCallerIdNumberArn: props.outboundCallerIdNumberArn } }
                : {}),
            }).attrQueueArn;
    }
    const queueArns = Object.values(this.queueArns);
    const first = queueArns[0];
    if (!first) throw new Error("the campaign routes to no queue");
    this.routingProfile = new CfnRoutingProfile(this, "ClosersRoutingProfile", {
      instanceArn: this.instanceArn,
      name: scopedName(this, "Baton closers", " "),
      description: "Closers: one voice call at a time from every Baton queue",
      defaultOutboundQueueArn: first,
      mediaConcurrencies: [{ channel: "VOICE", concurrency: 1 }],
      queueConfigs: queueArns.map((queueArn) => ({
        delay: 0,
        priority: 1,
        queueReference: { channel: "VOICE", queueArn },
      })),
    });
  }

  /** Lets the instance's flows use a Lex V2 bot alias. */
  associateLexBot(id: string, botAliasArn: string): CfnIntegrationAssociation {
    return new CfnIntegrationAssociation(this, id, {
      instanceId: this.instanceArn,
      integrationType: "LEX_BOT",
      integrationArn: botAliasArn,
    });
  }
}
