/// <reference lib="dom" />
import * as z from "zod";
import {
  type HandbackApiRequest,
  HandbackApiResponse,
  WorkspaceConfig,
} from "../../contracts/handback-api.js";
import { ApiError } from "./api-client.js";

/**
 * Hand back from inside the Amazon Connect agent workspace. The deployed app finds its settings in
 * `config.json` beside it (written by the CDK app, infra/constructs/workspace-app.ts): the handback
 * endpoint and the closers' sign-in (Cognito, authorization code with PKCE). The sign-in page cannot be
 * framed, so it opens in a popup that comes back to the app's own page with the code; the ID token stays
 * in this page's memory only.
 */

const SIGNED_IN = "baton-signed-in";
const TokenResponse = z.object({ id_token: z.string().min(1), expires_in: z.number().int().positive() });

/** config.json, or null where there is none (the local server's /workspace page). */
export async function loadWorkspaceConfig(): Promise<WorkspaceConfig | null> {
  const response = await fetch("config.json", { cache: "no-store" }).catch(() => null);
  if (!response?.ok) return null;
  const parsed = WorkspaceConfig.safeParse(await response.json().catch(() => null));
  return parsed.success ? parsed.data : null;
}

/**
 * In the sign-in popup, back on the app's page with `?code=&state=`: hands both to the app that opened
 * it and closes. True when this page is that popup (the app should not start).
 */
export function finishSignInInPopup(): boolean {
  const params = new URLSearchParams(window.location.search);
  const code = params.get("code");
  const state = params.get("state");
  if (!code || !state || !window.opener) return false;
  (window.opener as Window).postMessage({ type: SIGNED_IN, code, state }, window.location.origin);
  window.close();
  return true;
}

/** The closer's handback client: signs in on first use, then POSTs to the endpoint with the ID token. */
export function workspaceHandback(config: WorkspaceConfig) {
  let token: { value: string; expiresAt: number } | undefined;

  const signIn = async (): Promise<string> => {
    const verifier = randomString(64);
    const state = randomString(24);
    const url = new URL(config.signIn.authorizeUrl);
    url.search = new URLSearchParams({
      response_type: "code",
      client_id: config.signIn.clientId,
      redirect_uri: config.signIn.redirectUri,
      scope: "openid profile",
      state,
      code_challenge: await challengeOf(verifier),
      code_challenge_method: "S256",
    }).toString();
    const popup = window.open(url.toString(), "baton-sign-in", "popup,width=480,height=640");
    if (!popup) throw new ApiError(401, "allow pop-ups for Baton to sign in, then hand back again");
    const code = await new Promise<string>((resolve, reject) => {
      const onMessage = (event: MessageEvent) => {
        const data = event.data as { type?: unknown; code?: unknown; state?: unknown } | null;
        if (event.origin !== window.location.origin || data?.type !== SIGNED_IN) return;
        window.removeEventListener("message", onMessage);
        if (data.state !== state || typeof data.code !== "string")
          reject(new ApiError(401, "sign-in failed"));
        else resolve(data.code);
      };
      window.addEventListener("message", onMessage);
    });
    const response = await fetch(config.signIn.tokenUrl, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({
        grant_type: "authorization_code",
        client_id: config.signIn.clientId,
        code,
        redirect_uri: config.signIn.redirectUri,
        code_verifier: verifier,
      }),
    });
    const tokens = TokenResponse.safeParse(await response.json().catch(() => null));
    if (!response.ok || !tokens.success) throw new ApiError(401, "sign-in failed");
    token = { value: tokens.data.id_token, expiresAt: Date.now() + (tokens.data.expires_in - 60) * 1000 };
    return token.value;
  };

  const post = async (body: HandbackApiRequest, idToken: string) => {
    const response = await fetch(config.handbackUrl, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${idToken}` },
      body: JSON.stringify(body),
    });
    return {
      status: response.status,
      answer: HandbackApiResponse.safeParse(await response.json().catch(() => null)),
    };
  };

  return async (contactId: string, input: { note: string; followUpAt: string }): Promise<void> => {
    const body = { contactId, note: input.note, followUpAt: input.followUpAt };
    const fresh = token && token.expiresAt > Date.now() ? token.value : await signIn();
    let { status, answer } = await post(body, fresh);
    // An expired or revoked token: sign in once more.
    if (status === 401) ({ status, answer } = await post(body, await signIn()));
    if (answer.success && "status" in answer.data) return;
    const message =
      answer.success && "error" in answer.data ? answer.data.error.message : `handback failed (${status})`;
    throw new ApiError(status, message);
  };
}

let client: Promise<ReturnType<typeof workspaceHandback> | null> | undefined;

/**
 * The workspace desk's `handBack`: the deployed app's config, read once, and one signed-in client for the
 * page's life. Without config.json (the local /workspace page) it says where handback lives.
 */
export async function handBackFromWorkspace(
  contactId: string,
  input: { note: string; followUpAt: string },
): Promise<void> {
  client ??= loadWorkspaceConfig().then((config) => (config ? workspaceHandback(config) : null));
  const handBack = await client;
  if (!handBack)
    throw new ApiError(404, "no handback endpoint here: cdk deploy puts config.json beside the app");
  await handBack(contactId, input);
}

function randomString(length: number): string {
  const bytes = crypto.getRandomValues(new Uint8Array(length));
  return base64Url(bytes).slice(0, length);
}

/** PKCE S256: base64url(sha256(verifier)). */
export async function challengeOf(verifier: string): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(verifier));
  return base64Url(new Uint8Array(digest));
}

function base64Url(bytes: Uint8Array): string {
  return btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, "-")
    .replace(/\//g, "_")
    .replace(/=+$/, "");
}
