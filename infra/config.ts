import { existsSync, readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import * as z from "zod";
import type { Campaign } from "../contracts/campaign.js";
import { formatProblems, readCampaignFolderSync } from "../functions/adapters/campaign-folder.js";
import { deploymentQueues, formatOf, readCampaignText } from "../functions/domain/campaign-document.js";

/**
 * The deployment's configuration, read from CDK context (cdk.json or `-c key=value`) and validated before
 * any construct exists. A bad value stops the synth with one line naming the key and what is expected.
 */

/** Raised for any bad context value; the message is one line and starts with the key. */
export class BatonConfigError extends Error {
  override readonly name = "BatonConfigError";
  constructor(
    readonly key: string,
    expected: string,
  ) {
    super(`${key}: ${expected}`.replace(/\s+/g, " "));
  }
}

/** The context keys Baton reads, as documented in the README ("Deploy to your AWS account"). */
export const CONTEXT_KEYS = [
  "connectInstanceArn",
  "createInstance",
  "bedrockModelId",
  "bedrockRegion",
  "campaignFile",
  "queues",
  "hoursOfOperation",
  "timeZone",
  "retentionDays",
  "deletionProtection",
  "outboundCallerIdNumberArn",
  "secondOpinionMs",
  "connectInstanceAlias",
] as const;
export type ContextKey = (typeof CONTEXT_KEYS)[number];

const INSTANCE_ARN =
  /^arn:aws[a-z-]*:connect:([a-z]{2}(?:-[a-z]+)+-\d):(\d{12}):instance\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/;
const QUEUE_ARN =
  /^arn:aws[a-z-]*:connect:[a-z]{2}(?:-[a-z]+)+-\d:\d{12}:instance\/[0-9a-f-]{36}\/queue\/[0-9a-f-]{36}$/;
const PHONE_NUMBER_ARN =
  /^arn:aws[a-z-]*:connect:[a-z]{2}(?:-[a-z]+)+-\d:\d{12}:phone-number\/[0-9a-f-]{36}$/;
const QUEUE_NAME = /^[A-Za-z0-9][A-Za-z0-9 ._-]{0,126}$/;
const DAYS = ["MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY"] as const;
export type Day = (typeof DAYS)[number];
/** The retention periods CloudWatch Logs accepts. */
const RETENTION_DAYS = [
  1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653,
] as const;

const Clock = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d-([01]\d|2[0-3]):[0-5]\d$/, 'expected "HH:MM-HH:MM" (24-hour clock)');

