import { randomUUID } from "node:crypto";
import { parseArgs } from "node:util";
import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { LexRuntimeV2Client, RecognizeTextCommand } from "@aws-sdk/client-lex-runtime-v2";
import { DynamoDBDocumentClient, GetCommand } from "@aws-sdk/lib-dynamodb";
import { HandoffRequested } from "../contracts/events/catalog.js";
import { contactKey } from "../functions/adapters/state-table.js";
import { SESSION } from "../functions/application/lex-conversation.js";

/**
 * Post-deploy smoke test (docs/deploy.md): one caller turn through the deployed bot, with your credentials.
 * 1. RecognizeText on the bot alias: "a real person, please" must close the intent with a handoff
 *    (customer_request), which proves Lex -> code hook -> DynamoDB -> the answer;
 * 2. the contact's item in the state table must hold the Handoff.Requested event with nothing left
 *    unpublished: the bus accepted it (PutEvents), which proves the publish path and its grants.
 */
export interface SmokeOptions {
  botAliasArn: string;
  tableName: string;
  campaignId: string;
  localeId: string;
}

export interface SmokeClients {
  lex: Pick<LexRuntimeV2Client, "send">;
  documents: Pick<DynamoDBDocumentClient, "send">;
}

export interface SmokeCheck {
  name: string;
  ok: boolean;
  detail: string;
}

const BOT_ALIAS_ARN = /^arn:aws[a-z-]*:lex:[a-z0-9-]+:\d{12}:bot-alias\/([A-Z0-9]+)\/([A-Z0-9]+)$/;

export async function runSmoke(clients: SmokeClients, options: SmokeOptions): Promise<SmokeCheck[]> {
  const alias = BOT_ALIAS_ARN.exec(options.botAliasArn);
  if (!alias)
    return [{ name: "bot alias", ok: false, detail: `not a Lex V2 bot alias ARN: ${options.botAliasArn}` }];
  const [, botId, botAliasId] = alias as unknown as [string, string, string];
  const contactId = `baton-smoke-${randomUUID()}`;
  const answer = await clients.lex.send(
    new RecognizeTextCommand({
      botId,
      botAliasId,
      localeId: options.localeId,
      sessionId: contactId,
      text: "Can I talk to a real person, please?",
      sessionState: {
        sessionAttributes: { [SESSION.contactId]: contactId, [SESSION.campaignId]: options.campaignId },
      },
    }),
  );
  const attributes = answer.sessionState?.sessionAttributes ?? {};
  const closed = answer.sessionState?.dialogAction?.type === "Close";
  const handoff =
    attributes[SESSION.handoff] === "true" && attributes[SESSION.trigger] === "customer_request";
  const checks: SmokeCheck[] = [
    {
      name: "bot answers through the code hook",
      ok: closed && handoff,
      detail: `dialogAction ${answer.sessionState?.dialogAction?.type ?? "none"}, ${SESSION.handoff}=${attributes[SESSION.handoff] ?? "-"}, ${SESSION.trigger}=${attributes[SESSION.trigger] ?? "-"}`,
    },
  ];
  const { Item } = await clients.documents.send(
    new GetCommand({ TableName: options.tableName, Key: contactKey(contactId), ConsistentRead: true }),
  );
  const outbox = (Item?.outbox ?? []) as Array<{ detailType?: string }>;
  const unpublished = Item?.unpublished instanceof Set ? Item.unpublished.size : 0;
  const requested = outbox.some((entry) => entry.detailType === HandoffRequested.detailType);
  checks.push({
    name: "Handoff.Requested accepted by the bus",
    ok: Item !== undefined && requested && unpublished === 0,
    detail: Item
      ? `outbox ${outbox.map((e) => e.detailType).join(", ") || "empty"}; ${unpublished} unpublished`
      : `no item for contact ${contactId} in ${options.tableName}`,
  });
  return checks;
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      "bot-alias-arn": { type: "string" },
      table: { type: "string" },
      campaign: { type: "string", default: "default" },
      locale: { type: "string", default: "en_US" },
    },
  });
  const botAliasArn = values["bot-alias-arn"];
  const tableName = values.table;
  if (!botAliasArn || !tableName) {
    console.error(
      "usage: npm run smoke -- --bot-alias-arn <BotAliasArn output> --table <StateTableName output>",
    );
    return 2;
  }
  const region = BOT_ALIAS_ARN.test(botAliasArn) ? botAliasArn.split(":")[3] : undefined;
  const checks = await runSmoke(
    {
      lex: new LexRuntimeV2Client({ region }),
      documents: DynamoDBDocumentClient.from(new DynamoDBClient({ region })),
    },
    { botAliasArn, tableName, campaignId: values.campaign ?? "default", localeId: values.locale ?? "en_US" },
  );
  for (const check of checks) console.log(`${check.ok ? "ok  " : "FAIL"} ${check.name}: ${check.detail}`);
  return checks.every((check) => check.ok) ? 0 : 1;
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].replace(/\\/g, "/"))) {
  main().then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(`smoke test could not run: ${error instanceof Error ? error.message : String(error)}`);
      process.exit(1);
    },
  );
}
