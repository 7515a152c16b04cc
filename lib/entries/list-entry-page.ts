import "server-only";

import { authorize } from "@/lib/auth/guard";
import type { ServerConfig } from "@/lib/config/schema";
import { nextOffsetToken, readOffsetToken } from "@/lib/listing/offset-token";
import { type EntryListQuery, toEntryFilters } from "@/lib/schemas/list-queries";
import { listEntries } from "@/lib/spire/entries";
import { serverTrustDomain } from "@/lib/spire/trust-domain";
import type { Entry } from "@/lib/spire/types";

import { compileEntryFilter } from "./compact/match-compact-filters";
import { selectTop } from "./compact/select-top";
import { readEntryIndex } from "./entry-index-cache";

/**
 * One page of entries filtered like `spire-server entry show`, straight from SPIRE. With
 * `spiffeIdContains` (part of an ID, which SPIRE cannot filter by) the page comes from the
 * console's entry index instead, sorted by SPIFFE ID (only the page is built), with the last
 * page's token empty.
 */
export async function listEntryPage(
  server: ServerConfig,
  query: EntryListQuery,
): Promise<{ entries: Entry[]; nextPageToken: string }> {
  await authorize("entries.read", { server: server.name });
  const filters = toEntryFilters(query);
  if (filters.spiffeIdContains) {
    const index = await readEntryIndex(server, await serverTrustDomain(server));
    const test = compileEntryFilter(index, filters)!;
    const matching: number[] = [];
    for (const slot of index.liveSlots()) if (test(slot)) matching.push(slot);
    const offset = readOffsetToken(query.pageToken);
    const page = selectTop(Int32Array.from(matching), offset + query.pageSize, index.order).slice(offset);
    const entries = page.map((slot) => index.columns.entryAt(slot));
    return { entries, nextPageToken: nextOffsetToken(offset, entries.length, matching.length) };
  }
  const page = await listEntries(server, filters, { pageSize: query.pageSize, pageToken: query.pageToken });
  // SPIRE hands out a token even with the last page; a page that is not full is the last one.
  return { entries: page.items, nextPageToken: page.items.length < query.pageSize ? "" : page.nextPageToken };
}
