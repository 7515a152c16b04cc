import { describe, expect, it } from "vitest";

import { buildCompact } from "@/test/support/compare-compact-index";
import { generateEntries, makeRandom } from "@/test/support/generate-entries";

import { makeCompactTreeView, pageCompactChildren } from "./compact-tree";
import { levelSearch, searchTest } from "./level-search";

describe("a search within one tree level", () => {
  it("finds the same rows, in the same order, from the search index's candidates as from every child", () => {
    const { trustDomain, agents, entries: generated } = generateEntries(31, 1000);
    // One agent with a large level, walked in an order unlike its display order (by SPIFFE ID).
    const busiest = agents[2]!.spiffeId;
    const random = makeRandom(4);
    const words = ["api", "billing", "web", "payments"];
    const many = Array.from({ length: 3000 }, (_, i) => ({
      ...generated[100 + (i % 500)]!,
      id: `many-${Math.floor(random() * 1e9)}-${i}`,
      spiffeId: `spiffe://${trustDomain}/w/${words[i % 4]}-${Math.floor(random() * 5000)}`,
      parentId: busiest,
      selectors: [{ type: "unix", value: `uid:${i}` }],
    }));
    const entries = [...generated, ...many];
    const index = buildCompact(trustDomain, entries, agents);
    // Patched entries are candidates through the changed list: one created, one moved, one deleted.
    index.applyChange({
      upserts: [
        { ...entries[40]!, id: "created", spiffeId: `${busiest}/svc-created`, parentId: busiest },
        { ...entries[41]!, parentId: busiest, revisionNumber: 7 },
      ],
      deletes: [entries[42]!.id],
    });
    const view = makeCompactTreeView(index, {});
    const filtered = makeCompactTreeView(index, { selectors: [{ type: "k8s", value: "ns:billing" }], match: "any" });
    let narrowed = 0;
    for (const parent of [busiest, agents[3]!.spiffeId, index.serverId, entries[10]!.spiffeId])
      for (const q of ["svc", "billing-1", "uid:12", "api-4 uid", "created", "zzz", "w/web-2", "payments-33"])
        for (const v of [view, filtered]) {
          const only = levelSearch(index, q, parent)!;
          if (typeof only !== "function") narrowed += 1;
          const byCandidates = pageCompactChildren(v, parent, 0, 5000, only);
          const byEveryChild = pageCompactChildren(v, parent, 0, 5000, searchTest(index, q)!.test);
          expect(byCandidates, `${parent} ${q}`).toEqual(byEveryChild);
        }
    // The candidates were used for many of these (else the test compares a path with itself).
    expect(narrowed).toBeGreaterThan(10);
  });

  it("narrows nothing without words", () => {
    const { trustDomain, agents, entries } = generateEntries(32, 50);
    const index = buildCompact(trustDomain, entries, agents);
    expect(levelSearch(index, "  ", agents[0]!.spiffeId)).toBeUndefined();
  });
});
