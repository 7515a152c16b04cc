// A real PostgreSQL server for tests and the demo: one cluster per directory, started with
// pg_ctl on a free 127.0.0.1 port (as the `postgres` user when we are root).
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

import { tailFile } from "../stack/log.ts";
import { findFreePort, isPortFree } from "../stack/ports.ts";
import { trackedPid, type TrackedProcess } from "../stack/process.ts";
import { findPostgresBinDir } from "./binaries.ts";
import { ensureCluster, SUPERUSER } from "./cluster.ts";
import { ensureDatabase } from "./databases.ts";
import { type ClusterPaths, getClusterPaths } from "./paths.ts";
import { resolveServerUser, runAsServerUser } from "./server-user.ts";

export type PostgresServer = {
  /** Superuser URL of the database asked for (password included: a throw-away cluster). */
  url: string;
  port: number;
  dir: string;
  /** The superuser URL of another database of this cluster. */
  urlFor(database: string): string;
  /** Stops this cluster's server (pg_ctl stop -m fast); the data stays for the next start. */
  stop(): Promise<void>;
};

export type StartPostgresOptions = {
  /** Where the cluster lives (created on first use). */
  dir: string;
  /** The database to create and return the URL of (default "console"). */
  database?: string;
};

/** The postmaster of the cluster, as process.ts tracks it: its pid file names it, its argv has PGDATA. */
function postmaster(paths: ClusterPaths, binDir: string): TrackedProcess {
  const pidPath = path.join(paths.dataDir, "postmaster.pid");
  return { binary: path.join(binDir, "postgres"), marker: paths.dataDir, pidPath, logPath: paths.logPath };
}

/** The port a running postmaster listens on (4th line of postmaster.pid). */
function runningPort(proc: TrackedProcess): number {
  const port = Number(readFileSync(proc.pidPath, "utf8").split("\n")[3]);
  if (!Number.isInteger(port) || port <= 0) throw new Error(`${proc.pidPath} has no port`);
  return port;
}

/** The remembered port while it is free, else a new free one. */
async function choosePort(paths: ClusterPaths): Promise<number> {
  const remembered = existsSync(paths.portPath) ? Number(readFileSync(paths.portPath, "utf8").trim()) : 0;
  if (Number.isInteger(remembered) && remembered > 0 && (await isPortFree(remembered))) return remembered;
  return findFreePort();
}

function superuserUrl(password: string, port: number, database: string): string {
  return `postgresql://${SUPERUSER}:${encodeURIComponent(password)}@127.0.0.1:${port}/${database}`;
}

/**
 * Starts (or finds running) the PostgreSQL server of the cluster in `dir`, running initdb the
 * first time, and creates `database` in it. Waits until the server accepts connections.
 */
export async function startPostgres(options: StartPostgresOptions): Promise<PostgresServer> {
  const binDir = findPostgresBinDir();
  const user = await resolveServerUser();
  const paths = getClusterPaths(options.dir);
  const password = await ensureCluster(paths, binDir, user);
  const proc = postmaster(paths, binDir);
  let port: number;
  if (trackedPid(proc) !== null) {
    port = runningPort(proc);
  } else {
    port = await choosePort(paths);
    const args = ["start", "-D", paths.dataDir, "-l", paths.logPath, "-w", "-t", "60", "-o", `-p ${port}`];
    try {
      await runAsServerUser(user, path.join(binDir, "pg_ctl"), args, { timeoutMs: 90_000 });
    } catch (error) {
      throw new Error(`${(error as Error).message}\n${tailFile(paths.logPath)}`, { cause: error });
    }
    writeFileSync(paths.portPath, `${port}\n`);
  }
  const database = options.database ?? "console";
  await ensureDatabase(superuserUrl(password, port, "postgres"), database);
  return {
    url: superuserUrl(password, port, database),
    port,
    dir: paths.dir,
    urlFor: (name) => superuserUrl(password, port, name),
    stop: async () => void (await stopPostgres(paths.dir)),
  };
}

/** Stops the server of the cluster in `dir` if it runs; returns the pid it stopped, or null. */
export async function stopPostgres(dir: string): Promise<number | null> {
  const binDir = findPostgresBinDir();
  const paths = getClusterPaths(dir);
  const pid = trackedPid(postmaster(paths, binDir));
  if (pid === null) return null;
  const user = await resolveServerUser();
  const args = ["stop", "-D", paths.dataDir, "-m", "fast", "-w", "-t", "60"];
  await runAsServerUser(user, path.join(binDir, "pg_ctl"), args, { timeoutMs: 90_000 });
  return pid;
}

/** Whether the server of the cluster in `dir` runs, with its pid and port. */
export function getPostgresStatus(dir: string): { running: boolean; pid: number | null; port: number | null } {
  const proc = postmaster(getClusterPaths(dir), findPostgresBinDir());
  const pid = trackedPid(proc);
  return { running: pid !== null, pid, port: pid === null ? null : runningPort(proc) };
}
