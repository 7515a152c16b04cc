"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";

import type { StepId } from "@/lib/authorities/rotation-types";
import { fetchRotations } from "@/lib/query/api";
import { refreshFederatedBundle, runRotationStep } from "@/lib/query/api-changes";
import { authorityKeys, expiryKeys, federationKeys, overviewKeys } from "@/lib/query/keys";
import type { AuthorityKind } from "@/lib/spire/types";

/** The cockpit of one server, re-checked every 5 s (agents sync every 5 s, so preconditions move that fast). */
export function useRotations(server: string) {
  return useQuery({
    queryKey: authorityKeys.rotation(server),
    queryFn: () => fetchRotations(server),
    refetchInterval: 5_000,
  });
}

/** Runs one step; the answer carries the cockpit afterwards, and the page's server-rendered slots are read again. */
export function useRotationStep(server: string) {
  const client = useQueryClient();
  const router = useRouter();
  return useMutation({
    mutationFn: ({ kind, step, authorityId }: { kind: AuthorityKind; step: StepId; authorityId: string | null }) =>
      runRotationStep(server, kind, step, authorityId),
    onSuccess: () => router.refresh(),
    onSettled: () =>
      Promise.all(
        [authorityKeys.all(server), expiryKeys.all, overviewKeys.all, federationKeys.all(server)].map((queryKey) =>
          client.invalidateQueries({ queryKey }),
        ),
      ),
  });
}

/** Asks a partner server to fetch this trust domain's bundle now (the federation refresh). */
export function usePartnerRefresh(server: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ partner, trustDomain }: { partner: string; trustDomain: string }) =>
      refreshFederatedBundle(partner, trustDomain),
    onSettled: () => client.invalidateQueries({ queryKey: authorityKeys.all(server) }),
  });
}
