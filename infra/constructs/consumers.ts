import { Annotations, type RemovalPolicy, Stack } from "aws-cdk-lib";
import type { ITable } from "aws-cdk-lib/aws-dynamodb";
import type { IEventBus } from "aws-cdk-lib/aws-events";
import { PolicyStatement, Role, ServicePrincipal } from "aws-cdk-lib/aws-iam";
import type { RetentionDays } from "aws-cdk-lib/aws-logs";
import { CfnScheduleGroup } from "aws-cdk-lib/aws-scheduler";
import { Construct } from "constructs";
import type { RuleTarget } from "../../contracts/bus-rules.js";
import { actionsOn, permissionsFor } from "../iam/sdk-permissions.js";
import { acknowledge, findingResource } from "../nag.js";
import { type ConsumerSpec, plansCallbacks } from "../rule-targets.js";
import { BatonFunction } from "./baton-function.js";
import { EncryptedQueue } from "./encrypted-queue.js";

export interface BusConsumersProps {
  /** The rule targets to deploy (only those whose handler exists). */
  targets: Partial<Record<RuleTarget, ConsumerSpec>>;
  /** The start-callback function, when its handler exists. */
  startCallback: ConsumerSpec | undefined;
  table: ITable;
  bus: IEventBus;
  instanceArn: string;
  queueArns: Record<string, string>;
  fallbackQueue: string;
  outboundFlowArn: string;
  /** The QUEUE_TRANSFER flow a consumer names when it moves a task or email contact (TransferContact). */
  queueTransferFlowArn: string;
  depsLockFilePath: string;
  retentionDays: RetentionDays;
  removalPolicy: RemovalPolicy;
}

/**
 * The functions behind the bus rules, each given what its ConsumerNeeds say and nothing more, and, when a
 * consumer plans callbacks, the schedule group, the start-callback function the schedules run and the role
 * EventBridge Scheduler uses to run it.
 */
export class BusConsumers extends Construct {
  readonly functions: Partial<Record<RuleTarget, BatonFunction>> = {};
  readonly startCallback: BatonFunction | undefined;
  readonly scheduleGroup: CfnScheduleGroup | undefined;
  readonly schedulerRole: Role | undefined;
  /** Where EventBridge Scheduler puts a callback invocation it gave up on. */
  readonly callbackDeadLetters: EncryptedQueue | undefined;

  constructor(
    scope: Construct,
    id: string,
    private readonly props: BusConsumersProps,
  ) {
    super(scope, id);
    const wanted = Object.entries(props.targets) as Array<[RuleTarget, ConsumerSpec]>;
    const schedulesNeeded = wanted.some(([, spec]) => plansCallbacks(spec));
    if (schedulesNeeded && props.startCallback) {
      this.startCallback = this.consumer("StartCallback", "start-callback", props.startCallback);
      this.startCallback.useSetting("BATON_OUTBOUND_FLOW_ID", props.outboundFlowArn);
      const outboundQueue = props.queueArns[props.fallbackQueue];
      if (outboundQueue) this.startCallback.useSetting("BATON_OUTBOUND_QUEUE_ID", outboundQueue);
      this.scheduleGroup = new CfnScheduleGroup(this, "CallbackSchedules", {
        name: `${Stack.of(this).stackName}-callbacks`,
      });
      this.schedulerRole = new Role(this, "SchedulerRole", {
        assumedBy: new ServicePrincipal("scheduler.amazonaws.com", {
          conditions: { StringEquals: { "aws:SourceAccount": Stack.of(this).account } },
        }),
        description: "EventBridge Scheduler runs Baton's start-callback function",
      });
      this.startCallback.grantInvoke(this.schedulerRole);
      this.callbackDeadLetters = new EncryptedQueue(this, "CallbackDeadLetters", {
        purpose: "callback schedules whose start-callback invocation kept failing",
      });
      // Scheduler sends to the target's dead-letter queue with the schedule's execution role.
      this.callbackDeadLetters.queue.grantSendMessages(this.schedulerRole);
      acknowledge(
        this.schedulerRole,
        "AwsSolutions-IAM5",
        "lambda:InvokeFunction on start-callback and its versions (`:*`), which grantInvoke adds; nothing else.",
        [`Resource::${findingResource(this, `${this.startCallback.functionArn}:*`)}`],
      );
    }
    for (const [target, spec] of wanted) {
      if (plansCallbacks(spec) && !this.startCallback) {
        Annotations.of(this).addWarningV2(
          "baton:consumer-skipped",
          `${target} plans callbacks but functions/handlers/start-callback.ts does not exist; ${target} is not deployed`,
        );
        continue;
      }
      this.functions[target] = this.consumer(`Consumer-${target}`, target, spec);
    }
  }

