// The audit part of the store contract: one hash chain across replicas, filters, retention and tamper evidence.
import { expect, it } from "vitest";

import { pruneRecord } from "@/lib/audit/retention";
import { verifyAuditLog } from "@/lib/audit/verify-chain";

import type { StoreContract } from "./store-contract-context";
import { auditRecord, MINUTE, T0 } from "./store-contract-records";

/** Adds the audit log cases to the running `describe`. */
export function auditStoreCases(contract: StoreContract): void {
  const { harness, openDriver, openStore, freshStore } = contract;

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
    expect(await verifyAuditLog(store.audit)).toEqual({ ok: true, records: 3, head: { seq: 3, hash: more[0]!.hash } });
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
}
