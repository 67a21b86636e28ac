import { Duration } from "aws-cdk-lib";
import { Queue, QueueEncryption } from "aws-cdk-lib/aws-sqs";
import { Construct } from "constructs";
import { acknowledge } from "../nag.js";

export interface EncryptedQueueProps {
  /** What lands in this queue, for the description and the cdk-nag justification. */
  purpose: string;
}

/**
 * A dead-letter or on-failure queue: SSE, TLS only, 14 days to look at and replay what landed. It is the last
 * stop, so it has no dead-letter queue of its own.
 */
export class EncryptedQueue extends Construct {
  readonly queue: Queue;

  constructor(scope: Construct, id: string, props: EncryptedQueueProps) {
    super(scope, id);
    this.queue = new Queue(this, "Queue", {
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
    });
    acknowledge(
      this.queue,
      "AwsSolutions-SQS3",
      `This queue is itself the dead-letter queue for ${props.purpose}.`,
    );
  }
}
