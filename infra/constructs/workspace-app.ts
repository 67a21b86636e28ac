import { DefaultStackSynthesizer, Duration, RemovalPolicy, Stack } from "aws-cdk-lib";
import { CfnApplication } from "aws-cdk-lib/aws-appintegrations";
import {
  AllowedMethods,
  CachePolicy,
  Distribution,
  HeadersReferrerPolicy,
  HttpVersion,
  OriginProtocolPolicy,
  OriginRequestPolicy,
  ResponseHeadersPolicy,
  ViewerProtocolPolicy,
} from "aws-cdk-lib/aws-cloudfront";
import { HttpOrigin, S3BucketOrigin } from "aws-cdk-lib/aws-cloudfront-origins";
import { CfnIntegrationAssociation, CfnSecurityProfile } from "aws-cdk-lib/aws-connect";
import { BlockPublicAccess, Bucket, BucketEncryption, ObjectOwnership } from "aws-cdk-lib/aws-s3";
import { BucketDeployment, type ISource, Source } from "aws-cdk-lib/aws-s3-deployment";
import { Construct } from "constructs";
import type { WorkspaceConfig } from "../../contracts/handback-api.js";
import { acknowledge, findingResource } from "../nag.js";
import { scopedName } from "../names.js";

/** What the app may read in the agent workspace (Connect admin guide, "Events and requests ..."). */
export const WORKSPACE_APP_PERMISSIONS = [
  // agent/getARN: the closer's user, shown with a handback.
  "User.Details.View",
  // contact/onConnected, onCleared, getInitialContactId: which contact is on screen.
  "Contact.Details.View",
  // contact/getAttributes: the baton_* screen pop the flow set.
  "Contact.Attributes.View",
] as const;

/** What the app's frame may do: run, keep its origin (config.json, the API), and open the sign-in pop-up. */
export const WORKSPACE_APP_SANDBOX = [
  "allow-scripts",
  "allow-same-origin",
  "allow-forms",
  "allow-popups",
  "allow-popups-to-escape-sandbox",
] as const;

/** Where the app calls the handback endpoint: same origin, so no CORS and `connect-src 'self'`. */
export const HANDBACK_PATH = "/api/handbacks";

/** config.json beside the app, read by web/shared/workspace-handback.ts (contracts/handback-api.ts). */
export type WorkspaceAppSettings = WorkspaceConfig;

export interface WorkspaceAppProps {
  instanceArn: string;
  /** The agent workspace origins that may frame the app (CSP frame-ancestors). */
  workspaceOrigins: string[];
  /** The handback HTTP API's host name (`<id>.execute-api.<region>.amazonaws.com`), served under /api/. */
  apiDomainName: string;
  /** Origins the app talks to besides its own (the sign-in domain's token endpoint). */
  connectOrigins: string[];
  removalPolicy: RemovalPolicy;
}

/**
 * Baton's screen pop inside the Amazon Connect agent workspace: the app's files in a private S3 bucket
 * behind CloudFront (Origin Access Control, HTTPS only, security headers whose CSP lets only the agent
 * workspace frame it), the handback API under /api/ on the same distribution, and the app registered
 * with the instance: an AppIntegrations application, its association with the instance, and a security
 * profile that gives access to it (docs/deploy.md: add it to the closers).
 */
export class WorkspaceApp extends Construct {
  readonly bucket: Bucket;
  readonly distribution: Distribution;
  readonly url: string;
  readonly application: CfnApplication;
  readonly association: CfnIntegrationAssociation;
  readonly securityProfile: CfnSecurityProfile;

