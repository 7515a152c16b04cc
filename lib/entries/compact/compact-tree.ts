import type { ChildPage, TreeNode } from "@/lib/entries/tree-types";
import type { EntryFilters } from "@/lib/spire/types";

import type { CompactEntryIndex } from "./compact-index";
import { countCompactSubtrees, MISSING_PARENT, UNREACHABLE } from "./derive-tree";
import { compileEntryFilter } from "./match-compact-filters";

/** The compact index under a filter: which slots match, and how many matches lie below each node. */
export type CompactTreeView = { index: CompactEntryIndex; counts: Float64Array; matches: Uint8Array | null };

/** The whole tree (no filter) or the tree of the entries matching `filters` and their ancestors. */
export function makeCompactTreeView(index: CompactEntryIndex, filters: EntryFilters): CompactTreeView {
  const derived = index.derived();
  const test = compileEntryFilter(index, filters);
  if (!test) return { index, counts: derived.counts, matches: null };
  const slots = index.columns.slotCount;
  const matches = new Uint8Array(slots);
  for (let slot = 0; slot < slots; slot++) if (index.columns.isLive(slot) && test(slot)) matches[slot] = 1;
  const counts = countCompactSubtrees(index.graph(), derived.roots, matches);
  return { index, counts, matches };
}

const countAt = (view: CompactTreeView, node: number) =>
  node >= 0 && node < view.counts.length ? Math.max(0, view.counts[node]!) : 0;

const visible = (view: CompactTreeView, slot: number) =>
  view.matches![slot] === 1 || countAt(view, view.index.columns.spiffe.data[slot]!) > 0;

/** The visible child slots of a node (all of them without a filter). */
export function visibleChildSlots(view: CompactTreeView, node: number): Int32Array {
  const all = node >= 0 ? view.index.children.list(node) : new Int32Array(0);
  return view.matches ? all.filter((slot) => visible(view, slot)) : all;
}

function visibleChildCount(view: CompactTreeView, node: number): number {
  const children = view.index.children;
  const n = node >= 0 ? children.count(node) : 0;
  if (!view.matches) return n;
  let count = 0;
  for (let i = 0; i < n; i++) if (visible(view, children.at(node, i))) count += 1;
  return count;
}

const noFlags: TreeNode["flags"] = {
  expired: false,
  banned: false,
  parentAgentExpired: false,
  orphanReason: null,
  admin: false,
  downstream: false,
  federatesWith: [],
  expiresAt: null,
  attestationType: null,
  agentVersion: null,
};

const reasonName = (reason: number): TreeNode["flags"]["orphanReason"] =>
  reason === MISSING_PARENT ? "missing-parent" : reason === UNREACHABLE ? "unreachable" : null;

/** The tree row of the entry in `slot`; `orphanRow` names its orphan reason (rows of the Orphans group). */
export function compactEntryNode(view: CompactTreeView, slot: number, orphanRow = false): TreeNode {
  const { index } = view;
  const c = index.columns;
  const isAlias = c.parent.data[slot] === index.serverNode;
  const parentId = c.parentIdOf(slot);
  return {
    key: `entry:${c.idAt(slot)}`,
    kind: isAlias ? "alias" : "entry",
    spiffeId: c.spiffeIdOf(slot),
    entryId: c.idAt(slot),
    parentId,
    selectors: c.selectorsOf(slot),
    childCount: visibleChildCount(view, c.spiffe.data[slot]!),
    subtreeCount: countAt(view, c.spiffe.data[slot]!),
    covers: isAlias ? (index.aliases().coverage.agentsByAlias.get(c.idAt(slot)) ?? []) : [],
    aliases: [],
    flags: {
      ...noFlags,
      parentAgentExpired: index.expiredAgents.has(parentId),
      orphanReason: orphanRow ? reasonName(index.derived().orphanReason[slot]!) : null,
      admin: c.flagOf(slot, "admin"),
      downstream: c.flagOf(slot, "downstream"),
      federatesWith: c.federatesWithOf(slot),
      expiresAt: c.expiresAtOf(slot),
    },
  };
}

/** The tree row of one attested agent. */
export function compactAgentNode(view: CompactTreeView, agentId: string): TreeNode {
  const { index } = view;
  const agent = index.agentById.get(agentId);
  const node = index.nodeOf(agentId);
  return {
    key: `agent:${agentId}`,
    kind: "agent",
    spiffeId: agentId,
    entryId: null,
    parentId: index.serverId,
    selectors: agent?.selectors ?? [],
    childCount: visibleChildCount(view, node),
    subtreeCount: countAt(view, node),
    covers: [],
    aliases: (index.aliases().coverage.aliasesByAgent.get(agentId) ?? []).map((a) => a.spiffeId),
    flags: {
      ...noFlags,
      expired: index.expiredAgents.has(agentId),
      banned: agent?.banned ?? false,
      expiresAt: agent?.x509SvidExpiresAt ?? null,
      attestationType: agent?.attestationType ?? null,
      agentVersion: agent?.agentVersion || null,
    },
  };
}

