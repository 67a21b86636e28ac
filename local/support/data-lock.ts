import { readFile, unlink, writeFile } from "node:fs/promises";
import { join } from "node:path";
import * as z from "zod";

const LockFile = z.object({ pid: z.number().int().positive(), url: z.string(), startedAt: z.string() });
type LockFile = z.infer<typeof LockFile>;

/** Another local runtime uses this data folder; the message says how to reach it or run a second one. */
export class DataDirInUseError extends Error {
  override readonly name = "DataDirInUseError";
  constructor(
    readonly dataDir: string,
    readonly holder: LockFile,
  ) {
    super(
      [
        `Another Baton local runtime (pid ${holder.pid}, started ${holder.startedAt}) is using ${dataDir}; it serves ${holder.url}.`,
        "Open that one, or stop it (Ctrl+C in its terminal) and run `npm start` again.",
        `To run a second one beside it, give it its own port and data: npm start -- --port ${nextPort(holder.url)} --data-dir .local-data-2`,
      ].join("\n"),
    );
  }
}

function nextPort(url: string): number {
  const port = Number.parseInt(/:(\d+)\/?$/.exec(url)?.[1] ?? "", 10);
  return Number.isInteger(port) ? port + 1 : 4311;
}

export interface DataLock {
  /** Records the URL once the server listens, for the message a second runtime shows. */
  update(url: string): Promise<void>;
  release(): Promise<void>;
}

const LOCK_NAME = "runtime.lock";

/**
 * One runtime per data folder: DynamoDB Local's database file and the desk file must not have two
 * writers. A lock left by a process that no longer runs (a crash, kill -9) is taken over.
 */
export async function acquireDataLock(dataDir: string, url: string): Promise<DataLock> {
  const path = join(dataDir, LOCK_NAME);
  const mine: LockFile = { pid: process.pid, url, startedAt: new Date().toISOString() };
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      await writeFile(path, JSON.stringify(mine), { flag: "wx" });
      return lockHandle(path, mine);
    } catch (error) {
      if (!(error instanceof Error && "code" in error && error.code === "EEXIST")) throw error;
    }
    const holder = await readHolder(path);
    if (holder && holder.pid !== process.pid && isRunning(holder.pid))
      throw new DataDirInUseError(dataDir, holder);
    // Stale (or unreadable): the process that wrote it is gone.
    await unlink(path).catch(() => {});
  }
  throw new Error(`could not take the lock ${path}`);
}

function lockHandle(path: string, mine: LockFile): DataLock {
  let current = mine;
  return {
    update: async (url) => {
      current = { ...current, url };
      await writeFile(path, JSON.stringify(current));
    },
    release: async () => {
      const holder = await readHolder(path);
      if (holder?.pid === process.pid) await unlink(path).catch(() => {});
    },
  };
}

async function readHolder(path: string): Promise<LockFile | null> {
  try {
    const parsed = LockFile.safeParse(JSON.parse(await readFile(path, "utf8")));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it runs under another user, still running.
    return error instanceof Error && "code" in error && error.code === "EPERM";
  }
}
