"use client";

import { useQuery } from "@tanstack/react-query";

import type { ServersResponse } from "@/lib/servers/list-server-summaries";
import { fetchJson } from "@/lib/query/fetch-json";
import { serverKeys } from "@/lib/query/keys";

/** Every configured server's health, refreshed every 10 seconds. */
export function useServers(initialData?: ServersResponse) {
  return useQuery({
    queryKey: serverKeys.all,
    queryFn: () => fetchJson<ServersResponse>("/api/servers"),
    initialData,
    refetchInterval: 10_000,
  });
}
