// What every part of the store contract gets: the back-end's harness and stores that close after each test.
import { afterEach } from "vitest";

import type { SqlDriver } from "@/lib/store/driver";
import { createStore } from "@/lib/store/open-store";
import type { ConsoleStore, StoreKind } from "@/lib/store/types";

/** A new, empty database for one test. */
export type FreshDatabase = {
  /** Opens a new connection (SQLite) or pool (PostgreSQL) on this database. */
  openDriver(): SqlDriver;
};

export type StoreHarness<D extends FreshDatabase = FreshDatabase> = {
  kind: StoreKind;
  freshDatabase(): Promise<D>;
  /**
   * Makes the database of `store` unwritable and returns a store on it (the same one, or one
   * reopened) plus how to undo the damage for the tests that follow.
   */
  breakWrites(store: ConsoleStore, database: D): Promise<{ store: ConsoleStore; restore(): Promise<void> }>;
  /** Texts no error message may contain (the database password). */
  secrets: readonly string[];
};

/** Opens drivers and stores on the harness's databases; every one is closed after each test. */
export type StoreContract<D extends FreshDatabase = FreshDatabase> = {
  harness: StoreHarness<D>;
  openDriver(db: FreshDatabase): SqlDriver;
  openStore(db: FreshDatabase, now?: () => number): Promise<ConsoleStore>;
  /** A store on a new, empty database. */
  freshStore(): Promise<ConsoleStore>;
  /** Closes `item` after the test too (a store the harness reopened). */
  track<T extends { close(): Promise<void> }>(item: T): T;
};

/** The contract's openers for `harness`; call inside a describe: it registers the afterEach that closes them. */
export function storeContract<D extends FreshDatabase>(harness: StoreHarness<D>): StoreContract<D> {
  const opened: { close(): Promise<void> }[] = [];
  const track = <T extends { close(): Promise<void> }>(item: T): T => (opened.push(item), item);
  const openDriver = (db: FreshDatabase) => track(db.openDriver());
  const openStore = async (db: FreshDatabase, now?: () => number) => track(await createStore(openDriver(db), { now }));
  const freshStore = async () => openStore(await harness.freshDatabase());

  afterEach(async () => {
    await Promise.all(opened.splice(0).map((item) => item.close().catch(() => undefined)));
  });
  return { harness, openDriver, openStore, freshStore, track };
}