const Schema = {
  connectInstanceArn: z
    .string()
    .regex(
      INSTANCE_ARN,
      "expected an Amazon Connect instance ARN (arn:aws:connect:<region>:<account>:instance/<id>)",
    )
    .optional(),
  createInstance: z
    .union([
      z.literal(false),
      z.strictObject({
        instanceAlias: z
          .string()
          .regex(
            /^(?!d-)[A-Za-z0-9][A-Za-z0-9-]{0,43}[A-Za-z0-9]$/,
            "expected a unique instance alias (letters, digits, dashes)",
          ),
      }),
    ])
    .optional(),
  bedrockModelId: z
    .string()
    .regex(
      /^[a-z0-9-]+\.[A-Za-z0-9.:_-]{3,180}$/,
      'expected a Bedrock model or inference profile id such as "us.amazon.nova-lite-v1:0"',
    ),
  bedrockRegion: z.string().regex(/^[a-z]{2}(-[a-z]+)+-\d$/, 'expected an AWS region such as "us-east-1"'),
  campaignFile: z
    .string()
    .min(1, "expected the path of a campaign file (JSON or YAML), e.g. campaigns/default.json"),
  queues: z
    .record(
      z.string(),
      z
        .string()
        .refine(
          (value) => (value.startsWith("arn:") ? QUEUE_ARN.test(value) : QUEUE_NAME.test(value)),
          "expected a Connect queue ARN (arn:aws:connect:<region>:<account>:instance/<id>/queue/<id>) or the name of a queue to create",
        ),
    )
    .default({}),
  hoursOfOperation: z
    .record(z.string(), Clock)
    .refine((hours) => Object.keys(hours).length > 0, "expected at least one day")
    .refine(
      (hours) => Object.keys(hours).every((day) => (DAYS as readonly string[]).includes(day)),
      `expected day names as keys (${DAYS.join(", ")})`,
    ),
  timeZone: z.string().refine(isTimeZone, 'expected an IANA time zone such as "America/New_York"'),
  retentionDays: z.coerce
    .number()
    .refine(
      (days) => (RETENTION_DAYS as readonly number[]).includes(days),
      `expected one of ${RETENTION_DAYS.join(", ")}`,
    ),
  deletionProtection: z.boolean().default(true),
  outboundCallerIdNumberArn: z
    .string()
    .regex(
      PHONE_NUMBER_ARN,
      "expected a Connect phone number ARN (arn:aws:connect:<region>:<account>:phone-number/<id>)",
    )
    .optional(),
  /** Longest a Bedrock second reading of an uncertain customer turn may take; 0 (default) turns it off. */
  secondOpinionMs: z.coerce.number().int().min(0).max(2_000).default(0),
  connectInstanceAlias: z
    .string()
    .regex(
      /^(?!d-)[A-Za-z0-9][A-Za-z0-9-]{0,43}[A-Za-z0-9]$/,
      "expected the instance's alias, the first part of its https://<alias>.my.connect.aws address",
    )
    .optional(),
} satisfies Record<ContextKey, z.ZodType>;

export interface HoursOfOperationDay {
  day: Day;
  start: { hours: number; minutes: number };
  end: { hours: number; minutes: number };
}

/** A queue per name a campaign routes to: one Baton creates, or one that already exists. */
export type QueueSource = { kind: "create"; connectName: string } | { kind: "existing"; arn: string };

export interface BatonConfig {
  connect:
    | { kind: "existing"; instanceArn: string; region: string; account: string }
    | { kind: "create"; instanceAlias: string };
  bedrock: { modelId: string; region: string };
  campaignFile: string;
  /** The default campaign (campaignFile): its greeting, id and queues shape the flows. */
  campaign: Campaign;
  /** Every campaign in campaignFile's folder, deployed to AppConfig (the default among them). */
  campaigns: Campaign[];
  /**
   * The origins of the agent workspace that may frame Baton's workspace app (its CSP frame-ancestors):
   * the instance's own when its alias is known, else any Connect instance's.
   */
  workspaceOrigins: string[];
  /** Keyed by the queue name the campaigns route to (`routes` in each campaign). */
  queues: Record<string, QueueSource>;
  hoursOfOperation: HoursOfOperationDay[];
  timeZone: string;
  retentionDays: number;
  deletionProtection: boolean;
  outboundCallerIdNumberArn: string | undefined;
  secondOpinionMs: number;
}

/**
 * Reads and validates the configuration. `context` returns a context value or undefined; values given on
 * the command line arrive as strings, so JSON objects, booleans and numbers are parsed from strings.
 */
