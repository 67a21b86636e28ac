import { Duration, Stack } from "aws-cdk-lib";
import {
  Application,
  ConfigurationContent,
  DeploymentStrategy,
  Environment,
  HostedConfiguration,
  JsonSchemaValidator,
  RolloutStrategy,
} from "aws-cdk-lib/aws-appconfig";
import { PolicyStatement } from "aws-cdk-lib/aws-iam";
import type { Function as LambdaFunction } from "aws-cdk-lib/aws-lambda";
import { Construct } from "constructs";
import type { Campaign } from "../../contracts/campaign.js";
import { campaignValidatorSchema } from "../../contracts/json-schema.js";

export interface CampaignConfigProps {
  /** The deployer's campaigns (the `campaigns/` folder), each already checked against the contract. */
  campaigns: readonly Campaign[];
}

/**
 * Campaigns in AWS AppConfig: one application, one environment, one hosted configuration profile per
 * campaign (named by its id) with the campaign JSON Schema as validator, deployed with a gradual strategy.
 * A campaign edited in AppConfig rolls out without a redeploy, and one that breaks the schema is refused
 * by AppConfig before any call sees it; the function reads them through Powertools Parameters.
 */
export class CampaignConfig extends Construct {
  readonly application: Application;
  readonly environment: Environment;
  readonly profiles: HostedConfiguration[];

  constructor(scope: Construct, id: string, props: CampaignConfigProps) {
    super(scope, id);
    this.application = new Application(this, "Application", {
      applicationName: `${Stack.of(this).stackName}-campaigns`,
      description: "Baton campaigns: products, slots, questions, objection answers and routes",
    });
    this.environment = new Environment(this, "Environment", {
      application: this.application,
      environmentName: "live",
      description: "The campaigns the conversation-turn function reads",
    });
    // A bad campaign costs calls: roll out over a few minutes and watch before the next change.
    const strategy = new DeploymentStrategy(this, "Rollout", {
      rolloutStrategy: RolloutStrategy.linear({
        growthFactor: 50,
        deploymentDuration: Duration.minutes(2),
        finalBakeTime: Duration.minutes(5),
      }),
      description: "Campaign changes: half the readers per minute, then five minutes of bake time",
    });
    const validator = JsonSchemaValidator.fromInline(JSON.stringify(campaignValidatorSchema()));
    this.profiles = props.campaigns.map(
      (campaign) =>
        new HostedConfiguration(this, `Campaign-${campaign.id}`, {
          application: this.application,
          name: campaign.id,
          description: campaign.name.slice(0, 1024),
          content: ConfigurationContent.fromInlineJson(JSON.stringify(campaign)),
          validators: [validator],
          deploymentStrategy: strategy,
          deployTo: [this.environment],
        }),
    );
  }

  /** Lets a function read exactly these profiles and tells it where they are (functions/handlers/config.ts). */
  grantRead(fn: LambdaFunction): void {
    const { region, account, partition } = Stack.of(this);
    const base = `arn:${partition}:appconfig:${region}:${account}:application/${this.application.applicationId}`;
    fn.addToRolePolicy(
      new PolicyStatement({
        actions: ["appconfig:StartConfigurationSession", "appconfig:GetLatestConfiguration"],
        resources: this.profiles.map(
          (profile) =>
            `${base}/environment/${this.environment.environmentId}/configuration/${profile.configurationProfileId}`,
        ),
      }),
    );
    fn.addEnvironment("BATON_CAMPAIGN_APPLICATION", this.application.applicationId);
    fn.addEnvironment("BATON_CAMPAIGN_ENVIRONMENT", this.environment.environmentId);
  }
}
