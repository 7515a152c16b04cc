// `npm run docs:pictures` (scripts/docs-pictures.sh): takes the user guide's pictures in Chromium against the
// local stack and the production build, with the e2e project's global setup and page objects. Its own config,
// so `npm test` (vitest.config.ts) never runs it and leaves the tree clean.
import path from "node:path";

import { defineConfig } from "vitest/config";

const root = path.join(import.meta.dirname, "../..");
const alias = { "@": root, "server-only": path.join(root, "test/fixtures/server-only.ts") };

export default defineConfig({
  root,
  resolve: { alias },
  test: {
    name: "pictures",
    environment: "node",
    include: ["test/pictures/**/*.pictures.ts"],
    globalSetup: ["test/support/global-setup.ts"],
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
