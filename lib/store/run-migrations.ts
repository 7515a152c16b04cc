import "server-only";

import type { SqlDriver, SqlExecutor } from "./driver";
import { StoreSchemaError } from "./errors";
import { type Migration, migrations } from "./migrations";
import type { StoreKind } from "./types";

// Key of the PostgreSQL advisory lock that serialises migrations across console processes.
const MIGRATION_LOCK_KEY = 7_361_523_001;

const createHistory = `CREATE TABLE IF NOT EXISTS schema_migrations (
  version BIGINT PRIMARY KEY,
  name TEXT NOT NULL,
  applied_at BIGINT NOT NULL
)`;

async function hasHistory(db: SqlExecutor): Promise<boolean> {
  const sql =
    db.kind === "sqlite"
      ? "SELECT 1 AS found FROM sqlite_master WHERE type = 'table' AND name = $1"
      : "SELECT 1 AS found FROM information_schema.tables WHERE table_schema = current_schema() AND table_name = $1";
  return (await db.query(sql, ["schema_migrations"])).length > 0;
}

async function readApplied(db: SqlExecutor): Promise<Set<number>> {
  if (!(await hasHistory(db))) return new Set();
  const rows = await db.query<{ version: number }>("SELECT version FROM schema_migrations");
  return new Set(rows.map((row) => Number(row.version)));
}

function assertNotNewer(kind: StoreKind, applied: Set<number>, list: readonly Migration[]): void {
  const known = Math.max(0, ...list.map((m) => m.version));
  const found = Math.max(0, ...applied);
  if (found > known) {
    throw new StoreSchemaError(
      kind,
      `the database's schema is at version ${found}, newer than this console knows (${known}); ` +
        "run a console version at least as new as the one that last migrated it",
    );
  }
}

function assertOrdered(list: readonly Migration[]): void {
  list.forEach((m, i) => {
    const previous = list[i - 1];
    if (!Number.isInteger(m.version) || m.version < 1 || (previous && m.version <= previous.version)) {
      throw new Error(`migration versions must be positive integers in increasing order (at '${m.name}')`);
    }
  });
}

/**
 * Brings the schema up to the newest migration, each in its own transaction, and returns the
 * versions it applied. Safe when several processes start at once: on PostgreSQL each migration
 * transaction first takes an advisory lock, on SQLite `BEGIN IMMEDIATE` takes the write lock, and
 * either way the history is re-read under the lock. A database already up to date is only read.
 * Throws StoreSchemaError when the database has a version newer than `list` knows.
 */
export async function runMigrations(
  db: SqlDriver,
  list: readonly Migration[] = migrations,
  now: () => number = Date.now,
): Promise<number[]> {
  assertOrdered(list);
  const applied = await readApplied(db);
  assertNotNewer(db.kind, applied, list);
  const ran: number[] = [];
  for (const migration of list.filter((m) => !applied.has(m.version))) {
    const didRun = await db.transaction(async (tx) => {
      if (tx.kind === "postgres") await tx.execute(`SELECT pg_advisory_xact_lock(${MIGRATION_LOCK_KEY})`);
      await tx.execute(createHistory);
      const current = await readApplied(tx);
      assertNotNewer(tx.kind, current, list);
      if (current.has(migration.version)) return false;
      for (const statement of migration.up) await tx.execute(statement);
      await tx.execute("INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)", [
        migration.version,
        migration.name,
        now(),
      ]);
      return true;
    });
    if (didRun) ran.push(migration.version);
  }
  return ran;
}
