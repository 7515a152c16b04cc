import type { Entry } from "@/lib/spire/types";

/** Why an entry is listed under Orphans. */
export type OrphanReason = "missing-parent" | "unreachable";

export type Orphan = { entry: Entry; reason: OrphanReason };

/**
 * Entries the tree cannot hang below the server. `missing-parent`: the parent ID is neither the
 * server, an attested agent, nor any entry's SPIFFE ID. `unreachable`: the parent exists but the
 * chain never reaches the server, an agent or a missing-parent orphan (a parent cycle).
 */
export function findOrphans(entries: readonly Entry[], serverId: string, agentIds: ReadonlySet<string>): Orphan[] {
  const spiffeIds = new Set(entries.map((e) => e.spiffeId));
  const missing = entries.filter(
    (e) => e.parentId !== serverId && !agentIds.has(e.parentId) && !spiffeIds.has(e.parentId),
  );
  const childrenOf = new Map<string, Entry[]>();
  for (const entry of entries) {
    const list = childrenOf.get(entry.parentId);
    if (list) list.push(entry);
    else childrenOf.set(entry.parentId, [entry]);
  }
  const reached = new Set<string>();
  const queue = [serverId, ...agentIds, ...missing.map((e) => e.spiffeId)];
  const seenIds = new Set(queue);
  for (const entry of missing) reached.add(entry.id);
  while (queue.length > 0) {
    const id = queue.pop() as string;
    for (const child of childrenOf.get(id) ?? []) {
      reached.add(child.id);
      if (!seenIds.has(child.spiffeId)) {
        seenIds.add(child.spiffeId);
        queue.push(child.spiffeId);
      }
    }
  }
  const unreachable = entries.filter((e) => !reached.has(e.id));
  return [
    ...missing.map((entry) => ({ entry, reason: "missing-parent" as const })),
    ...unreachable.map((entry) => ({ entry, reason: "unreachable" as const })),
  ];
}
