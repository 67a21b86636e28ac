import { Duration, type RemovalPolicy, Stack } from "aws-cdk-lib";
import { type CfnStage, HttpApi, HttpMethod } from "aws-cdk-lib/aws-apigatewayv2";
import { HttpUserPoolAuthorizer } from "aws-cdk-lib/aws-apigatewayv2-authorizers";
import { HttpLambdaIntegration } from "aws-cdk-lib/aws-apigatewayv2-integrations";
import {
  AccountRecovery,
  FeaturePlan,
  Mfa,
  OAuthScope,
  UserPool,
  type UserPoolClient,
  type UserPoolDomain,
} from "aws-cdk-lib/aws-cognito";
import type { IEventBus } from "aws-cdk-lib/aws-events";
import { PolicyStatement } from "aws-cdk-lib/aws-iam";
import { LogGroup, type RetentionDays } from "aws-cdk-lib/aws-logs";
import { Construct } from "constructs";
import { FUNCTION_COMMANDS } from "../iam/function-commands.js";
import { actionsOn, permissionsFor } from "../iam/sdk-permissions.js";
import { acknowledge, findingResource } from "../nag.js";
import { BatonFunction } from "./baton-function.js";
import { HANDBACK_PATH } from "./workspace-app.js";

export interface HandbackApiProps {
  entry: string;
  depsLockFilePath: string;
  instanceArn: string;
  bus: IEventBus;
  retentionDays: RetentionDays;
  removalPolicy: RemovalPolicy;
}

/**
 * The authenticated handback endpoint of the workspace app: closers sign in to a Cognito user pool whose
 * user names are their Connect user names; API Gateway (HTTP API) accepts only that pool's ID tokens; the
 * handback-api function checks that the caller is the agent on the contact before it publishes
 * `Handback.Requested`. The workspace app reaches it through its own CloudFront distribution (/api/*).
 */
export class HandbackApi extends Construct {
  readonly fn: BatonFunction;
  readonly api: HttpApi;
  readonly userPool: UserPool;
  readonly domain: UserPoolDomain;
  /** The sign-in page's origin (`https://<prefix>.auth.<region>.amazoncognito.com`). */
  readonly signInOrigin: string;
  /** `<api id>.execute-api.<region>.amazonaws.com`, the origin CloudFront forwards /api/* to. */
  readonly apiDomainName: string;
  client: UserPoolClient | undefined;

  constructor(scope: Construct, id: string, props: HandbackApiProps) {
    super(scope, id);
    const stack = Stack.of(this);

    this.fn = new BatonFunction(this, "Function", {
      entry: props.entry,
      name: "handback-api",
      description: "Hands a call back to the AI for the closer on it (POST /api/handbacks)",
      depsLockFilePath: props.depsLockFilePath,
      retentionDays: props.retentionDays,
      removalPolicy: props.removalPolicy,
    }).useEventBus(props.bus);
    this.fn.useSetting("BATON_CONNECT_INSTANCE_ID", props.instanceArn);
    const permissions = permissionsFor(FUNCTION_COMMANDS["handback-api"]);
    const resources = {
      "connect-contact": `${props.instanceArn}/contact/*`,
      "connect-user": `${props.instanceArn}/agent/*`,
    } as const;
    for (const [kind, arn] of Object.entries(resources) as Array<[keyof typeof resources, string]>) {
      this.fn.addToRolePolicy(
        new PolicyStatement({ actions: actionsOn(permissions, kind), resources: [arn] }),
      );
    }
    acknowledge(
      this.fn.role ?? this.fn,
      "AwsSolutions-IAM5",
      "Contact and user ids come with each request; the statements are scoped to this instance's contacts and users.",
      Object.values(resources).map((arn) => `Resource::${findingResource(this, arn)}`),
    );

    this.userPool = new UserPool(this, "Closers", {
      userPoolName: `${stack.stackName}-closers`,
      selfSignUpEnabled: false,
      signInAliases: { username: true },
      signInCaseSensitive: false,
      mfa: Mfa.REQUIRED,
      mfaSecondFactor: { otp: true, sms: false },
      passwordPolicy: {
        minLength: 12,
        requireDigits: true,
        requireLowercase: true,
        requireUppercase: true,
        requireSymbols: true,
      },
      accountRecovery: AccountRecovery.EMAIL_ONLY,
      featurePlan: FeaturePlan.ESSENTIALS,
      removalPolicy: props.removalPolicy,
    });
    for (const rule of ["AwsSolutions-COG3", "AwsSolutions-COG8"]) {
      acknowledge(
        this.userPool,
        rule,
        "Threat protection needs the paid Plus feature plan; sign-in already requires MFA, and an operator may upgrade.",
      );
    }
    // Globally unique: the stack's name and account (lowercase, no "aws" or "cognito" allowed).
    const prefix = `${stack.stackName.toLowerCase().replace(/[^a-z0-9-]/g, "-")}-closers-${stack.account}`;
    this.domain = this.userPool.addDomain("SignIn", { cognitoDomain: { domainPrefix: prefix } });
    this.signInOrigin = `https://${prefix}.auth.${stack.region}.amazoncognito.com`;

    const accessLogs = new LogGroup(this, "AccessLogs", {
      retention: props.retentionDays,
      removalPolicy: props.removalPolicy,
    });
    this.api = new HttpApi(this, "Api", {
      description: "Baton workspace app: hand a call back to the AI",
      createDefaultStage: true,
    });
    const stage = this.api.defaultStage?.node.defaultChild as CfnStage;
    stage.accessLogSettings = {
      destinationArn: accessLogs.logGroupArn,
      format: JSON.stringify({
        requestId: "$context.requestId",
        ip: "$context.identity.sourceIp",
        user: "$context.authorizer.claims.cognito:username",
        routeKey: "$context.routeKey",
        status: "$context.status",
        latency: "$context.responseLatency",
        error: "$context.authorizer.error",
      }),
    };
    stage.defaultRouteSettings = { throttlingBurstLimit: 20, throttlingRateLimit: 10 };
    this.apiDomainName = `${this.api.apiId}.execute-api.${stack.region}.${stack.urlSuffix}`;
  }

  /**
   * The app's sign-in client (authorization code with PKCE, no secret, back to the app's own page) and
   * the route, accepting only ID tokens issued to that client.
   */
  signInFrom(appUrl: string): UserPoolClient {
    const client = this.userPool.addClient("WorkspaceApp", {
      generateSecret: false,
      authFlows: {},
      oAuth: {
        flows: { authorizationCodeGrant: true },
        scopes: [OAuthScope.OPENID, OAuthScope.PROFILE],
        callbackUrls: [`${appUrl}/index.html`],
        logoutUrls: [`${appUrl}/index.html`],
      },
      idTokenValidity: Duration.hours(8),
      accessTokenValidity: Duration.hours(8),
      refreshTokenValidity: Duration.days(1),
      preventUserExistenceErrors: true,
    });
    this.api.addRoutes({
      path: HANDBACK_PATH,
      methods: [HttpMethod.POST],
      integration: new HttpLambdaIntegration("Handback", this.fn),
      authorizer: new HttpUserPoolAuthorizer("Closers", this.userPool, { userPoolClients: [client] }),
    });
    this.client = client;
    return client;
  }
}
