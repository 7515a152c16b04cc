"use client";

import { useQuery } from "@tanstack/react-query";

import { fetchServers } from "@/lib/query/api";
import { serverKeys } from "@/lib/query/keys";
import type { ServersResponse } from "@/lib/servers/list-server-summaries";

/**
 * Every configured server's health, refreshed every 10 seconds. `renderedAt` (epoch ms) is when
 * the server read `initialData`: relative times then render the same in the server's HTML and
 * in the browser's first render (no hydration mismatch).
 */
export function useServers(initialData?: ServersResponse, renderedAt?: number) {
  return useQuery({
    queryKey: serverKeys.all,
    queryFn: () => fetchServers(),
    initialData,
    initialDataUpdatedAt: renderedAt,
    refetchInterval: 10_000,
  });
}
