// The tests start the built console through the same launcher as the benchmark, always with the
// test run's bootstrap admin token (so the tests can authenticate as admin over HTTP).
import { inject } from "vitest";

import { type RunningConsole, startConsole as launch } from "../../scripts/lib/console-server.ts";

export { repoRoot, type RunningConsole } from "../../scripts/lib/console-server.ts";

/** Starts another console (e.g. with a different config) that accepts the run's admin token. */
export function startConsole(env: Record<string, string>): Promise<RunningConsole> {
  return launch({ SPIRE_CONSOLE_BOOTSTRAP_TOKEN: inject("consoleToken"), ...env });
}
