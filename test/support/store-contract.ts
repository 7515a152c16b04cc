// One behaviour contract for every back-end of the console's store (lib/store): each back-end's
// test file calls describeStoreContract with a harness that gives fresh databases of its kind.
import { afterEach, describe, expect, it } from "vitest";

import { pruneRecord } from "@/lib/audit/retention";
import { verifyAuditLog } from "@/lib/audit/verify-chain";
import type { SqlDriver } from "@/lib/store/driver";
import { StoreConflictError, StoreSchemaError, StoreUnavailableError } from "@/lib/store/errors";
import { migrations } from "@/lib/store/migrations";
import { createStore } from "@/lib/store/open-store";
import { runMigrations } from "@/lib/store/run-migrations";
import { createSessionRepository } from "@/lib/store/session-repository";
import type { ConsoleStore, NewApiToken, NewAuditRecord, SessionRecord, StoreKind } from "@/lib/store/types";

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

/** Every schema version the code knows, oldest first. */
const allVersions = migrations.map((m) => m.version);
const newest = allVersions[allVersions.length - 1]!;

// Past 2^31 and 2^32, so a driver that narrows or stringifies BIGINT shows it.
const T0 = 1_900_000_000_123;
const MINUTE = 60_000;

function session(overrides: Partial<SessionRecord> = {}): SessionRecord {
  return {
    idHash: "a".repeat(64),
    subject: "user-1",
    issuer: "https://idp.example.com",
    name: "Ada Lovelace",
    email: "ada@example.com",
    groups: ["spire-admins", "everyone"],
    method: "oidc",
    idToken: "eyJhbGciOi.id.token",
    createdAt: T0,
    lastSeenAt: T0,
    expiresAt: T0 + 8 * 60 * MINUTE,
    ...overrides,
  };
}

function token(overrides: Partial<NewApiToken> = {}): NewApiToken {
  return {
    id: "tok-1",
    name: "ci pipeline",
    secretHash: "f".repeat(64),
    bindings: [{ role: "editor", servers: ["foo"] }],
    createdBy: "Ada Lovelace (user-1)",
    createdAt: T0,
    expiresAt: T0 + 30 * 24 * 60 * MINUTE,
    ...overrides,
  };
}

/** An audit record `n` minutes after T0 (actor, server, outcome vary with n). */
export function auditRecord(n: number, overrides: Partial<NewAuditRecord> = {}): NewAuditRecord {
  return {
    id: `01AUDIT${String(n).padStart(19, "0")}`,
    at: T0 + n * MINUTE,
    phase: "event",
    intentId: null,
    batchId: null,
    requestId: `req-${n}`,
    replicaId: "replica-a",
    actor: {
      kind: "user",
      method: "oidc",
      issuer: "https://idp",
      subject: `user-${n % 2}`,
      name: n % 2 ? "Ada" : "Bob",
      groups: ["g"],
      tokenId: null,
    },
    clientAddress: "10.0.0.1",
    server: n % 2 ? "foo" : "bar",
    trustDomain: n % 2 ? "foo.example.com" : "bar.example.com",
    action: n % 3 ? "entry.update" : "agent.ban",
    target: { type: "entry", id: `entry-${n}`, spiffeId: `spiffe://foo.example.com/w/${n}` },
    before: { x509SvidTtl: n },
    after: { x509SvidTtl: n + 1 },
    outcome: n % 4 ? "ok" : "denied",
    error: n % 4 ? null : { code: "permission_denied", message: "no" },
    ...overrides,
  };
}

