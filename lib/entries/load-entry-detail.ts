import "server-only";

import type { AccessDecision } from "@/lib/auth/access-map";
import { entryWriteAccess } from "@/lib/auth/entry-access";
import { authorize } from "@/lib/auth/guard";
import type { ServerConfig } from "@/lib/config/schema";
import type { ChainLink, TreeNode } from "@/lib/entries/tree-types";
import { getEntry } from "@/lib/spire/entries";
import { serverTrustDomain } from "@/lib/spire/trust-domain";
import type { Entry } from "@/lib/spire/types";

import { compactParentChain } from "./compact/compact-chain";
import { compactEntryNode, makeCompactTreeView } from "./compact/compact-tree";
import { MISSING_PARENT, UNREACHABLE } from "./compact/derive-tree";
import { readEntryIndex } from "./entry-index-cache";

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

/** One entry, read fresh from SPIRE (404 when it does not exist). */
export async function getEntryById(server: ServerConfig, id: string): Promise<Entry> {
  await authorize("entries.read", { server: server.name });
  return getEntry(server, id);
}

/** One entry (always read fresh from SPIRE) with its parent chain and first 200 children (from the index). */
export async function getEntryDetail(server: ServerConfig, id: string): Promise<EntryDetail> {
  const principal = await authorize("entries.read", { server: server.name });
  const [entry, index] = await Promise.all([
    getEntry(server, id),
    serverTrustDomain(server).then((td) => readEntryIndex(server, td)),
  ]);
  const view = makeCompactTreeView(index, {});
  const node = index.nodeOf(entry.spiffeId);
  const children = node >= 0 ? index.children.list(node) : new Int32Array(0);
  const slot = index.columns.slotOf(entry.id);
  const reason = slot >= 0 ? index.derived().orphanReason[slot] : 0;
  return {
    entry,
    chain: compactParentChain(index, entry),
    children: Array.from(children.subarray(0, CHILD_LIMIT), (child) => compactEntryNode(view, child)),
    childTotal: children.length,
    orphanReason: reason === MISSING_PARENT ? "missing-parent" : reason === UNREACHABLE ? "unreachable" : null,
    covers: entry.parentId === index.serverId ? (index.aliases().coverage.agentsByAlias.get(entry.id) ?? []) : [],
    writable: entryWriteAccess(principal, server.name, entry),
  };
}
