// One behaviour contract for every back-end of the console's store (lib/store): each back-end's
// test file calls describeStoreContract with a harness that gives fresh databases of its kind.
// This file holds the store's own mechanics (migrations, transactions, numbers, writability); each
// store area's cases are in a store-contract-<area>.ts beside it.
import { describe, expect, it } from "vitest";

import type { SqlDriver } from "@/lib/store/driver";
import { StoreSchemaError, StoreUnavailableError } from "@/lib/store/errors";
import { migrations } from "@/lib/store/migrations";
import { createStore } from "@/lib/store/open-store";
import { runMigrations } from "@/lib/store/run-migrations";
import { createSessionRepository } from "@/lib/store/session-repository";
import type { ConsoleStore } from "@/lib/store/types";

import { alertStoreCases } from "./store-contract-alerts";
import { auditStoreCases } from "./store-contract-audit";
import { type FreshDatabase, storeContract, type StoreHarness } from "./store-contract-context";
import { entryStoreCases } from "./store-contract-entries";
import { session, T0 } from "./store-contract-records";
import { sessionStoreCases } from "./store-contract-sessions";
import { suppressionStoreCases } from "./store-contract-suppressions";

export type { FreshDatabase, StoreHarness } from "./store-contract-context";

/** Every schema version the code knows, oldest first. */
const allVersions = migrations.map((m) => m.version);
const newest = allVersions[allVersions.length - 1]!;

/** Runs the store contract against one back-end. */
export function describeStoreContract<D extends FreshDatabase>(harness: StoreHarness<D>): void {
  describe(`store contract (${harness.kind})`, () => {
    const contract = storeContract(harness);
    const { openDriver, openStore, freshStore, track } = contract;
    const versions = async (driver: SqlDriver) =>
      (await driver.query<{ version: number }>("SELECT version FROM schema_migrations ORDER BY version")).map(
        (row) => row.version,
      );

    it("migrates a new database once; opening it again applies nothing", async () => {
      const db = await harness.freshDatabase();
      expect(await runMigrations(openDriver(db))).toEqual(allVersions);
      expect(await runMigrations(openDriver(db))).toEqual([]);
      const store = await openStore(db);
      expect(store.kind).toBe(harness.kind);
      expect(await versions(openDriver(db))).toEqual(allVersions);
    });

    it("migrates once when several stores open the same new database at the same time", async () => {
      const db = await harness.freshDatabase();
      const drivers = [openDriver(db), openDriver(db), openDriver(db), openDriver(db)];
      const applied = await Promise.all(drivers.map((driver) => runMigrations(driver)));
      expect(applied.flat().sort((a, b) => a - b)).toEqual(allVersions);
      const stores = await Promise.all([openStore(db), openStore(db)]);
      await Promise.all(stores.map((store) => store.checkWritable()));
      expect(await versions(drivers[0]!)).toEqual(allVersions);
    });

    it("refuses a database whose schema is newer than the code", async () => {
      const db = await harness.freshDatabase();
      const future = [...migrations, { version: 99, name: "from the future", up: ["CREATE TABLE future (id TEXT)"] }];
      await track(await createStore(openDriver(db), { migrations: future })).close();
      const refused = createStore(openDriver(db));
      await expect(refused).rejects.toBeInstanceOf(StoreSchemaError);
      await expect(refused).rejects.toThrow(
        new RegExp(`schema is at version 99, newer than this console knows \\(${newest}\\)`),
      );
    });

    it("commits a transaction that resolves and rolls back one that throws", async () => {
      const db = await harness.freshDatabase();
      const driver = openDriver(db);
      await runMigrations(driver);
      const sessions = createSessionRepository(driver);
      await driver.transaction((tx) => createSessionRepository(tx).create(session({ idHash: "1".repeat(64) })));
      const failure = new Error("changed my mind");
      const rolledBack = driver.transaction(async (tx) => {
        await createSessionRepository(tx).create(session({ idHash: "2".repeat(64) }));
        await createSessionRepository(tx).delete("1".repeat(64));
        expect(await createSessionRepository(tx).get("2".repeat(64))).not.toBeNull();
        throw failure;
      });
      await expect(rolledBack).rejects.toBe(failure);
      expect(await sessions.get("1".repeat(64))).not.toBeNull();
      expect(await sessions.get("2".repeat(64))).toBeNull();
    });

    it("returns BIGINT times and counts as exact JS numbers", async () => {
      const db = await harness.freshDatabase();
      const store = await openStore(db);
      await store.sessions.create(session({ expiresAt: Number.MAX_SAFE_INTEGER }));
      const read = await store.sessions.get(session().idHash);
      expect(read?.createdAt).toBe(T0);
      expect(read?.expiresAt).toBe(Number.MAX_SAFE_INTEGER);
      const [row] = await openDriver(db).query("SELECT COUNT(*) AS n, MAX(created_at) AS t FROM sessions");
      expect(row).toEqual({ n: 1, t: T0 });
    });

    it("proves a healthy store writable by writing its heartbeat", async () => {
      const db = await harness.freshDatabase();
      const store = await openStore(db, () => T0 + 42);
      await expect(store.checkWritable()).resolves.toBeUndefined();
      await store.checkWritable();
      const rows = await openDriver(db).query("SELECT id, written_at FROM store_heartbeat");
      expect(rows).toEqual([{ id: "console", written_at: T0 + 42 }]);
    });

    it("fails checkWritable fast with StoreUnavailableError when the database cannot be written", async () => {
      const db = await harness.freshDatabase();
      const healthy = await openStore(db);
      await healthy.sessions.create(session());
      const broken = await harness.breakWrites(healthy, db);
      track(broken.store);
      try {
        const started = performance.now();
        const error = await broken.store.checkWritable().then(
          () => null,
          (e: unknown) => e,
        );
        expect(performance.now() - started).toBeLessThan(6_000);
        expect(error).toBeInstanceOf(StoreUnavailableError);
        const message = (error as Error).message;
        expect(message).toMatch(harness.kind === "sqlite" ? /^SQLite store: / : /^PostgreSQL store: /);
        for (const secret of harness.secrets) expect(message).not.toContain(secret);
      } finally {
        await broken.restore();
      }
    });

    it("fails with StoreUnavailableError after it is closed", async () => {
      const store = await freshStore();
      await store.close();
      await store.close(); // closing twice is harmless
      await expect(store.sessions.get("a".repeat(64))).rejects.toBeInstanceOf(StoreUnavailableError);
      await expect(store.checkWritable()).rejects.toBeInstanceOf(StoreUnavailableError);
    });

    sessionStoreCases(contract);
    entryStoreCases(contract);
    auditStoreCases(contract);
    const sameDatabase = async (): Promise<[ConsoleStore, ConsoleStore]> => {
      const db = await harness.freshDatabase();
      return [await openStore(db), await openStore(db)];
    };
    alertStoreCases(sameDatabase);
    suppressionStoreCases(sameDatabase);
  });
}
