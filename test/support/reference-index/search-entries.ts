import type { EntryMatchField, EntrySearchHit, EntrySearchPage } from "@/lib/entries/tree-types";
import { rankAndPage, scoreFields, type SearchField, searchTerms } from "@/lib/listing/rank-text";
import type { Entry } from "@/lib/spire/types";

function entryFields(entry: Entry): SearchField<EntryMatchField>[] {
  return [
    { field: "spiffeId", text: entry.spiffeId, weight: 10 },
    { field: "entryId", text: entry.id, weight: 8 },
    ...entry.selectors.map((s) => ({ field: "selector" as const, text: `${s.type}:${s.value}`, weight: 6 })),
    ...(entry.hint ? [{ field: "hint" as const, text: entry.hint, weight: 6 }] : []),
    ...entry.dnsNames.map((d) => ({ field: "dnsName" as const, text: d, weight: 4 })),
    { field: "parentId", text: entry.parentId, weight: 2 },
  ];
}

/**
 * Finds entries by any part of their SPIFFE ID, entry ID, selectors, hint, DNS names or parent
 * (case ignored; several words must all match). Ranked: a whole-field match, then a match at
 * the end of an ID or at a segment start, weighted by field (SPIFFE ID first, parent last);
 * ties go to the shorter SPIFFE ID. Pure. This is the reference ranking: the console searches
 * its compact index with `searchCompactEntries`, which unit tests hold to the same answers.
 */
export function searchEntries(
  entries: readonly Entry[],
  query: string,
  page: { offset: number; limit: number },
): EntrySearchPage {
  const terms = searchTerms(query);
  if (terms.length === 0) return { hits: [], total: 0, nextOffset: null };
  const scored: { item: Omit<EntrySearchHit, "score">; score: number; key: string }[] = [];
  for (const entry of entries) {
    const found = scoreFields(entryFields(entry), terms);
    if (found)
      scored.push({
        item: { entry, field: found.field, match: found.text },
        score: found.score,
        key: `${entry.spiffeId} ${entry.id}`,
      });
  }
  const ranked = rankAndPage(scored, page.offset, page.limit);
  return {
    hits: ranked.items.map(({ item, score }) => ({ ...item, score })),
    total: ranked.total,
    nextOffset: ranked.nextOffset,
  };
}
