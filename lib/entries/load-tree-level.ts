import "server-only";

import type { z } from "zod";

import { ApiError } from "@/lib/api/api-error";
import { authorize } from "@/lib/auth/guard";
import type { ServerConfig } from "@/lib/config/schema";
import {
  agentNode,
  type ChildPage,
  entryNode,
  pageChildren,
  pageOrphans,
  rootNodes,
  type TreeNode,
} from "@/lib/entries/tree-nodes";
import { makeTreeView } from "@/lib/entries/tree-view";
import { toEntryFilters } from "@/lib/schemas/list-queries";
import type { entryTreeQuerySchema, orphanQuerySchema } from "@/lib/schemas/views";
import { serverTrustDomain } from "@/lib/spire/trust-domain";

import { getEntryIndex } from "./entry-index-cache";

/** One level of the tree: the expanded node and one page of its children. */
export type TreeLevel = ChildPage & { parent: TreeNode; builtAt: string; totalEntries: number; totalAgents: number };

/**
 * Children of `parent` (a SPIFFE ID: the server, an agent, or an entry's SPIFFE ID) with subtree
 * counts, one page at a time; no parent = the server's own level. An unknown parent is a 404.
 */
export async function getTreeLevel(
  server: ServerConfig,
  query: z.output<typeof entryTreeQuerySchema>,
): Promise<TreeLevel> {
  await authorize("entries.read", { server: server.name });
  const index = await getEntryIndex(server, await serverTrustDomain(server));
  const view = makeTreeView(index, toEntryFilters(query));
  const parentId = query.parent ?? index.serverId;
  let parent: TreeNode;
  if (parentId === index.serverId) parent = rootNodes(view).server;
  else if (index.agentById.has(parentId)) parent = agentNode(view, parentId);
  else {
    const entry = index.entryBySpiffeId.get(parentId);
    if (!entry && !index.childrenOf.has(parentId))
      throw new ApiError("not_found", `No agent or entry has the SPIFFE ID ${parentId}.`);
    parent = entry
      ? entryNode(view, entry)
      : { ...rootNodes(view).orphans, key: `missing:${parentId}`, kind: "entry", spiffeId: parentId };
  }
  const page = pageChildren(view, parentId, query.offset, query.limit);
  return {
    ...page,
    parent,
    builtAt: new Date(index.builtAt).toISOString(),
    totalEntries: index.entries.length,
    totalAgents: index.agents.length,
  };
}

/** One page of the Orphans group (entries the tree cannot hang below the server). */
export async function getOrphanLevel(
  server: ServerConfig,
  query: z.output<typeof orphanQuerySchema>,
): Promise<TreeLevel> {
  await authorize("entries.read", { server: server.name });
  const index = await getEntryIndex(server, await serverTrustDomain(server));
  const view = makeTreeView(index, toEntryFilters(query));
  const page = pageOrphans(view, query.offset, query.limit);
  return {
    ...page,
    parent: rootNodes(view).orphans,
    builtAt: new Date(index.builtAt).toISOString(),
    totalEntries: index.entries.length,
    totalAgents: index.agents.length,
  };
}
