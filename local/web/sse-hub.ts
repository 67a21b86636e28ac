import type { ServerResponse } from "node:http";

/** Comment lines keep idle connections open through proxies and let a dead client be noticed. */
const HEARTBEAT_MS = 15_000;

/**
 * Server-sent events to every open page. Messages carry only what changed (a contact or call id);
 * the page re-reads the API, so a page that reconnects after a drop simply reads the current state.
 */
export class SseHub {
  private readonly clients = new Set<ServerResponse>();
  private readonly heartbeat: NodeJS.Timeout;
  private sequence = 0;

  constructor() {
    this.heartbeat = setInterval(() => this.write(": keep-alive\n\n"), HEARTBEAT_MS);
    this.heartbeat.unref();
  }

  attach(response: ServerResponse): void {
    response.writeHead(200, {
      "content-type": "text/event-stream; charset=utf-8",
      "cache-control": "no-store",
      connection: "keep-alive",
    });
    // Tells EventSource how soon to reconnect after a drop.
    response.write("retry: 1000\n\n");
    this.clients.add(response);
    response.on("close", () => this.clients.delete(response));
  }

  broadcast(event: string, data: unknown): void {
    this.sequence += 1;
    this.write(`id: ${this.sequence}\nevent: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
  }

  get size(): number {
    return this.clients.size;
  }

  close(): void {
    clearInterval(this.heartbeat);
    for (const client of this.clients) client.end();
    this.clients.clear();
  }

  private write(text: string): void {
    for (const client of this.clients) client.write(text);
  }
}
