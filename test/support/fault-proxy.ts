import { connect, createServer, type Server, type Socket } from "node:net";

/**
 * What the proxy does to one HTTP request on its way to DynamoDB Local:
 * - `pass`: forwards it and its answer;
 * - `refuse`: resets the connection (the port is closed to the client: ECONNRESET, nothing reaches DynamoDB);
 * - `hang`: swallows it and never answers (a black-holed endpoint);
 * - `cut`: forwards it, then kills the connection as the answer starts (DynamoDB died mid-request: the
 *   request may have been applied, the client never learns).
 */
export type FaultMode = "pass" | "refuse" | "hang" | "cut";

/** The fault for the n-th request (0-based, counted across connections) the proxy sees. */
export type FaultPlan = (requestIndex: number) => FaultMode;

export interface FaultProxy {
  endpoint: string;
  /** Applies from the next request on; open connections carry on under the new plan. */
  setPlan(plan: FaultPlan): void;
  /** Requests seen and faults injected since the last `resetCounts`. */
  counts(): { requests: number; faults: Record<Exclude<FaultMode, "pass">, number> };
  resetCounts(): void;
  close(): Promise<void>;
}

const PASS: FaultPlan = () => "pass";
/** The first bytes of a request the SDK sends (DynamoDB's JSON protocol posts to `/`). */
const REQUEST_START = /^(?:POST|GET|PUT) \S+ HTTP\/1\.1\r\n/;

/**
 * A TCP proxy in front of DynamoDB Local that injects faults per request. Requests are recognised by their
 * request line at the start of a chunk: the SDK writes each request's head in one write.
 */
export async function startFaultProxy(target: { host: string; port: number }): Promise<FaultProxy> {
  let plan = PASS;
  let requests = 0;
  const faults = { refuse: 0, hang: 0, cut: 0 };
  const sockets = new Set<Socket>();

  const server: Server = createServer((client) => {
    sockets.add(client);
    const upstream = connect(target.port, target.host);
    sockets.add(upstream);
    let state: "pass" | "hang" | "cut" = "pass";
    const end = () => {
      client.destroy();
      upstream.destroy();
    };
    client.on("close", () => {
      sockets.delete(client);
      upstream.destroy();
    });
    upstream.on("close", () => {
      sockets.delete(upstream);
      if (state !== "hang") client.destroy();
    });
    client.on("error", end);
    upstream.on("error", end);
    client.on("data", (chunk: Buffer) => {
      if (REQUEST_START.test(chunk.subarray(0, 64).toString("latin1"))) {
        const mode = plan(requests);
        requests += 1;
        if (mode === "refuse") {
          faults.refuse += 1;
          client.resetAndDestroy();
          upstream.destroy();
          return;
        }
        if (mode !== "pass") faults[mode] += 1;
        state = mode;
      }
      if (state !== "hang") upstream.write(chunk);
    });
    upstream.on("data", (chunk: Buffer) => {
      if (state === "cut") {
        end();
        return;
      }
      if (state === "pass") client.write(chunk);
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    // Port 0: the system picks a free port while binding, so nothing can take it in between.
    server.listen(0, "127.0.0.1", () => resolve());
  });
  const address = server.address();
  if (address === null || typeof address === "string") throw new Error("the fault proxy has no TCP address");
  return {
    endpoint: `http://127.0.0.1:${address.port}`,
    setPlan(next) {
      plan = next;
    },
    counts: () => ({ requests, faults: { ...faults } }),
    resetCounts() {
      requests = 0;
      faults.refuse = 0;
      faults.hang = 0;
      faults.cut = 0;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
