import { resolve } from "node:path";
import type { Campaign } from "../contracts/campaign.js";
import { formatProblems, readCampaignFolder } from "../functions/adapters/campaign-folder.js";
import { defaultCampaign } from "../functions/domain/campaigns.js";
import { parseStartArgs, type StartOptions, USAGE } from "./cli/args.js";
import { runDemo } from "./cli/demo.js";
import { LocalDynamoDbError } from "./dynamodb/local-dynamodb.js";
import { type LocalStack, startLocalStack } from "./stack.js";
import { DataDirInUseError } from "./support/data-lock.js";
import { type Log, terminalLog } from "./support/log.js";
import { showPath } from "./support/show-path.js";
import { PortInUseError } from "./web/http-server.js";

/**
 * `npm start`: Baton on this machine (DynamoDB Local, the local bus, the conversation-turn code, the
 * customer console and the agent desk). `npm start -- --demo` runs the personas without a browser.
 */
async function main(argv: readonly string[]): Promise<number> {
  let options: StartOptions;
  try {
    options = parseStartArgs(argv);
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n\n${USAGE}\n`);
    return 2;
  }
  if (options.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const log = terminalLog();
  try {
    if (options.demo) return await runDemo((line) => process.stdout.write(`${line}\n`));
    return await serve(options, log);
  } catch (error) {
    if (
      error instanceof PortInUseError ||
      error instanceof DataDirInUseError ||
      error instanceof LocalDynamoDbError
    ) {
      // Expected situations: the message says what to do; a stack trace would only hide it.
      process.stderr.write(`\n${error.message}\n`);
      return 1;
    }
    throw error;
  }
}

async function serve(options: StartOptions, log: Log): Promise<number> {
  const dataDir = resolve(options.dataDir);
  log.info("Baton local: starting");
  const campaigns = await loadCampaigns(options.campaignsDir, log);
  const stack = await startLocalStack({
    dataDir,
    port: options.port,
    log,
    paceMs: options.paceMs,
    campaigns,
  });
  log.info("ready");
  process.stdout.write(
    [
      "",
      `  customer console  ${stack.url}/console`,
      `  agent desk        ${stack.url}/desk`,
      `  data              ${showPath(dataDir)} (kept across restarts)`,
      "  stop              Ctrl+C",
      "",
      "",
    ].join("\n"),
  );
  await untilSignal(stack, log);
  return 0;
}

/** Ctrl+C stops cleanly (deliveries finish, the desk is saved, DynamoDB Local stops); a second one forces. */
function untilSignal(stack: LocalStack, log: Log): Promise<void> {
  return new Promise((done) => {
    let stopping = false;
    const stop = (signal: NodeJS.Signals) => {
      if (stopping) {
        log.warn(`${signal} again: exiting now`);
        process.exit(130);
      }
      stopping = true;
      log.info(`${signal}: stopping (press Ctrl+C again to force)`);
      stack.stop().then(
        () => {
          log.info("stopped; everything is kept for the next start");
          done();
        },
        (error: unknown) => {
          log.error(`stopping failed: ${error instanceof Error ? error.message : String(error)}`);
          done();
        },
      );
    };
    process.on("SIGINT", stop);
    process.on("SIGTERM", stop);
  });
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  },
);

/** The campaign picker offers every good file of the folder; a file with problems is named and skipped. */
async function loadCampaigns(dir: string, log: Log): Promise<Campaign[]> {
  const folder = await readCampaignFolder(resolve(dir)).catch((error: NodeJS.ErrnoException) => {
    log.warn(`campaigns: cannot read ${dir} (${error.code ?? error.message}); offering the bundled default`);
    return { campaigns: [defaultCampaign], rejected: [] };
  });
  for (const rejected of folder.rejected) {
    for (const line of formatProblems(rejected)) log.warn(`campaign skipped: ${line}`);
  }
  log.info(
    `campaigns: ${folder.campaigns.map((campaign) => campaign.id).join(", ") || "none"} (from ${dir})`,
  );
  return folder.campaigns;
}
