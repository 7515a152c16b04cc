"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";

import { type CleanupOptions, fetchCleanupReport } from "@/lib/query/api";
import { applyCleanup, dryRunCleanup } from "@/lib/query/api-changes";
import { agentKeys, cleanupKeys, entryKeys, entryTreeKeys, overviewKeys } from "@/lib/query/keys";

export type { CleanupOptions };

/** The findings of one server under the finder's options. */
export function useCleanupReport(server: string, options: CleanupOptions) {
  return useQuery({
    queryKey: cleanupKeys.report(server, options),
    queryFn: () => fetchCleanupReport(server, options),
  });
}

/** The dry run of a selection: what would be sent and what it would affect. */
export function useDryRun(server: string) {
  return useMutation({ mutationFn: (body: CleanupOptions & { keys: string[] }) => dryRunCleanup(server, body) });
}

/** Applies a selection as one batch, then refreshes every view of entries and agents. */
export function useApplyCleanup(server: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: CleanupOptions & { keys: string[] }) => applyCleanup(server, body),
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
