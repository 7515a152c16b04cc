import { describe, expect, it } from "vitest";

import type { TreeNode } from "@/lib/entries/tree-types";
import type { Agent, Entry, EntryFilters } from "@/lib/spire/types";
import { buildEntryIndex, parentChain } from "@/test/support/reference-index/build-index";
import { searchEntries } from "@/test/support/reference-index/search-entries";
import { pageChildren, pageOrphans, rootNodes } from "@/test/support/reference-index/tree-nodes";
import { makeTreeView } from "@/test/support/reference-index/tree-view";

import { generateEntries, makeRandom } from "../../../test/support/generate-entries";
import { compactParentChain } from "./compact-chain";
import { CompactEntryIndex } from "./compact-index";
import { compactRootNodes, makeCompactTreeView, pageCompactChildren, pageCompactOrphans } from "./compact-tree";
import { decodeIndex, encodeIndex } from "./saved-index";
import { searchCompactEntries } from "./search-compact";

const now = Date.parse("2026-01-01T00:00:00Z");

function buildCompact(trustDomain: string, entries: readonly Entry[], agents: readonly Agent[], pageSize = 37) {
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

function compareTrees(
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

describe("CompactEntryIndex against the reference index", () => {
  it.each([1, 2, 3])("builds the same tree, counts, orphans, chains and search results (seed %i)", (seed) => {
    const { trustDomain, agents, entries } = generateEntries(seed, 600);
    compareTrees(entries, agents, buildCompact(trustDomain, entries, agents), trustDomain);
  });

  it("stays equal after creates, parent-changing edits and deletes of parents with children", () => {
    const { trustDomain, agents, entries: initial } = generateEntries(7, 500);
    const compact = buildCompact(trustDomain, initial, agents);
    const random = makeRandom(99);
    let entries = [...initial];
    for (let step = 0; step < 60; step++) {
      const roll = random();
      if (roll < 0.35) {
        const parent = entries[Math.floor(random() * entries.length)]!;
        const created = {
          ...parent,
          id: `new-${step}`,
          spiffeId: `${parent.spiffeId}/child-${step}`,
          parentId: parent.spiffeId,
        };
        entries.push(created);
        compact.applyChange({ upserts: [created], deletes: [] });
      } else if (roll < 0.7) {
        const at = Math.floor(random() * entries.length);
        const other = entries[Math.floor(random() * entries.length)]!;
        const edited = { ...entries[at]!, parentId: other.spiffeId, hint: `moved-${step}`, revisionNumber: 9 };
        entries[at] = edited;
        compact.applyChange({ upserts: [edited], deletes: [] });
      } else {
        // Delete a parent that has children (their parent goes missing unless another entry shares the ID).
        const withChildren = entries.filter((e) => entries.some((c) => c.parentId === e.spiffeId));
        const victim = withChildren[Math.floor(random() * withChildren.length)] ?? entries[0]!;
        entries = entries.filter((e) => e.id !== victim.id);
        compact.applyChange({ upserts: [], deletes: [victim.id] });
      }
      if (step % 15 === 14) compareTrees(entries, agents, compact, trustDomain);
    }
    compareTrees(entries, agents, compact, trustDomain);
  });

  it("patches leaves in place (no recomputation) and matches a rebuild after every step", () => {
    const { trustDomain, agents, entries: initial } = generateEntries(11, 250);
    const compact = buildCompact(trustDomain, initial, agents);
    compact.derived();
    const random = makeRandom(5);
    let entries = [...initial];
    const leaves = () => entries.filter((e) => !entries.some((c) => c.parentId === e.spiffeId));
    for (let step = 0; step < 40; step++) {
      const roll = random();
      const parent = entries[Math.floor(random() * entries.length)]!;
      if (roll < 0.4) {
        const created = {
          ...parent,
          id: `leaf-${step}`,
          spiffeId: `${parent.spiffeId}/leaf-${step}`,
          parentId: parent.spiffeId,
        };
        entries.push(created);
        compact.applyChange({ upserts: [created], deletes: [] });
      } else if (roll < 0.7) {
        const leaf = leaves()[Math.floor(random() * leaves().length)]!;
        const moved = { ...leaf, parentId: parent.spiffeId === leaf.spiffeId ? trustDomain : parent.spiffeId };
        entries = entries.map((e) => (e.id === leaf.id ? moved : e));
        compact.applyChange({ upserts: [moved], deletes: [] });
      } else {
        const leaf = leaves()[Math.floor(random() * leaves().length)]!;
        entries = entries.filter((e) => e.id !== leaf.id);
        compact.applyChange({ upserts: [], deletes: [leaf.id] });
      }
      compact.derived();
      compareTrees(entries, agents, compact, trustDomain, { filters: false, search: false });
    }
    expect(compact.stats.leafPatches).toBeGreaterThan(30);
  });

  it("returns every field of an entry as it was given", () => {
    const { trustDomain, agents, entries } = generateEntries(5, 200);
    const compact = buildCompact(trustDomain, entries, agents);
    for (const entry of entries) expect(compact.columns.entryAt(compact.columns.slotOf(entry.id))).toEqual(entry);
  });

  it("is saved and restored with the same answers, and keeps taking patches afterwards", () => {
    const { trustDomain, agents, entries: initial } = generateEntries(13, 400);
    const compact = buildCompact(trustDomain, initial, agents);
    // Deletes leave dead slots and an edit re-parents: the saved copy must carry both.
    const victims = initial.slice(0, 25).map((e) => e.id);
    const moved = { ...initial[30]!, parentId: initial[31]!.spiffeId, revisionNumber: 4 };
    compact.applyChange({ upserts: [moved], deletes: victims });
    let entries = initial.filter((e) => !victims.includes(e.id)).map((e) => (e.id === moved.id ? moved : e));
    compact.setAgents(agents, now + 5_000, now - 60_000);
    const restored = decodeIndex(encodeIndex(compact), trustDomain, now + 3_600_000);
    expect(restored.builtAt).toBe(compact.builtAt);
    // The agents' time left is judged when they were read, not when the copy is restored.
    expect(restored.agentsReadAt).toBe(now - 60_000);
    expect(restored.version).toBe(compact.version);
    expect(restored.columns.slotOf(victims[0]!)).toBe(-1);
    compareTrees(entries, agents, restored, trustDomain);
    const created = {
      ...entries[5]!,
      id: "after-restore",
      spiffeId: `${entries[5]!.spiffeId}/new`,
      parentId: entries[5]!.spiffeId,
    };
    restored.applyChange({ upserts: [created], deletes: [entries[6]!.id] });
    entries = [...entries.filter((e) => e.id !== entries[6]!.id), created];
    compareTrees(entries, agents, restored, trustDomain);
  });

  it("refuses a saved index of another trust domain or of unreadable bytes", () => {
    const { trustDomain, agents, entries } = generateEntries(3, 50);
    const bytes = encodeIndex(buildCompact(trustDomain, entries, agents));
    expect(() => decodeIndex(bytes, "other.test", now)).toThrow(/not other\.test/);
    expect(() => decodeIndex(new Uint8Array([1, 2, 3]), trustDomain, now)).toThrow();
  });
});
