import { appendFile, mkdir } from "node:fs/promises";
import { dirname } from "node:path";

/**
 * An append-only JSON Lines file (dead letters, unmatched events). Appends to one file are chained so
 * lines never interleave, and the folder is created on first use.
 */
export class JsonlFile {
  private tail: Promise<void> = Promise.resolve();

  constructor(readonly path: string) {}

  append(value: unknown): Promise<void> {
    const line = `${JSON.stringify(value)}\n`;
    const next = this.tail.then(async () => {
      await mkdir(dirname(this.path), { recursive: true });
      await appendFile(this.path, line, "utf8");
    });
    // A failed append must not block later ones; the caller still sees its own failure.
    this.tail = next.catch(() => {});
    return next;
  }
}
