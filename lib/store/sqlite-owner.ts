import "server-only";

import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { hostname } from "node:os";
import path from "node:path";

/** A console using a SQLite store refreshes its claim this often; a claim older than STALE_MS is free. */
const HEARTBEAT_MS = 10_000;
const STALE_MS = 30_000;

type Owner = { host: string; pid: number; at: number };

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * Claims the SQLite store in `dataDir` for this process, so a second console on the same store
 * (a second replica, or SQLite on a shared volume) refuses to start instead of corrupting it.
 * Throws with the reason when another console has used the store in the last 30 s.
 */
export function claimSqliteStore(dataDir: string, now = Date.now()): { release(): void } {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const file = path.join(dataDir, "console.sqlite.owner");
  const me: Owner = { host: hostname(), pid: process.pid, at: now };
  try {
    const owner = JSON.parse(readFileSync(file, "utf8")) as Owner;
    const fresh = now - owner.at < STALE_MS;
    const other = owner.host !== me.host || (owner.pid !== me.pid && alive(owner.pid));
    if (fresh && other) {
      throw new Error(
        `another console (pid ${owner.pid} on ${owner.host}) is using the SQLite store in ${dataDir}. SQLite serves ` +
          "one console replica only, never on a shared volume: set database.url (PostgreSQL) to run several.",
      );
    }
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT" && !(error instanceof SyntaxError)) throw error;
  }
  const write = () => writeFileSync(file, JSON.stringify({ ...me, at: Date.now() }), { mode: 0o600 });
  write();
  const timer = setInterval(write, HEARTBEAT_MS).unref();
  const release = () => {
    clearInterval(timer);
    rmSync(file, { force: true });
  };
  process.once("exit", release);
  return { release };
}
