import { createHash } from "node:crypto";
import {
  ConflictException,
  CreateScheduleCommand,
  type CreateScheduleCommandInput,
  DeleteScheduleCommand,
  ResourceNotFoundException,
  type SchedulerClient,
  UpdateScheduleCommand,
} from "@aws-sdk/client-scheduler";
import { atExpression } from "../domain/callback-plan.js";
import type { CallbackScheduler, OneTimeSchedule } from "../ports/callback-scheduler.js";

export interface EventBridgeCallbackSchedulerOptions {
  /** Created once per process by the caller. */
  client: SchedulerClient;
  /** ARN of functions/handlers/start-callback.ts. */
  targetArn: string;
  /** Role Scheduler assumes to invoke the target (lambda:InvokeFunction on it); the caller needs iam:PassRole. */
  roleArn: string;
  /** SQS queue that keeps an invocation Scheduler gave up on (the role needs sqs:SendMessage on it). */
  deadLetterArn?: string | undefined;
  /** Schedule group; "default" when not set. */
  groupName?: string | undefined;
  /** Scheduler retries a failed invocation for at most this long. */
  maximumEventAgeSeconds?: number | undefined;
  maximumRetryAttempts?: number | undefined;
}

/** Replacing a schedule races with Scheduler deleting it after it ran: a few rounds settle it. */
const MAX_ROUNDS = 3;

/**
 * EventBridge Scheduler adapter of the CallbackScheduler port: one-time `at(...)` schedules in UTC,
 * FlexibleTimeWindow OFF, deleted by Scheduler once they ran (ActionAfterCompletion DELETE).
 * https://docs.aws.amazon.com/scheduler/latest/APIReference/API_CreateSchedule.html
 */
export class EventBridgeCallbackScheduler implements CallbackScheduler {
  private readonly options: EventBridgeCallbackSchedulerOptions;

  constructor(options: EventBridgeCallbackSchedulerOptions) {
    this.options = options;
  }

  async upsert(schedule: OneTimeSchedule): Promise<"created" | "updated"> {
    const input = this.request(schedule);
    for (let round = 1; ; round += 1) {
      try {
        // Same token for the same plan: a retried create is not a second schedule.
        await this.options.client.send(new CreateScheduleCommand({ ...input, ClientToken: token(schedule) }));
        return "created";
      } catch (error) {
        if (!(error instanceof ConflictException) || round >= MAX_ROUNDS) throw error;
      }
      try {
        await this.options.client.send(new UpdateScheduleCommand(input));
        return "updated";
      } catch (error) {
        // It ran and was deleted between the two calls: create it again.
        if (!(error instanceof ResourceNotFoundException) || round >= MAX_ROUNDS) throw error;
      }
    }
  }

  async delete(name: string): Promise<"deleted" | "not_found"> {
    try {
      await this.options.client.send(
        new DeleteScheduleCommand({ Name: name, GroupName: this.options.groupName ?? "default" }),
      );
      return "deleted";
    } catch (error) {
      if (error instanceof ResourceNotFoundException) return "not_found";
      throw error;
    }
  }

  private request(schedule: OneTimeSchedule): Omit<CreateScheduleCommandInput, "ClientToken"> {
    return {
      Name: schedule.name,
      GroupName: this.options.groupName ?? "default",
      ScheduleExpression: atExpression(schedule.at),
      ScheduleExpressionTimezone: "UTC",
      FlexibleTimeWindow: { Mode: "OFF" },
      ActionAfterCompletion: "DELETE",
      State: "ENABLED",
      Description: schedule.description.slice(0, 512),
      Target: {
        Arn: this.options.targetArn,
        RoleArn: this.options.roleArn,
        Input: JSON.stringify(schedule.payload),
        RetryPolicy: {
          MaximumEventAgeInSeconds: this.options.maximumEventAgeSeconds ?? 3_600,
          MaximumRetryAttempts: this.options.maximumRetryAttempts ?? 3,
        },
        // Without it a callback whose start-callback invocation keeps failing vanishes.
        ...(this.options.deadLetterArn ? { DeadLetterConfig: { Arn: this.options.deadLetterArn } } : {}),
      },
    };
  }
}

/** Scheduler client tokens: 1-64 of [a-zA-Z0-9-_]. */
function token(schedule: OneTimeSchedule): string {
  return createHash("sha256")
    .update(`${schedule.name}:${schedule.payload.version}:${schedule.at.toISOString()}`)
    .digest("hex");
}
