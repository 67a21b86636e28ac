import { describe, expect, it } from "vitest";
import { DEFAULT_PORT, parseStartArgs } from "../../local/cli/args.js";

describe("npm start options", () => {
  it("defaults to the local port and .local-data", () => {
    expect(parseStartArgs([])).toMatchObject({ port: DEFAULT_PORT, dataDir: ".local-data", demo: false });
  });

  it("reads --port, --data-dir, --pace and --demo", () => {
    expect(parseStartArgs(["--port", "5000", "--data-dir", "/tmp/x", "--pace", "0", "--demo"])).toMatchObject(
      {
        port: 5000,
        dataDir: "/tmp/x",
        paceMs: 0,
        demo: true,
      },
    );
  });

  it("names the bad option", () => {
    expect(() => parseStartArgs(["--port", "abc"])).toThrow("--port");
    expect(() => parseStartArgs(["--port", "70000"])).toThrow("--port must be 1 to 65535");
    expect(() => parseStartArgs(["--colour"])).toThrow("--colour");
  });
});
