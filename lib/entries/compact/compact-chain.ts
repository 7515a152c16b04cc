import type { ChainLink } from "@/lib/entries/tree-types";

import type { CompactEntryIndex } from "./compact-index";

/** `parentChain` on the compact index: the parents of an entry up to the server, stopping at a cycle. */
export function compactParentChain(index: CompactEntryIndex, entry: { spiffeId: string; parentId: string }) {
  const chain: ChainLink[] = [];
  const seen = new Set<string>([entry.spiffeId]);
  let parentId = entry.parentId;
  while (!seen.has(parentId)) {
    seen.add(parentId);
    if (parentId === index.serverId) return [...chain, { spiffeId: parentId, kind: "server" as const }];
    if (index.agentById.has(parentId)) {
      chain.push({ spiffeId: parentId, kind: "agent" });
      return [...chain, { spiffeId: index.serverId, kind: "server" as const }];
    }
    const parent = index.firstEntryOf(parentId);
    if (parent < 0) return [...chain, { spiffeId: parentId, kind: "missing" as const }];
    chain.push({ spiffeId: parentId, kind: "entry", entryId: index.columns.idAt(parent) });
    parentId = index.columns.parentIdOf(parent);
  }
  return chain;
}
