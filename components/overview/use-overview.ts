"use client";

import { useQuery } from "@tanstack/react-query";

import { fetchOverview } from "@/lib/query/api";
import { overviewKeys } from "@/lib/query/keys";

/** Every problem the console knows, nearest expiries and the federation summary; refreshed every 20 s. */
export function useOverview() {
  return useQuery({ queryKey: overviewKeys.all, queryFn: () => fetchOverview(), refetchInterval: 20_000 });
}
