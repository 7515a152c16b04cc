"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";

import type { ApplyResult, Plan } from "@/lib/entries-as-code/types";
import type { EntrySetStatus } from "@/lib/entry-sets/drift-state";
import { fetchJson } from "@/lib/query/fetch-json";
import { entryKeys, entrySetKeys, entryTreeKeys, planKeys } from "@/lib/query/keys";

const plansUrl = (server: string) => `/api/servers/${encodeURIComponent(server)}/plans`;

/** The watched sets and their drift, refreshed every 15 s while the page is open. */
export function useEntrySets() {
  return useQuery({
    queryKey: entrySetKeys.all,
    queryFn: () => fetchJson<{ sets: EntrySetStatus[] }>("/api/entry-sets"),
    refetchInterval: 15_000,
  });
}

/** Plans a pasted or uploaded file against the server (the plan is saved, so it can be applied). */
export function useCreatePlan(server: string) {
  return useMutation({
    mutationFn: (file: { text: string; fileName?: string }) =>
      fetchJson<Plan>(plansUrl(server), { method: "POST", body: file }),
  });
}

/** Applies a saved plan; afterwards the entry views, the sets and the plan history are read again. */
export function useApplyPlan(server: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ planId, allowMassDelete }: { planId: string; allowMassDelete: boolean }) =>
      fetchJson<ApplyResult>(`${plansUrl(server)}/${encodeURIComponent(planId)}/apply`, {
        method: "POST",
        body: { allowMassDelete },
      }),
    onSettled: () =>
      Promise.all([
        client.invalidateQueries({ queryKey: entryKeys.all(server) }),
        client.invalidateQueries({ queryKey: entryTreeKeys.all(server) }),
        client.invalidateQueries({ queryKey: entrySetKeys.all }),
        client.invalidateQueries({ queryKey: planKeys.all(server) }),
      ]),
  });
}

/** A plan as the history lists it: without its rows (read one plan for those). */
export type PlanListItem = Omit<Plan, "changes" | "unmanaged">;

/** The plans applied on the server, newest first. */
export function usePlanHistory(server: string) {
  return useQuery({
    queryKey: planKeys.history(server),
    queryFn: () => fetchJson<{ plans: PlanListItem[] }>(`${plansUrl(server)}?status=applied`),
  });
}
