import "server-only";

import type { SqlExecutor } from "./driver";
import { StoreError, StoreUnavailableError } from "./errors";

/**
 * Proves the store can be written right now by upserting its heartbeat row. Throws
 * StoreUnavailableError when the database is read-only, gone or unreachable.
 */
export async function checkWritable(db: SqlExecutor, now: () => number = Date.now): Promise<void> {
  const sql = `INSERT INTO store_heartbeat (id, written_at) VALUES ($1, $2)
    ON CONFLICT (id) DO UPDATE SET written_at = excluded.written_at`;
  try {
    const changed = await db.execute(sql, ["console", now()]);
    if (changed !== 1) throw new StoreUnavailableError(db.kind, `the heartbeat write changed ${changed} rows, not 1`);
  } catch (error) {
    if (error instanceof StoreUnavailableError) throw error;
    const message = error instanceof StoreError ? error.message : String(error);
    throw new StoreUnavailableError(db.kind, `cannot be written: ${message}`, { cause: error });
  }
}
