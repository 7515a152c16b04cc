"use client";

import { useInfiniteQuery } from "@tanstack/react-query";

import { fetchEntryListPage } from "@/lib/query/api";
import { retryIndexed, retryIndexedDelay } from "@/lib/query/fetch-indexed";
import { entryKeys } from "@/lib/query/keys";
import type { EntryFilters } from "@/lib/spire/types";

/**
 * Entries of one server, one SPIRE page (200) at a time. With `spiffeIdContains` the pages come
 * from the entry index: while its first walk runs the query keeps retrying (see IndexBuildingError).
 */
export function useEntryList(server: string, filters: EntryFilters) {
  return useInfiniteQuery({
    queryKey: entryKeys.list(server, filters),
    queryFn: ({ pageParam }) => fetchEntryListPage(server, filters, pageParam),
    initialPageParam: "",
    getNextPageParam: (last) => last.nextPageToken || undefined,
    refetchInterval: 30_000,
    retry: retryIndexed,
    retryDelay: retryIndexedDelay,
  });
}
