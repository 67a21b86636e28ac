import { beforeAll, describe, expect, it } from "vitest";
import {
  contentSecurityPolicy,
  HANDBACK_PATH,
  WORKSPACE_APP_PERMISSIONS,
  WORKSPACE_APP_SANDBOX,
} from "../../infra/constructs/workspace-app.js";
import type { BatonStack } from "../../infra/stack.js";
import { exampleApp } from "./support.js";

/**
 * The workspace app as `cdk deploy` puts it into the account: hosted privately behind CloudFront,
 * framed only by the agent workspace, registered with the instance, and handing back only through the
 * JWT-authorized endpoint.
 */
type Resource = { Type: string; Properties: Record<string, unknown> };
let stack: BatonStack;
let resources: Record<string, Resource>;

const ofType = (type: string) => Object.entries(resources).filter(([, r]) => r.Type === type);
const only = (type: string): Resource => {
  const found = ofType(type);
  expect(found, type).toHaveLength(1);
  return (found[0] as [string, Resource])[1];
};
const logicalId = (construct: unknown) => {
  const node = (construct as { node: { defaultChild?: unknown } }).node;
  return stack.getLogicalId((node.defaultChild ?? construct) as never);
};
const text = (value: unknown) => JSON.stringify(value);
const domainName = () => ({ "Fn::GetAtt": [logicalId(stack.workspace.distribution), "DomainName"] });
const distributionUrl = () => ({ "Fn::Join": ["", ["https://", domainName()]] });

function synth(context: Record<string, unknown> = {}) {
  const built = exampleApp(context);
  stack = built.stack;
  resources = (
    built.app.synth().getStackByName(stack.stackName).template as { Resources: Record<string, Resource> }
  ).Resources;
}

describe("hosting", () => {
  beforeAll(() => synth(), 180_000);

  it("keeps the app in private, encrypted buckets that refuse plain HTTP", () => {
    for (const [id, bucket] of ofType("AWS::S3::Bucket")) {
      expect(bucket.Properties.PublicAccessBlockConfiguration, id).toEqual({
        BlockPublicAcls: true,
        BlockPublicPolicy: true,
        IgnorePublicAcls: true,
        RestrictPublicBuckets: true,
      });
      expect(text(bucket.Properties.BucketEncryption), id).toContain("AES256");
    }
    for (const [id, policy] of ofType("AWS::S3::BucketPolicy")) {
      expect(text(policy.Properties.PolicyDocument), id).toContain('"aws:SecureTransport":"false"');
    }
    const site = resources[logicalId(stack.workspace.bucket)];
    expect(site?.Properties.LoggingConfiguration).toBeDefined();
  });

  it("lets only this distribution read the site bucket (Origin Access Control)", () => {
    const sitePolicy = ofType("AWS::S3::BucketPolicy").find(([, p]) =>
      text(p.Properties.Bucket).includes(logicalId(stack.workspace.bucket)),
    )?.[1];
    const document = sitePolicy?.Properties.PolicyDocument as
      | { Statement: Array<Record<string, unknown>> }
      | undefined;
    const read = document?.Statement.find((s) => s.Action === "s3:GetObject");
    expect(read?.Principal).toEqual({ Service: "cloudfront.amazonaws.com" });
    expect(text(read?.Condition)).toContain(logicalId(stack.workspace.distribution));
    expect(only("AWS::CloudFront::OriginAccessControl").Properties.OriginAccessControlConfig).toMatchObject({
      OriginAccessControlOriginType: "s3",
      SigningBehavior: "always",
      SigningProtocol: "sigv4",
    });
  });

  it("serves over HTTPS only, with the handback API under /api/ on the same origin", () => {
    const config = only("AWS::CloudFront::Distribution").Properties.DistributionConfig as {
      DefaultRootObject: string;
      DefaultCacheBehavior: Record<string, unknown>;
      CacheBehaviors: Array<Record<string, unknown>>;
      Origins: Array<Record<string, unknown>>;
      Logging: unknown;
    };
    expect(config.DefaultRootObject).toBe("index.html");
    expect(config.DefaultCacheBehavior.ViewerProtocolPolicy).toBe("https-only");
    const [api] = config.CacheBehaviors;
    expect(api).toMatchObject({ PathPattern: "/api/*", ViewerProtocolPolicy: "https-only" });
    expect(api?.AllowedMethods).toContain("POST");
    expect(text(config.Origins)).toContain(`${logicalId(stack.handbackApi.api)}"},".execute-api.`);
    expect(config.Logging).toBeDefined();
    expect(HANDBACK_PATH.startsWith("/api/")).toBe(true);
  });

  it("sends security headers whose CSP lets only the agent workspace frame the app", () => {
    const policy = only("AWS::CloudFront::ResponseHeadersPolicy").Properties.ResponseHeadersPolicyConfig as {
      SecurityHeadersConfig: Record<string, Record<string, unknown>>;
    };
    const headers = policy.SecurityHeadersConfig;
    const csp = text(headers.ContentSecurityPolicy?.ContentSecurityPolicy);
    // No instance alias in the example context: any Connect instance's workspace.
    expect(csp).toContain("frame-ancestors https://*.my.connect.aws https://*.awsapps.com;");
    expect(csp).toContain("default-src 'none'; script-src 'self';");
    expect(csp).toMatch(
      /connect-src 'self' https:\/\/baton-closers-111122223333\.auth\.us-east-1\.amazoncognito\.com/,
    );
    expect(headers.StrictTransportSecurity).toMatchObject({
      AccessControlMaxAgeSec: 63_072_000,
      Override: true,
    });
    expect(headers.ContentTypeOptions).toEqual({ Override: true });
    expect(headers.FrameOptions).toBeUndefined();
  });
});

