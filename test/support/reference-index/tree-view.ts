import { isEmptyFilter, matchesEntryFilters } from "@/lib/entries/match-entry-filters";
import type { EntryFilters } from "@/lib/spire/types";

import type { EntryIndex } from "./build-index";
import { countSubtrees } from "./subtree-counts";
import type { TreeView } from "./tree-nodes";

/**
 * The tree under a filter: without one, the index's own counts; with one, counts of matching
 * entries only, so a node is shown when it matches or has matches below it.
 */
export function makeTreeView(index: EntryIndex, filters: EntryFilters): TreeView {
  if (isEmptyFilter(filters)) return { index, counts: index.subtreeCounts, matches: null };
  const matches = (entry: Parameters<typeof matchesEntryFilters>[0]) => matchesEntryFilters(entry, filters);
  const roots = [index.serverId, ...index.agentById.keys(), ...index.orphans.map((o) => o.entry.spiffeId)];
  const counts = countSubtrees(roots, index.childrenOf, (entry) => (matches(entry) ? 1 : 0));
  return { index, counts, matches };
}