/** Orphan slots shown under the filter (matching, or with matches below). */
export function visibleOrphanSlots(view: CompactTreeView): Int32Array {
  const orphans = view.index.derived().orphans;
  return view.matches ? orphans.filter((slot) => visible(view, slot)) : orphans;
}

/** Agents shown under the server: all, or those with matches below when filtering. */
export function visibleAgentIds(view: CompactTreeView): string[] {
  const ids = view.index.agents.map((a) => a.spiffeId);
  return view.matches ? ids.filter((id) => countAt(view, view.index.nodeOf(id)) > 0) : ids;
}

/** The root row (the server) and the Orphans group row. */
export function compactRootNodes(view: CompactTreeView): { server: TreeNode; orphans: TreeNode } {
  const { index } = view;
  const agentIds = visibleAgentIds(view);
  const aliasCount = visibleChildCount(view, index.serverNode);
  const orphans = visibleOrphanSlots(view);
  let orphanTotal = 0;
  for (const slot of orphans) orphanTotal += 1 + countAt(view, index.columns.spiffe.data[slot]!);
  const agentTotal = agentIds.reduce((sum, id) => sum + countAt(view, index.nodeOf(id)), 0);
  const server: TreeNode = {
    ...compactAgentNode(view, index.serverId),
    key: "server",
    kind: "server",
    parentId: null,
    childCount: agentIds.length + aliasCount + 1,
    subtreeCount: countAt(view, index.serverNode) + agentTotal + orphanTotal,
    flags: noFlags,
  };
  const orphanGroup: TreeNode = {
    ...server,
    key: "orphans",
    kind: "orphans",
    spiffeId: "",
    parentId: index.serverId,
    childCount: orphans.length,
    subtreeCount: orphanTotal,
  };
  return { server, orphans: orphanGroup };
}

const pageOf = (nodes: TreeNode[], offset: number, limit: number, total: number): ChildPage => ({
  nodes,
  total,
  offset,
  nextOffset: offset + limit < total ? offset + limit : null,
});

/**
 * A search within one level: a test of each child slot, or the level's matching slots already
 * picked (from the search index, in the level's display order) when they are far fewer.
 */
export type LevelNarrowing = ((slot: number) => boolean) | { slots: Int32Array };

/**
 * One page of the child rows of `parentId`, like `pageChildren`: under the server the agents,
 * then the node entries, then the Orphans group; elsewhere the entries parented to it. `only`
 * narrows the entries of the level (a search within it).
 */
export function pageCompactChildren(
  view: CompactTreeView,
  parentId: string,
  offset: number,
  limit: number,
  only?: LevelNarrowing,
): ChildPage {
  const node = view.index.nodeOf(parentId);
  let entries: Int32Array;
  if (only && typeof only !== "function")
    entries = view.matches ? only.slots.filter((slot) => visible(view, slot)) : only.slots;
  else {
    entries = visibleChildSlots(view, node);
    if (only) entries = entries.filter(only);
  }
  const atRoot = parentId === view.index.serverId;
  const agents = atRoot && !only ? visibleAgentIds(view) : [];
  const total = agents.length + entries.length + (atRoot && !only ? 1 : 0);
  const nodes: TreeNode[] = [];
  for (let i = offset; i < Math.min(total, offset + limit); i++) {
    if (i < agents.length) nodes.push(compactAgentNode(view, agents[i]!));
    else if (i < agents.length + entries.length) nodes.push(compactEntryNode(view, entries[i - agents.length]!));
    else nodes.push(compactRootNodes(view).orphans);
  }
  return pageOf(nodes, offset, limit, total);
}

/** One page of the Orphans group. */
export function pageCompactOrphans(
  view: CompactTreeView,
  offset: number,
  limit: number,
  only?: (slot: number) => boolean,
): ChildPage {
  let orphans = visibleOrphanSlots(view);
  if (only) orphans = orphans.filter(only);
  const nodes = Array.from(orphans.subarray(offset, offset + limit), (slot) => compactEntryNode(view, slot, true));
  return pageOf(nodes, offset, limit, orphans.length);
}
