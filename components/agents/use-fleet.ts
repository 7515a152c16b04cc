"use client";

import { useInfiniteQuery, useMutation, useQueryClient } from "@tanstack/react-query";

import type { AgentBatchAction } from "@/lib/agents/batch-agent-actions";
import type { FleetFilters } from "@/lib/agents/fleet";
import { fetchFleetPage } from "@/lib/query/api";
import { sendAgentBatch } from "@/lib/query/api-changes";
import { retryIndexed, retryIndexedDelay } from "@/lib/query/fetch-indexed";
import { agentKeys, entryTreeKeys, expiryKeys, overviewKeys } from "@/lib/query/keys";

export const FLEET_PAGE_SIZE = 200;

/** The fleet's health and its agents under the filters, 200 at a time from the server. */
export function useFleet(server: string, filters: FleetFilters) {
  return useInfiniteQuery({
    queryKey: agentKeys.fleet(server, filters),
    // The fleet comes from the entry index: while its first walk runs, the error carries how far it is.
    queryFn: ({ pageParam }) => fetchFleetPage(server, filters, pageParam, FLEET_PAGE_SIZE),
    initialPageParam: 0,
    getNextPageParam: (last) =>
      last.offset + last.agents.length < last.total ? last.offset + last.agents.length : undefined,
    refetchInterval: 30_000,
    retry: retryIndexed,
    retryDelay: retryIndexedDelay,
  });
}

/** Bans or evicts agents in one batch (`dryRun`: only what would be sent), then refreshes what shows agents. */
export function useAgentBatch(server: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ action, ids, dryRun }: { action: AgentBatchAction; ids: string[]; dryRun: boolean }) =>
      sendAgentBatch(server, action, { ids, dryRun }),
    onSettled: (_data, _error, variables) =>
      variables.dryRun
        ? undefined
        : Promise.all(
            [agentKeys.all(server), entryTreeKeys.all(server), expiryKeys.all, overviewKeys.all].map((queryKey) =>
              client.invalidateQueries({ queryKey }),
            ),
          ),
  });
}
