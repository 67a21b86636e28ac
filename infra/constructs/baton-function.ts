import { dirname } from "node:path";
import { AssetHashType, Duration, RemovalPolicy, Stack } from "aws-cdk-lib";
import type { ITable } from "aws-cdk-lib/aws-dynamodb";
import type { IEventBus } from "aws-cdk-lib/aws-events";
import { PolicyStatement, Role, ServicePrincipal } from "aws-cdk-lib/aws-iam";
import {
  Architecture,
  Code,
  Function as LambdaFunction,
  LoggingFormat,
  Runtime,
  Tracing,
} from "aws-cdk-lib/aws-lambda";
import { LogGroup, type RetentionDays } from "aws-cdk-lib/aws-logs";
import type { Construct } from "constructs";
import { bundleFunction, LAMBDA_HANDLER, runtimeEnvironment } from "../bundling.js";
import { acknowledge } from "../nag.js";

export interface BatonFunctionProps {
  /** Absolute path of the handler file (functions/handlers/<name>.ts). */
  entry: string;
  /** Short name, used for the Powertools service name and the log group. */
  name: string;
  description: string;
  retentionDays: RetentionDays;
  /** Absolute path of the package-lock.json next to package.json: its folder is where esbuild resolves from. */
  depsLockFilePath: string;
  memorySize?: number;
  timeout?: Duration;
  environment?: Record<string, string>;
  removalPolicy?: RemovalPolicy;
  /**
   * Why a further `*` resource on this function's role is unavoidable, when one is (e.g. dynamodb:ListStreams
   * for a stream consumer); X-Ray's is always there and already explained.
   */
  wildcardResourceReason?: string;
}

/** DynamoDB actions a function may be granted on the state table (from infra/iam/sdk-permissions.ts). */
export type StateTableAction = `dynamodb:${string}`;

/** A Bedrock model the function may invoke, with the ARNs the invocation is checked against. */
export interface BedrockModel {
  modelId: string;
  resourceArns: string[];
}

/**
 * Every Baton Lambda: Node.js 22 on arm64, an ESM bundle made by the local esbuild (minified, with source
 * maps, split into chunks where the handler imports dynamically, never Docker), its own log group with retention, X-Ray tracing, Powertools settings, and a role
 * that starts with nothing but writing its own logs. The `use*` helpers grant access and set the matching
 * environment variable (functions/handlers/config.ts) in one call, so the two can never drift apart.
 */
export class BatonFunction extends LambdaFunction {
  constructor(scope: Construct, id: string, props: BatonFunctionProps) {
    const logGroup = new LogGroup(scope, `${id}Logs`, {
      retention: props.retentionDays,
      removalPolicy: props.removalPolicy ?? RemovalPolicy.DESTROY,
    });
    const role = new Role(scope, `${id}Role`, {
      assumedBy: new ServicePrincipal("lambda.amazonaws.com"),
      description: `Baton ${props.name} function`,
    });
    super(scope, id, {
      code: bundledCode(props.name, props.entry, dirname(props.depsLockFilePath)),
      handler: LAMBDA_HANDLER,
      description: props.description,
      runtime: Runtime.NODEJS_22_X,
      architecture: Architecture.ARM_64,
      memorySize: props.memorySize ?? 512,
      timeout: props.timeout ?? Duration.seconds(10),
      tracing: Tracing.ACTIVE,
      role,
      logGroup,
      loggingFormat: LoggingFormat.JSON,
      environment: { ...runtimeEnvironment(`baton-${props.name}`), ...props.environment },
    });
    // The role writes to this function's log group only (no AWSLambdaBasicExecutionRole).
    role.addToPrincipalPolicy(
      new PolicyStatement({
        actions: ["logs:CreateLogStream", "logs:PutLogEvents"],
        resources: [logGroup.logGroupArn],
      }),
    );
    acknowledge(
      role,
      "AwsSolutions-IAM5",
      [
        "X-Ray PutTraceSegments and PutTelemetryRecords support no resource-level permissions",
        props.wildcardResourceReason,
      ]
        .filter(Boolean)
        .join("; "),
      ["Resource::*"],
    );
    acknowledge(
      this,
      "AwsSolutions-L1",
      "Node.js 22 is the runtime Baton is built and tested for (DESIGN.md); newer runtimes follow deliberately.",
    );
  }

