import { performance } from "node:perf_hooks";
import * as z from "zod";

const DeskChange = z.looseObject({ kind: z.string(), contactId: z.string() });

/**
 * Listens to the local server's server-sent events, as an open agent desk does, and notes when each
 * contact's screen pop lands on the desk (the `desk` event the server sends when the router stored it).
 */
export class DeskWatcher {
  private readonly seen = new Map<string, number>();
  private readonly waiters = new Map<string, Array<(at: number) => void>>();
  private readonly abort = new AbortController();

  private constructor() {}

  static async open(baseUrl: string): Promise<DeskWatcher> {
    const watcher = new DeskWatcher();
    const response = await fetch(`${baseUrl}/api/events`, { signal: watcher.abort.signal });
    if (!response.ok || !response.body) throw new Error(`GET /api/events answered ${response.status}`);
    void watcher.read(response.body).catch(() => {});
    return watcher;
  }

  /** performance.now() of the moment the desk announced this contact's screen pop. */
  waitFor(contactId: string, timeoutMs: number): Promise<number> {
    const at = this.seen.get(contactId);
    if (at !== undefined) return Promise.resolve(at);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`no screen pop for ${contactId} on the desk within ${timeoutMs} ms`)),
        timeoutMs,
      );
      const list = this.waiters.get(contactId) ?? [];
      list.push((seenAt) => {
        clearTimeout(timer);
        resolve(seenAt);
      });
      this.waiters.set(contactId, list);
    });
  }

  close(): void {
    this.abort.abort();
  }

  private async read(body: ReadableStream<Uint8Array>): Promise<void> {
    const decoder = new TextDecoder();
    let buffer = "";
    const reader = body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      buffer += decoder.decode(value, { stream: true });
      let end = buffer.indexOf("\n\n");
      while (end >= 0) {
        this.onMessage(buffer.slice(0, end), performance.now());
        buffer = buffer.slice(end + 2);
        end = buffer.indexOf("\n\n");
      }
    }
  }

  private onMessage(block: string, at: number): void {
    const lines = block.split("\n");
    if (!lines.includes("event: desk")) return;
    const data = lines.find((line) => line.startsWith("data: "))?.slice("data: ".length);
    const change = DeskChange.safeParse(data === undefined ? null : safeJson(data));
    if (!change.success || change.data.kind !== "entry" || this.seen.has(change.data.contactId)) return;
    this.seen.set(change.data.contactId, at);
    for (const resolve of this.waiters.get(change.data.contactId) ?? []) resolve(at);
    this.waiters.delete(change.data.contactId);
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
