import type { OrphanReason } from "@/lib/entries/find-orphans";

import type { CompactEntryIndex } from "./compact-index";
import { MISSING_PARENT } from "./derive-tree";

/** The index's orphans with their parent IDs and why the tree could not place them (no entry is built). */
export function* orphansOf(index: CompactEntryIndex): Generator<{ parentId: string; reason: OrphanReason }> {
  const { orphans, orphanReason } = index.derived();
  for (const slot of orphans) {
    yield {
      parentId: index.columns.parentIdOf(slot),
      reason: orphanReason[slot] === MISSING_PARENT ? "missing-parent" : "unreachable",
    };
  }
}