describe("registration in Amazon Connect", () => {
  beforeAll(() => synth(), 180_000);

  it("registers the app at the distribution's address with the permissions it uses", () => {
    const app = only("AWS::AppIntegrations::Application").Properties;
    expect(app.ApplicationSourceConfig).toEqual({
      ExternalUrlConfig: { AccessUrl: distributionUrl(), ApprovedOrigins: [distributionUrl()] },
    });
    expect(app.Permissions).toEqual([...WORKSPACE_APP_PERMISSIONS]);
    expect(app.Namespace).toBe("baton-screen-pop");
    expect(app.IframeConfig).toEqual({ Sandbox: [...WORKSPACE_APP_SANDBOX] });
  });

  it("associates it with the instance and gives a security profile access to it", () => {
    const associations = ofType("AWS::Connect::IntegrationAssociation").map(([, a]) => a.Properties);
    expect(associations).toContainEqual({
      InstanceId: stack.connect.instanceArn,
      IntegrationType: "APPLICATION",
      IntegrationArn: { "Fn::GetAtt": [logicalId(stack.workspace.application), "ApplicationArn"] },
    });
    const profile = only("AWS::Connect::SecurityProfile").Properties;
    expect(profile).toMatchObject({
      InstanceArn: stack.connect.instanceArn,
      SecurityProfileName: "Baton screen pop access",
      Applications: [{ Namespace: "baton-screen-pop", ApplicationPermissions: ["ACCESS"] }],
    });
  });

  it("deploys the app with its config.json: the handback path and the sign-in client", () => {
    const [[, deployment] = []] = ofType("Custom::CDKBucketDeployment");
    expect(deployment?.Properties.DestinationBucketName).toEqual({ Ref: logicalId(stack.workspace.bucket) });
    expect(deployment?.Properties.DistributionPaths).toEqual(["/index.html", "/config.json", "/assets/*"]);
    expect(text(deployment?.Properties.SourceMarkers)).toContain(logicalId(stack.handbackApi.client));
  });
});

describe("the handback endpoint", () => {
  beforeAll(() => synth(), 180_000);

  it("takes POST /api/handbacks only with an ID token of the closers' pool for the app's client", () => {
    const route = only("AWS::ApiGatewayV2::Route").Properties;
    expect(route).toMatchObject({ RouteKey: `POST ${HANDBACK_PATH}`, AuthorizationType: "JWT" });
    const authorizer = only("AWS::ApiGatewayV2::Authorizer").Properties;
    expect(authorizer).toMatchObject({
      AuthorizerType: "JWT",
      IdentitySource: ["$request.header.Authorization"],
      JwtConfiguration: { Audience: [{ Ref: logicalId(stack.handbackApi.client) }] },
    });
    expect(text(authorizer.JwtConfiguration)).toContain(logicalId(stack.handbackApi.userPool));
  });

  it("signs closers in with MFA, no self sign-up, code flow with PKCE back to the app", () => {
    const pool = only("AWS::Cognito::UserPool").Properties;
    expect(pool.MfaConfiguration).toBe("ON");
    expect(pool.AdminCreateUserConfig).toMatchObject({ AllowAdminCreateUserOnly: true });
    const client = only("AWS::Cognito::UserPoolClient").Properties;
    expect(client.GenerateSecret).toBe(false);
    expect(client.AllowedOAuthFlows).toEqual(["code"]);
    expect(client.CallbackURLs).toEqual([{ "Fn::Join": ["", ["https://", domainName(), "/index.html"]] }]);
  });

  it("logs every request and throttles", () => {
    const stage = only("AWS::ApiGatewayV2::Stage").Properties;
    expect(stage.AccessLogSettings).toMatchObject({ Format: expect.stringContaining("$context.status") });
    expect(stage.DefaultRouteSettings).toMatchObject({ ThrottlingRateLimit: 10, ThrottlingBurstLimit: 20 });
  });
});

describe("with the instance's alias", () => {
  beforeAll(() => synth({ connectInstanceAlias: "acme-sales" }), 180_000);

  it("lets only that instance's agent workspace frame the app", () => {
    const policy = only("AWS::CloudFront::ResponseHeadersPolicy").Properties.ResponseHeadersPolicyConfig;
    expect(text(policy)).toContain(
      "frame-ancestors https://acme-sales.my.connect.aws https://acme-sales.awsapps.com;",
    );
  });
});

describe("contentSecurityPolicy", () => {
  it("allows nothing by default and names each origin it adds", () => {
    const csp = contentSecurityPolicy(["https://a.my.connect.aws"], ["https://sign-in.example"]);
    expect(csp.split("; ")).toEqual([
      "default-src 'none'",
      "script-src 'self'",
      "style-src 'self' 'unsafe-inline'",
      "img-src 'self' data:",
      "font-src 'self' data:",
      "connect-src 'self' https://sign-in.example",
      "frame-ancestors https://a.my.connect.aws",
      "base-uri 'none'",
      "form-action 'none'",
    ]);
  });
});
