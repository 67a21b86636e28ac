import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";

/** The port is taken; the message names it and how to choose another. */
export class PortInUseError extends Error {
  override readonly name = "PortInUseError";
  constructor(
    readonly port: number,
    readonly host: string,
  ) {
    super(
      [
        `Port ${port} on ${host} is already in use: another \`npm start\` is running, or another program holds it.`,
        `Stop that one, or pick another port: npm start -- --port ${port + 1}`,
      ].join("\n"),
    );
  }
}

export interface ListeningServer {
  server: Server;
  port: number;
  url: string;
  close(): Promise<void>;
}

/**
 * Binds the port first (so a second runtime learns at once that it is taken) and serves through
 * `handler`, which the caller may swap when the rest of the stack is ready.
 */
export function listen(
  handler: (request: IncomingMessage, response: ServerResponse) => void,
  port: number,
  host: string,
): Promise<ListeningServer> {
  const server = createServer(handler);
  return new Promise((resolve, reject) => {
    server.once("error", (error) => {
      reject("code" in error && error.code === "EADDRINUSE" ? new PortInUseError(port, host) : error);
    });
    server.listen(port, host, () => {
      const address = server.address();
      const bound = address !== null && typeof address === "object" ? address.port : port;
      const shown = host === "127.0.0.1" || host === "::1" ? "localhost" : host;
      let closing: Promise<void> | undefined;
      resolve({
        server,
        port: bound,
        url: `http://${shown}:${bound}`,
        close: () => {
          closing ??= new Promise<void>((done) => {
            server.close(() => done());
            // Server-sent event streams never end on their own.
            server.closeAllConnections();
          });
          return closing;
        },
      });
    });
  });
}
