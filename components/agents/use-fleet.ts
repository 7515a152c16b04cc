"use client";

import { useInfiniteQuery, useMutation, useQueryClient } from "@tanstack/react-query";

import type { AgentBatchAction, AgentBatchAnswer } from "@/lib/agents/batch-agent-actions";
import type { FleetFilters } from "@/lib/agents/fleet";
import type { FleetPage } from "@/lib/agents/load-fleet";
import { serverApiPath } from "@/lib/query/api";
import { fetchIndexed, retryIndexed, retryIndexedDelay } from "@/lib/query/fetch-indexed";
import { fetchJson } from "@/lib/query/fetch-json";
import { agentKeys, entryTreeKeys, expiryKeys, overviewKeys } from "@/lib/query/keys";

export const FLEET_PAGE_SIZE = 200;

const base = (server: string) => serverApiPath(server, "/agents");

function fleetUrl(server: string, filters: FleetFilters, offset: number): string {
  const params = new URLSearchParams({ offset: String(offset), limit: String(FLEET_PAGE_SIZE) });
  for (const [key, value] of Object.entries(filters))
    if (value !== undefined && value !== "") params.set(key, String(value));
  return `${base(server)}/fleet?${params.toString()}`;
}

/** The fleet's health and its agents under the filters, 200 at a time from the server. */
export function useFleet(server: string, filters: FleetFilters) {
  return useInfiniteQuery({
    queryKey: agentKeys.fleet(server, filters),
    // The fleet comes from the entry index: while its first walk runs, the error carries how far it is.
    queryFn: ({ pageParam }) => fetchIndexed<FleetPage>(server, fleetUrl(server, filters, pageParam)),
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
      fetchJson<AgentBatchAnswer>(`${base(server)}/batch-${action}`, { method: "POST", body: { ids, dryRun } }),
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
