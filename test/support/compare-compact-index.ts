// The compact entry index against the reference index (the plain implementation the compact one
// replaced): the same tree, counts, orphans, parent chains and search results, page by page.
import { expect } from "vitest";

import { compactParentChain } from "@/lib/entries/compact/compact-chain";
import { CompactEntryIndex } from "@/lib/entries/compact/compact-index";
import {
  compactRootNodes,
  makeCompactTreeView,
  pageCompactChildren,
  pageCompactOrphans,
} from "@/lib/entries/compact/compact-tree";
import { searchCompactEntries } from "@/lib/entries/compact/search-compact";
import type { TreeNode } from "@/lib/entries/tree-types";
import type { Agent, Entry, EntryFilters } from "@/lib/spire/types";

import { buildEntryIndex, parentChain } from "./reference-index/build-index";
import { searchEntries } from "./reference-index/search-entries";
import { pageChildren, pageOrphans, rootNodes } from "./reference-index/tree-nodes";
import { makeTreeView } from "./reference-index/tree-view";

export const now = Date.parse("2026-01-01T00:00:00Z");

/** A sealed compact index of `entries`, added in pages of `pageSize` as a walk would. */
export function buildCompact(trustDomain: string, entries: readonly Entry[], agents: readonly Agent[], pageSize = 37) {
  const index = new CompactEntryIndex(trustDomain, now, 8);
  for (let i = 0; i < entries.length; i += pageSize) index.addEntries(entries.slice(i, i + pageSize));
  index.setAgents(agents, now);
  index.seal();
  return index;
}

/** Every row of the tree, level by level (each level read in pages of 7), plus the Orphans group. */
function walkTree(page: (parent: string | null, offset: number) => { nodes: TreeNode[]; nextOffset: number | null }) {
  const rows: string[] = [];
  const queue: (string | null)[] = [null];
  const seen = new Set<string>();
  while (queue.length) {
    const parent = queue.shift()!;
    let offset: number | null = 0;
    while (offset !== null) {
      const level = page(parent, offset);
      for (const node of level.nodes) {
        rows.push(`${parent ?? "#orphans"} ${JSON.stringify(node)}`);
        if (node.kind !== "orphans" && node.childCount > 0 && !seen.has(node.spiffeId)) {
          seen.add(node.spiffeId);
          queue.push(node.spiffeId);
        }
      }
      offset = level.nextOffset;
    }
  }
  return rows;
}

/** Checks that `compact` answers every tree level, filter, chain and search as the reference index of `entries`. */
export function compareTrees(
  entries: readonly Entry[],
  agents: readonly Agent[],
  compact: CompactEntryIndex,
  td: string,
  check = { filters: true, search: true },
) {
  const simple = buildEntryIndex({ trustDomain: td, entries: [...entries], agents: [...agents], now });
  const filters: EntryFilters[] = [{}];
  if (check.filters)
    filters.push(
      { selectors: [{ type: "k8s", value: "ns:billing" }], match: "superset" },
      {
        selectors: [
          { type: "k8s", value: "ns:web" },
          { type: "unix", value: "uid:7" },
        ],
        match: "any",
      },
      { selectors: [{ type: "x509pop", value: "ca:fleet" }], match: "exact" },
      {
        selectors: [
          { type: "k8s", value: "ns:api" },
          { type: "unix", value: "uid:12" },
        ],
        match: "subset",
      },
      { spiffeIdContains: "CACHE" },
      { hint: "ops" },
      { downstream: true, federatesWith: ["other.test"] },
      { parentId: simple.serverId },
    );
  for (const filter of filters) {
    const sv = makeTreeView(simple, filter);
    const cv = makeCompactTreeView(compact, filter);
    const serverId = simple.serverId;
    const simpleRows = walkTree((parent, offset) =>
      parent === null ? pageOrphans(sv, offset, 7) : pageChildren(sv, parent, offset, 7),
    );
    const compactRows = walkTree((parent, offset) =>
      parent === null ? pageCompactOrphans(cv, offset, 7) : pageCompactChildren(cv, parent, offset, 7),
    );
    // The walk starts at the Orphans group; add the server's own level.
    const rootSimple = walkTree((parent, offset) => pageChildren(sv, parent ?? serverId, offset, 7));
    const rootCompact = walkTree((parent, offset) => pageCompactChildren(cv, parent ?? serverId, offset, 7));
    expect(compactRows, JSON.stringify(filter)).toEqual(simpleRows);
    expect(rootCompact, JSON.stringify(filter)).toEqual(rootSimple);
    expect(compactRootNodes(cv), JSON.stringify(filter)).toEqual(rootNodes(sv));
  }
  for (const entry of entries) expect(compactParentChain(compact, entry)).toEqual(parentChain(simple, entry));
  const queries = !check.search
    ? []
    : ["billing", "API", "uid:1", "ns:web worker", "node-1", "svc", "ops", "gone", "00001", "zzz", "a"];
  for (const q of queries) {
    for (const page of [
      { offset: 0, limit: 20 },
      { offset: 15, limit: 10 },
    ]) {
      const want = searchEntries(entries, q, page);
      const got = searchCompactEntries(compact, q, page);
      expect(got, q).toEqual(want);
    }
  }
  expect(compact.size).toBe(entries.length);
}
