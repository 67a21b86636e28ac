import { RemovalPolicy } from "aws-cdk-lib";
import {
  type AttributeType,
  type BillingMode,
  type StreamViewType,
  Table,
  TableEncryption,
} from "aws-cdk-lib/aws-dynamodb";
import { Construct } from "constructs";
import { STATE_TABLE } from "../../functions/adapters/state-table.js";

export interface StateTableProps {
  deletionProtection: boolean;
}

/**
 * The state table exactly as functions/adapters/state-table.ts describes it (keys, billing, TTL attribute,
 * stream view), with point-in-time recovery and KMS encryption. The stream carries the outbox to the relay.
 */
export class StateTable extends Construct {
  readonly table: Table;

  constructor(scope: Construct, id: string, props: StateTableProps) {
    super(scope, id);
    this.table = new Table(this, "Table", {
      partitionKey: {
        name: STATE_TABLE.partitionKey.name,
        type: STATE_TABLE.partitionKey.type as AttributeType,
      },
      sortKey: { name: STATE_TABLE.sortKey.name, type: STATE_TABLE.sortKey.type as AttributeType },
      billingMode: STATE_TABLE.billingMode as BillingMode,
      stream: STATE_TABLE.streamViewType as StreamViewType,
      timeToLiveAttribute: STATE_TABLE.timeToLiveAttribute,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      encryption: TableEncryption.AWS_MANAGED,
      deletionProtection: props.deletionProtection,
      removalPolicy: props.deletionProtection ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
    });
  }
}
