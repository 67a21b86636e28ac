import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // A bound against hangs, not a speed check: figures are in `npm run bench`.
    testTimeout: 60_000,
    // Starting DynamoDB Local (a JVM) takes seconds on an idle machine and much longer beside other work.
    hookTimeout: 120_000,
    // The SDK warns once per worker that its 2027 releases need Node 22; Baton supports Node 20.19+,
    // and dozens of copies of that notice hid real test output.
    env: { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true" },
  },
});
