import type { CompactEntryIndex } from "@/lib/entries/compact/compact-index";

import type { ExportScope } from "./types";

/**
 * The index slots of an export scope: all live entries, narrowed by a SPIFFE-ID prefix, by the
 * subtree below `parentId` (its children, their children, ...) and by a selection of IDs. Pure.
 */
export function findExportSlots(index: CompactEntryIndex, scope: ExportScope): number[] {
  const columns = index.columns;
  const spiffeOf = (slot: number) => columns.nodes.text(columns.spiffe.data[slot]!);
  let slots: number[];
  if (scope.ids) {
    slots = [...new Set(scope.ids)].map((id) => columns.slotOf(id)).filter((s) => s >= 0 && columns.isLive(s));
  } else {
    slots = [...index.liveSlots()];
  }
  if (scope.parentId) {
    const below = subtree(index, scope.parentId);
    slots = slots.filter((slot) => below.has(slot));
  }
  if (scope.spiffeIdPrefix) {
    const prefix = scope.spiffeIdPrefix;
    slots = slots.filter((slot) => spiffeOf(slot).startsWith(prefix));
  }
  return slots;
}

/** Slots of every entry below `parentId`, following parent IDs down (cycles stop). */
function subtree(index: CompactEntryIndex, parentId: string): Set<number> {
  const columns = index.columns;
  const byParent = new Map<string, number[]>();
  for (const slot of index.liveSlots()) {
    const parent = columns.nodes.text(columns.parent.data[slot]!);
    const list = byParent.get(parent);
    if (list) list.push(slot);
    else byParent.set(parent, [slot]);
  }
  const found = new Set<number>();
  const seen = new Set([parentId]);
  const queue = [parentId];
  while (queue.length > 0) {
    for (const slot of byParent.get(queue.pop()!) ?? []) {
      found.add(slot);
      const spiffeId = columns.nodes.text(columns.spiffe.data[slot]!);
      if (!seen.has(spiffeId)) {
        seen.add(spiffeId);
        queue.push(spiffeId);
      }
    }
  }
  return found;
}
