import type { ChildPage, TreeNode } from "@/lib/entries/tree-types";
import type { Entry } from "@/lib/spire/types";

import type { EntryIndex } from "./build-index";

/** Which entries count, and how many below each SPIFFE ID, for the current filter. */
export type TreeView = { index: EntryIndex; counts: Map<string, number>; matches: ((entry: Entry) => boolean) | null };

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

function visibleChildren(view: TreeView, parentId: string): Entry[] {
  const children = view.index.childrenOf.get(parentId) ?? [];
  const matches = view.matches;
  if (!matches) return children;
  return children.filter((e) => matches(e) || (view.counts.get(e.spiffeId) ?? 0) > 0);
}

/** The tree row of one entry. */
export function entryNode(
  view: TreeView,
  entry: Entry,
  orphanReason: TreeNode["flags"]["orphanReason"] = null,
): TreeNode {
  const { index } = view;
  const isAlias = entry.parentId === index.serverId;
  return {
    key: `entry:${entry.id}`,
    kind: isAlias ? "alias" : "entry",
    spiffeId: entry.spiffeId,
    entryId: entry.id,
    parentId: entry.parentId,
    selectors: entry.selectors,
    childCount: visibleChildren(view, entry.spiffeId).length,
    subtreeCount: view.counts.get(entry.spiffeId) ?? 0,
    covers: isAlias ? (index.coverage.agentsByAlias.get(entry.id) ?? []) : [],
    aliases: [],
    flags: {
      ...noFlags,
      parentAgentExpired: index.expiredAgents.has(entry.parentId),
      orphanReason,
      admin: entry.admin,
      downstream: entry.downstream,
      federatesWith: entry.federatesWith,
      expiresAt: entry.expiresAt,
    },
  };
}

/** The tree row of one attested agent. */
export function agentNode(view: TreeView, agentId: string): TreeNode {
  const agent = view.index.agentById.get(agentId);
  return {
    key: `agent:${agentId}`,
    kind: "agent",
    spiffeId: agentId,
    entryId: null,
    parentId: view.index.serverId,
    selectors: agent?.selectors ?? [],
    childCount: visibleChildren(view, agentId).length,
    subtreeCount: view.counts.get(agentId) ?? 0,
    covers: [],
    aliases: (view.index.coverage.aliasesByAgent.get(agentId) ?? []).map((a) => a.spiffeId),
    flags: {
      ...noFlags,
      expired: view.index.expiredAgents.has(agentId),
      banned: agent?.banned ?? false,
      expiresAt: agent?.x509SvidExpiresAt ?? null,
      attestationType: agent?.attestationType ?? null,
      agentVersion: agent?.agentVersion || null,
    },
  };
}

/** The visible orphans (with the filter applied to them and their subtrees). */
export function visibleOrphans(view: TreeView) {
  const matches = view.matches;
  if (!matches) return view.index.orphans;
  return view.index.orphans.filter((o) => matches(o.entry) || (view.counts.get(o.entry.spiffeId) ?? 0) > 0);
}

/** The root row (the server) and the Orphans group row. */
export function rootNodes(view: TreeView): { server: TreeNode; orphans: TreeNode } {
  const { index } = view;
  const agentIds = visibleAgents(view);
  const aliases = visibleChildren(view, index.serverId);
  const orphans = visibleOrphans(view);
  const orphanTotal = orphans.reduce((sum, o) => sum + 1 + (view.counts.get(o.entry.spiffeId) ?? 0), 0);
  const agentTotal = agentIds.reduce((sum, id) => sum + (view.counts.get(id) ?? 0), 0);
  const server: TreeNode = {
    ...agentNode(view, index.serverId),
    key: "server",
    kind: "server",
    parentId: null,
    childCount: agentIds.length + aliases.length + 1,
    subtreeCount: (view.counts.get(index.serverId) ?? 0) + agentTotal + orphanTotal,
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

/** Agents to show under the server: all of them, or those with matches below when filtering. */
export function visibleAgents(view: TreeView): string[] {
  const ids = view.index.agents.map((a) => a.spiffeId);
  return view.matches ? ids.filter((id) => (view.counts.get(id) ?? 0) > 0) : ids;
}

/**
 * One page of the child rows of `parentId` in display order: under the server the agents, then
 * the node entries, then the Orphans group; elsewhere the entries parented to it. Only the page
 * is turned into rows, so a node with 100k children costs one slice.
 */
export function pageChildren(view: TreeView, parentId: string, offset: number, limit: number): ChildPage {
  const entries = visibleChildren(view, parentId);
  const atRoot = parentId === view.index.serverId;
  const agents = atRoot ? visibleAgents(view) : [];
  const total = agents.length + entries.length + (atRoot ? 1 : 0);
  const nodes: TreeNode[] = [];
  for (let i = offset; i < Math.min(total, offset + limit); i++) {
    if (i < agents.length) nodes.push(agentNode(view, agents[i] as string));
    else if (i < agents.length + entries.length) nodes.push(entryNode(view, entries[i - agents.length] as Entry));
    else nodes.push(rootNodes(view).orphans);
  }
  const next = offset + limit;
  return { nodes, total, offset, nextOffset: next < total ? next : null };
}

/** One page of the Orphans group. */
export function pageOrphans(view: TreeView, offset: number, limit: number): ChildPage {
  const orphans = visibleOrphans(view);
  const nodes = orphans.slice(offset, offset + limit).map((o) => entryNode(view, o.entry, o.reason));
  const next = offset + limit;
  return { nodes, total: orphans.length, offset, nextOffset: next < orphans.length ? next : null };
}
