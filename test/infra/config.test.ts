import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { defaultCampaign } from "../../functions/domain/campaigns.js";
import { BatonConfigError, readConfig } from "../../infra/config.js";
import { REPO_ROOT } from "../../infra/stack.js";
import { EXAMPLE_CONTEXT } from "./support.js";

const read = (overrides: Record<string, unknown>) => {
  const context: Record<string, unknown> = { ...EXAMPLE_CONTEXT, ...overrides };
  for (const [key, value] of Object.entries(overrides)) if (value === undefined) delete context[key];
  return readConfig((key) => context[key], REPO_ROOT);
};

/** The one-line message a bad context value stops the synth with. */
const failure = (overrides: Record<string, unknown>): string => {
  try {
    read(overrides);
  } catch (error) {
    expect(error).toBeInstanceOf(BatonConfigError);
    const message = (error as Error).message;
    expect(message).not.toContain("\n");
    return message;
  }
  throw new Error("expected the configuration to be rejected");
};

describe("configuration from CDK context", () => {
  it("reads the documented example", () => {
    const config = read({});
    expect(config.connect).toEqual({
      kind: "existing",
      instanceArn: EXAMPLE_CONTEXT.connectInstanceArn,
      region: "us-east-1",
      account: "111122223333",
    });
    expect(config.queues).toEqual({
      "baton-closers": { kind: "create", connectName: "baton-closers" },
      "baton-senior-closers": { kind: "create", connectName: "baton-senior-closers" },
    });
    expect(config.hoursOfOperation[0]).toEqual({
      day: "MONDAY",
      start: { hours: 8, minutes: 0 },
      end: { hours: 18, minutes: 0 },
    });
    expect(config.deletionProtection).toBe(true);
  });

  it("names the agent workspace that may frame the app: the instance's alias, or any Connect instance", () => {
    expect(read({}).workspaceOrigins).toEqual(["https://*.my.connect.aws", "https://*.awsapps.com"]);
    expect(read({ connectInstanceAlias: "acme-sales" }).workspaceOrigins).toEqual([
      "https://acme-sales.my.connect.aws",
      "https://acme-sales.awsapps.com",
    ]);
  });

  it("accepts command-line strings (JSON objects, numbers, booleans)", () => {
    const config = read({
      queues: '{"baton-closers": "Closers"}',
      retentionDays: "90",
      deletionProtection: "false",
    });
    expect(config.queues["baton-closers"]).toEqual({ kind: "create", connectName: "Closers" });
    expect(config.retentionDays).toBe(90);
    expect(config.deletionProtection).toBe(false);
  });

  it("takes an existing queue ARN of the instance", () => {
    const arn = `${EXAMPLE_CONTEXT.connectInstanceArn}/queue/11111111-2222-4333-8444-555555555555`;
    expect(read({ queues: { "baton-closers": arn } }).queues["baton-closers"]).toEqual({
      kind: "existing",
      arn,
    });
  });

  it("leaves the second opinion off unless a time is given", () => {
    expect(read({}).secondOpinionMs).toBe(0);
    expect(read({ secondOpinionMs: "600" }).secondOpinionMs).toBe(600);
  });

  it("reads a YAML campaignFile like the campaign CLI does", () => {
    const config = read({ campaignFile: "campaigns/insurance-quotes.yaml", queues: {} });
    expect(config.campaign.id).toBe("insurance-quotes");
    expect(config.campaigns.map((campaign) => campaign.id)[0]).toBe("insurance-quotes");
  });

  describe("every campaign routes to a queue the deployment has", () => {
    let folder = "";
    afterEach(() => rmSync(folder, { recursive: true, force: true }));
    /** A campaigns folder: the default campaign and a VIP line whose complex handoffs go to "baton-vips". */
    const vipFolder = () => {
      folder = mkdtempSync(join(tmpdir(), "baton-campaigns-"));
      copyFileSync(resolve(REPO_ROOT, "campaigns/default.json"), join(folder, "default.json"));
      const vip = {
        ...defaultCampaign,
        id: "vip",
        routes: { ...defaultCampaign.routes, complex: "baton-vips" },
      };
      writeFileSync(join(folder, "vip.json"), JSON.stringify(vip, null, 2));
      return join(folder, "default.json");
    };

    it("refuses a route to a queue neither created nor referenced, naming file, line and field", () => {
      expect(failure({ campaignFile: vipFolder() })).toMatch(
        /^campaignFile: .*vip\.json:\d+: routes\.complex: queue "baton-vips" is not one the deployment has \(the default campaign's \(default\) routes and the queues context: baton-closers, baton-senior-closers\)$/,
      );
    });

    it("creates or references the queue once the queues context names it", () => {
      const config = read({ campaignFile: vipFolder(), queues: { "baton-vips": "VIP closers" } });
      expect(config.queues["baton-vips"]).toEqual({ kind: "create", connectName: "VIP closers" });
      expect(config.campaigns.map((campaign) => campaign.id)).toEqual(["default", "vip"]);
    });
  });

  it("creates a sandbox instance when asked", () => {
    expect(
      read({ connectInstanceArn: undefined, createInstance: { instanceAlias: "baton-sandbox-42" } }).connect,
    ).toEqual({
      kind: "create",
      instanceAlias: "baton-sandbox-42",
    });
  });

  it.each([
    [
      { connectInstanceArn: undefined },
      /^connectInstanceArn: missing; expected an Amazon Connect instance ARN/,
    ],
    [
      { connectInstanceArn: "arn:aws:s3:::bucket" },
      /^connectInstanceArn: expected an Amazon Connect instance ARN/,
    ],
    [
      { createInstance: { instanceAlias: "sandbox" } },
      /^connectInstanceArn: set either connectInstanceArn .* not both/,
    ],
    [{ createInstance: { alias: "x" } }, /^createInstance/],
    [{ bedrockModelId: undefined }, /^bedrockModelId: missing; expected a Bedrock model/],
    [{ bedrockModelId: "claude" }, /^bedrockModelId: expected a Bedrock model/],
    [{ bedrockRegion: "mars" }, /^bedrockRegion: expected an AWS region/],
    [
      { bedrockRegion: "eu-west-1" },
      /^bedrockRegion: the conversation-turn function calls Bedrock in .*us-east-1/,
    ],
    [{ campaignFile: "campaigns/nope.json" }, /^campaignFile: no file at .*campaigns\/nope\.json$/],
    [{ campaignFile: "package.json" }, /^campaignFile: package\.json:1: id: Invalid input/],
    [
      { campaignFile: "README.md" },
      /^campaignFile: README\.md: campaign files end in \.json, \.yaml or \.yml$/,
    ],
    [
      { campaignFile: "test/infra/fixtures/campaigns/bad-slot-kind.yaml" },
      /^campaignFile: test\/infra\/fixtures\/campaigns\/bad-slot-kind\.yaml:\d+: slots\.0\.kind: /,
    ],
    [
      { queues: { "baton-closers": "arn:aws:sqs:us-east-1:111122223333:q" } },
      /^queues\.baton-closers: expected a Connect queue ARN/,
    ],
    [
      {
        queues: {
          "baton-closers":
            "arn:aws:connect:us-east-1:111122223333:instance/11111111-2222-4333-8444-555555555555/queue/11111111-2222-4333-8444-555555555555",
        },
      },
      /^queues\.baton-closers: the queue ARN is not a queue of arn:aws:connect/,
    ],
    [
      { queues: { "baton-vips": "VIPs" } },
      /^queues\.baton-vips: no campaign routes to a queue of that name \(they route to baton-closers, baton-senior-closers\)$/,
    ],
    [{ hoursOfOperation: { MONDAY: "8-18" } }, /^hoursOfOperation\.MONDAY: expected "HH:MM-HH:MM"/],
    [{ hoursOfOperation: { Funday: "08:00-18:00" } }, /^hoursOfOperation: expected day names as keys/],
    [{ hoursOfOperation: undefined }, /^hoursOfOperation: missing; expected \{"MONDAY"/],
    [{ timeZone: "Mars/Olympus" }, /^timeZone: expected an IANA time zone/],
    [{ retentionDays: 42 }, /^retentionDays: expected one of 1, 3, 5/],
    [{ deletionProtection: "maybe" }, /^deletionProtection: /],
    [{ secondOpinionMs: 5_000 }, /^secondOpinionMs: /],
    [
      { connectInstanceAlias: "https://acme.my.connect.aws" },
      /^connectInstanceAlias: expected the instance's alias/,
    ],
    [
      { outboundCallerIdNumberArn: "+15555550100" },
      /^outboundCallerIdNumberArn: expected a Connect phone number ARN/,
    ],
    [
      { outboundCallerIdNumberArn: undefined },
      /^outboundCallerIdNumberArn: missing; callbacks are placed from queue "baton-closers", which Baton creates, and a queue needs an outbound caller ID/,
    ],
  ])("rejects %j naming the key", (overrides, expected) => {
    expect(failure(overrides)).toMatch(expected);
  });
});
