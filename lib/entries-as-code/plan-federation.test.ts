import { describe, expect, it } from "vitest";

import { planFederation, withFederationCounts } from "./plan-federation";
import type { DeclaredFederation } from "./types";

const web = { type: "https_web" } as const;
const spiffe = (id: string) => ({ type: "https_spiffe", endpointSpiffeId: id }) as const;
const live = (trustDomain: string, url: string, profile: DeclaredFederation["bundleEndpointProfile"]) => ({
  trustDomain,
  bundleEndpointUrl: url,
  profile,
});
const declared = (
  trustDomain: string,
  url: string,
  profile: DeclaredFederation["bundleEndpointProfile"],
): DeclaredFederation => ({ trustDomain, bundleEndpointUrl: url, bundleEndpointProfile: profile });

describe("planFederation", () => {
  const bar = live("bar.test", "https://bar:8443", spiffe("spiffe://bar.test/spire/server"));
  const old = live("old.test", "https://old", web);

  it("plans nothing for what is live, and reports undeclared relationships as unmanaged without prune", () => {
    const plan = planFederation([declared("bar.test", "https://bar:8443", bar.profile)], [bar, old], false);
    expect(plan.changes).toEqual([]);
    expect(plan.unchanged).toBe(1);
    expect(plan.unmanaged).toEqual(["old.test"]);
    const summary = { create: 0, update: 0, delete: 0, unchanged: 4, unmanaged: 0 };
    expect(withFederationCounts(summary, plan)).toEqual(summary);
  });

  it("creates, updates field by field and deletes only with prune, pinning what it read", () => {
    const file = [
      declared("bar.test", "https://bar:9443", web),
      declared("new.test", "https://new.example/bundle", web),
    ];
    const plan = planFederation(file, [bar, old], true);
    expect(plan.changes.map((c) => [c.action, c.trustDomain])).toEqual([
      ["update", "bar.test"],
      ["create", "new.test"],
      ["delete", "old.test"],
    ]);
    expect(plan.changes[0]!.fields).toEqual([
      { field: "bundleEndpointUrl", before: "https://bar:8443", after: "https://bar:9443" },
      { field: "bundleEndpointProfile", before: bar.profile, after: web },
    ]);
    expect(plan.pinned).toEqual({
      "bar.test": { bundleEndpointUrl: "https://bar:8443", bundleEndpointProfile: bar.profile },
      "new.test": null,
      "old.test": { bundleEndpointUrl: "https://old", bundleEndpointProfile: web },
    });
    const summary = { create: 1, update: 0, delete: 0, unchanged: 2, unmanaged: 0 };
    expect(withFederationCounts(summary, plan)).toEqual({
      create: 2,
      update: 1,
      delete: 1,
      unchanged: 2,
      unmanaged: 0,
    });
  });

  it("updates a relationship whose live profile the console does not know", () => {
    const unknown = { trustDomain: "x.test", bundleEndpointUrl: "https://x", profile: { type: "unknown" as const } };
    const plan = planFederation([declared("x.test", "https://x", web)], [unknown], false);
    expect(plan.changes).toMatchObject([{ action: "update", fields: [{ field: "bundleEndpointProfile" }] }]);
  });
});
