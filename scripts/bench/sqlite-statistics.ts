// SPIRE's SQLite datastore and the query planner's statistics. SPIRE never runs ANALYZE, and without
// statistics SQLite answers SPIRE's duplicate check on every create (`parent_id = ? AND spiffe_id = ?`)
// through the parent_id index: a create costs more the more children its parent has (at 100k entries,
// 48 s per 1,000 creates under a parent of 19,801 children). With statistics it takes the spiffe_id
// index. The bench reports which state it measured, and `--sqlite-statistics` runs ANALYZE first.
import { existsSync } from "node:fs";
import { DatabaseSync } from "node:sqlite";

/** Whether the SQLite file holds planner statistics (a `sqlite_stat1` table written by ANALYZE). */
export function sqliteHasStatistics(file: string): boolean {
  if (!existsSync(file)) return false;
  const db = new DatabaseSync(file, { readOnly: true });
  try {
    const row = db
      .prepare("SELECT count(*) AS n FROM sqlite_master WHERE type = 'table' AND name = 'sqlite_stat1'")
      .get();
    return Number(row?.n ?? 0) > 0;
  } finally {
    db.close();
  }
}

/** Runs ANALYZE on the SQLite file (SPIRE may keep it open: SQLite's own locking orders the two). */
export function analyzeSqlite(file: string): number {
  const started = performance.now();
  const db = new DatabaseSync(file, { timeout: 60_000 });
  try {
    db.exec("ANALYZE");
  } finally {
    db.close();
  }
  return performance.now() - started;
}
