// The bench's SPIRE server and the console measured against it, started together for `npm run bench` and
// `npm run bench:load`: the console in a memory cgroup when a limit is given, and nothing left running when a step
// fails.
import { ensureConsoleBuild, type RunningConsole, startConsole } from "../lib/console-server.ts";
import { type BenchServer, freshConsoleDataDir } from "./bench-server.ts";
import { createMemoryCgroup, type MemoryCgroup } from "./memory-cgroup.ts";

export type BenchConsoleOptions = {
  stackDir: string;
  /** The console's bootstrap admin token. */
  token: string;
  /** MiB of the console's memory cgroup, or null for none. */
  memoryLimitMib: number | null;
  /** The cgroup's name (unique to the run). */
  cgroupName: string;
  startServer: () => Promise<BenchServer>;
  /** The console config for the started server. */
  consoleConfig: (server: BenchServer) => string;
};

export type BenchConsole = { server: BenchServer; consoleServer: RunningConsole; cgroup: MemoryCgroup | undefined };

/** Makes the cgroup, starts the bench server, then the console in the cgroup; a failure undoes what was done. */
export async function startBenchConsole(options: BenchConsoleOptions): Promise<BenchConsole> {
  const { memoryLimitMib, cgroupName } = options;
  // Before any server starts: a cgroup that cannot be made stops the run with nothing to clean up.
  const cgroup = memoryLimitMib === null ? undefined : createMemoryCgroup(cgroupName, memoryLimitMib);
  const server = await options.startServer().catch((error: unknown) => {
    cgroup?.remove();
    throw error;
  });
  try {
    ensureConsoleBuild();
    const env = {
      SPIRE_CONSOLE_CONFIG: options.consoleConfig(server),
      SPIRE_CONSOLE_BOOTSTRAP_TOKEN: options.token,
      SPIRE_CONSOLE_DATA_DIR: freshConsoleDataDir(options.stackDir),
    };
    return { server, consoleServer: await startConsole(env, { cgroupProcs: cgroup?.procsFile }), cgroup };
  } catch (error) {
    cgroup?.remove();
    await server.stop();
    throw error;
  }
}
