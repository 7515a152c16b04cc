import path from "node:path";

import { defineConfig } from "vitest/config";

const root = import.meta.dirname;
const alias = {
  "@": root,
  // Next resolves "server-only" to a no-op on the server; tests run server code directly.
  "server-only": path.join(root, "test/fixtures/server-only.ts"),
};

export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      {
        resolve: { alias },
        test: {
          name: "unit",
          environment: "node",
          // Pure logic: one worker for every file (a fresh one per file costs about a minute of CPU in all).
          isolate: false,
          // npm test runs them beside the e2e tests on 2 cores: a test that builds a large index may take seconds.
          testTimeout: 30_000,
          include: [
            "lib/**/*.test.ts",
            "scripts/**/*.test.ts",
            "test/proto/**/*.test.ts",
            "test/lint/**/*.test.ts",
            "test/support/**/*.test.ts",
          ],
          sequence: { groupOrder: 0 },
        },
      },
      {
        resolve: { alias },
        test: {
          name: "integration",
          environment: "node",
          include: ["test/integration/**/*.test.ts"],
          globalSetup: ["test/support/global-setup.ts"],
          // The tests share one real SPIRE stack and some of them stop and restart a server.
          fileParallelism: false,
          // ...so it and the e2e project (another group) never use the stack at the same time.
          sequence: { groupOrder: 0 },
          // One worker for every file, one file after the other: a fresh worker per file cost about 45 s. The files
          // talk to the consoles and servers over the network; what they import (the test support, the few lib
          // modules they call in-process) keeps no state a later file could trip over.
          isolate: false,
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        resolve: { alias },
        test: {
          name: "e2e",
          environment: "node",
          include: ["test/e2e/**/*.test.ts"],
          globalSetup: ["test/support/global-setup.ts"],
          fileParallelism: false,
          // Not alongside the integration project: one e2e file freezes foo's SPIRE server to hold a walk up.
          sequence: { groupOrder: 1 },
          // One worker for every file, as for the integration files: each file launches its own browser.
          isolate: false,
          // Tests a file marks concurrent (the page matrix) run this many at a time, each in its own context.
          maxConcurrency: 3,
          testTimeout: 90_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
