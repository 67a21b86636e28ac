import { Duration, type RemovalPolicy } from "aws-cdk-lib";
import type { IEventBus } from "aws-cdk-lib/aws-events";
import { SqsEventSource } from "aws-cdk-lib/aws-lambda-event-sources";
import type { RetentionDays } from "aws-cdk-lib/aws-logs";
import { Queue, QueueEncryption } from "aws-cdk-lib/aws-sqs";
import { Construct } from "constructs";
import { BatonFunction } from "./baton-function.js";
import { EncryptedQueue } from "./encrypted-queue.js";

export interface PendingEventsProps {
  /** functions/handlers/pending-events-relay.ts */
  entry: string;
  depsLockFilePath: string;
  bus: IEventBus;
  /** The call path's function: it may send to the queue and gets its URL. */
  producer: BatonFunction;
  retentionDays: RetentionDays;
  removalPolicy: RemovalPolicy;
}

const RELAY_TIMEOUT = Duration.seconds(30);

/**
 * Where a handoff goes when the bus will not take it and the state table cannot hold it (DynamoDB down, the
 * turn out of time): an SQS queue the call path sends to, and a relay that puts its events on the bus under
 * their own ids (functions/handlers/pending-events-relay.ts). What still fails after 10 tries lands in a
 * dead-letter queue, kept 14 days to replay.
 */
export class PendingEvents extends Construct {
  readonly queue: Queue;
  readonly deadLetters: EncryptedQueue;
  readonly relay: BatonFunction;

  constructor(scope: Construct, id: string, props: PendingEventsProps) {
    super(scope, id);
    this.deadLetters = new EncryptedQueue(this, "DeadLetters", {
      purpose: "pending events (fallback handoffs) the relay could not publish after 10 tries",
    });
    this.queue = new Queue(this, "Queue", {
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
      // Six times the relay's timeout, as Lambda's SQS event source asks.
      visibilityTimeout: Duration.seconds(RELAY_TIMEOUT.toSeconds() * 6),
      deadLetterQueue: { queue: this.deadLetters.queue, maxReceiveCount: 10 },
    });
    this.relay = new BatonFunction(this, "Relay", {
      entry: props.entry,
      name: "pending-events-relay",
      description: "Publishes the events the call path left in the pending-events queue (fallback handoffs)",
      depsLockFilePath: props.depsLockFilePath,
      retentionDays: props.retentionDays,
      removalPolicy: props.removalPolicy,
      timeout: RELAY_TIMEOUT,
    }).useEventBus(props.bus);
    this.relay.addEventSource(
      new SqsEventSource(this.queue, {
        batchSize: 10,
        maxBatchingWindow: Duration.seconds(1),
        reportBatchItemFailures: true,
      }),
    );
    this.queue.grantSendMessages(props.producer);
    props.producer.useSetting("BATON_PENDING_EVENTS_QUEUE_URL", this.queue.queueUrl);
  }
}
