import { Annotations, Duration, Stack } from "aws-cdk-lib";
import { Archive, type CfnRule, EventBus, type EventPattern, Rule } from "aws-cdk-lib/aws-events";
import { EventBus as EventBusTarget, LambdaFunction } from "aws-cdk-lib/aws-events-targets";
import type { IFunction } from "aws-cdk-lib/aws-lambda";
import { Construct } from "constructs";
import {
  type BusRule,
  CONNECT_CONTACT_EVENT,
  type EventPattern as ContractPattern,
  type RuleTarget,
} from "../../contracts/bus-rules.js";
import { scopedName } from "../names.js";
import { EncryptedQueue } from "./encrypted-queue.js";

export interface BatonBusProps {
  /** How long the archive keeps events for replay. */
  archiveRetentionDays: number;
  /** Only this instance's contact events are forwarded (an account can have several instances). */
  connectInstanceArn: string;
}

/** Delivery settings of every rule target: retried for up to 4 hours, then kept in the rule's DLQ. */
export const TARGET_RETRY = { retryAttempts: 8, maxEventAge: Duration.hours(4) } as const;

/**
 * The custom bus "baton": the rules from contracts/bus-rules.ts (the same patterns the local bus evaluates),
 * a dead-letter queue and a retry policy on every target, an archive for replay, and a rule on the default
 * bus that forwards Amazon Connect contact events (which only arrive there) to this bus.
 */
export class BatonBus extends Construct {
  readonly bus: EventBus;
  readonly rules = new Map<string, Rule>();
  readonly deadLetterQueues = new Map<string, EncryptedQueue>();

  constructor(scope: Construct, id: string, props: BatonBusProps) {
    super(scope, id);
    this.bus = new EventBus(this, "Bus", {
      eventBusName: scopedName(this, "baton"),
      description: "Baton handoff, lead and nurture events (contracts/events)",
    });
    new Archive(this, "Archive", {
      sourceEventBus: this.bus,
      description: "Every event on the Baton bus, for replay",
      eventPattern: { account: [Stack.of(this).account] },
      retention: Duration.days(props.archiveRetentionDays),
    });

    const forwardDlq = new EncryptedQueue(this, "ConnectForwardDlq", {
      purpose: "Connect contact events that could not be forwarded to the Baton bus",
    });
    const forward = new Rule(this, "ForwardConnectContactEvents", {
      description:
        "Amazon Connect contact events (default bus) to the Baton bus, where the KPI rule reads them",
      eventPattern: {
        source: [CONNECT_CONTACT_EVENT.source],
        detailType: [CONNECT_CONTACT_EVENT.detailType],
        // The documented samples carry the instance as detail.instanceArn (events-ref-connect).
        detail: { instanceArn: [props.connectInstanceArn] },
      },
    });
    forward.addTarget(new EventBusTarget(this.bus, { deadLetterQueue: forwardDlq.queue }));
    this.deadLetterQueues.set("forward-connect-contact-events", forwardDlq);
  }

  /**
   * Deploys each rule whose consumer function exists, with exactly its contract pattern and a target with
   * its own DLQ. A rule without its consumer is not deployed (a rule with no target only costs matching).
   */
  addRules(rules: readonly BusRule[], consumers: Partial<Record<RuleTarget, IFunction>>): void {
    for (const contract of rules) {
      const consumer = consumers[contract.target];
      if (!consumer) {
        Annotations.of(this).addInfo(
          `rule ${contract.name} not deployed: ${contract.target} is not written yet`,
        );
        continue;
      }
      const rule = new Rule(this, `Rule-${contract.name}`, {
        eventBus: this.bus,
        ruleName: contract.name,
        description: contract.description,
        eventPattern: toCdkPattern(contract.pattern),
      });
      // The CDK renders patterns through its own type; the contract's JSON goes in verbatim instead.
      (rule.node.defaultChild as CfnRule).addPropertyOverride("EventPattern", contract.pattern);
      this.rules.set(contract.name, rule);
      const dlq = new EncryptedQueue(this, `Dlq-${contract.name}`, {
        purpose: `events of rule ${contract.name} that ${contract.target} could not take`,
      });
      this.deadLetterQueues.set(contract.name, dlq);
      rule.addTarget(new LambdaFunction(consumer, { deadLetterQueue: dlq.queue, ...TARGET_RETRY }));
    }
  }
}

/** Only to satisfy the L2 constructor; the contract pattern replaces it in the template. */
function toCdkPattern(pattern: ContractPattern): EventPattern {
  const { source, "detail-type": detailType, ...rest } = pattern as Record<string, unknown>;
  return {
    ...(rest as EventPattern),
    ...(source ? { source: source as string[] } : {}),
    ...(detailType ? { detailType: detailType as string[] } : {}),
  };
}
