import { describe, expect, it } from "vitest";

import type { Entry } from "@/lib/spire/types";

import { entryWith } from "../../test/support/entry-fixture";
import { declareEntry, entryKey } from "./declared-entry";
import { massDeleteGuard } from "./mass-delete-guard";
import { type LiveView, planEntryChanges } from "./plan-entry-changes";
import type { DeclaredEntry } from "./types";

const td = "spiffe://example.org";
const agent = `${td}/spire/agent/x509pop/host`;

function live(id: string, path: string, overrides: Partial<Entry> = {}): Entry {
  const selectors = [{ type: "unix", value: `uid:${id.length}` }];
  return entryWith({ id, spiffeId: `${td}${path}`, parentId: agent, selectors, revisionNumber: 3, ...overrides });
}

function view(entries: Entry[], inScope = entries): LiveView {
  const byId = new Map(entries.map((e) => [e.id, e]));
  const byKey = new Map(entries.map((e) => [entryKey(e), e]));
  return {
    byId: (id) => byId.get(id) ?? null,
    byKey: (key) => byKey.get(key) ?? null,
    inScope,
    childrenOf: (spiffeId) => entries.filter((e) => e.parentId === spiffeId).map((e) => e.id),
    federatedTrustDomains: new Set(["partner.test"]),
    activeCa: { notBefore: "2030-01-01T00:00:00Z", notAfter: "2030-01-02T00:00:00Z" },
    now: Date.parse("2030-01-01T01:00:00Z"),
  };
}

describe("planEntryChanges", () => {
  const a = live("a1", "/a");
  const b = live("b22", "/b");
  const c = live("c333", "/c");

  it("plans nothing for the file of what is live, matched by ID or by SPIFFE ID, parent and selectors", () => {
    const withoutIds = [a, b].map((e) => ({ ...declareEntry(e), id: undefined }));
    const plan = planEntryChanges({ entries: [declareEntry(c), ...withoutIds], prune: true }, view([a, b, c]));
    expect(plan.changes).toEqual([]);
    expect(plan.summary).toEqual({ create: 0, update: 0, delete: 0, unchanged: 3, unmanaged: 0 });
    expect(plan.summaryLine).toBe("0 to add, 0 to change, 0 to delete");
  });

  it("creates, updates field by field, and reports unmanaged entries without prune", () => {
    const changed: DeclaredEntry = { ...declareEntry(a), dnsNames: ["a.svc"], admin: true };
    const created: DeclaredEntry = {
      id: "new",
      spiffeId: `${td}/n`,
      parentId: agent,
      selectors: [{ type: "k8s", value: "ns:n" }],
    };
    const plan = planEntryChanges({ entries: [changed, created], prune: false }, view([a, b]));
    expect(plan.changes.map((ch) => [ch.action, ch.entryId])).toEqual([
      ["update", "a1"],
      ["create", "new"],
    ]);
    expect(plan.changes[0]!.fields).toEqual([
      { field: "dnsNames", before: [], after: ["a.svc"] },
      { field: "admin", before: false, after: true },
    ]);
    expect(plan.pinned).toEqual({ a1: 3 });
    expect(plan.unmanaged).toEqual([{ id: "b22", spiffeId: `${td}/b` }]);
    expect(plan.risks.map((r) => r.kind)).toEqual(["admin-set"]);
    expect(plan.summaryLine).toBe("1 to add, 1 to change, 0 to delete; 1 unmanaged in scope");
  });

  it("deletes only in-scope entries with prune, flags orphaned children, and trips the guard", () => {
    const child = live("kid", "/kid", { parentId: b.spiffeId });
    const plan = planEntryChanges({ entries: [declareEntry(a)], prune: true }, view([a, b, child, c], [a, b]));
    expect(plan.changes.map((ch) => [ch.action, ch.entryId])).toEqual([["delete", "b22"]]);
    expect(plan.risks).toMatchObject([{ kind: "orphans-children", entryId: "b22" }]);
    expect(plan.guard).toMatchObject({ deletes: 1, scopeSize: 2, tripped: true });
  });

  it("never touches entries spire-controller-manager owns", () => {
    const owned = live("team.0f0e0d0c-0b0a-4909-8807-060504030201", "/owned");
    const plan = planEntryChanges(
      { entries: [{ ...declareEntry(owned), hint: "mine" }], prune: true },
      view([owned, live("x9", "/x")], [owned]),
    );
    expect(plan.changes).toEqual([]);
    expect(plan.risks.map((r) => r.kind)).toEqual(["controller-owned"]);
  });

  it("flags federation without a bundle and a TTL the CA cannot honour", () => {
    const entry: DeclaredEntry = {
      ...declareEntry(a),
      federatesWith: ["unknown.test", "partner.test"],
      x509SvidTtl: 86_400,
    };
    const plan = planEntryChanges({ entries: [entry], prune: false }, view([a]));
    expect(plan.risks.map((r) => r.kind).sort()).toEqual(["federates-without-bundle", "ttl-above-ca"]);
  });
});

describe("massDeleteGuard", () => {
  it("trips above 10% of the scope or above the count, not at them", () => {
    expect(massDeleteGuard(10, 100).tripped).toBe(false);
    expect(massDeleteGuard(11, 100).tripped).toBe(true);
    expect(massDeleteGuard(101, 10_000)).toMatchObject({
      tripped: true,
      message: expect.stringContaining("more than 100"),
    });
    expect(massDeleteGuard(0, 0).tripped).toBe(false);
  });

  it("takes the configured limits", () => {
    expect(massDeleteGuard(101, 10_000, { maxCount: 500 }).tripped).toBe(false);
    expect(massDeleteGuard(6, 10, { maxCount: 5, maxPercent: 100 })).toMatchObject({
      tripped: true,
      maxCount: 5,
      message: expect.stringContaining("more than 5 entries"),
    });
    expect(massDeleteGuard(30, 100, { maxPercent: 25 })).toMatchObject({
      tripped: true,
      maxPercent: 25,
      message: expect.stringContaining("(more than 25%)"),
    });
    expect(massDeleteGuard(25, 100, { maxPercent: 25 }).tripped).toBe(false);
  });

  it("is what the plan's guard uses", () => {
    const [a, b, c] = [live("a1", "/a"), live("b22", "/b"), live("c333", "/c")];
    const input = { entries: [declareEntry(a)], prune: true };
    expect(planEntryChanges(input, view([a, b, c])).guard.tripped).toBe(true);
    const relaxed = planEntryChanges({ ...input, limits: { maxCount: 2, maxPercent: 100 } }, view([a, b, c]));
    expect(relaxed.guard).toMatchObject({ deletes: 2, tripped: false, maxCount: 2, maxPercent: 100 });
  });
});
