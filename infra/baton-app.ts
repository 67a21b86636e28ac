import { App, type AppProps, Validations } from "aws-cdk-lib";
import { AwsSolutionsChecks } from "cdk-nag";
import { readConfig } from "./config.js";
import { DEFAULT_STACK_NAME } from "./names.js";
import { BatonStack, type BatonStackProps } from "./stack.js";

export interface BatonAppOptions {
  /** CDK context; by default what the CLI passes (cdk.json and `-c`). */
  context?: Record<string, unknown>;
  /** Where relative paths in the context (campaignFile) start; default the working directory. */
  cwd?: string;
  outdir?: string;
  ruleTargets?: BatonStackProps["ruleTargets"];
  startCallback?: BatonStackProps["startCallback"];
}

/**
 * The CDK app: validates the context (a bad value throws BatonConfigError naming it), builds the one stack
 * in the Connect instance's account and region, and runs cdk-nag's AwsSolutions rules over everything.
 */
export function buildApp(options: BatonAppOptions = {}): { app: App; stack: BatonStack } {
  const appProps: AppProps = {
    ...(options.context ? { context: options.context } : {}),
    ...(options.outdir ? { outdir: options.outdir } : {}),
  };
  const app = new App(appProps);
  const config = readConfig((key) => app.node.tryGetContext(key), options.cwd);
  const env =
    config.connect.kind === "existing"
      ? { account: config.connect.account, region: config.connect.region }
      : { account: process.env.CDK_DEFAULT_ACCOUNT, region: process.env.CDK_DEFAULT_REGION };
  // `-c stackName=BatonStaging` deploys a second Baton beside the first: every fixed name is prefixed.
  const stackName = app.node.tryGetContext("stackName");
  const stack = new BatonStack(
    app,
    typeof stackName === "string" && stackName ? stackName : DEFAULT_STACK_NAME,
    {
      config,
      env,
      description:
        "Baton: AI sales calls handed to human closers at the right moment (Amazon Connect, Lex, Bedrock)",
      ...(options.ruleTargets ? { ruleTargets: options.ruleTargets } : {}),
      ...(options.startCallback !== undefined ? { startCallback: options.startCallback } : {}),
    },
  );
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app, { verbose: true }));
  return { app, stack };
}
