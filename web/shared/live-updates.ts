/**
 * Server-sent events from the local server. EventSource reconnects by itself after a drop; every
 * (re)connect calls `onOpen`, and the page re-reads the API then, so nothing that happened while it
 * was away is missed.
 */
export function liveUpdates(handlers: {
  onOpen: () => void;
  onStatus: (status: "live" | "reconnecting") => void;
  on: Record<string, (data: unknown) => void>;
}): () => void {
  const source = new EventSource("/api/events");
  source.addEventListener("open", () => {
    handlers.onStatus("live");
    handlers.onOpen();
  });
  source.addEventListener("error", () => handlers.onStatus("reconnecting"));
  for (const [event, handler] of Object.entries(handlers.on)) {
    source.addEventListener(event, (message) => {
      if (!(message instanceof MessageEvent) || typeof message.data !== "string") return;
      try {
        handler(JSON.parse(message.data));
      } catch {
        // A message that is not JSON is ignored; the next open re-reads everything anyway.
      }
    });
  }
  return () => source.close();
}
