import "server-only";

import { authorize } from "@/lib/auth/guard";
import type { ServerConfig } from "@/lib/config/schema";
import type { SearchQuery } from "@/lib/schemas/search";
import { serverTrustDomain } from "@/lib/spire/trust-domain";
import type { Selector } from "@/lib/spire/types";

import { searchCompactEntries } from "./compact/search-compact";
import { readEntryIndex } from "./entry-index-cache";
import type { EntryMatchField } from "./tree-types";

/** One found entry as the API answers it (what a result list shows, not the whole entry). */
export type EntrySearchResult = {
  id: string;
  spiffeId: string;
  parentId: string;
  selectors: Selector[];
  hint: string;
  field: EntryMatchField;
  match: string;
};

export type EntrySearchAnswer = {
  server: string;
  q: string;
  total: number;
  nextOffset: number | null;
  hits: EntrySearchResult[];
};

/**
 * Searches one server's entries (any part of an ID, selector, hint, DNS name or parent), ranked
 * and paged, from the server's compact entry index: the ranking of `searchEntries`, computed on
 * interned texts, so a million entries are searched without building one entry object.
 */
export async function searchEntryIndex(server: ServerConfig, query: SearchQuery): Promise<EntrySearchAnswer> {
  await authorize("entries.read", { server: server.name });
  const index = await readEntryIndex(server, await serverTrustDomain(server));
  const found = searchCompactEntries(index, query.q, query);
  return {
    server: server.name,
    q: query.q,
    total: found.total,
    nextOffset: found.nextOffset,
    hits: found.hits.map(({ entry, field, match }) => ({
      id: entry.id,
      spiffeId: entry.spiffeId,
      parentId: entry.parentId,
      selectors: entry.selectors,
      hint: entry.hint,
      field,
      match,
    })),
  };
}
