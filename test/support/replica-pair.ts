// Two console replicas on one PostgreSQL database of the test cluster (the store suite's): what the
// replica tests start before each file.
import path from "node:path";

import { inject } from "vitest";

import { ensureDatabase } from "../../scripts/pg/databases.ts";
import { type PostgresServer, startPostgres } from "../../scripts/pg/server.ts";
import { getStackPaths } from "../../scripts/stack/paths.ts";
import { type RunningConsole, startConsole } from "./console-server";

export type ReplicaPair = { postgres: PostgresServer; databaseUrl: string; a: RunningConsole; b: RunningConsole };

/**
 * Starts the test PostgreSQL (if it is not running), creates `database`, and starts replicas
 * `replica-a` and `replica-b` on it with the stack's console config (or `config`) and `env`.
 */
export async function startReplicaPair(
  database: string,
  options: { config?: string; env?: Record<string, string> } = {},
): Promise<ReplicaPair> {
  const postgres = await startPostgres({ dir: path.join(getStackPaths().cacheDir, "postgres-test") });
  await ensureDatabase(postgres.urlFor("postgres"), database);
  const databaseUrl = postgres.urlFor(database);
  const env = (name: string) => ({
    SPIRE_CONSOLE_CONFIG: options.config ?? path.join(inject("stackDir"), "console.json"),
    SPIRE_CONSOLE_DATABASE_URL: databaseUrl,
    SPIRE_CONSOLE_REPLICA_ID: name,
    SPIRE_CONSOLE_REPLICAS: "2",
    ...options.env,
  });
  const [a, b] = await Promise.all([startConsole(env("replica-a")), startConsole(env("replica-b"))]);
  return { postgres, databaseUrl, a, b };
}
