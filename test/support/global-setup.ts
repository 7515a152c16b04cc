// Global setup of the integration and e2e projects: makes sure the real SPIRE stack runs
// (npm run stack:up is idempotent) and starts the built console against it.
import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import path from "node:path";

import type { TestProject } from "vitest/node";

import { repoRoot, startConsole } from "../../scripts/lib/console-server.ts";

declare module "vitest" {
  export interface ProvidedContext {
    consoleUrl: string;
    /** The bootstrap admin token of every console the tests start. */
    consoleToken: string;
    stackDir: string;
    /** The shared console's own data dir (its SQLite store): one per project, as a store serves one console. */
    consoleDataDir: string;
  }
}

const sharesStackWithIntegration = (project: TestProject) =>
  project.vitest.projects.some((other) => other.name === "integration");

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const stackDir = process.env.SPIRE_CONSOLE_STACK_DIR ?? path.join(repoRoot, ".stack");
  const up = spawnSync(process.execPath, [path.join(repoRoot, "scripts/stack/cli.ts"), "up"], {
    cwd: repoRoot,
    env: { ...process.env, SPIRE_CONSOLE_STACK_DIR: stackDir },
    stdio: "inherit",
  });
  if (up.status !== 0) throw new Error(`stack:up failed (exit ${up.status}); see the output above`);
  const token = randomBytes(24).toString("base64url");
  const dataDir = path.join(stackDir, `console-data-${project.name}`);
  const consoleServer = await startConsole({
    SPIRE_CONSOLE_CONFIG: path.join(stackDir, "console.json"),
    SPIRE_CONSOLE_BOOTSTRAP_TOKEN: token,
    SPIRE_CONSOLE_DATA_DIR: dataDir,
    // When one vitest runs both projects on one stack, it starts both consoles at once: only the integration
    // console autoApplies the stack's watched sets (its test asserts whose apply restored an entry); the e2e
    // console reports. `npm test` runs e2e in a vitest of its own on its own stack: there it applies them.
    ...(project.name !== "integration" && sharesStackWithIntegration(project)
      ? { SPIRE_CONSOLE_ENTRY_SETS: "watch" }
      : {}),
  });
  project.provide("consoleUrl", consoleServer.url);
  project.provide("consoleToken", token);
  project.provide("stackDir", stackDir);
  project.provide("consoleDataDir", dataDir);
  return consoleServer.stop;
}