export function readConfig(context: (key: string) => unknown, cwd: string = process.cwd()): BatonConfig {
  const values = Object.fromEntries(
    CONTEXT_KEYS.map((key) => [key, fromCommandLine(context(key))]),
  ) as Record<ContextKey, unknown>;
  const parsed = {} as { [K in ContextKey]: z.output<(typeof Schema)[K]> };
  for (const key of CONTEXT_KEYS) {
    const result = Schema[key].safeParse(values[key]);
    if (!result.success) {
      const issue = result.error.issues[0];
      const path = issue && issue.path.length > 0 ? `${key}.${issue.path.join(".")}` : key;
      const message =
        values[key] === undefined
          ? `missing; ${expectation(key, issue?.message)}`
          : (issue?.message ?? "invalid");
      throw new BatonConfigError(path, message);
    }
    (parsed as Record<string, unknown>)[key] = result.data;
  }

  const connect = connectChoice(parsed.connectInstanceArn, parsed.createInstance);
  if (connect.kind === "existing" && connect.region !== parsed.bedrockRegion) {
    throw new BatonConfigError(
      "bedrockRegion",
      `the conversation-turn function calls Bedrock in the Connect instance's region (${connect.region}); use ${connect.region} and, for another region's capacity, a cross-region inference profile id in bedrockModelId`,
    );
  }
  const campaign = readCampaign(parsed.campaignFile, cwd);
  const campaigns = readCampaigns(campaign, resolve(cwd, parsed.campaignFile), Object.keys(parsed.queues));
  const queues = queueSources(campaigns, parsed.queues, connect);
  const callbackQueue = campaign.routes.system_fallback;
  if (queues[callbackQueue]?.kind === "create" && !parsed.outboundCallerIdNumberArn) {
    // start-callback places every AI callback from this queue's outbound caller ID; without one Connect refuses.
    throw new BatonConfigError(
      "outboundCallerIdNumberArn",
      `missing; callbacks are placed from queue "${callbackQueue}", which Baton creates, and a queue needs an outbound caller ID to call out: set outboundCallerIdNumberArn to a claimed phone number's ARN (Connect console, Channels, Phone numbers), or give queues.${callbackQueue} an existing queue ARN that has one`,
    );
  }
  return {
    connect,
    bedrock: { modelId: parsed.bedrockModelId, region: parsed.bedrockRegion },
    campaignFile: parsed.campaignFile,
    campaign,
    campaigns,
    queues,
    hoursOfOperation: Object.entries(parsed.hoursOfOperation)
      .map(([day, range]) => toDay(day as Day, range))
      .sort((a, b) => DAYS.indexOf(a.day) - DAYS.indexOf(b.day)),
    timeZone: parsed.timeZone,
    retentionDays: parsed.retentionDays,
    deletionProtection: parsed.deletionProtection,
    outboundCallerIdNumberArn: parsed.outboundCallerIdNumberArn,
    secondOpinionMs: parsed.secondOpinionMs,
    workspaceOrigins: workspaceOrigins(
      connect.kind === "create" ? connect.instanceAlias : parsed.connectInstanceAlias,
    ),
  };
}

/** Where the agent workspace runs: https://<alias>.my.connect.aws, or the older <alias>.awsapps.com. */
function workspaceOrigins(alias: string | undefined): string[] {
  const host = alias ?? "*";
  return [`https://${host}.my.connect.aws`, `https://${host}.awsapps.com`];
}

function connectChoice(
  instanceArn: string | undefined,
  create: false | { instanceAlias: string } | undefined,
): BatonConfig["connect"] {
  const creating = create !== undefined && create !== false;
  if (instanceArn && creating) {
    throw new BatonConfigError(
      "connectInstanceArn",
      "set either connectInstanceArn (an existing instance) or createInstance (a new sandbox instance), not both",
    );
  }
  if (creating) return { kind: "create", instanceAlias: create.instanceAlias };
  const match = instanceArn ? INSTANCE_ARN.exec(instanceArn) : null;
  if (!instanceArn || !match) {
    throw new BatonConfigError(
      "connectInstanceArn",
      'missing; expected an Amazon Connect instance ARN, or createInstance: {"instanceAlias": "<unique alias>"} for a new sandbox instance',
    );
  }
  return { kind: "existing", instanceArn, region: match[1] ?? "", account: match[2] ?? "" };
}

/** The default campaign, JSON or YAML, read like the CLI reads it: every problem with its line and field. */
function readCampaign(file: string, cwd: string): Campaign {
  const path = resolve(cwd, file);
  if (!existsSync(path)) throw new BatonConfigError("campaignFile", `no file at ${path}`);
  const format = formatOf(file);
  if (!format)
    throw new BatonConfigError("campaignFile", `${file}: campaign files end in .json, .yaml or .yml`);
  const reading = readCampaignText(readFileSync(path, "utf8"), format);
  if (!reading.ok) {
    throw new BatonConfigError(
      "campaignFile",
      formatProblems({ file, problems: reading.problems }).join("; "),
    );
  }
  return reading.campaign;
}

