// The bench server's SQLite file, and its planner statistics on request (`--sqlite-statistics`).
import path from "node:path";

import { getServerPaths } from "../stack/paths.ts";
import { BENCH_SERVER, type BenchServer } from "./bench-server.ts";
import { analyzeSqlite } from "./sqlite-statistics.ts";

/** The bench server's SQLite file (null on PostgreSQL), analyzed first when `analyze` is set. */
export function benchSqliteFile(server: BenchServer, analyze: boolean): string | null {
  if (server.datastore !== "sqlite") return null;
  const file = path.join(getServerPaths(server.paths, BENCH_SERVER.name).dataDir, "datastore.sqlite3");
  if (analyze) console.log(`[bench] ANALYZE of SPIRE's SQLite took ${analyzeSqlite(file).toFixed(0)} ms`);
  return file;
}
