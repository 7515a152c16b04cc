// The no-identity suppressions' part of the store contract (rules kept as written, seen by every replica,
// replaced by ID, deleted once), run on SQLite and PostgreSQL by store-contract.ts.
import { expect, it } from "vitest";

import type { IdentitySuppression } from "@/lib/no-identity/suppression";
import type { ConsoleStore } from "@/lib/store/types";

const T0 = 1_900_000_000_000;

const byNamespace: IdentitySuppression = {
  id: "s1",
  cluster: "demo",
  kind: "namespace",
  namespace: "kube-system",
  reason: "system pods",
  createdBy: "Olga (olga)",
  createdAt: T0,
};
const byLabel: Extract<IdentitySuppression, { kind: "label" }> = {
  id: "s2",
  cluster: "edge",
  kind: "label",
  key: "app",
  value: "legacy",
  reason: "retired next week",
  createdBy: "Olga (olga)",
  createdAt: T0,
};

/** Adds the suppression store's cases to the running `describe`; `sameDatabase` opens two stores on one database. */
export function suppressionStoreCases(sameDatabase: () => Promise<[ConsoleStore, ConsoleStore]>): void {
  it("keeps no-identity suppressions as written, shares them between replicas and deletes them once", async () => {
    const [one, two] = await sameDatabase();
    await one.identitySuppressions.put(byLabel, T0);
    await one.identitySuppressions.put(byNamespace, T0);
    expect(await two.identitySuppressions.list()).toEqual([byNamespace, byLabel]);
    await two.identitySuppressions.put({ ...byLabel, value: "old" }, T0 + 1);
    expect(await one.identitySuppressions.get("s2")).toEqual({ ...byLabel, value: "old" });
    expect(await one.identitySuppressions.delete("s1")).toBe(true);
    expect(await two.identitySuppressions.delete("s1")).toBe(false);
    expect((await two.identitySuppressions.list()).map((s) => s.id)).toEqual(["s2"]);
  });
}
