// The sign-in part of the store contract: sessions, one-time login states and API tokens.
import { expect, it } from "vitest";

import { StoreConflictError } from "@/lib/store/errors";

import type { StoreContract } from "./store-contract-context";
import { MINUTE, session, T0, token } from "./store-contract-records";

/** Adds the session, login-state and API-token cases to the running `describe`. */
export function sessionStoreCases(contract: StoreContract): void {
  const { harness, openDriver, openStore, freshStore } = contract;

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

  it("deletes sessions past their absolute end or idle for too long, and only those", async () => {
    const store = await freshStore();
    const idleMs = 30 * MINUTE;
    const now = T0 + 60 * MINUTE;
    await store.sessions.create(session({ idHash: "1".repeat(64), lastSeenAt: now - MINUTE, expiresAt: now }));
    await store.sessions.create(session({ idHash: "2".repeat(64), lastSeenAt: now - idleMs, expiresAt: now * 2 }));
    await store.sessions.create(session({ idHash: "3".repeat(64), lastSeenAt: now - idleMs + 1, expiresAt: now + 1 }));
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

    expect(await store.tokens.findBySecretHash(secretHash)).toEqual({ ...token(), revokedAt: null, lastUsedAt: null });
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
}
