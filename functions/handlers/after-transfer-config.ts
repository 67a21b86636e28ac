import * as z from "../../contracts/zod.js";

/**
 * Environment of the after-transfer functions (handoff-router, handoff-kpi, handback-scheduler,
 * start-callback), read once at cold start; a bad value stops the function naming it. Each function reads
 * only what it uses, so the CDK app sets exactly these per function.
 */

const Table = { BATON_TABLE_NAME: z.string().check(z.minLength(1)) };
const Bus = { BATON_EVENT_BUS_NAME: z.string().check(z.minLength(1)) };
const Ttl = {
  BATON_TTL_DAYS: z._default(z.coerce.number().check(z.int(), z.minimum(1), z.maximum(3_650)), 90),
};
/** Instance id or ARN. */
const Instance = { BATON_CONNECT_INSTANCE_ID: z.string().check(z.minLength(1)) };

/** `{"<queue name as campaigns route>": "<Connect queue ARN or id>", ...}`. */
const QueueMap = z.pipe(
  z.pipe(
    z.string().check(z.minLength(2)),
    z.transform((text, ctx) => {
      try {
        return JSON.parse(text) as unknown;
      } catch {
        ctx.issues.push({ code: "custom", message: "not JSON", input: text });
        return z.NEVER;
      }
    }),
  ),
  z.record(z.string().check(z.minLength(1)), z.string().check(z.minLength(1))),
);

const Schedules = {
  /** ARN of the start-callback function: the schedules' target. */
  BATON_CALLBACK_FUNCTION_ARN: z.string().check(z.startsWith("arn:")),
  /** Role EventBridge Scheduler assumes to invoke start-callback. */
  BATON_SCHEDULER_ROLE_ARN: z.string().check(z.startsWith("arn:")),
  BATON_SCHEDULE_GROUP: z._default(z.string().check(z.minLength(1)), "default"),
  /** SQS queue for schedule invocations Scheduler gave up on (the schedule target's dead-letter queue). */
  BATON_CALLBACK_DLQ_ARN: z.optional(z.string().check(z.startsWith("arn:"))),
  /** A follow-up at most this far in the past is called as soon as possible; older ones are refused. */
  BATON_CALLBACK_PAST_GRACE_MINUTES: z._default(
    z.coerce.number().check(z.int(), z.minimum(0), z.maximum(1_440)),
    15,
  ),
  /** Follow-ups further ahead are refused. */
  BATON_CALLBACK_MAX_AHEAD_DAYS: z._default(
    z.coerce.number().check(z.int(), z.minimum(1), z.maximum(365)),
    90,
  ),
  /** Nurture decisions without a time are called back after this long. */
  BATON_NURTURE_DEFAULT_DELAY_HOURS: z._default(z.coerce.number().check(z.minimum(0), z.maximum(720)), 24),
};

const RouterEnvironment = z.object({
  ...Table,
  ...Bus,
  ...Ttl,
  ...Instance,
  ...Schedules,
  BATON_QUEUE_MAP: QueueMap,
  /** Queue name used when a campaign's queue is not in the map. */
  BATON_FALLBACK_QUEUE: z._default(z.string().check(z.minLength(1)), "baton-closers"),
  /** Transfer-to-queue flow TransferContact runs for task and email contacts (id or ARN). */
  BATON_TRANSFER_FLOW_ID: z.optional(z.string().check(z.minLength(1))),
  /** No closer free: the callback is planned this many minutes after the handoff. */
  BATON_NO_CLOSER_CALLBACK_MINUTES: z._default(
    z.coerce.number().check(z.int(), z.minimum(1), z.maximum(10_080)),
    30,
  ),
  /** Contact events of a contact not handed off (yet) are kept this long (shared with handoff-kpi). */
  BATON_KPI_REORDER_WINDOW_SECONDS: z._default(
    z.coerce.number().check(z.int(), z.minimum(0), z.maximum(86_400)),
    3_600,
  ),
});
export type RouterEnvironment = z.infer<typeof RouterEnvironment>;

const KpiEnvironment = z.object({
  ...Table,
  ...Bus,
  ...Ttl,
  BATON_KPI_REORDER_WINDOW_SECONDS: z._default(
    z.coerce.number().check(z.int(), z.minimum(0), z.maximum(86_400)),
    3_600,
  ),
});
export type KpiEnvironment = z.infer<typeof KpiEnvironment>;

const HandbackEnvironment = z.object({ ...Table, ...Ttl, ...Schedules });
export type HandbackEnvironment = z.infer<typeof HandbackEnvironment>;

const StartCallbackEnvironment = z
  .object({
    ...Table,
    ...Instance,
    /** The outbound AI flow (id or ARN): it copies `leadId` and `campaignId` into the Lex session. */
    BATON_OUTBOUND_FLOW_ID: z.string().check(z.minLength(1)),
    /** Caller id: a claimed number (E.164)... */
    BATON_OUTBOUND_SOURCE_PHONE: z.optional(
      z.string().check(z.regex(/^\+[1-9]\d{1,14}$/, "an E.164 number")),
    ),
    /** ...or a queue whose outbound caller id is used (id or ARN). */
    BATON_OUTBOUND_QUEUE_ID: z.optional(z.string().check(z.minLength(1))),
    /** A schedule delivered later than this after its time calls nobody. */
    BATON_CALLBACK_MAX_LATENESS_MINUTES: z._default(
      z.coerce.number().check(z.int(), z.minimum(1), z.maximum(1_440)),
      60,
    ),
  })
  .check(
    z.refine((env) => env.BATON_OUTBOUND_SOURCE_PHONE || env.BATON_OUTBOUND_QUEUE_ID, {
      message: "set BATON_OUTBOUND_SOURCE_PHONE or BATON_OUTBOUND_QUEUE_ID",
      path: ["BATON_OUTBOUND_SOURCE_PHONE"],
    }),
  );
export type StartCallbackEnvironment = z.infer<typeof StartCallbackEnvironment>;

function read<T>(schema: z.ZodMiniType<T>, env: NodeJS.ProcessEnv): T {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`environment variable ${issue?.path.join(".") ?? "?"}: ${issue?.message ?? "invalid"}`);
  }
  return parsed.data;
}

export const readRouterEnvironment = (env: NodeJS.ProcessEnv) => read(RouterEnvironment, env);
export const readKpiEnvironment = (env: NodeJS.ProcessEnv) => read(KpiEnvironment, env);
export const readHandbackEnvironment = (env: NodeJS.ProcessEnv) => read(HandbackEnvironment, env);
export const readStartCallbackEnvironment = (env: NodeJS.ProcessEnv) => read(StartCallbackEnvironment, env);

/** The handback endpoint (handback-api): looks the contact up in Connect and publishes to the bus. */
const HandbackApiEnvironment = z.object({ ...Bus, ...Instance });
export const readHandbackApiEnvironment = (env: NodeJS.ProcessEnv) => read(HandbackApiEnvironment, env);

/** The callback timing the environment describes (minimum lead: Scheduler needs a future minute). */
export function callbackTiming(env: HandbackEnvironment | RouterEnvironment) {
  return {
    pastGraceMs: env.BATON_CALLBACK_PAST_GRACE_MINUTES * 60_000,
    minLeadMs: 60_000,
    maxAheadMs: env.BATON_CALLBACK_MAX_AHEAD_DAYS * 86_400_000,
    defaultDelayMs: env.BATON_NURTURE_DEFAULT_DELAY_HOURS * 3_600_000,
  };
}