/**
 * The campaign files beside campaignFile, all deployed: a file with a problem stops the synth (naming file,
 * line and field), and so does a route to a queue the deployment neither creates nor references (the
 * default campaign's routes and the keys of `queues`).
 */
function readCampaigns(defaultCampaign: Campaign, defaultPath: string, declared: string[]): Campaign[] {
  const deployment = deploymentQueues(defaultCampaign, declared, "the queues context");
  const folder = readCampaignFolderSync(dirname(defaultPath), deployment);
  const [rejected] = folder.rejected;
  if (rejected) throw new BatonConfigError("campaignFile", formatProblems(rejected).join("; "));
  const others = folder.campaigns.filter((campaign) => campaign.id !== defaultCampaign.id);
  return [defaultCampaign, ...others];
}

function queueSources(
  campaigns: readonly Campaign[],
  given: Record<string, string>,
  connect: BatonConfig["connect"],
): Record<string, QueueSource> {
  const routed = [...new Set(campaigns.flatMap((campaign) => Object.values(campaign.routes)))].sort();
  for (const key of Object.keys(given)) {
    if (!routed.includes(key)) {
      throw new BatonConfigError(
        `queues.${key}`,
        `no campaign routes to a queue of that name (they route to ${routed.join(", ")})`,
      );
    }
  }
  return Object.fromEntries(
    routed.map((name): [string, QueueSource] => {
      const value = given[name] ?? name;
      if (!value.startsWith("arn:")) return [name, { kind: "create", connectName: value }];
      if (connect.kind !== "existing" || !value.startsWith(`${connect.instanceArn}/queue/`)) {
        throw new BatonConfigError(
          `queues.${name}`,
          connect.kind === "existing"
            ? `the queue ARN is not a queue of ${connect.instanceArn}`
            : "an existing queue ARN needs an existing instance (connectInstanceArn), not createInstance",
        );
      }
      return [name, { kind: "existing", arn: value }];
    }),
  );
}

function toDay(day: Day, range: string): HoursOfOperationDay {
  const [start = "", end = ""] = range.split("-");
  const clock = (text: string) => {
    const [hours = 0, minutes = 0] = text.split(":").map(Number);
    return { hours, minutes };
  };
  return { day, start: clock(start), end: clock(end) };
}

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: zone });
    return zone.length > 0;
  } catch {
    return false;
  }
}

/** Context given as `-c key=value` is a string; objects, booleans and numbers are JSON in it. */
function fromCommandLine(value: unknown): unknown {
  if (typeof value !== "string") return value;
  const text = value.trim();
  if (/^[[{]/.test(text) || text === "true" || text === "false" || /^-?\d+(\.\d+)?$/.test(text)) {
    try {
      return JSON.parse(text);
    } catch {
      return value;
    }
  }
  return value;
}

function expectation(key: ContextKey, message: string | undefined): string {
  if (message && !/received undefined|Invalid input/.test(message)) return message;
  const examples: Partial<Record<ContextKey, string>> = {
    bedrockModelId: 'expected a Bedrock model or inference profile id such as "us.amazon.nova-lite-v1:0"',
    bedrockRegion: 'expected an AWS region such as "us-east-1"',
    campaignFile: "expected the path of a campaign file (JSON or YAML), e.g. campaigns/default.json",
    hoursOfOperation: 'expected {"MONDAY": "08:00-18:00", ...}',
    timeZone: 'expected an IANA time zone such as "America/New_York"',
    retentionDays: `expected one of ${RETENTION_DAYS.join(", ")}`,
    secondOpinionMs: "expected whole milliseconds from 0 (off) to 2000",
  };
  return examples[key] ?? "expected a value";
}
