// Creates a throw-away PostgreSQL cluster once: initdb with a generated superuser password
// (scram-sha-256 on every connection), listening on 127.0.0.1 only, tuned for tests.
import { randomBytes } from "node:crypto";
import {
  appendFileSync,
  chmodSync,
  existsSync,
  mkdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import path from "node:path";

import type { ClusterPaths } from "./paths.ts";
import { giveToServerUser, runAsServerUser, type ServerUser, serverUserCanWrite } from "./server-user.ts";

/** The superuser initdb creates; the URL of the cluster names it. */
export const SUPERUSER = "postgres";

// Durability is traded for speed: the cluster holds test and demo data only.
const settings = (paths: ClusterPaths) => `
# spire-console throw-away cluster (scripts/pg)
listen_addresses = '127.0.0.1'
unix_socket_directories = '${paths.socketDir}'
fsync = off
synchronous_commit = off
full_page_writes = off
shared_buffers = 32MB
max_connections = 60
`;

/** Creates our directories (the data dir's parents must be searchable by the server user). */
function prepareDirectories(paths: ClusterPaths, user: ServerUser): void {
  mkdirSync(path.dirname(paths.dir), { recursive: true });
  if (!existsSync(paths.dir)) mkdirSync(paths.dir, { mode: 0o700 });
  if (user.system) chmodSync(paths.dir, statSync(paths.dir).mode | 0o001);
  mkdirSync(paths.socketDir, { recursive: true, mode: 0o700 });
  giveToServerUser(user, paths.socketDir);
  if (!existsSync(paths.logPath)) writeFileSync(paths.logPath, "", { mode: 0o600 });
  giveToServerUser(user, paths.logPath);
}

/** Runs initdb into a fresh data dir with a new password; returns the password. */
async function initCluster(paths: ClusterPaths, binDir: string, user: ServerUser): Promise<string> {
  rmSync(paths.dataDir, { recursive: true, force: true }); // what a failed initdb left behind
  mkdirSync(paths.dataDir, { mode: 0o700 });
  giveToServerUser(user, paths.dataDir);
  if (!(await serverUserCanWrite(user, paths.dataDir))) {
    throw new Error(`the ${user.system?.name} user cannot reach ${paths.dataDir}: make its parent directories o+x`);
  }
  const password = randomBytes(18).toString("base64url");
  writeFileSync(paths.passwordPath, `${password}\n`, { mode: 0o600 });
  const passwordFile = path.join(paths.socketDir, "initdb-password");
  writeFileSync(passwordFile, password, { mode: 0o600 });
  giveToServerUser(user, passwordFile);
  try {
    await runAsServerUser(
      user,
      path.join(binDir, "initdb"),
      [
        ...["-D", paths.dataDir, "-U", SUPERUSER, "--pwfile", passwordFile],
        ...["--auth-host=scram-sha-256", "--auth-local=scram-sha-256", "--encoding=UTF8", "--locale=C"],
        ...["--no-sync", "--no-instructions"],
      ],
      { timeoutMs: 120_000 },
    );
  } finally {
    rmSync(passwordFile, { force: true });
  }
  appendFileSync(path.join(paths.dataDir, "postgresql.conf"), settings(paths));
  return password;
}

/** Makes sure the cluster exists (running initdb the first time); returns the superuser's password. */
export async function ensureCluster(paths: ClusterPaths, binDir: string, user: ServerUser): Promise<string> {
  prepareDirectories(paths, user);
  if (!existsSync(path.join(paths.dataDir, "PG_VERSION"))) return initCluster(paths, binDir, user);
  if (!existsSync(paths.passwordPath)) {
    throw new Error(`${paths.passwordPath} is missing; remove ${paths.dir} to start a new cluster`);
  }
  return readFileSync(paths.passwordPath, "utf8").trim();
}
