import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // A bound against hangs, not a speed check: figures are in `npm run bench`.
    testTimeout: 60_000,
    // Starting DynamoDB Local (a JVM) takes seconds on an idle machine and much longer beside other work.
    hookTimeout: 120_000,
  },
});
