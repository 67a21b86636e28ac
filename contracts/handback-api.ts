import * as z from "./zod.js";

/**
 * The deployed handback endpoint (`POST /api/handbacks`, infra/constructs/handback-api.ts): what the
 * workspace app sends and what it gets back. Who hands back is never in the body: it is the signed-in
 * closer of the request's token.
 */
export const HandbackApiRequest = z.strictObject({
  contactId: z.string().check(z.trim(), z.minLength(1), z.maxLength(256)),
  note: z
    .string()
    .check(z.trim(), z.minLength(1, "a note for the AI's follow-up call is required"), z.maxLength(2000)),
  followUpAt: z.iso.datetime({ offset: true }),
});
export type HandbackApiRequest = z.infer<typeof HandbackApiRequest>;

/** Why a handback was refused; each maps to one HTTP status (functions/handlers/handback-api.ts). */
export const HandbackApiErrorCode = z.enum([
  "invalid_request",
  "not_signed_in",
  "unknown_contact",
  "not_a_baton_contact",
  "not_your_contact",
  "connect_unavailable",
  "publish_failed",
]);
export type HandbackApiErrorCode = z.infer<typeof HandbackApiErrorCode>;

export const HandbackApiResponse = z.union([
  z.strictObject({
    status: z.literal("requested"),
    eventId: z.string().check(z.minLength(1)),
    followUpAt: z.iso.datetime(),
  }),
  z.strictObject({ error: z.strictObject({ code: HandbackApiErrorCode, message: z.string() }) }),
]);
export type HandbackApiResponse = z.infer<typeof HandbackApiResponse>;

/**
 * `config.json` beside the deployed workspace app (infra/constructs/workspace-app.ts writes it, the app
 * reads it): where to hand back (same origin) and how closers sign in (Cognito, authorization code + PKCE).
 */
export const WorkspaceConfig = z.strictObject({
  handbackUrl: z.string().check(z.startsWith("/")),
  signIn: z.strictObject({
    authorizeUrl: z.url(),
    tokenUrl: z.url(),
    clientId: z.string().check(z.minLength(1)),
    redirectUri: z.url(),
  }),
});
export type WorkspaceConfig = z.infer<typeof WorkspaceConfig>;
