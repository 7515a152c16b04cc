// The small SQL interface both back-ends implement. SQL is written once, with $1..$n
// placeholders; BIGINT columns come back as JS numbers on both.
import type { StoreKind } from "./types";

/** A parameter value: text, a number (BIGINT times are safe integers), bytes (BYTEA) or NULL. */
export type SqlValue = string | number | Uint8Array | null;

/** A result row: column name to value. */
export type SqlRow = Record<string, unknown>;

/** Runs statements on one connection (or inside one transaction). */
export interface SqlExecutor {
  readonly kind: StoreKind;
  /** Rows of a SELECT (or of a statement with RETURNING). */
  query<T extends SqlRow = SqlRow>(sql: string, params?: readonly SqlValue[]): Promise<T[]>;
  /** Runs an INSERT, UPDATE, DELETE or DDL statement; returns the number of affected rows. */
  execute(sql: string, params?: readonly SqlValue[]): Promise<number>;
}

/** A database: statements, transactions, and closing. */
export interface SqlDriver extends SqlExecutor {
  /**
   * Runs `fn` in one transaction: committed when it resolves, rolled back when it throws (its
   * error is rethrown as is). Use only `tx` inside `fn`, never the driver itself.
   */
  transaction<T>(fn: (tx: SqlExecutor) => Promise<T>): Promise<T>;
  /** Closes the connection(s); later calls fail with StoreUnavailableError. */
  close(): Promise<void>;
}
