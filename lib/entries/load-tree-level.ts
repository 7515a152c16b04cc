import "server-only";

import type { z } from "zod";

import { ApiError } from "@/lib/api/api-error";
import { authorize } from "@/lib/auth/guard";
import type { ServerConfig } from "@/lib/config/schema";
import type { ChildPage, TreeNode } from "@/lib/entries/tree-types";
import { toEntryFilters } from "@/lib/schemas/list-queries";
import type { entryTreeQuerySchema, orphanQuerySchema } from "@/lib/schemas/views";
import { serverTrustDomain } from "@/lib/spire/trust-domain";

import type { CompactEntryIndex } from "./compact/compact-index";
import {
  compactAgentNode,
  compactEntryNode,
  compactRootNodes,
  type CompactTreeView,
  pageCompactChildren,
  pageCompactOrphans,
} from "./compact/compact-tree";
import { levelSearch, searchTest } from "./compact/level-search";
import { readEntryIndex } from "./entry-index-cache";
import { entryIndexStatus } from "./entry-index-status";
import { cachedTreeView } from "./tree-view-cache";

/** One level of the tree: the expanded node and one page of its children. */
export type TreeLevel = ChildPage & {
  parent: TreeNode;
  builtAt: string;
  totalEntries: number;
  totalAgents: number;
  /** Changes patched into the index since it was walked. */
  changes: number;
  /**
   * Set while the index is a saved copy read back when the console started: when it was saved,
   * and how far the walk that will replace it has got.
   */
  restored: { savedAt: string; indexed: number; expected: number | null } | null;
};

function levelOf(server: string, index: CompactEntryIndex, page: ChildPage, parent: TreeNode): TreeLevel {
  const status = entryIndexStatus(server);
  return {
    ...page,
    parent,
    builtAt: new Date(index.builtAt).toISOString(),
    totalEntries: index.size,
    totalAgents: index.agents.length,
    changes: index.version,
    restored: status.restoredFrom
      ? {
          savedAt: status.restoredFrom,
          indexed: status.walking?.indexed ?? 0,
          expected: status.walking?.expected ?? null,
        }
      : null,
  };
}

function parentNode(view: CompactTreeView, parentId: string): TreeNode {
  const { index } = view;
  if (parentId === index.serverId) return compactRootNodes(view).server;
  if (index.agentById.has(parentId)) return compactAgentNode(view, parentId);
  const slot = index.firstEntryOf(parentId);
  if (slot >= 0) return compactEntryNode(view, slot);
  const node = index.nodeOf(parentId);
  if (node < 0 || index.children.count(node) === 0)
    throw new ApiError("not_found", `No agent or entry has the SPIFFE ID ${parentId}.`);
  return { ...compactRootNodes(view).orphans, key: `missing:${parentId}`, kind: "entry", spiffeId: parentId };
}

/**
 * Children of `parent` (a SPIFFE ID: the server, an agent, or an entry's SPIFFE ID) with subtree
 * counts, one page at a time; no parent = the server's own level. `q` narrows the level to the
 * entries it finds (a level of 200,000 children stays searchable). An unknown parent is a 404.
 */
export async function getTreeLevel(
  server: ServerConfig,
  query: z.output<typeof entryTreeQuerySchema>,
): Promise<TreeLevel> {
  await authorize("entries.read", { server: server.name });
  const index = await readEntryIndex(server, await serverTrustDomain(server));
  const view = cachedTreeView(index, toEntryFilters(query));
  const parentId = query.parent ?? index.serverId;
  const parent = parentNode(view, parentId);
  const only = levelSearch(index, query.q, parentId);
  const page = pageCompactChildren(view, parentId, query.offset, query.limit, only);
  return levelOf(server.name, index, page, parent);
}

/** One page of the Orphans group (entries the tree cannot hang below the server). */
export async function getOrphanLevel(
  server: ServerConfig,
  query: z.output<typeof orphanQuerySchema>,
): Promise<TreeLevel> {
  await authorize("entries.read", { server: server.name });
  const index = await readEntryIndex(server, await serverTrustDomain(server));
  const view = cachedTreeView(index, toEntryFilters(query));
  const page = pageCompactOrphans(view, query.offset, query.limit, searchTest(index, query.q)?.test);
  return levelOf(server.name, index, page, compactRootNodes(view).orphans);
}
