"use client";

import { useQuery } from "@tanstack/react-query";

import { fetchFederationGraph } from "@/lib/query/api";
import { federationGraphKeys } from "@/lib/query/keys";

/** The federation graph across all servers, refreshed every 15 s. */
export function useFederationGraph() {
  return useQuery({
    queryKey: federationGraphKeys.all,
    queryFn: () => fetchFederationGraph(),
    refetchInterval: 15_000,
  });
}
