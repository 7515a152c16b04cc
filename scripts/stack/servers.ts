// Brings up one SPIRE server (config, start, health) and exports its trust bundle.
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";

import type { SpireBinaries } from "./build-spire.ts";
import { serverComponent } from "./components.ts";
import { waitHealthy } from "./health.ts";
import { say, StackError } from "./log.ts";
import type { StackPaths } from "./paths.ts";
import { getServerPaths } from "./paths.ts";
import type { ServerPorts } from "./ports.ts";
import { isPortFree } from "./ports.ts";
import { runningPid, startDetached, stopProcess } from "./process.ts";
import type { ServerConfigInput } from "./server-config.ts";
import { renderServerConfig } from "./server-config.ts";
import { runServerCli } from "./spire-cli.ts";
import { readTelemetryPorts, STACK_REFRESH_HINT } from "./telemetry.ts";
import type { ServerSpec } from "./topology.ts";

export interface ServerResult {
  /** True if the server started with an empty datastore (first run or wiped data). */
  fresh: boolean;
}

function portTakenMessage(port: number, server: string, paths: StackPaths): string {
  return (
    `port ${port} of ${server} (remembered in ${paths.portsPath}) is used by another process; ` +
    `stop it, or run stack:down and delete ${paths.stackDir} to start over`
  );
}

/** Writes the server's config and starts it unless it is already running. */
export async function ensureServer(
  paths: StackPaths,
  bin: SpireBinaries,
  spec: ServerSpec,
  ports: ServerPorts,
  fleetCaPath: string,
  k8sPsat?: ServerConfigInput["k8sPsat"],
  bench?: { postgresUrl?: string; eventsBasedCache: boolean },
): Promise<ServerResult> {
  const sp = getServerPaths(paths, spec.name);
  const { spec: proc, socketPath } = serverComponent(paths, spec.name);
  mkdirSync(sp.dataDir, { recursive: true, mode: 0o700 });
  mkdirSync(path.dirname(socketPath), { recursive: true, mode: 0o700 });
  const config = renderServerConfig({
    trustDomain: spec.trustDomain,
    ...ports,
    socketPath,
    dataDir: sp.dataDir,
    logPath: sp.logPath,
    fleetCaPath,
    adminIds: spec.adminIds,
    k8sPsat,
    ...bench,
    telemetryPort: readTelemetryPorts(paths)[spec.name],
    refreshHint: bench ? undefined : STACK_REFRESH_HINT,
  });
  const previous = existsSync(sp.configPath) ? readFileSync(sp.configPath, "utf8") : null;
  writeFileSync(sp.configPath, config);

  let pid = runningPid(proc);
  if (pid !== null && previous !== null && previous !== config) {
    // e.g. the k8s_psat attestor appeared or went away: a running server only reads its config at start.
    say(`${spec.name}'s config changed; restarting it (pid ${pid})`);
    await stopProcess(proc);
    pid = null;
  }
  if (pid !== null) {
    say(`${spec.name} already running (pid ${pid})`);
    return { fresh: false };
  }
  for (const port of [ports.bindPort, ports.bundleEndpointPort, readTelemetryPorts(paths)[spec.name] ?? 0]) {
    if (port === 0) continue;
    if (!(await isPortFree(port))) {
      throw new StackError(portTakenMessage(port, spec.name, paths));
    }
  }
  // A PostgreSQL datastore (the bench's) lives outside the data dir: never "fresh" here.
  const fresh = !bench?.postgresUrl && !existsSync(path.join(sp.dataDir, "datastore.sqlite3"));
  rmSync(socketPath, { force: true });
  const newPid = startDetached(proc);
  const datastore = bench?.postgresUrl ? "PostgreSQL datastore" : fresh ? "new datastore" : "existing data";
  say(`starting ${spec.name} (spire-server ${bin.version}, ${spec.trustDomain}, pid ${newPid}, ${datastore}) ...`);
  // The bench server reads every entry into its cache before it answers: 31 s for a million here.
  const took = await waitHealthy({ label: spec.name, spec: proc, socketPath }, bench ? 300_000 : undefined);
  say(`${spec.name} healthy in ${took}`);
  return { fresh };
}

/** Saves the server's own bundle as PEM (agent bootstrap) and SPIFFE JSON (federation). */
export async function exportBundle(paths: StackPaths, bin: SpireBinaries, name: string): Promise<void> {
  const sp = getServerPaths(paths, name);
  writeFileSync(sp.bundlePemPath, await runServerCli(bin.spireServer, sp.socketPath, ["bundle", "show"]));
  writeFileSync(
    sp.bundleSpiffePath,
    await runServerCli(bin.spireServer, sp.socketPath, ["bundle", "show", "-format", "spiffe"]),
  );
}
