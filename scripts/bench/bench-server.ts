// A dedicated SPIRE server (and one join_token agent) for the benchmark, in its own stack dir,
// built from the scripts/stack modules so it never touches the demo or test stacks.
import { existsSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";

import { setDatabaseDefault } from "../pg/databases.ts";
import { startPostgres, stopPostgres } from "../pg/server.ts";
import { renderAgentConfig } from "../stack/agent-config.ts";
import { ensureSpireBinaries, type SpireBinaries } from "../stack/build-spire.ts";
import { serverComponent } from "../stack/components.ts";
import { ensureFleetPki } from "../stack/fleet-pki.ts";
import { getServerPaths, getStackPaths, type StackPaths } from "../stack/paths.ts";
import { loadOrChoosePorts } from "../stack/ports.ts";
import { type ProcessSpec, runningPid, sleep, startDetached, stopProcess } from "../stack/process.ts";
import { ensureServer, exportBundle } from "../stack/servers.ts";
import { runServerCliJson } from "../stack/spire-cli.ts";
import type { ServerSpec } from "../stack/topology.ts";

export const BENCH_SERVER: ServerSpec = { name: "bench", trustDomain: "bench.example.com", adminIds: [] };

/** Where the bench server keeps its entries: SQLite in its data dir, or a PostgreSQL cluster in the stack dir. */
export type BenchDatastore = "sqlite" | "postgres";

export type BenchServer = {
  paths: StackPaths;
  datastore: BenchDatastore;
  bin: SpireBinaries;
  socketPath: string;
  consoleConfigPath: string;
  agentId: string;
  stop: () => Promise<void>;
};

function agentSpec(paths: StackPaths): ProcessSpec {
  const dir = path.join(paths.stackDir, "bench-agent");
  return {
    binary: path.join(paths.binDir, "spire-agent"),
    configPath: path.join(dir, "agent.conf"),
    pidPath: path.join(dir, "agent.pid"),
    logPath: path.join(dir, "agent.log"),
  };
}

/**
 * Starts the PostgreSQL cluster of the bench stack and returns the URL SPIRE's datastore connects
 * with. Commits do not wait for the disk: the bench data is thrown away.
 */
async function benchPostgresUrl(stackDir: string): Promise<string> {
  const server = await startPostgres({ dir: path.join(stackDir, "postgres"), database: "spire" });
  await setDatabaseDefault(server.url, "spire", "synchronous_commit", "off");
  return `${server.url}?sslmode=disable`;
}

/**
 * The datastore of the bench stack in `stackDir`: the one it was first started with (a stack dir
 * never switches, its entries would be gone), else `wanted`, else `forNewStack`.
 */
function benchDatastore(stackDir: string, wanted?: BenchDatastore, forNewStack: BenchDatastore = "sqlite") {
  const sqliteFile = path.join(getServerPaths(getBenchPaths(stackDir), BENCH_SERVER.name).dataDir, "datastore.sqlite3");
  const existing = existsSync(path.join(stackDir, "postgres")) ? "postgres" : existsSync(sqliteFile) ? "sqlite" : null;
  if (existing && wanted && wanted !== existing)
    throw new Error(`${stackDir} keeps its entries in ${existing}; delete it to start over with ${wanted}`);
  return existing ?? wanted ?? forNewStack;
}

const getBenchPaths = (stackDir: string) => getStackPaths({ ...process.env, SPIRE_CONSOLE_STACK_DIR: stackDir });

/**
 * An empty store for the bench console, in the bench stack dir: a store another run left behind
 * would hold that run's saved entry index (of another seed), served at once instead of a cold walk.
 */
export function freshConsoleDataDir(stackDir: string): string {
  const dir = path.join(stackDir, "console-data");
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  return dir;
}

/**
 * Starts (or reuses) the bench server and a join_token agent; returns the agent's SPIFFE ID. A new
 * stack keeps its entries in `wanted` (else `forNewStack`); an existing one in what it has.
 */
export async function startBenchServer(
  stackDir: string,
  wanted?: BenchDatastore,
  forNewStack?: BenchDatastore,
): Promise<BenchServer> {
  const datastore = benchDatastore(stackDir, wanted, forNewStack);
  const paths = getBenchPaths(stackDir);
  mkdirSync(paths.stackDir, { recursive: true });
  mkdirSync(paths.socketDir, { recursive: true, mode: 0o700 });
  const bin = await ensureSpireBinaries(paths.binDir);
  const ports = await loadOrChoosePorts(paths.portsPath, [BENCH_SERVER.name]);
  const pki = await ensureFleetPki(paths.pkiDir, BENCH_SERVER.trustDomain, []);
  const postgresUrl = datastore === "postgres" ? await benchPostgresUrl(stackDir) : undefined;
  await ensureServer(paths, bin, BENCH_SERVER, ports[BENCH_SERVER.name]!, pki.caPath, undefined, {
    postgresUrl,
    eventsBasedCache: true,
  });
  await exportBundle(paths, bin, BENCH_SERVER.name);
  const sp = getServerPaths(paths, BENCH_SERVER.name);
  const consoleConfigPath = path.join(paths.stackDir, "console.json");
  writeFileSync(
    consoleConfigPath,
    JSON.stringify(
      {
        servers: [
          {
            name: "bench",
            address: `unix://${sp.socketPath}`,
            trustDomain: BENCH_SERVER.trustDomain,
            timeoutMs: 60_000,
          },
        ],
      },
      null,
      2,
    ),
  );
  const agentId = await ensureBenchAgent(
    paths,
    bin,
    sp.socketPath,
    sp.bundlePemPath,
    ports[BENCH_SERVER.name]!.bindPort,
  );
  return {
    paths,
    datastore,
    bin,
    socketPath: sp.socketPath,
    consoleConfigPath,
    agentId,
    stop: async () => {
      await stopProcess(agentSpec(paths));
      await stopProcess(serverComponent(paths, BENCH_SERVER.name).spec);
      if (postgresUrl) await stopPostgres(path.join(stackDir, "postgres"));
    },
  };
}

async function ensureBenchAgent(
  paths: StackPaths,
  bin: SpireBinaries,
  socket: string,
  bundlePath: string,
  serverPort: number,
): Promise<string> {
  const spec = agentSpec(paths);
  const dir = path.dirname(spec.configPath);
  await stopProcess(spec);
  mkdirSync(path.join(dir, "data"), { recursive: true, mode: 0o700 });
  const agentSocketDir = path.join(paths.socketDir, "bench-agent");
  mkdirSync(agentSocketDir, { recursive: true, mode: 0o700 });
  writeFileSync(
    spec.configPath,
    renderAgentConfig({
      trustDomain: BENCH_SERVER.trustDomain,
      serverPort,
      socketPath: path.join(agentSocketDir, "agent.sock"),
      dataDir: path.join(dir, "data", String(Date.now())),
      logPath: spec.logPath,
      trustBundlePath: bundlePath,
    }),
  );
  const token = await runServerCliJson<{ value: string }>(bin.spireServer, socket, [
    "token",
    "generate",
    "-ttl",
    "600",
  ]);
  startDetached(spec, ["-joinToken", token.value]);
  const agentId = `spiffe://${BENCH_SERVER.trustDomain}/spire/agent/join_token/${token.value}`;
  for (let i = 0; i < 60; i++) {
    const list = await runServerCliJson<{ agents: { id: { path: string } }[] | null }>(bin.spireServer, socket, [
      "agent",
      "list",
    ]);
    if ((list.agents ?? []).some((a) => agentId.endsWith(a.id.path))) return agentId;
    if (runningPid(spec) === null) break;
    await sleep(500);
  }
  throw new Error(`the bench agent did not attest; see ${spec.logPath}`);
}