  constructor(scope: Construct, id: string, props: WorkspaceAppProps) {
    super(scope, id);
    const destroy = props.removalPolicy === RemovalPolicy.DESTROY;
    const logs = new Bucket(this, "AccessLogs", {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      // CloudFront standard logs are delivered with an ACL; the bucket must accept it.
      objectOwnership: ObjectOwnership.OBJECT_WRITER,
      lifecycleRules: [{ expiration: Duration.days(90) }],
      removalPolicy: props.removalPolicy,
      autoDeleteObjects: destroy,
    });
    acknowledge(logs, "AwsSolutions-S1", "This is the access-log bucket; logging it into itself would loop.");

    this.bucket = new Bucket(this, "Site", {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      serverAccessLogsBucket: logs,
      serverAccessLogsPrefix: "site/",
      removalPolicy: props.removalPolicy,
      autoDeleteObjects: destroy,
    });

    const headers = new ResponseHeadersPolicy(this, "SecurityHeaders", {
      responseHeadersPolicyName: `${Stack.of(this).stackName}-workspace-app`,
      comment: "Baton workspace app: only the Connect agent workspace may frame it",
      securityHeadersBehavior: {
        contentSecurityPolicy: {
          contentSecurityPolicy: contentSecurityPolicy(props.workspaceOrigins, props.connectOrigins),
          override: true,
        },
        strictTransportSecurity: {
          accessControlMaxAge: Duration.days(730),
          includeSubdomains: true,
          override: true,
        },
        contentTypeOptions: { override: true },
        referrerPolicy: {
          referrerPolicy: HeadersReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN,
          override: true,
        },
        // No X-Frame-Options: it cannot name another origin, and the CSP's frame-ancestors is the rule.
      },
    });

    this.distribution = new Distribution(this, "Distribution", {
      comment: "Baton agent workspace app",
      defaultRootObject: "index.html",
      httpVersion: HttpVersion.HTTP2_AND_3,
      enableLogging: true,
      logBucket: logs,
      logFilePrefix: "cloudfront/",
      defaultBehavior: {
        origin: S3BucketOrigin.withOriginAccessControl(this.bucket),
        viewerProtocolPolicy: ViewerProtocolPolicy.HTTPS_ONLY,
        responseHeadersPolicy: headers,
        cachePolicy: CachePolicy.CACHING_OPTIMIZED,
      },
      additionalBehaviors: {
        "/api/*": {
          origin: new HttpOrigin(props.apiDomainName, { protocolPolicy: OriginProtocolPolicy.HTTPS_ONLY }),
          viewerProtocolPolicy: ViewerProtocolPolicy.HTTPS_ONLY,
          allowedMethods: AllowedMethods.ALLOW_ALL,
          cachePolicy: CachePolicy.CACHING_DISABLED,
          // The Authorization header reaches the API; Host stays the API's own.
          originRequestPolicy: OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER,
          responseHeadersPolicy: headers,
        },
      },
    });
    this.url = `https://${this.distribution.distributionDomainName}`;
    acknowledge(
      this.distribution,
      "AwsSolutions-CFR1",
      "Closers sign in from wherever the contact center works; the instance's own access rules apply.",
    );
    acknowledge(
      this.distribution,
      "AwsSolutions-CFR2",
      "Static files and one JWT-authorized endpoint; a web ACL is the operator's choice (docs/deploy.md).",
    );
    acknowledge(
      this.distribution,
      "AwsSolutions-CFR4",
      "The default CloudFront domain cannot pin a TLS policy; a custom domain with its certificate can (docs/deploy.md).",
    );

    const namespace = scopedName(this, "baton-screen-pop");
    this.application = new CfnApplication(this, "Application", {
      name: scopedName(this, "Baton screen pop", " "),
      namespace,
      description: "What the AI confirmed, the customer's ask and an opener, and hand back to the AI",
      applicationSourceConfig: {
        externalUrlConfig: { accessUrl: this.url, approvedOrigins: [this.url] },
      },
      permissions: [...WORKSPACE_APP_PERMISSIONS],
      // The closers' sign-in page cannot be framed: it opens in a pop-up that reports back to the app.
      iframeConfig: { sandbox: [...WORKSPACE_APP_SANDBOX] },
    });
    this.association = new CfnIntegrationAssociation(this, "Association", {
      instanceId: props.instanceArn,
      integrationType: "APPLICATION",
      integrationArn: this.application.attrApplicationArn,
    });
    // Access to a third-party app is a security-profile permission: closers get this profile besides theirs.
    this.securityProfile = new CfnSecurityProfile(this, "ClosersAccess", {
      instanceArn: props.instanceArn,
      securityProfileName: scopedName(this, "Baton screen pop access", " "),
      description: "Opens the Baton screen pop app in the agent workspace; add it to every closer",
      applications: [{ namespace, applicationPermissions: ["ACCESS"] }],
    });
    this.securityProfile.node.addDependency(this.association);
  }

  /**
   * Uploads the app and its runtime settings (config.json next to it; tokens resolve at deploy) and
   * invalidates the cached copies. Called once the settings (the sign-in client) exist.
   */
  publish(site: ISource, settings: WorkspaceAppSettings): BucketDeployment {
    const deployment = new BucketDeployment(this, "Deploy", {
      destinationBucket: this.bucket,
      sources: [site, Source.jsonData("config.json", settings)],
      distribution: this.distribution,
      distributionPaths: ["/index.html", "/config.json", "/assets/*"],
      memoryLimit: 512,
    });
    // The deployment's handler is one CDK-provided function per stack, beside this construct.
    const stack = Stack.of(this);
    for (const handler of stack.node.children.filter((child) =>
      child.node.id.startsWith("Custom::CDKBucketDeployment"),
    )) {
      acknowledge(
        handler,
        "AwsSolutions-L1",
        "CDK's BucketDeployment handler; its runtime is the one aws-cdk-lib ships it with.",
      );
      acknowledge(
        handler,
        "AwsSolutions-IAM4",
        "CDK's BucketDeployment handler writes its logs with the AWS managed basic execution role.",
        ["Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole"],
      );
      const assets = `arn:${stack.partition}:s3:::cdk-${DefaultStackSynthesizer.DEFAULT_QUALIFIER}-assets-${stack.account}-${stack.region}/*`;
      acknowledge(
        handler,
        "AwsSolutions-IAM5",
        "CDK's BucketDeployment grants: read the staged asset, replace this app's objects, invalidate its distribution (CloudFront invalidations take no resource).",
        [
          ...["s3:GetObject*", "s3:GetBucket*", "s3:List*", "s3:DeleteObject*", "s3:Abort*"].map(
            (action) => `Action::${action}`,
          ),
          "Resource::*",
          `Resource::${findingResource(this, `${this.bucket.bucketArn}/*`)}`,
          `Resource::${findingResource(this, assets)}`,
        ],
      );
    }
    return deployment;
  }
}

/**
 * The app loads only its own files, talks only to its own origin (and the sign-in domain), and may be
 * framed only by the agent workspace. Inline styles are allowed: the design system sets some at runtime.
 */
export function contentSecurityPolicy(frameAncestors: string[], connectOrigins: string[]): string {
  return [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self' data:",
    `connect-src ${["'self'", ...connectOrigins].join(" ")}`,
    `frame-ancestors ${frameAncestors.join(" ")}`,
    "base-uri 'none'",
    "form-action 'none'",
  ].join("; ");
}
