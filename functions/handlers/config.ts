import * as z from "zod";

/** Environment of the deployed functions, read once at cold start; a bad value stops the function naming it. */
const Environment = z.object({
  BATON_TABLE_NAME: z.string().min(1),
  BATON_EVENT_BUS_NAME: z.string().min(1),
  BATON_MODEL_ID: z.string().min(1),
  BATON_MODEL_DEADLINE_MS: z.coerce.number().int().min(100).max(10_000).default(1_500),
  BATON_TTL_DAYS: z.coerce.number().int().min(1).max(3_650).default(90),
  BATON_DEFAULT_CAMPAIGN: z.string().min(1).default("default"),
  BATON_FALLBACK_QUEUE: z.string().min(1).default("baton-closers"),
  BATON_MAX_SILENT_TURNS: z.coerce.number().int().min(1).max(10).default(3),
});
export type Environment = z.infer<typeof Environment>;

/** The conversation-turn function's own settings on top. */
const CallPathEnvironment = Environment.extend({
  /** Lex has its answer within this, whatever fails (Lex waits on the code hook; keep it well under). */
  BATON_TURN_DEADLINE_MS: z.coerce.number().int().min(1_000).max(8_000).default(3_000),
  /** The SQS queue a fallback handoff goes to when the bus will not take it. */
  BATON_PENDING_EVENTS_QUEUE_URL: z.url(),
  /** AWS AppConfig application and environment holding one configuration profile per campaign. */
  BATON_CAMPAIGN_APPLICATION: z.string().min(1),
  BATON_CAMPAIGN_ENVIRONMENT: z.string().min(1),
  /**
   * Longest a Bedrock second reading of an uncertain turn may take (same model as the AI's lines);
   * 0 leaves the local reader alone.
   */
  BATON_SECOND_OPINION_MS: z.coerce.number().int().min(0).max(2_000).default(0),
  /** Seconds a campaign is served from memory before AppConfig is asked again. */
  BATON_CAMPAIGN_MAX_AGE_SECONDS: z.coerce.number().int().min(0).max(3_600).default(60),
});
export type CallPathEnvironment = z.infer<typeof CallPathEnvironment>;

export function readEnvironment(env: NodeJS.ProcessEnv): Environment {
  return parseEnvironment(Environment, env);
}

export function readCallPathEnvironment(env: NodeJS.ProcessEnv): CallPathEnvironment {
  return parseEnvironment(CallPathEnvironment, env);
}

function parseEnvironment<Schema extends z.ZodType>(schema: Schema, env: NodeJS.ProcessEnv): z.infer<Schema> {
  // Parsed once at start: zod's compiled fast path would cost more than it saves.
  const parsed = schema.safeParse(env, { jitless: true });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`environment variable ${issue?.path.join(".") ?? "?"}: ${issue?.message ?? "invalid"}`);
  }
  return parsed.data;
}
