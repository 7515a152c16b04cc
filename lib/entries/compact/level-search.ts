import { searchTerms } from "@/lib/listing/rank-text";

import type { CompactEntryIndex } from "./compact-index";
import type { LevelNarrowing } from "./compact-tree";
import { CompactMatcher } from "./search-compact";

/** The entries that `q` finds (every word in some field, as the search does), or undefined for all. */
export function searchTest(index: CompactEntryIndex, q: string | undefined) {
  const terms = searchTerms(q ?? "");
  if (terms.length === 0) return undefined;
  const matcher = new CompactMatcher(index, terms);
  return { matcher, test: (slot: number) => matcher.score(slot) > 0 };
}

/**
 * The children of `parentId` that `q` finds, or undefined for all. When the search index's
 * candidates for the rarest word are fewer than the level's entries, only they are scored (a
 * level of 200,000 is not read whole); else each child is.
 */
export function levelSearch(
  index: CompactEntryIndex,
  q: string | undefined,
  parentId: string,
): LevelNarrowing | undefined {
  const narrowing = searchTest(index, q);
  if (!narrowing) return undefined;
  const { matcher, test } = narrowing;
  const node = index.nodeOf(parentId);
  const search = index.searchIndex();
  const rarest = matcher.rarest(search);
  if (node < 0 || rarest.candidates >= index.children.count(node)) return test;
  const parents = index.columns.parent.data;
  const found: number[] = [];
  search.forEachCandidate(index.columns, rarest.matches, (slot) => {
    if (parents[slot] === node && test(slot)) found.push(slot);
  });
  return { slots: Int32Array.from(found.sort(index.order)) };
}
