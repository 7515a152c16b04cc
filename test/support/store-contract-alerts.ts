// The alert engine's part of the store contract (rules, sinks, silences as JSON bodies; alert states changed
// only from the state a replica read; the delivery log), run on SQLite and PostgreSQL by store-contract.ts.
import { expect, it } from "vitest";

import type { AlertRule, AlertState, DeliveryAttempt } from "@/lib/alerts/types";
import type { ConsoleStore } from "@/lib/store/types";

const T0 = 1_900_000_000_000;

const rule: AlertRule = {
  id: "r1",
  name: "CA expiry",
  kind: "authority-expiry",
  severity: "critical",
  enabled: true,
  servers: ["foo"],
  params: { thresholdsDays: [30, 7, 1] },
  repeatMinutes: 60,
  createdAt: T0,
  updatedAt: T0,
};

const state: AlertState = {
  fingerprint: "0123456789abcdef",
  ruleId: "r1",
  labels: { alertname: "CA expiry", server: "foo" },
  summary: "expires",
  severity: "critical",
  status: "firing",
  startedAt: T0,
  lastSentAt: T0,
  resolvedAt: null,
  silencedBy: null,
};

const attempt = (n: number): DeliveryAttempt => ({
  id: `a${n}`,
  deliveryId: "d1",
  sinkId: "s1",
  sinkName: "hook",
  kind: "firing",
  groupKey: "r1/firing",
  alerts: 1,
  attempt: n,
  at: T0 + n,
  status: n < 3 ? "retrying" : "failed",
  httpStatus: null,
  error: "connect ECONNREFUSED",
  durationMs: 1,
  nextAttemptAt: null,
});

/** Adds the alert store's cases to the running `describe`; `sameDatabase` opens two stores on one new database. */
export function alertStoreCases(sameDatabase: () => Promise<[ConsoleStore, ConsoleStore]>): void {
  it("keeps alert rules as written, replaces them by ID and deletes them once", async () => {
    const [store] = await sameDatabase();
    await store.alerts.rules.put(rule, T0);
    await store.alerts.rules.put({ ...rule, id: "r2", name: "other" }, T0);
    await store.alerts.rules.put({ ...rule, severity: "warning" }, T0 + 1);
    expect(await store.alerts.rules.get("r1")).toEqual({ ...rule, severity: "warning" });
    expect((await store.alerts.rules.list()).map((r) => r.id)).toEqual(["r1", "r2"]);
    expect(await store.alerts.rules.delete("r1")).toBe(true);
    expect(await store.alerts.rules.delete("r1")).toBe(false);
    expect(await store.alerts.rules.get("r1")).toBeNull();
  });

  it("changes an alert state only from the state read: of two replicas, one wins each change", async () => {
    const [one, two] = await sameDatabase();
    const raced = await Promise.all([one, two].map((s) => s.alerts.putState(state, null, T0)));
    expect(raced.sort()).toEqual([false, true]);
    const repeat = { ...state, lastSentAt: T0 + 60_000 };
    const again = await Promise.all([one, two].map((s) => s.alerts.putState(repeat, state, T0 + 60_000)));
    expect(again.sort()).toEqual([false, true]);
    const resolved = { ...repeat, status: "resolved" as const, resolvedAt: T0 + 120_000 };
    expect(await one.alerts.putState(resolved, state, T0 + 120_000)).toBe(false);
    expect(await one.alerts.putState(resolved, repeat, T0 + 120_000)).toBe(true);
    expect(await two.alerts.states()).toEqual([resolved]);
    expect(await two.alerts.pruneResolved(T0 + 120_000)).toBe(0);
    expect(await two.alerts.pruneResolved(T0 + 120_001)).toBe(1);
    expect(await one.alerts.states()).toEqual([]);
  });

  it("logs delivery attempts newest first and prunes old ones", async () => {
    const [store] = await sameDatabase();
    for (const n of [1, 2, 3]) await store.alerts.addAttempt(attempt(n));
    expect((await store.alerts.attempts(10)).map((a) => [a.attempt, a.status])).toEqual([
      [3, "failed"],
      [2, "retrying"],
      [1, "retrying"],
    ]);
    expect(await store.alerts.attempts(1)).toEqual([attempt(3)]);
    expect(await store.alerts.pruneAttempts(T0 + 3)).toBe(2);
    expect((await store.alerts.attempts(10)).map((a) => a.id)).toEqual(["a3"]);
  });
}
