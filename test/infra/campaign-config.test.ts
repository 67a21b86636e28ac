import { App, Stack } from "aws-cdk-lib";
import { Match, Template } from "aws-cdk-lib/assertions";
import { Code, Function as LambdaFunction, Runtime } from "aws-cdk-lib/aws-lambda";
import { describe, expect, it } from "vitest";
import { readCampaignFolderSync } from "../../functions/adapters/campaign-folder.js";
import { CampaignConfig } from "../../infra/constructs/campaign-config.js";

const shipped = readCampaignFolderSync(new URL("../../campaigns", import.meta.url).pathname);

function synth() {
  const stack = new Stack(new App(), "Test", { env: { account: "123456789012", region: "us-east-1" } });
  const fn = new LambdaFunction(stack, "Fn", {
    runtime: Runtime.NODEJS_22_X,
    handler: "index.handler",
    code: Code.fromInline("exports.handler = async () => ({})"),
  });
  const config = new CampaignConfig(stack, "Campaigns", { campaigns: shipped.campaigns });
  config.grantRead(fn);
  return Template.fromStack(stack);
}

describe("campaigns in AWS AppConfig", () => {
  const template = synth();

  it("ships the three example campaigns, all valid", () => {
    expect(shipped.rejected).toEqual([]);
    expect(shipped.campaigns.map((campaign) => campaign.id)).toEqual([
      "default",
      "insurance-quotes",
      "ledgerly-demo",
    ]);
  });

  it("creates one application, one environment and a gradual deployment strategy", () => {
    template.resourceCountIs("AWS::AppConfig::Application", 1);
    template.resourceCountIs("AWS::AppConfig::Environment", 1);
    template.hasResourceProperties("AWS::AppConfig::DeploymentStrategy", {
      GrowthType: "LINEAR",
      GrowthFactor: 50,
      DeploymentDurationInMinutes: 2,
      FinalBakeTimeInMinutes: 5,
    });
  });

  it("creates one hosted profile per campaign, named by its id, validated by the draft-04 campaign schema", () => {
    const profiles = Object.values(template.findResources("AWS::AppConfig::ConfigurationProfile"));
    expect(profiles.map((profile) => profile.Properties.Name).sort()).toEqual([
      "default",
      "insurance-quotes",
      "ledgerly-demo",
    ]);
    for (const profile of profiles) {
      expect(profile.Properties.LocationUri).toBe("hosted");
      const [validator] = profile.Properties.Validators as Array<{ Type: string; Content: string }>;
      expect(validator?.Type).toBe("JSON_SCHEMA");
      // AppConfig accepts validator content up to 32,768 characters, in JSON Schema draft-04.
      expect(validator?.Content.length).toBeLessThanOrEqual(32_768);
      expect(JSON.parse(validator?.Content ?? "{}").$schema).toBe("http://json-schema.org/draft-04/schema#");
    }
    template.resourceCountIs("AWS::AppConfig::HostedConfigurationVersion", 3);
    template.resourceCountIs("AWS::AppConfig::Deployment", 3);
    template.hasResourceProperties("AWS::AppConfig::HostedConfigurationVersion", {
      ContentType: "application/json",
      Content: Match.stringLikeRegexp('"id":"insurance-quotes"'),
    });
  });

  it("lets the function read exactly those profiles and tells it where they are", () => {
    template.hasResourceProperties("AWS::IAM::Policy", {
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({
            Action: ["appconfig:StartConfigurationSession", "appconfig:GetLatestConfiguration"],
            Resource: Match.arrayWith([Match.objectLike({ "Fn::Join": Match.anyValue() })]),
          }),
        ]),
      },
    });
    template.hasResourceProperties("AWS::Lambda::Function", {
      Environment: {
        Variables: {
          BATON_CAMPAIGN_APPLICATION: Match.objectLike({ Ref: Match.anyValue() }),
          BATON_CAMPAIGN_ENVIRONMENT: Match.objectLike({ Ref: Match.anyValue() }),
        },
      },
    });
  });
});
