// The console's store on a real PostgreSQL server (scripts/pg), started for this file in the
// cache dir and stopped afterwards. Each test gets its own database.
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { StoreUnavailableError } from "@/lib/store/errors";
import { openStore, SQLITE_FILE_NAME } from "@/lib/store/open-store";
import { openPostgresDriver } from "@/lib/store/postgres-driver";

import { dropDatabase, ensureDatabase, listDatabases } from "../../scripts/pg/databases.ts";
import { type PostgresServer, startPostgres } from "../../scripts/pg/server.ts";
import { getStackPaths } from "../../scripts/stack/paths.ts";
import { findFreePort } from "../../scripts/stack/ports.ts";
import { describeStoreContract } from "../support/store-contract";

const clusterDir = path.join(getStackPaths().cacheDir, "postgres-test");
const prefix = "store_test_";
const dataDir = mkdtempSync(path.join(tmpdir(), "spc-store-pg-"));
let server: PostgresServer;
let databases = 0;

const adminUrl = () => server.urlFor("postgres");
const password = () => new URL(server.url).password;

async function dropTestDatabases(): Promise<void> {
  for (const name of await listDatabases(adminUrl(), prefix)) await dropDatabase(adminUrl(), name);
}

async function freshDatabase() {
  const name = `${prefix}${++databases}`;
  await ensureDatabase(adminUrl(), name);
  const url = server.urlFor(name);
  return { name, url, openDriver: () => openPostgresDriver(url) };
}

beforeAll(async () => {
  server = await startPostgres({ dir: clusterDir });
  await dropTestDatabases(); // left by an interrupted run
}, 120_000);

afterAll(async () => {
  rmSync(dataDir, { recursive: true, force: true });
  if (!server) return;
  await dropTestDatabases();
  await server.stop();
}, 120_000);

describeStoreContract({
  kind: "postgres",
  freshDatabase,
  async breakWrites(store) {
    await server.stop();
    return { store, restore: async () => void (server = await startPostgres({ dir: clusterDir })) };
  },
  get secrets() {
    return [password()];
  },
});

describe("openStore with PostgreSQL", () => {
  it("uses PostgreSQL for postgres:// and postgresql:// URLs and creates no SQLite file", async () => {
    const { url } = await freshDatabase();
    for (const databaseUrl of [url, url.replace(/^postgresql:/, "postgres:")]) {
      const store = await openStore({ databaseUrl, dataDir });
      try {
        expect(store.kind).toBe("postgres");
        await store.checkWritable();
      } finally {
        await store.close();
      }
    }
    expect(existsSync(path.join(dataDir, SQLITE_FILE_NAME))).toBe(false);
  });

  it("opens a read-only database but fails checkWritable on it", async () => {
    const { name, url } = await freshDatabase();
    await (await openStore({ databaseUrl: url, dataDir })).close(); // migrated while writable
    const admin = openPostgresDriver(adminUrl());
    await admin.execute(`ALTER DATABASE ${name} SET default_transaction_read_only = on`);
    await admin.close();

    const store = await openStore({ databaseUrl: url, dataDir });
    try {
      expect(await store.sessions.get("a".repeat(64))).toBeNull();
      await expect(store.checkWritable()).rejects.toThrow(StoreUnavailableError);
      await expect(store.checkWritable()).rejects.toThrow(/read-only transaction/);
    } finally {
      await store.close();
    }
  });

  it("fails fast, without the password, when nothing listens at the URL", async () => {
    const url = `postgresql://console:pw-${password()}@127.0.0.1:${await findFreePort()}/console`;
    const started = performance.now();
    const error = await openStore({ databaseUrl: url, dataDir }).catch((e: unknown) => e);
    expect(performance.now() - started).toBeLessThan(6_000);
    expect(error).toBeInstanceOf(StoreUnavailableError);
    expect((error as Error).message).toMatch(/^PostgreSQL store: postgresql:\/\/console@127\.0\.0\.1:\d+\/console: /);
    expect((error as Error).message).toMatch(/ECONNREFUSED/);
    expect((error as Error).message).not.toContain(password());
  });

  it("names the failed sign-in without the password when the password is wrong", async () => {
    const wrong = `not-${password()}`;
    const url = server.url.replace(encodeURIComponent(password()), encodeURIComponent(wrong));
    const error = await openStore({ databaseUrl: url, dataDir }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StoreUnavailableError);
    expect((error as Error).message).toMatch(/password authentication failed for user "postgres"/);
    expect((error as Error).message).not.toContain(wrong);
    expect((error as Error).message).not.toContain(password());
  });
});
