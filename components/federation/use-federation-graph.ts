"use client";

import { useQuery } from "@tanstack/react-query";

import type { FederationGraph } from "@/lib/federation/build-graph";
import { fetchJson } from "@/lib/query/fetch-json";
import { federationGraphKeys } from "@/lib/query/keys";

/** The federation graph across all servers, refreshed every 15 s. */
export function useFederationGraph() {
  return useQuery({
    queryKey: federationGraphKeys.all,
    queryFn: () => fetchJson<FederationGraph>("/api/federation"),
    refetchInterval: 15_000,
  });
}
