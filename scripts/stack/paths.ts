// Where every file of the local SPIRE stack lives: stack dir, binary cache, and the
// short /tmp/spc-<hash>/ folder that holds the Unix sockets (108-byte path limit).
import { createHash } from "node:crypto";
import path from "node:path";

export const SPIRE_VERSION = "1.15.3";

export interface StackPaths {
  repoRoot: string;
  stackDir: string;
  cacheDir: string;
  binDir: string;
  socketDir: string;
  pkiDir: string;
  portsPath: string;
  statePath: string;
  consolePath: string;
}

export interface ServerPaths {
  dir: string;
  dataDir: string;
  configPath: string;
  logPath: string;
  pidPath: string;
  socketPath: string;
  bundlePemPath: string;
  bundleSpiffePath: string;
  seedMarkerPath: string;
}

export interface AgentPaths {
  dir: string;
  dataDir: string;
  configPath: string;
  logPath: string;
  pidPath: string;
  socketPath: string;
  joinTokenPath: string;
}

const repoRoot = path.resolve(import.meta.dirname, "../..");

/** Resolves the stack paths from `SPIRE_CONSOLE_STACK_DIR` / `SPIRE_CONSOLE_CACHE_DIR`. */
export function getStackPaths(env: NodeJS.ProcessEnv = process.env): StackPaths {
  const stackDir = path.resolve(repoRoot, env.SPIRE_CONSOLE_STACK_DIR || ".stack");
  const cacheDir = path.resolve(repoRoot, env.SPIRE_CONSOLE_CACHE_DIR || ".cache");
  const hash = createHash("sha256").update(stackDir).digest("hex").slice(0, 8);
  return {
    repoRoot,
    stackDir,
    cacheDir,
    binDir: path.join(cacheDir, "bin", `spire-v${SPIRE_VERSION}`),
    socketDir: `/tmp/spc-${hash}`,
    pkiDir: path.join(stackDir, "fleet-pki"),
    portsPath: path.join(stackDir, "ports.json"),
    statePath: path.join(stackDir, "stack.json"),
    consolePath: path.join(stackDir, "console.json"),
  };
}

/** Files of one SPIRE server; `dataDir` is SPIRE's own data_dir (datastore, keys). */
export function getServerPaths(paths: StackPaths, name: string): ServerPaths {
  const dir = path.join(paths.stackDir, name);
  const dataDir = path.join(dir, "data");
  return {
    dir,
    dataDir,
    configPath: path.join(dir, "server.conf"),
    logPath: path.join(dir, "server.log"),
    pidPath: path.join(dir, "server.pid"),
    socketPath: path.join(paths.socketDir, name, "api.sock"),
    bundlePemPath: path.join(dir, "bundle.pem"),
    bundleSpiffePath: path.join(dir, "bundle.spiffe.json"),
    seedMarkerPath: path.join(dataDir, "seeded.json"),
  };
}

/** Files of one SPIRE agent; `dataDir` is SPIRE's data_dir (stored SVID, disk keys). */
export function getAgentPaths(paths: StackPaths, name: string): AgentPaths {
  const dir = path.join(paths.stackDir, "agents", name);
  return {
    dir,
    dataDir: path.join(dir, "data"),
    configPath: path.join(dir, "agent.conf"),
    logPath: path.join(dir, "agent.log"),
    pidPath: path.join(dir, "agent.pid"),
    socketPath: path.join(paths.socketDir, "agents", name, "agent.sock"),
    joinTokenPath: path.join(dir, "join-token"),
  };
}
