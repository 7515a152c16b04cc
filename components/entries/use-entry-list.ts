"use client";

import { useInfiniteQuery } from "@tanstack/react-query";

import { serverApiPath } from "@/lib/query/api";
import { entryFilterParams } from "@/lib/query/entry-filter-params";
import { fetchIndexed, retryIndexed, retryIndexedDelay } from "@/lib/query/fetch-indexed";
import { fetchJson } from "@/lib/query/fetch-json";
import { entryKeys } from "@/lib/query/keys";
import type { Entry, EntryFilters } from "@/lib/spire/types";

type EntryPage = { entries: Entry[]; nextPageToken: string };

/** The `GET /api/servers/{server}/entries` query string for `filters` and one page. */
export function entryListUrl(server: string, filters: EntryFilters, pageToken: string, pageSize = 200): string {
  const params = entryFilterParams(filters);
  params.set("pageSize", String(pageSize));
  if (pageToken) params.set("pageToken", pageToken);
  return serverApiPath(server, `/entries?${params.toString()}`);
}

/**
 * Entries of one server, one SPIRE page (200) at a time. With `spiffeIdContains` the pages come
 * from the entry index: while its first walk runs the query keeps retrying (see IndexBuildingError).
 */
export function useEntryList(server: string, filters: EntryFilters) {
  return useInfiniteQuery({
    queryKey: entryKeys.list(server, filters),
    queryFn: ({ pageParam }) =>
      filters.spiffeIdContains
        ? fetchIndexed<EntryPage>(server, entryListUrl(server, filters, pageParam))
        : fetchJson<EntryPage>(entryListUrl(server, filters, pageParam)),
    initialPageParam: "",
    getNextPageParam: (last) => last.nextPageToken || undefined,
    refetchInterval: 30_000,
    retry: retryIndexed,
    retryDelay: retryIndexedDelay,
  });
}
