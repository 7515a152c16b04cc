import { describe, expect, it } from "vitest";

import { planFederation } from "./plan-federation";
import { planInverse } from "./plan-inverse";
import type { Plan } from "./types";

const web = { type: "https_web" } as const;
const bar = { trustDomain: "bar.test", bundleEndpointUrl: "https://bar:8443", profile: web };
const old = { trustDomain: "old.test", bundleEndpointUrl: "https://old", profile: web };

/** A plan that changes bar's URL, adds new.test and prunes old.test (no entries). */
function federationPlan(): Plan {
  const federation = planFederation(
    [
      { trustDomain: "bar.test", bundleEndpointUrl: "https://bar:9443", bundleEndpointProfile: web },
      { trustDomain: "new.test", bundleEndpointUrl: "https://new", bundleEndpointProfile: web },
    ],
    [bar, old],
    true,
  );
  return {
    id: "P1",
    server: "foo",
    createdAt: 0,
    createdBy: "admin",
    source: null,
    owns: {},
    prune: true,
    summary: { create: 1, update: 1, delete: 1, unchanged: 0, unmanaged: 0 },
    summaryLine: "1 to add, 1 to change, 1 to delete",
    changes: [],
    unmanaged: [],
    risks: [],
    guard: { deletes: 0, scopeSize: 0, maxPercent: 10, maxCount: 100, tripped: false, message: null },
    pinned: {},
    federation,
    inverseOf: null,
    status: "applied",
    appliedAt: 1,
  };
}

describe("planInverse of federation relationships", () => {
  it("deletes what the apply created, sets back what it updated and makes again what it deleted", () => {
    const plan = federationPlan();
    const undo = planInverse(plan, [], "P2", 5, plan.federation!.changes);
    expect(undo.federation!.changes.map((c) => [c.action, c.trustDomain])).toEqual([
      ["update", "bar.test"],
      ["delete", "new.test"],
      ["create", "old.test"],
    ]);
    expect(undo.federation!.changes[0]!.fields).toEqual([
      { field: "bundleEndpointUrl", before: "https://bar:9443", after: "https://bar:8443" },
    ]);
    expect(undo.federation!.changes[2]!.after).toEqual({
      bundleEndpointUrl: "https://old",
      bundleEndpointProfile: web,
    });
    expect(undo.summaryLine).toBe("1 to add, 1 to change, 1 to delete");
    expect(undo.inverseOf).toBe("P1");
    // The mass-delete guard counts entries: deleting one relationship does not trip it.
    expect(undo.guard.tripped).toBe(false);
  });

  it("pins the relationships as the apply left them, so a later edit makes the undo stale", () => {
    const plan = federationPlan();
    const undo = planInverse(plan, [], "P2", 5, plan.federation!.changes);
    expect(undo.federation!.pinned).toEqual({
      "bar.test": { bundleEndpointUrl: "https://bar:9443", bundleEndpointProfile: web },
      "new.test": { bundleEndpointUrl: "https://new", bundleEndpointProfile: web },
      "old.test": null,
    });
  });

  it("leaves out relationship changes SPIRE refused, and has no federation part when none was applied", () => {
    const plan = federationPlan();
    const onlyNew = plan.federation!.changes.filter((c) => c.trustDomain === "new.test");
    expect(planInverse(plan, [], "P2", 5, onlyNew).federation!.changes.map((c) => c.trustDomain)).toEqual(["new.test"]);
    expect(planInverse(plan, [], "P3", 5).federation).toBeUndefined();
  });
});
