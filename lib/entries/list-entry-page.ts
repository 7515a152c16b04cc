import "server-only";

import { authorize } from "@/lib/auth/guard";
import type { ServerConfig } from "@/lib/config/schema";
import { type EntryListQuery, toEntryFilters } from "@/lib/schemas/list-queries";
import { nextOffsetToken, readOffsetToken } from "@/lib/search/offset-token";
import { listEntries } from "@/lib/spire/entries";
import { serverTrustDomain } from "@/lib/spire/trust-domain";
import type { Entry } from "@/lib/spire/types";

import { getEntryIndex } from "./entry-index-cache";
import { matchesEntryFilters } from "./match-entry-filters";

const bySpiffeId = (a: Entry, b: Entry) =>
  a.spiffeId < b.spiffeId ? -1 : a.spiffeId > b.spiffeId ? 1 : a.id < b.id ? -1 : 1;

/**
 * One page of entries filtered like `spire-server entry show`, straight from SPIRE. With
 * `spiffeIdContains` (part of an ID, which SPIRE cannot filter by) the page comes from the
 * console's entry index instead, sorted by SPIFFE ID, with the last page's token empty.
 */
export async function listEntryPage(
  server: ServerConfig,
  query: EntryListQuery,
): Promise<{ entries: Entry[]; nextPageToken: string }> {
  await authorize("entries.read", { server: server.name });
  const filters = toEntryFilters(query);
  if (filters.spiffeIdContains) {
    const index = await getEntryIndex(server, await serverTrustDomain(server));
    const matching = index.entries.filter((e) => matchesEntryFilters(e, filters)).sort(bySpiffeId);
    const offset = readOffsetToken(query.pageToken);
    const entries = matching.slice(offset, offset + query.pageSize);
    return { entries, nextPageToken: nextOffsetToken(offset, entries.length, matching.length) };
  }
  const page = await listEntries(server, filters, { pageSize: query.pageSize, pageToken: query.pageToken });
  // SPIRE hands out a token even with the last page; a page that is not full is the last one.
  return { entries: page.items, nextPageToken: page.items.length < query.pageSize ? "" : page.nextPageToken };
}
