// The tests start the built console through the same launcher as the benchmark, always with the
// test run's bootstrap admin token (so the tests can authenticate as admin over HTTP).
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

import { inject } from "vitest";

import { type RunningConsole, startConsole as launch } from "../../scripts/lib/console-server.ts";

export { repoRoot, type RunningConsole } from "../../scripts/lib/console-server.ts";

/**
 * Starts another console (e.g. with a different config) that accepts the run's admin token. It
 * gets a store of its own unless `SPIRE_CONSOLE_DATA_DIR` is given: a SQLite store serves one
 * console only, and the shared console already uses the stack's. It does not watch the stack's
 * entry sets (the shared console does): its plans would walk foo's index behind the test's back, and
 * two consoles with autoApply would race to put the same drift back.
 */
export function startConsole(env: Record<string, string>): Promise<RunningConsole> {
  return launch({
    SPIRE_CONSOLE_BOOTSTRAP_TOKEN: inject("consoleToken"),
    SPIRE_CONSOLE_DATA_DIR: mkdtempSync(path.join(tmpdir(), "spire-console-data-")),
    SPIRE_CONSOLE_ENTRY_SETS: "off",
    ...env,
  });
}
