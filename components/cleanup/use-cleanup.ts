"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";

import type { CleanupReport, CleanupResult, DryRun } from "@/lib/cleanup/cleanup-types";
import { serverApiPath } from "@/lib/query/api";
import { fetchJson } from "@/lib/query/fetch-json";
import { agentKeys, cleanupKeys, entryKeys, entryTreeKeys, overviewKeys } from "@/lib/query/keys";

export type CleanupOptions = { agentExpiredDays: number; includeControllerOwned: boolean };

const base = (server: string) => serverApiPath(server, "/cleanup");

/** The findings of one server under the finder's options. */
export function useCleanupReport(server: string, options: CleanupOptions) {
  const params = new URLSearchParams({
    agentExpiredDays: String(options.agentExpiredDays),
    includeControllerOwned: String(options.includeControllerOwned),
  });
  return useQuery({
    queryKey: cleanupKeys.report(server, options),
    queryFn: () => fetchJson<CleanupReport>(`${base(server)}?${params.toString()}`),
  });
}

/** The dry run of a selection: what would be sent and what it would affect. */
export function useDryRun(server: string) {
  return useMutation({
    mutationFn: (body: CleanupOptions & { keys: string[] }) =>
      fetchJson<DryRun>(`${base(server)}/dry-run`, { method: "POST", body }),
  });
}

/** Applies a selection as one batch, then refreshes every view of entries and agents. */
export function useApplyCleanup(server: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: CleanupOptions & { keys: string[] }) =>
      fetchJson<CleanupResult>(`${base(server)}/apply`, { method: "POST", body }),
    onSettled: () =>
      Promise.all(
        [
          cleanupKeys.all(server),
          entryKeys.all(server),
          entryTreeKeys.all(server),
          agentKeys.all(server),
          overviewKeys.all,
        ].map((queryKey) => client.invalidateQueries({ queryKey })),
      ),
  });
}
