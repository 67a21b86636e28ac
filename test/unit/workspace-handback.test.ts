import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { WorkspaceConfig } from "../../contracts/handback-api.js";
import { challengeOf } from "../../web/shared/workspace-handback.js";

describe("the workspace app's sign-in and config", () => {
  it("derives the PKCE S256 challenge: base64url of the verifier's SHA-256, unpadded (RFC 7636 4.2)", async () => {
    for (const verifier of ["a".repeat(43), "Az09-._~".repeat(16), "x"]) {
      const expected = createHash("sha256").update(verifier).digest("base64url");
      expect(await challengeOf(verifier)).toBe(expected);
    }
  });

  it("reads the config.json the CDK app deploys, and nothing looser", () => {
    const deployed = {
      handbackUrl: "/api/handbacks",
      signIn: {
        authorizeUrl: "https://baton-closers-111122223333.auth.us-east-1.amazoncognito.com/oauth2/authorize",
        tokenUrl: "https://baton-closers-111122223333.auth.us-east-1.amazoncognito.com/oauth2/token",
        clientId: "4example5client6id",
        redirectUri: "https://d111111abcdef8.cloudfront.net/index.html",
      },
    };
    expect(WorkspaceConfig.parse(deployed)).toEqual(deployed);
    // Another origin for the endpoint would need CORS and a wider CSP: refused.
    expect(WorkspaceConfig.safeParse({ ...deployed, handbackUrl: "https://evil.example/api" }).success).toBe(
      false,
    );
  });
});
