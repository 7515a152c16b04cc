import "server-only";

import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { DatabaseSync, type StatementSync } from "node:sqlite";

import type { SqlDriver, SqlExecutor, SqlValue } from "./driver";
import { StoreConflictError, type StoreError, StoreUnavailableError } from "./errors";
import { createMutex, type Mutex } from "./mutex";
import { toSqliteParameters } from "./sql-placeholders";

export type SqliteDriverOptions = {
  /** Open without write access, as SQLite itself does when the file is not writable. */
  readOnly?: boolean;
  /** How long a write waits for another process's lock before failing. */
  busyTimeoutMs?: number;
};

const SQLITE_CONSTRAINT = 19;

// Connections of this process to one file share one mutex. A transaction spans awaits; without
// it a second connection's write would block the thread in SQLite's busy wait while the lock it
// waits for is held by a transaction that can only finish on this same thread.
const fileLocks = new Map<string, { mutex: Mutex; users: number }>();

function acquireFileLock(file: string): Mutex {
  const entry = fileLocks.get(file) ?? { mutex: createMutex(), users: 0 };
  entry.users += 1;
  fileLocks.set(file, entry);
  return entry.mutex;
}

function releaseFileLock(file: string): void {
  const entry = fileLocks.get(file);
  if (entry && --entry.users === 0) fileLocks.delete(file);
}

/** Creates the data dir (0700; its parents as usual) and an empty database file (0600) when missing. */
function prepareFile(file: string): void {
  const dir = path.dirname(file);
  mkdirSync(path.dirname(dir), { recursive: true });
  mkdirSync(dir, { recursive: true, mode: 0o700 }); // recursive: no error when it exists
  try {
    writeFileSync(file, "", { flag: "wx", mode: 0o600 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
  }
}

function toStoreError(file: string, error: unknown): StoreError {
  const message = `${file}: ${error instanceof Error ? error.message : String(error)}`;
  const errcode = (error as { errcode?: unknown }).errcode;
  if (typeof errcode === "number" && (errcode & 0xff) === SQLITE_CONSTRAINT) {
    return new StoreConflictError("sqlite", message, { cause: error });
  }
  return new StoreUnavailableError("sqlite", message, { cause: error });
}

/** Rolls back the open transaction, if any; a failure here must not hide the error that caused it. */
function rollback(db: DatabaseSync): void {
  try {
    if (db.isOpen && db.isTransaction) db.exec("ROLLBACK");
  } catch {
    // the connection is unusable; the caller's error says why
  }
}

/**
 * Opens (creating when missing) a SQLite database file through `node:sqlite`: WAL journal, a
 * busy timeout, foreign keys on. Statements and transactions of all connections of this process
 * to the file run one at a time; a transaction is `BEGIN IMMEDIATE` (it takes the write lock at
 * once, so concurrent processes queue on the busy timeout instead of failing mid-transaction).
 */
export function openSqliteDriver(file: string, options: SqliteDriverOptions = {}): SqlDriver {
  const resolved = path.resolve(file);
  const fail = (error: unknown) => toStoreError(resolved, error);
  let db: DatabaseSync | undefined;
  try {
    if (!options.readOnly) prepareFile(resolved);
    db = new DatabaseSync(resolved, {
      readOnly: options.readOnly ?? false,
      timeout: options.busyTimeoutMs ?? 5_000,
      enableForeignKeyConstraints: true,
    });
    if (!options.readOnly) db.exec("PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;");
  } catch (error) {
    if (db?.isOpen) db.close();
    throw fail(error);
  }
  return createDriver(resolved, db, fail);
}

/** The driver over an open connection. */
function createDriver(resolved: string, db: DatabaseSync, fail: (error: unknown) => StoreError): SqlDriver {
  const statements = new Map<string, StatementSync>();
  const statement = (sql: string): StatementSync => {
    let prepared = statements.get(sql);
    if (!prepared) {
      prepared = db.prepare(toSqliteParameters(sql));
      statements.set(sql, prepared);
    }
    return prepared;
  };
  const attempt = <T>(fn: () => T): T => {
    try {
      return fn();
    } catch (error) {
      throw fail(error);
    }
  };
  const direct: SqlExecutor = {
    kind: "sqlite",
    async query<T>(sql: string, params: readonly SqlValue[] = []) {
      return attempt(() => statement(sql).all(...params) as T[]);
    },
    async execute(sql: string, params: readonly SqlValue[] = []) {
      return attempt(() => Number(statement(sql).run(...params).changes));
    },
  };

  const mutex = acquireFileLock(resolved);
  let closed = false;
  return {
    kind: "sqlite",
    query: (sql, params) => mutex.run(() => direct.query(sql, params)),
    execute: (sql, params) => mutex.run(() => direct.execute(sql, params)),
    transaction: <T>(fn: (tx: SqlExecutor) => Promise<T>) =>
      mutex.run(async () => {
        attempt(() => db.exec("BEGIN IMMEDIATE"));
        let result: T;
        try {
          result = await fn(direct);
          attempt(() => db.exec("COMMIT"));
        } catch (error) {
          rollback(db);
          throw error;
        }
        return result;
      }),
    close: () =>
      mutex.run(() => {
        if (closed) return;
        closed = true;
        statements.clear();
        releaseFileLock(resolved);
        db.close();
      }),
  };
}
