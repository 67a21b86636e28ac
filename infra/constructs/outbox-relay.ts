import { Duration, type RemovalPolicy } from "aws-cdk-lib";
import type { ITable } from "aws-cdk-lib/aws-dynamodb";
import type { IEventBus } from "aws-cdk-lib/aws-events";
import { FilterCriteria, FilterRule, StartingPosition } from "aws-cdk-lib/aws-lambda";
import { DynamoEventSource, SqsDlq } from "aws-cdk-lib/aws-lambda-event-sources";
import type { RetentionDays } from "aws-cdk-lib/aws-logs";
import { Construct } from "constructs";
import { FUNCTION_COMMANDS } from "../iam/function-commands.js";
import { actionsOn, permissionsFor } from "../iam/sdk-permissions.js";
import type { BedrockModel } from "./baton-function.js";
import { BatonFunction } from "./baton-function.js";
import { EncryptedQueue } from "./encrypted-queue.js";

export interface OutboxRelayProps {
  entry: string;
  depsLockFilePath: string;
  table: ITable;
  bus: IEventBus;
  model: BedrockModel;
  retentionDays: RetentionDays;
  removalPolicy: RemovalPolicy;
}

/**
 * The table's stream feeds the outbox relay (functions/handlers/outbox-relay.ts), which publishes the events
 * the call path could not. Partial batch failures are reported per record, a failing batch is split to find
 * the bad record, and what still fails after the retries lands in an SQS queue to be replayed.
 */
export class OutboxRelay extends Construct {
  readonly fn: BatonFunction;
  readonly failures: EncryptedQueue;

  constructor(scope: Construct, id: string, props: OutboxRelayProps) {
    super(scope, id);
    this.failures = new EncryptedQueue(this, "Failures", {
      purpose: "stream batches the outbox relay could not publish after its retries",
    });
    this.fn = new BatonFunction(this, "Function", {
      entry: props.entry,
      name: "outbox-relay",
      description: "Publishes the state table's outbox events the call path could not (DynamoDB stream)",
      depsLockFilePath: props.depsLockFilePath,
      retentionDays: props.retentionDays,
      removalPolicy: props.removalPolicy,
      timeout: Duration.seconds(30),
      wildcardResourceReason:
        "dynamodb:ListStreams supports no resource-level permissions (reading the stream itself is scoped to this table)",
    })
      .useStateTable(props.table, actionsOn(permissionsFor(FUNCTION_COMMANDS["outbox-relay"]), "state-table"))
      .useEventBus(props.bus)
      // readEnvironment (functions/handlers/config.ts) requires BATON_MODEL_ID of every function; the relay
      // never calls Bedrock, so it gets the id and no Bedrock permission.
      .useSetting("BATON_MODEL_ID", props.model.modelId);

    this.fn.addEventSource(
      new DynamoEventSource(props.table, {
        startingPosition: StartingPosition.TRIM_HORIZON,
        batchSize: 25,
        // The call path clears what it published within milliseconds; the relay re-reads after this window.
        maxBatchingWindow: Duration.seconds(5),
        bisectBatchOnError: true,
        retryAttempts: 8,
        maxRecordAge: Duration.hours(6),
        reportBatchItemFailures: true,
        parallelizationFactor: 2,
        onFailure: new SqsDlq(this.failures.queue),
        // Only contact items that were written: lead profiles and TTL deletions never carry an outbox.
        filters: [
          FilterCriteria.filter({
            eventName: FilterRule.or("INSERT", "MODIFY"),
            dynamodb: { NewImage: { type: { S: FilterRule.isEqual("contact") } } },
          }),
        ],
      }),
    );
  }
}
