"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";

import { fetchAppliedPlans, fetchEntrySets, fetchPlan } from "@/lib/query/api";
import { applyEntryPlan, createEntryPlan } from "@/lib/query/api-changes";
import { entryKeys, entrySetKeys, entryTreeKeys, planKeys } from "@/lib/query/keys";

/** The watched sets and their drift, refreshed every 15 s while the page is open. */
export function useEntrySets() {
  return useQuery({ queryKey: entrySetKeys.all, queryFn: fetchEntrySets, refetchInterval: 15_000 });
}

/** Plans a pasted or uploaded file against the server (the plan is saved, so it can be applied). */
export function useCreatePlan(server: string) {
  return useMutation({ mutationFn: (file: { text: string; fileName?: string }) => createEntryPlan(server, file) });
}

/** Applies a saved plan; afterwards the entry views, the sets and the plan history are read again. */
export function useApplyPlan(server: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ planId, allowMassDelete }: { planId: string; allowMassDelete: boolean }) =>
      applyEntryPlan(server, planId, allowMassDelete),
    onSettled: () =>
      Promise.all([
        client.invalidateQueries({ queryKey: entryKeys.all(server) }),
        client.invalidateQueries({ queryKey: entryTreeKeys.all(server) }),
        client.invalidateQueries({ queryKey: entrySetKeys.all }),
        client.invalidateQueries({ queryKey: planKeys.all(server) }),
      ]),
  });
}

/** The plans applied on the server, newest first. */
export function usePlanHistory(server: string) {
  return useQuery({ queryKey: planKeys.history(server), queryFn: () => fetchAppliedPlans(server) });
}

/** One saved plan, read when `planId` is set (the undo plan an apply offers). */
export function useSavedPlan(server: string, planId: string | null) {
  return useQuery({
    queryKey: planKeys.one(server, planId ?? ""),
    queryFn: () => fetchPlan(server, planId!),
    enabled: planId !== null,
  });
}
