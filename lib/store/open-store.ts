import "server-only";

import path from "node:path";

import type { IdentitySuppression } from "@/lib/no-identity/suppression";

import { createAlertRepository } from "./alert-repository";
import { createAuditRepository } from "./audit-repository";
import { checkWritable } from "./check-writable";
import type { SqlDriver } from "./driver";
import { createIndexSnapshotRepository } from "./index-snapshot-repository";
import { jsonTable } from "./json-table";
import { createLoginStateRepository } from "./login-state-repository";
import type { Migration } from "./migrations";
import { localNotifications, type StoreNotifications } from "./notifications";
import { createPlanRepository } from "./plan-repository";
import { isPostgresUrl } from "./postgres-url";
import { runMigrations } from "./run-migrations";
import { createSessionRepository } from "./session-repository";
import { createTokenRepository } from "./token-repository";
import type { ConsoleStore, OpenStoreOptions } from "./types";

export type { ConsoleStore, OpenStoreOptions } from "./types";

/** The SQLite file's name inside the console's data dir. */
export const SQLITE_FILE_NAME = "console.sqlite";

/**
 * Migrates the database behind `driver` and returns the store on top of it. The driver is closed
 * when migrating fails. `migrations` replaces the schema history (tests only); `notifications`
 * default to in-process ones.
 */
export async function createStore(
  driver: SqlDriver,
  options: { now?: () => number; migrations?: readonly Migration[]; notifications?: StoreNotifications } = {},
): Promise<ConsoleStore> {
  const now = options.now ?? Date.now;
  const notifications = options.notifications ?? localNotifications();
  try {
    await runMigrations(driver, options.migrations, now);
  } catch (error) {
    await driver.close().catch(() => undefined);
    throw error;
  }
  return {
    kind: driver.kind,
    sessions: createSessionRepository(driver),
    loginStates: createLoginStateRepository(driver),
    tokens: createTokenRepository(driver),
    audit: createAuditRepository(driver),
    indexSnapshots: createIndexSnapshotRepository(driver),
    plans: createPlanRepository(driver),
    alerts: createAlertRepository(driver),
    identitySuppressions: jsonTable<IdentitySuppression>(driver, "identity_suppressions"),
    notifications,
    checkWritable: () => checkWritable(driver, now),
    close: async () => {
      await notifications.close();
      await driver.close();
    },
  };
}

/**
 * Opens the console's store and runs its migrations: PostgreSQL when `databaseUrl` is set
 * (postgres:// or postgresql://), else SQLite at `<dataDir>/console.sqlite` (created 0600 in a
 * 0700 directory when missing). Throws StoreError subclasses: StoreUnavailableError when the
 * database cannot be reached or written, StoreSchemaError when its schema is newer than this code.
 */
export async function openStore(options: OpenStoreOptions): Promise<ConsoleStore> {
  const { databaseUrl, dataDir } = options;
  if (databaseUrl) {
    if (!isPostgresUrl(databaseUrl)) throw new Error("the database URL must start with postgres:// or postgresql://");
    const { openPostgresDriver } = await import("./postgres-driver");
    const { postgresNotifications } = await import("./postgres-notifications");
    const driver = openPostgresDriver(databaseUrl);
    return createStore(driver, { now: options.now, notifications: postgresNotifications(databaseUrl, driver) });
  }
  // Loaded only when used: node:sqlite prints an ExperimentalWarning when it is first imported.
  const { openSqliteDriver } = await import("./sqlite-driver");
  return createStore(openSqliteDriver(path.join(dataDir, SQLITE_FILE_NAME)), { now: options.now });
}
