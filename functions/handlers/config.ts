import * as z from "../../contracts/zod.js";

/** Environment of the deployed functions, read once at cold start; a bad value stops the function naming it. */
const Environment = z.object({
  BATON_TABLE_NAME: z.string().check(z.minLength(1)),
  BATON_EVENT_BUS_NAME: z.string().check(z.minLength(1)),
  BATON_MODEL_ID: z.string().check(z.minLength(1)),
  BATON_MODEL_DEADLINE_MS: z._default(
    z.coerce.number().check(z.int(), z.minimum(100), z.maximum(10_000)),
    1_500,
  ),
  BATON_TTL_DAYS: z._default(z.coerce.number().check(z.int(), z.minimum(1), z.maximum(3_650)), 90),
  BATON_DEFAULT_CAMPAIGN: z._default(z.string().check(z.minLength(1)), "default"),
  BATON_FALLBACK_QUEUE: z._default(z.string().check(z.minLength(1)), "baton-closers"),
  BATON_MAX_SILENT_TURNS: z._default(z.coerce.number().check(z.int(), z.minimum(1), z.maximum(10)), 3),
});
export type Environment = z.infer<typeof Environment>;

/** The conversation-turn function's own settings on top. */
const CallPathEnvironment = z.extend(Environment, {
  /** Lex has its answer within this, whatever fails (Lex waits on the code hook; keep it well under). */
  BATON_TURN_DEADLINE_MS: z._default(
    z.coerce.number().check(z.int(), z.minimum(1_000), z.maximum(8_000)),
    3_000,
  ),
  /** The SQS queue a fallback handoff goes to when the bus will not take it. */
  BATON_PENDING_EVENTS_QUEUE_URL: z.url(),
  /** AWS AppConfig application and environment holding one configuration profile per campaign. */
  BATON_CAMPAIGN_APPLICATION: z.string().check(z.minLength(1)),
  BATON_CAMPAIGN_ENVIRONMENT: z.string().check(z.minLength(1)),
  /**
   * Longest a Bedrock second reading of an uncertain turn may take (same model as the AI's lines);
   * 0 leaves the local reader alone.
   */
  BATON_SECOND_OPINION_MS: z._default(z.coerce.number().check(z.int(), z.minimum(0), z.maximum(2_000)), 0),
  /** Seconds a campaign is served from memory before AppConfig is asked again. */
  BATON_CAMPAIGN_MAX_AGE_SECONDS: z._default(
    z.coerce.number().check(z.int(), z.minimum(0), z.maximum(3_600)),
    60,
  ),
});
export type CallPathEnvironment = z.infer<typeof CallPathEnvironment>;

export function readEnvironment(env: NodeJS.ProcessEnv): Environment {
  return parseEnvironment(Environment, env);
}

export function readCallPathEnvironment(env: NodeJS.ProcessEnv): CallPathEnvironment {
  return parseEnvironment(CallPathEnvironment, env);
}

function parseEnvironment<Schema extends z.ZodMiniType>(
  schema: Schema,
  env: NodeJS.ProcessEnv,
): z.infer<Schema> {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`environment variable ${issue?.path.join(".") ?? "?"}: ${issue?.message ?? "invalid"}`);
  }
  return parsed.data;
}
