"use client";

import { useQuery } from "@tanstack/react-query";

import type { Overview } from "@/lib/overview/load-overview";
import { fetchJson } from "@/lib/query/fetch-json";
import { overviewKeys } from "@/lib/query/keys";

/** Every problem the console knows, nearest expiries and the federation summary; refreshed every 20 s. */
export function useOverview() {
  return useQuery({
    queryKey: overviewKeys.all,
    queryFn: () => fetchJson<Overview>("/api/overview"),
    refetchInterval: 20_000,
  });
}
