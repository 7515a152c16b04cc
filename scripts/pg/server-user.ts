// Who runs the test server. PostgreSQL refuses to run as root, so as root the server runs as
// Debian's `postgres` system user (through runuser) and owns its data and socket directories.
import { chownSync } from "node:fs";
import path from "node:path";

import { run, type RunOptions, runOrThrow, type RunResult } from "../stack/exec.ts";

export type ServerUser = {
  /** The `postgres` system user when we are root, else null (we run the server ourselves). */
  system: { name: string; uid: number; gid: number } | null;
};

const SYSTEM_USER = "postgres";

/** Resolves the user the server runs as. */
export async function resolveServerUser(): Promise<ServerUser> {
  if (process.getuid?.() !== 0) return { system: null };
  const uid = await run("id", ["-u", SYSTEM_USER]);
  const gid = await run("id", ["-g", SYSTEM_USER]);
  if (uid.code !== 0 || gid.code !== 0) {
    throw new Error(
      `PostgreSQL refuses to run as root and there is no '${SYSTEM_USER}' user to run it as ` +
        "(Debian's postgresql package creates one: apt-get install postgresql)",
    );
  }
  return { system: { name: SYSTEM_USER, uid: Number(uid.stdout.trim()), gid: Number(gid.stdout.trim()) } };
}

/** Gives a file or directory to the server user (no-op when we are the server user). */
export function giveToServerUser(user: ServerUser, target: string): void {
  if (user.system) chownSync(target, user.system.uid, user.system.gid);
}

/** Runs a program as the server user; fails with the program's own error text. */
export async function runAsServerUser(
  user: ServerUser,
  file: string,
  args: readonly string[],
  options: RunOptions = {},
): Promise<RunResult> {
  // A cwd the server user can enter: runuser keeps ours, which may be closed to it.
  const withCwd = { cwd: "/tmp", ...options };
  if (!user.system) return runOrThrow(file, args, withCwd);
  const result = await run("runuser", ["-u", user.system.name, "--", file, ...args], withCwd);
  if (result.code !== 0) {
    const detail = (result.stderr.trim() || result.stdout.trim()).split("\n").slice(-5).join(" | ");
    throw new Error(
      `${path.basename(file)} ${args[0] ?? ""} (as ${user.system.name}) failed (exit ${result.code}): ${detail}`,
    );
  }
  return result;
}

/** True if the server user can write `dir` (every directory above it must be searchable). */
export async function serverUserCanWrite(user: ServerUser, dir: string): Promise<boolean> {
  if (!user.system) return true;
  return (await run("runuser", ["-u", user.system.name, "--", "test", "-w", dir])).code === 0;
}
