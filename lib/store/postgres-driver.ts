import "server-only";

import { Pool, type PoolClient, types } from "pg";

import type { SqlDriver, SqlExecutor, SqlValue } from "./driver";
import { describeCause, StoreConflictError, type StoreError, StoreUnavailableError } from "./errors";
import { describePostgresUrl, passwordScrubber } from "./postgres-url";

export type PostgresDriverOptions = {
  /** Connections in the pool (default 10). */
  maxConnections?: number;
  /** How long getting a connection may take, queueing for the pool included (default 5 s). */
  connectTimeoutMs?: number;
  /** Server-side limit of one statement (default 10 s); the client gives up 5 s later. */
  statementTimeoutMs?: number;
};

const INT8_OID = 20;

/** BIGINT (int8) as a JS number: the store keeps epoch milliseconds and counts, all safe integers. */
const getTypeParser = ((oid: number, format?: "text" | "binary") =>
  oid === INT8_OID && format !== "binary" ? Number : types.getTypeParser(oid, format)) as typeof types.getTypeParser;

/**
 * Opens a `pg` connection pool on a postgres:// URL. Nothing connects until the first statement.
 * Timeouts make a dead or unreachable database fail within seconds; every failure is a
 * StoreError whose message names the database without its password.
 */
export function openPostgresDriver(url: string, options: PostgresDriverOptions = {}): SqlDriver {
  const where = describePostgresUrl(url);
  const scrub = passwordScrubber(url);
  const statementTimeout = options.statementTimeoutMs ?? 10_000;
  const fail = (error: unknown): StoreError => {
    const message = `${where}: ${scrub(describeCause(error))}`;
    const code = (error as { code?: unknown }).code;
    // SQLSTATE class 23: integrity constraint violation (unique, foreign key, check, not null).
    if (typeof code === "string" && code.startsWith("23")) return new StoreConflictError("postgres", message);
    return new StoreUnavailableError("postgres", message);
  };
  const pool = new Pool({
    connectionString: url,
    max: options.maxConnections ?? 10,
    connectionTimeoutMillis: options.connectTimeoutMs ?? 5_000,
    idleTimeoutMillis: 30_000,
    statement_timeout: statementTimeout,
    query_timeout: statementTimeout + 5_000,
    idle_in_transaction_session_timeout: 60_000,
    keepAlive: true,
    application_name: "spire-console",
    types: { getTypeParser },
  });
  // An idle connection that the server drops must not crash the process; the next query reconnects.
  pool.on("error", (error) => console.warn(`[store] PostgreSQL connection lost (${where}): ${scrub(error.message)}`));

  const executor = (client: Pool | PoolClient): SqlExecutor => ({
    kind: "postgres",
    async query<T>(sql: string, params: readonly SqlValue[] = []) {
      try {
        return (await client.query(sql, [...params])).rows as T[];
      } catch (error) {
        throw fail(error);
      }
    },
    async execute(sql: string, params: readonly SqlValue[] = []) {
      try {
        return (await client.query(sql, [...params])).rowCount ?? 0;
      } catch (error) {
        throw fail(error);
      }
    },
  });
  let ended = false;
  return {
    ...executor(pool),
    async transaction<T>(fn: (tx: SqlExecutor) => Promise<T>): Promise<T> {
      let client: PoolClient;
      try {
        client = await pool.connect();
      } catch (error) {
        throw fail(error);
      }
      const tx = executor(client);
      let broken: Error | undefined;
      try {
        await tx.execute("BEGIN");
        const result = await fn(tx);
        await tx.execute("COMMIT");
        return result;
      } catch (error) {
        await client.query("ROLLBACK").catch((rollbackError: Error) => (broken = rollbackError));
        throw error;
      } finally {
        // A connection whose rollback failed is destroyed instead of going back to the pool.
        client.release(broken);
      }
    },
    async close() {
      if (ended) return;
      ended = true;
      await pool.end();
    },
  };
}