  private consumer(id: string, name: string, spec: ConsumerSpec): BatonFunction {
    const { props } = this;
    const { needs } = spec;
    const fn = new BatonFunction(this, id, {
      entry: spec.entry,
      name,
      description: spec.description,
      depsLockFilePath: props.depsLockFilePath,
      retentionDays: props.retentionDays,
      removalPolicy: props.removalPolicy,
    });
    const permissions = permissionsFor(needs.commands);
    const tableActions = actionsOn(permissions, "state-table");
    if (tableActions.length > 0) fn.useStateTable(props.table, tableActions);
    if (actionsOn(permissions, "event-bus").length > 0) fn.useEventBus(props.bus);
    if (needs.queues) {
      fn.useSetting("BATON_QUEUE_MAP", Stack.of(this).toJsonString(props.queueArns));
      fn.useSetting("BATON_FALLBACK_QUEUE", props.fallbackQueue);
    }
    const contacts = `${props.instanceArn}/contact/*`;
    const connectResources = {
      "connect-contact": [contacts],
      "connect-queue": Object.values(props.queueArns),
      "connect-instance": [props.instanceArn],
      "connect-flow": [props.queueTransferFlowArn],
    } as const;
    const connectKinds = (Object.keys(connectResources) as Array<keyof typeof connectResources>).filter(
      (kind) => actionsOn(permissions, kind).length > 0,
    );
    if (connectKinds.length > 0) fn.useSetting("BATON_CONNECT_INSTANCE_ID", props.instanceArn);
    if (connectKinds.includes("connect-flow"))
      fn.useSetting("BATON_TRANSFER_FLOW_ID", props.queueTransferFlowArn);
    for (const kind of connectKinds) {
      fn.addToRolePolicy(
        new PolicyStatement({
          actions: actionsOn(permissions, kind),
          resources: [...connectResources[kind]],
        }),
      );
    }
    if (connectKinds.includes("connect-contact")) {
      acknowledge(
        fn.role ?? fn,
        "AwsSolutions-IAM5",
        "Contact ids exist only at run time; the statement is scoped to this instance's contacts.",
        [`Resource::${findingResource(this, contacts)}`],
      );
    }
    const scheduleActions = actionsOn(permissions, "callback-schedule");
    if (scheduleActions.length > 0 && this.scheduleGroup && this.schedulerRole && this.startCallback) {
      const { partition, region, account } = Stack.of(this);
      const group = this.scheduleGroup.name ?? "default";
      const schedules = `arn:${partition}:scheduler:${region}:${account}:schedule/${group}/*`;
      fn.addToRolePolicy(new PolicyStatement({ actions: scheduleActions, resources: [schedules] }));
      if (actionsOn(permissions, "scheduler-role").length > 0) {
        fn.addToRolePolicy(
          new PolicyStatement({
            actions: ["iam:PassRole"],
            resources: [this.schedulerRole.roleArn],
            conditions: { StringEquals: { "iam:PassedToService": "scheduler.amazonaws.com" } },
          }),
        );
      }
      fn.useSetting("BATON_CALLBACK_FUNCTION_ARN", this.startCallback.functionArn);
      fn.useSetting("BATON_SCHEDULER_ROLE_ARN", this.schedulerRole.roleArn);
      fn.useSetting("BATON_SCHEDULE_GROUP", group);
      if (this.callbackDeadLetters)
        fn.useSetting("BATON_CALLBACK_DLQ_ARN", this.callbackDeadLetters.queue.queueArn);
      acknowledge(
        fn.role ?? fn,
        "AwsSolutions-IAM5",
        "Callback schedules are named per lead at run time; the statement is scoped to Baton's schedule group.",
        [`Resource::${findingResource(this, schedules)}`],
      );
    }
    return fn;
  }
}
