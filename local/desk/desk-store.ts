import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import { dirname } from "node:path";
import * as z from "zod";
import { DeskEntry, FollowUp, type HandbackRecord } from "../api/desk-api.js";
import type { Log } from "../support/log.js";
import { moveAside } from "../support/move-aside.js";

const DeskFile = z.strictObject({
  version: z.literal(1),
  entries: z.array(DeskEntry),
  followUps: z.array(FollowUp),
});
type DeskFile = z.infer<typeof DeskFile>;

export type DeskChange = { kind: "entry"; contactId: string } | { kind: "follow-up"; contactId: string };

/**
 * What the agent desk shows: handed-off calls with their screen pops, and the follow-ups the local
 * scheduler recorded. Reads are from memory (the desk API answers at once); every change is also
 * written to a JSON file, atomically, so a restart keeps the queue.
 */
export class DeskStore {
  private readonly entries = new Map<string, DeskEntry>();
  private readonly followUpList: FollowUp[] = [];
  private readonly listeners = new Set<(change: DeskChange) => void>();
  private saving: Promise<void> = Promise.resolve();
  private dirty = false;

  private constructor(
    readonly path: string,
    private readonly log: Log,
  ) {}

  /** Loads the file when there is one; an unreadable file is moved aside (named in the log), never lost. */
  static async open(path: string, log: Log): Promise<DeskStore> {
    const store = new DeskStore(path, log);
    const loaded = await readDeskFile(path, log);
    for (const entry of loaded.entries) store.entries.set(entry.contactId, entry);
    store.followUpList.push(...loaded.followUps);
    return store;
  }

  /** The queue, newest handoff first. */
  list(): DeskEntry[] {
    return [...this.entries.values()].sort((a, b) => b.receivedAt.localeCompare(a.receivedAt));
  }

  get(contactId: string): DeskEntry | undefined {
    return this.entries.get(contactId);
  }

  followUps(): FollowUp[] {
    return [...this.followUpList];
  }

  /** False when this handoff is already on the desk (a redelivered event). */
  addHandoff(entry: DeskEntry): boolean {
    const existing = this.entries.get(entry.contactId);
    if (existing?.eventId === entry.eventId) return false;
    this.entries.set(entry.contactId, entry);
    this.changed({ kind: "entry", contactId: entry.contactId });
    return true;
  }

  accept(contactId: string, agent: string, at: Date): DeskEntry | undefined {
    return this.update(contactId, (entry) =>
      entry.status === "waiting"
        ? { ...entry, status: "accepted", acceptedAt: at.toISOString(), acceptedBy: agent }
        : entry,
    );
  }

  /** The customer hung up: a call nobody accepted leaves the waiting queue. */
  markCustomerLeft(contactId: string, at: Date): DeskEntry | undefined {
    return this.update(contactId, (entry) =>
      entry.customerLeftAt
        ? entry
        : {
            ...entry,
            ...(entry.status === "waiting" ? { status: "abandoned" as const } : {}),
            customerLeftAt: at.toISOString(),
          },
    );
  }

  markHandedBack(contactId: string, handback: HandbackRecord): DeskEntry | undefined {
    // The scheduler may have recorded the event already: delivery is asynchronous.
    const recorded = this.followUpList.find((followUp) => followUp.eventId === handback.eventId);
    const scheduled = recorded ? { ...handback, scheduledAt: recorded.recordedAt } : handback;
    return this.update(contactId, (entry) => ({ ...entry, status: "handed_back", handback: scheduled }));
  }

  /** False when the scheduler already recorded this event. */
  recordFollowUp(followUp: FollowUp): boolean {
    if (this.followUpList.some((known) => known.eventId === followUp.eventId)) return false;
    this.followUpList.push(followUp);
    if (followUp.kind === "handback") {
      this.update(followUp.contactId, (entry) =>
        entry.handback?.eventId === followUp.eventId
          ? { ...entry, handback: { ...entry.handback, scheduledAt: followUp.recordedAt } }
          : entry,
      );
    }
    this.changed({ kind: "follow-up", contactId: followUp.contactId });
    return true;
  }

  onChange(listener: (change: DeskChange) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Resolves when everything changed so far is on disk. */
  async flush(): Promise<void> {
    while (this.dirty) await this.saving;
    await this.saving;
  }

  private update(contactId: string, change: (entry: DeskEntry) => DeskEntry): DeskEntry | undefined {
    const entry = this.entries.get(contactId);
    if (!entry) return undefined;
    const next = change(entry);
    if (next !== entry) {
      this.entries.set(contactId, next);
      this.changed({ kind: "entry", contactId });
    }
    return next;
  }

  private changed(change: DeskChange): void {
    this.scheduleSave();
    for (const listener of this.listeners) listener(change);
  }

  /** Changes made while a save runs are folded into one more save, so writes never pile up. */
  private scheduleSave(): void {
    if (this.dirty) return;
    this.dirty = true;
    this.saving = this.saving.then(async () => {
      this.dirty = false;
      const file: DeskFile = { version: 1, entries: this.list(), followUps: this.followUpList };
      try {
        await writeAtomically(this.path, `${JSON.stringify(file, null, 2)}\n`);
      } catch (error) {
        this.log.error(
          `desk: could not save ${this.path}: ${error instanceof Error ? error.message : error}`,
        );
      }
    });
  }
}

async function readDeskFile(path: string, log: Log): Promise<DeskFile> {
  const empty: DeskFile = { version: 1, entries: [], followUps: [] };
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (error) {
    if (isNotFound(error)) return empty;
    throw error;
  }
  let problem: string;
  try {
    const parsed = DeskFile.safeParse(JSON.parse(text));
    if (parsed.success) return parsed.data;
    const issue = parsed.error.issues[0];
    problem = `${issue?.path.join(".") || "(file)"}: ${issue?.message ?? "invalid"}`;
  } catch (error) {
    problem = `not valid JSON (${error instanceof Error ? error.message : String(error)})`;
  }
  const aside = await moveAside(path, "corrupt");
  log.warn(`desk: ${path} is unreadable (${problem}); moved it to ${aside} and started an empty desk`);
  return empty;
}

/** Write then rename: a crash mid-write leaves the previous file, never half a file. */
async function writeAtomically(path: string, text: string): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const temporary = `${path}.${process.pid}.tmp`;
  await writeFile(temporary, text, "utf8");
  await rename(temporary, path);
}

function isNotFound(error: unknown): boolean {
  return error instanceof Error && "code" in error && error.code === "ENOENT";
}
