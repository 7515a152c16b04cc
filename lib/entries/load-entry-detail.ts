import "server-only";

import type { AccessDecision } from "@/lib/auth/access-map";
import { entryWriteAccess } from "@/lib/auth/entry-access";
import { authorize } from "@/lib/auth/guard";
import type { ServerConfig } from "@/lib/config/schema";
import { type ChainLink, parentChain } from "@/lib/entries/build-index";
import { entryNode, type TreeNode } from "@/lib/entries/tree-nodes";
import { makeTreeView } from "@/lib/entries/tree-view";
import { getEntry } from "@/lib/spire/entries";
import { serverTrustDomain } from "@/lib/spire/trust-domain";
import type { Entry } from "@/lib/spire/types";

import { getEntryIndex } from "./entry-index-cache";

const CHILD_LIMIT = 200;

/** An entry with its place in the tree. */
export type EntryDetail = {
  entry: Entry;
  /** Nearest parent first, ending at the server (or a missing parent). */
  chain: ChainLink[];
  children: TreeNode[];
  childTotal: number;
  /** Whether the entry is in the Orphans group, and why. */
  orphanReason: "missing-parent" | "unreachable" | null;
  /** Agents a node alias covers (empty for other entries). */
  covers: string[];
  /** Whether the caller may edit or delete this very entry (an editor's scope), and why not. */
  writable: AccessDecision;
};

/** One entry (always read fresh from SPIRE) with its parent chain and first 200 children. */
export async function getEntryDetail(server: ServerConfig, id: string): Promise<EntryDetail> {
  const principal = await authorize("entries.read", { server: server.name });
  const [entry, index] = await Promise.all([
    getEntry(server, id),
    serverTrustDomain(server).then((td) => getEntryIndex(server, td)),
  ]);
  const view = makeTreeView(index, {});
  const children = index.childrenOf.get(entry.spiffeId) ?? [];
  return {
    entry,
    chain: parentChain(index, entry),
    children: children.slice(0, CHILD_LIMIT).map((child) => entryNode(view, child)),
    childTotal: children.length,
    orphanReason: index.orphans.find((o) => o.entry.id === entry.id)?.reason ?? null,
    covers: entry.parentId === index.serverId ? (index.coverage.agentsByAlias.get(entry.id) ?? []) : [],
    writable: entryWriteAccess(principal, server.name, entry),
  };
}
