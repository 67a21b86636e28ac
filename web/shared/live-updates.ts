/**
 * Server-sent events from the local server. Every (re)connect calls `onOpen`, and the page re-reads the
 * API then, so nothing that happened while it was away is missed. EventSource retries a dropped
 * connection by itself but gives up for good on an answer that is not an event stream (a 503 while
 * the server restarts); then a fresh EventSource is opened after a growing pause (1 s up to 10 s).
 */
export function liveUpdates(handlers: {
  onOpen: () => void;
  onStatus: (status: "live" | "reconnecting") => void;
  on: Record<string, (data: unknown) => void>;
}): () => void {
  let source: EventSource | undefined;
  let retry: ReturnType<typeof setTimeout> | undefined;
  let pauseMs = 1000;
  let stopped = false;

  const connect = (): void => {
    const current = new EventSource("/api/events");
    source = current;
    current.addEventListener("open", () => {
      pauseMs = 1000;
      handlers.onStatus("live");
      handlers.onOpen();
    });
    current.addEventListener("error", () => {
      handlers.onStatus("reconnecting");
      if (current.readyState !== EventSource.CLOSED || stopped) return;
      retry = setTimeout(connect, pauseMs);
      pauseMs = Math.min(pauseMs * 2, 10_000);
    });
    for (const [event, handler] of Object.entries(handlers.on)) {
      current.addEventListener(event, (message) => {
        if (!(message instanceof MessageEvent) || typeof message.data !== "string") return;
        try {
          handler(JSON.parse(message.data));
        } catch {
          // A message that is not JSON is ignored; the next open re-reads everything anyway.
        }
      });
    }
  };
  connect();
  return () => {
    stopped = true;
    clearTimeout(retry);
    source?.close();
  };
}