  /** Grants exactly `actions` on the state table and sets BATON_TABLE_NAME. */
  useStateTable(table: ITable, actions: readonly string[]): this {
    if (actions.some((action) => !action.startsWith("dynamodb:")))
      throw new Error(`not a DynamoDB action: ${actions.join(", ")}`);
    table.grant(this, ...actions);
    this.addEnvironment("BATON_TABLE_NAME", table.tableName);
    return this;
  }

  /** Grants events:PutEvents on the bus and sets BATON_EVENT_BUS_NAME. */
  useEventBus(bus: IEventBus): this {
    bus.grantPutEventsTo(this);
    this.addEnvironment("BATON_EVENT_BUS_NAME", bus.eventBusName);
    return this;
  }

  /** Grants bedrock:InvokeModel (what Converse needs) on the model and sets BATON_MODEL_ID. */
  useBedrockModel(model: BedrockModel): this {
    this.addToRolePolicy(
      new PolicyStatement({ actions: ["bedrock:InvokeModel"], resources: model.resourceArns }),
    );
    const wildcards = model.resourceArns.filter((arn) => arn.includes("*"));
    if (wildcards.length > 0) {
      acknowledge(
        this.role ?? this,
        "AwsSolutions-IAM5",
        "A cross-region inference profile routes to the same model in any of its regions; only that model is allowed.",
        wildcards.map(
          (arn) => `Resource::${arn.replace(/\$\{Token\[AWS\.Partition\.\d+\]\}/, "<AWS::Partition>")}`,
        ),
      );
    }
    this.addEnvironment("BATON_MODEL_ID", model.modelId);
    return this;
  }

  /** Sets a plain setting (no access needed), e.g. BATON_DEFAULT_CAMPAIGN. */
  useSetting(name: `BATON_${string}`, value: string): this {
    this.addEnvironment(name, value);
    return this;
  }
}

/**
 * The function's asset: `bundleFunction` run in this process at synth into the asset folder (NodejsFunction
 * cannot be used: it passes esbuild `--outfile`, and code splitting needs an output folder). The asset is
 * named by its output, so an unchanged bundle is not uploaded again; tests that skip bundling
 * (`aws:cdk:bundling-stacks: []`) get a placeholder, as with NodejsFunction.
 */
function bundledCode(name: string, entry: string, repoRoot: string): Code {
  return Code.fromAsset(repoRoot, {
    assetHashType: AssetHashType.OUTPUT,
    bundling: {
      // Required by CDK, never used: local bundling below always runs, or throws esbuild's error.
      image: Runtime.NODEJS_22_X.bundlingImage,
      local: {
        tryBundle(outputDir: string): boolean {
          bundleFunction({ name, entry, outdir: outputDir, repoRoot });
          return true;
        },
      },
    },
  });
}

/**
 * The ARNs bedrock:InvokeModel is checked against. A foundation model id is one ARN in the region; a
 * cross-region inference profile id (`us.`, `eu.`, `apac.`, `global.` ...) is the profile plus the
 * underlying model in every region the profile may route to.
 */
export function bedrockModel(scope: Construct, modelId: string, region: string): BedrockModel {
  const { account, partition } = Stack.of(scope);
  const profile = /^(us|eu|apac|global|us-gov|jp|au|ca)\.(.+)$/.exec(modelId);
  if (!profile) {
    return { modelId, resourceArns: [`arn:${partition}:bedrock:${region}::foundation-model/${modelId}`] };
  }
  return {
    modelId,
    resourceArns: [
      `arn:${partition}:bedrock:${region}:${account}:inference-profile/${modelId}`,
      `arn:${partition}:bedrock:*::foundation-model/${profile[2]}`,
    ],
  };
}
