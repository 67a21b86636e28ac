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
  /** AWS AppConfig application and environment holding one configuration profile per campaign. */
  BATON_CAMPAIGN_APPLICATION: z.string().min(1),
  BATON_CAMPAIGN_ENVIRONMENT: z.string().min(1),
  /** Seconds a campaign is served from memory before AppConfig is asked again. */
  BATON_CAMPAIGN_MAX_AGE_SECONDS: z.coerce.number().int().min(0).max(3_600).default(60),
});
export type Environment = z.infer<typeof Environment>;

export function readEnvironment(env: NodeJS.ProcessEnv): Environment {
  const parsed = Environment.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`environment variable ${issue?.path.join(".") ?? "?"}: ${issue?.message ?? "invalid"}`);
  }
  return parsed.data;
}
