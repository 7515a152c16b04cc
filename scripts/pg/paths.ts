// Files of one throw-away PostgreSQL cluster under a directory of the caller's choosing, and its
// Unix socket directory under a short /tmp path (socket paths are limited to 107 bytes).
import { createHash } from "node:crypto";
import path from "node:path";

export type ClusterPaths = {
  dir: string;
  /** PGDATA, owned by the server user. */
  dataDir: string;
  /** The superuser's generated password (mode 0600, owned by us). */
  passwordPath: string;
  /** The port of the last start, reused while it is free. */
  portPath: string;
  logPath: string;
  socketDir: string;
};

/** Paths of the cluster kept in `dir`. */
export function getClusterPaths(dir: string): ClusterPaths {
  const resolved = path.resolve(dir);
  const hash = createHash("sha256").update(resolved).digest("hex").slice(0, 8);
  return {
    dir: resolved,
    dataDir: path.join(resolved, "data"),
    passwordPath: path.join(resolved, "password"),
    portPath: path.join(resolved, "port"),
    logPath: path.join(resolved, "server.log"),
    socketDir: `/tmp/spc-pg-${hash}`,
  };
}
