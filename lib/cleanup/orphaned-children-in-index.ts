import type { CompactEntryIndex } from "@/lib/entries/compact/compact-index";

import type { BlastRadius, CleanupTarget } from "./cleanup-types";

/**
 * `orphanedChildren` over the index in place: the removed entries' SPIFFE IDs no other entry keeps
 * (counted per ID by the derived tree) and the removed agents, then their child lists. In slot order.
 */
export function orphanedChildrenInIndex(
  removed: readonly CleanupTarget[],
  index: CompactEntryIndex,
): BlastRadius["orphanedChildren"] {
  const c = index.columns;
  const removedSlots = new Set(removed.filter((t) => t.type === "entry").map((t) => c.slotOf(t.id)));
  removedSlots.delete(-1);
  const removedPerId = new Map<number, number>();
  for (const slot of removedSlots) {
    const node = c.spiffe.data[slot]!;
    removedPerId.set(node, (removedPerId.get(node) ?? 0) + 1);
  }
  const { entryCount } = index.derived();
  const lost = new Set([...removedPerId].filter(([node, n]) => entryCount[node] === n).map(([node]) => node));
  for (const target of removed)
    if (target.type === "agent" && index.nodeOf(target.id) >= 0) lost.add(index.nodeOf(target.id));
  const slots: number[] = [];
  for (const node of lost) for (const slot of index.children.list(node)) if (!removedSlots.has(slot)) slots.push(slot);
  return slots
    .sort((a, b) => a - b)
    .map((slot) => ({ id: c.idAt(slot), spiffeId: c.spiffeIdOf(slot), parentId: c.parentIdOf(slot) }));
}