/** Runs the store contract against one back-end. */
export function describeStoreContract<D extends FreshDatabase>(harness: StoreHarness<D>): void {
  const opened: { close(): Promise<void> }[] = [];
  const track = <T extends { close(): Promise<void> }>(item: T): T => (opened.push(item), item);
  const openDriver = (db: FreshDatabase) => track(db.openDriver());
  const openStore = async (db: FreshDatabase, now?: () => number) => track(await createStore(openDriver(db), { now }));
  const freshStore = async () => openStore(await harness.freshDatabase());
  const versions = async (driver: SqlDriver) =>
    (await driver.query<{ version: number }>("SELECT version FROM schema_migrations ORDER BY version")).map(
      (row) => row.version,
    );

  afterEach(async () => {
    await Promise.all(opened.splice(0).map((item) => item.close().catch(() => undefined)));
  });

  describe(`store contract (${harness.kind})`, () => {
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

    it("stores, reads, touches and deletes a session", async () => {
      const store = await freshStore();
      const record = session();
      await store.sessions.create(record);
      await store.sessions.create(session({ idHash: "b".repeat(64), email: null, idToken: null, method: "proxy" }));
      expect(await store.sessions.get(record.idHash)).toEqual(record);
      expect(await store.sessions.get("b".repeat(64))).toMatchObject({ email: null, idToken: null, method: "proxy" });
      expect(await store.sessions.get("c".repeat(64))).toBeNull();
      await expect(store.sessions.create(record)).rejects.toBeInstanceOf(StoreConflictError);

      expect(await store.sessions.touch(record.idHash, T0 + 5 * MINUTE)).toBe(true);
      expect(await store.sessions.touch(record.idHash, T0 + MINUTE)).toBe(false); // never moves back
      expect((await store.sessions.get(record.idHash))?.lastSeenAt).toBe(T0 + 5 * MINUTE);
      expect(await store.sessions.touch("c".repeat(64), T0)).toBe(false);

      expect(await store.sessions.delete(record.idHash)).toBe(true);
      expect(await store.sessions.delete(record.idHash)).toBe(false);
      expect(await store.sessions.get(record.idHash)).toBeNull();
    });

    it("consumes a login state once, across stores on one database, and purges expired ones", async () => {
      const db = await harness.freshDatabase();
      const [one, two] = [await openStore(db), await openStore(db)];
      const hash = "d".repeat(64);
      expect(await one.loginStates.consume(hash, T0 + 10 * MINUTE, T0)).toBe(true);
      expect(await two.loginStates.consume(hash, T0 + 10 * MINUTE, T0 + MINUTE)).toBe(false);
      expect(await one.loginStates.consume(hash, T0 + 10 * MINUTE, T0 + 2 * MINUTE)).toBe(false);
      // Of two presenting the same new state at once, exactly one wins.
      const raced = await Promise.all([one, two].map((s) => s.loginStates.consume("e".repeat(64), T0 + MINUTE, T0)));
      expect(raced.sort()).toEqual([false, true]);
      const rows = async () =>
        (await openDriver(db).query<{ state_hash: string }>("SELECT state_hash FROM used_login_states")).map(
          (row) => row.state_hash,
        );
      expect((await rows()).sort()).toEqual([hash, "e".repeat(64)]);
      // Once expired, a state's row is purged by the next use of any state (its sealed cookie has expired too).
      expect(await two.loginStates.consume("f".repeat(64), T0 + 20 * MINUTE, T0 + 10 * MINUTE)).toBe(true);
      expect(await rows()).toEqual(["f".repeat(64)]);
    });

    it("saves, replaces, loads and deletes a server's entry index, bytes intact", async () => {
      const store = await freshStore();
      const bytes = Uint8Array.from({ length: 70_000 }, (_, i) => (i * 31) % 256);
      const first = { server: "foo", trustDomain: "foo.test", builtAt: T0, savedAt: T0 + 1, entries: 12, data: bytes };
      expect(await store.indexSnapshots.load("foo")).toBeNull();
      await store.indexSnapshots.save(first);
      const loaded = await store.indexSnapshots.load("foo");
      expect({ ...loaded, data: Buffer.from(loaded!.data) }).toEqual({ ...first, data: Buffer.from(bytes) });
      const second = {
        ...first,
        builtAt: T0 + MINUTE,
        savedAt: T0 + MINUTE + 1,
        entries: 3,
        data: new Uint8Array([0, 255]),
      };
      await store.indexSnapshots.save(second);
      const replaced = await store.indexSnapshots.load("foo");
      expect({ ...replaced, data: Array.from(replaced!.data) }).toEqual({ ...second, data: [0, 255] });
      expect(await store.indexSnapshots.load("bar")).toBeNull();
      expect(await store.indexSnapshots.delete("foo")).toBe(true);
      expect(await store.indexSnapshots.delete("foo")).toBe(false);
      expect(await store.indexSnapshots.load("foo")).toBeNull();
    });

    it("saves entry plans, moves each from one status to the next only once, and lists them newest first", async () => {
      const store = await freshStore();
      const body = { summaryLine: "1 to add, 0 to change, 0 to delete", changes: [{ action: "create" }] };
      await store.plans.save({ id: "p1", server: "foo", createdAt: T0, status: "planned", body });
      await store.plans.save({ id: "p2", server: "foo", createdAt: T0 + MINUTE, status: "planned", body: {} });
      await store.plans.save({ id: "p3", server: "bar", createdAt: T0, status: "planned", body: {} });
      expect(await store.plans.get("foo", "p1")).toEqual({
        id: "p1",
        server: "foo",
        createdAt: T0,
        status: "planned",
        appliedAt: null,
        body,
        result: null,
      });
      expect(await store.plans.get("bar", "p1")).toBeNull();
      expect(await store.plans.transition("p1", "planned", "applying", T0 + 1)).toBe(true);
      expect(await store.plans.transition("p1", "planned", "applying", T0 + 2)).toBe(false);
      expect(await store.plans.transition("p1", "applying", "applied", T0 + 3, { ok: true })).toBe(true);
      expect(await store.plans.get("foo", "p1")).toMatchObject({
        status: "applied",
        appliedAt: T0 + 3,
        result: { ok: true },
      });
      expect((await store.plans.list("foo", [], 10)).map((p) => p.id)).toEqual(["p2", "p1"]);
      expect((await store.plans.list("foo", ["applied"], 10)).map((p) => p.id)).toEqual(["p1"]);
      expect(await store.plans.list("foo", [], 1)).toHaveLength(1);
    });

    it("deletes sessions past their absolute end or idle for too long, and only those", async () => {
      const store = await freshStore();
      const idleMs = 30 * MINUTE;
      const now = T0 + 60 * MINUTE;
      await store.sessions.create(session({ idHash: "1".repeat(64), lastSeenAt: now - MINUTE, expiresAt: now }));
      await store.sessions.create(session({ idHash: "2".repeat(64), lastSeenAt: now - idleMs, expiresAt: now * 2 }));
      await store.sessions.create(
        session({ idHash: "3".repeat(64), lastSeenAt: now - idleMs + 1, expiresAt: now + 1 }),
      );
      expect(await store.sessions.deleteExpired(now, idleMs)).toBe(2);
      expect(await store.sessions.get("3".repeat(64))).not.toBeNull();
      expect(await store.sessions.get("1".repeat(64))).toBeNull();
      expect(await store.sessions.get("2".repeat(64))).toBeNull();
      expect(await store.sessions.deleteExpired(now, idleMs)).toBe(0);
    });

    it("deletes every session of one user, and only theirs", async () => {
      const store = await freshStore();
      const now = T0;
      await store.sessions.create(session({ idHash: "4".repeat(64), subject: "u1", issuer: "https://a" }));
      await store.sessions.create(session({ idHash: "5".repeat(64), subject: "u1", issuer: "https://b" }));
      await store.sessions.create(session({ idHash: "6".repeat(64), subject: "u2", lastSeenAt: now }));
      expect(await store.sessions.deleteForSubject("u1", "https://a")).toBe(1);
      expect(await store.sessions.get("5".repeat(64))).not.toBeNull();
      expect(await store.sessions.deleteForSubject("u1")).toBe(1);
      expect(await store.sessions.get("6".repeat(64))).not.toBeNull();
      expect(await store.sessions.deleteForSubject("nobody")).toBe(0);
    });

    it("creates, lists (newest first, without secret hashes) and finds API tokens", async () => {
      const store = await freshStore();
      await store.tokens.create(token());
      await store.tokens.create(token({ id: "tok-2", secretHash: "e".repeat(64), createdAt: T0 + 1, expiresAt: null }));
      await store.tokens.create(token({ id: "tok-0", secretHash: "d".repeat(64), createdAt: T0 - 1, bindings: [] }));

      const list = await store.tokens.list();
      expect(list.map((t) => t.id)).toEqual(["tok-2", "tok-1", "tok-0"]);
      for (const item of list) expect(Object.keys(item)).not.toContain("secretHash");
      const { secretHash, ...summary } = token();
      expect(list[1]).toEqual({ ...summary, revokedAt: null, lastUsedAt: null });
      expect(await store.tokens.get("tok-1")).toEqual(list[1]);
      expect(Object.keys((await store.tokens.get("tok-1"))!)).not.toContain("secretHash");
      expect(await store.tokens.get("nope")).toBeNull();

      expect(await store.tokens.findBySecretHash(secretHash)).toEqual({
        ...token(),
        revokedAt: null,
        lastUsedAt: null,
      });
      expect(await store.tokens.findBySecretHash("0".repeat(64))).toBeNull();
      await expect(store.tokens.create(token({ id: "tok-3" }))).rejects.toBeInstanceOf(StoreConflictError);
    });

    it("revokes a token once and records its use at most once a minute", async () => {
      const store = await freshStore();
      await store.tokens.create(token());
      expect(await store.tokens.revoke("tok-1", T0 + MINUTE)).toBe(true);
      expect(await store.tokens.revoke("tok-1", T0 + 2 * MINUTE)).toBe(false);
      expect(await store.tokens.revoke("nope", T0)).toBe(false);
      expect((await store.tokens.findBySecretHash(token().secretHash))?.revokedAt).toBe(T0 + MINUTE);

      expect(await store.tokens.touch("tok-1", T0 + 10 * MINUTE)).toBe(true);
      expect(await store.tokens.touch("tok-1", T0 + 10 * MINUTE + 59_999)).toBe(false);
      expect((await store.tokens.get("tok-1"))?.lastUsedAt).toBe(T0 + 10 * MINUTE);
      expect(await store.tokens.touch("tok-1", T0 + 11 * MINUTE)).toBe(true);
      expect((await store.tokens.get("tok-1"))?.lastUsedAt).toBe(T0 + 11 * MINUTE);
      expect(await store.tokens.touch("nope", T0)).toBe(false);
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

    it("chains audit records: sequence, previous hash and a log that verifies", async () => {
      const store = await freshStore();
      const first = await store.audit.append([auditRecord(1), auditRecord(2)]);
      const more = await store.audit.append([auditRecord(3)]);
      expect([...first, ...more].map((r) => r.seq)).toEqual([1, 2, 3]);
      expect(first[0]!.prevHash).toBe("0".repeat(64));
      expect(first[1]!.prevHash).toBe(first[0]!.hash);
      expect(more[0]!.prevHash).toBe(first[1]!.hash);
      expect(await store.audit.head()).toEqual({ seq: 3, hash: more[0]!.hash });
      const [read] = await store.audit.walk(0, 1);
      expect(read).toEqual(first[0]);
      expect(await verifyAuditLog(store.audit)).toEqual({
        ok: true,
        records: 3,
        head: { seq: 3, hash: more[0]!.hash },
      });
    });

    it("keeps one chain when two stores append to the same database at once", async () => {
      const db = await harness.freshDatabase();
      const [a, b] = await Promise.all([openStore(db), openStore(db)]);
      await Promise.all(
        Array.from({ length: 10 }, (_, i) =>
          (i % 2 ? a : b).audit.append([auditRecord(i * 2 + 1), auditRecord(i * 2 + 2)]),
        ),
      );
      const report = await verifyAuditLog(a.audit);
      expect(report).toMatchObject({ ok: true, records: 20 });
    });

    it("filters the log and pages it newest first", async () => {
      const store = await freshStore();
      await store.audit.append(Array.from({ length: 12 }, (_, i) => auditRecord(i + 1)));
      const ids = (records: { seq: number }[]) => records.map((r) => r.seq);
      expect(ids(await store.audit.list({}, { limit: 3 }))).toEqual([12, 11, 10]);
      expect(ids(await store.audit.list({}, { limit: 3, beforeSeq: 10 }))).toEqual([9, 8, 7]);
      expect(ids(await store.audit.list({ actor: "ADA" }, { limit: 50 }))).toEqual([11, 9, 7, 5, 3, 1]);
      expect(ids(await store.audit.list({ server: "bar", outcome: "denied" }, { limit: 50 }))).toEqual([12, 8, 4]);
      expect(ids(await store.audit.list({ action: "agent" }, { limit: 50 }))).toEqual([12, 9, 6, 3]);
      expect(ids(await store.audit.list({ target: "W/1" }, { limit: 50 }))).toEqual([12, 11, 10, 1]);
      expect(ids(await store.audit.list({ targetType: "entry", targetId: "entry-5" }, { limit: 50 }))).toEqual([5]);
      expect(ids(await store.audit.list({ from: T0 + 3 * MINUTE, to: T0 + 5 * MINUTE }, { limit: 50 }))).toEqual([
        5, 4, 3,
      ]);
    });

    it("prunes old records, moves the anchor, and the rest still verifies", async () => {
      const store = await freshStore();
      const stored = await store.audit.append(Array.from({ length: 6 }, (_, i) => auditRecord(i + 1)));
      const prune = (cutoff: number) => store.audit.pruneOlderThan(cutoff, (p) => pruneRecord(p, cutoff, 30, T0));
      const first = await prune(T0 + 4 * MINUTE);
      expect(first).toMatchObject({ deleted: 3, anchor: { seq: 3, hash: stored[2]!.hash }, record: { seq: 7 } });
      expect(first.record.after).toMatchObject({ deleted: 3, anchor: { seq: 3, hash: stored[2]!.hash } });
      expect(await store.audit.anchor()).toEqual({ seq: 3, hash: stored[2]!.hash });
      expect(await verifyAuditLog(store.audit)).toMatchObject({ ok: true, records: 4 });
      expect(await prune(T0)).toMatchObject({ deleted: 0, anchor: { seq: 3 }, record: { seq: 8 } });
      expect(await verifyAuditLog(store.audit)).toMatchObject({ ok: true, records: 5 });
    });

    it("lets one claim of the daily retention run win per period", async () => {
      const db = await harness.freshDatabase();
      const [a, b] = await Promise.all([openStore(db), openStore(db)]);
      const claims = await Promise.all([a.audit.claimPrune(T0, 86_400_000), b.audit.claimPrune(T0, 86_400_000)]);
      expect(claims.filter(Boolean)).toHaveLength(1);
      expect(await a.audit.claimPrune(T0 + 3_600_000, 86_400_000)).toBe(false);
      expect(await b.audit.claimPrune(T0 + 86_400_000, 86_400_000)).toBe(true);
      expect(await a.audit.lastPruneAt()).toBe(T0 + 86_400_000);
    });

    it("names the first record changed, removed or swapped behind its back", async () => {
      const db = await harness.freshDatabase();
      const store = await openStore(db);
      const tamper = openDriver(db);
      const stored = await store.audit.append(Array.from({ length: 8 }, (_, i) => auditRecord(i + 1)));
      const problem = async () => {
        const report = await verifyAuditLog(store.audit);
        return report.ok ? null : report.problem;
      };
      expect(await problem()).toBeNull();

      await tamper.execute("UPDATE audit_log SET after_json = $1 WHERE seq = 3", ['{"x509SvidTtl":99999}']);
      expect(await problem()).toMatchObject({ seq: 3, id: stored[2]!.id, kind: "changed" });
      await tamper.execute("UPDATE audit_log SET after_json = $1 WHERE seq = 3", [JSON.stringify(stored[2]!.after)]);
      expect(await problem()).toBeNull();

      await tamper.execute("DELETE FROM audit_log WHERE seq = 5");
      expect(await problem()).toMatchObject({ seq: 5, kind: "removed" });
    });

    it("names a pair of records swapped in place, and records removed from the end", async () => {
      const db = await harness.freshDatabase();
      const store = await openStore(db);
      const tamper = openDriver(db);
      const stored = await store.audit.append(Array.from({ length: 5 }, (_, i) => auditRecord(i + 1)));
      await tamper.execute("UPDATE audit_log SET seq = -2 WHERE seq = 2");
      await tamper.execute("UPDATE audit_log SET seq = 2 WHERE seq = 3");
      await tamper.execute("UPDATE audit_log SET seq = 3 WHERE seq = -2");
      const swapped = await verifyAuditLog(store.audit);
      expect(swapped.ok ? null : swapped.problem).toMatchObject({ seq: 2, id: stored[2]!.id, kind: "changed" });

      const other = await harness.freshDatabase();
      const tail = await openStore(other);
      await tail.audit.append(Array.from({ length: 3 }, (_, i) => auditRecord(i + 1)));
      await openDriver(other).execute("DELETE FROM audit_log WHERE seq = 3");
      const report = await verifyAuditLog(tail.audit);
      expect(report.ok ? null : report.problem).toMatchObject({ seq: 3, kind: "removed" });
      expect(report.ok ? "" : report.problem.message).toMatch(/removed from the end/);
    });
  });
}
