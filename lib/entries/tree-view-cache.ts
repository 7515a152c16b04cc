import "server-only";

import type { EntryFilters } from "@/lib/spire/types";

import type { CompactEntryIndex } from "./compact/compact-index";
import { type CompactTreeView, makeCompactTreeView } from "./compact/compact-tree";

const MAX_VIEWS = 8;
const views = new WeakMap<CompactEntryIndex, Map<string, { generation: number; view: CompactTreeView }>>();

/**
 * The tree view of `index` under `filters`, reused while the index does not change: a filtered
 * view counts matches over every entry once, not once per expanded level or page. The last 8
 * filters per index are kept.
 */
export function cachedTreeView(index: CompactEntryIndex, filters: EntryFilters): CompactTreeView {
  const key = JSON.stringify(filters);
  let perIndex = views.get(index);
  if (!perIndex) views.set(index, (perIndex = new Map()));
  const cached = perIndex.get(key);
  if (cached && cached.generation === index.generation) {
    perIndex.delete(key);
    perIndex.set(key, cached);
    return cached.view;
  }
  const view = makeCompactTreeView(index, filters);
  perIndex.set(key, { generation: index.generation, view });
  if (perIndex.size > MAX_VIEWS) perIndex.delete(perIndex.keys().next().value!);
  return view;
}
