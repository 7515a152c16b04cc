"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";

import type { RotationView, StepId } from "@/lib/authorities/rotation-types";
import { refreshFederatedBundle, serverApiPath } from "@/lib/query/api";
import { fetchJson } from "@/lib/query/fetch-json";
import { authorityKeys, expiryKeys, federationKeys, overviewKeys } from "@/lib/query/keys";
import type { AuthorityKind } from "@/lib/spire/types";

export type Rotations = Record<AuthorityKind, RotationView>;

const base = (server: string) => serverApiPath(server, "/authorities");

/** The cockpit of one server, re-checked every 5 s (agents sync every 5 s, so preconditions move that fast). */
export function useRotations(server: string) {
  return useQuery({
    queryKey: authorityKeys.rotation(server),
    queryFn: () => fetchJson<Rotations>(`${base(server)}/rotation`),
    refetchInterval: 5_000,
  });
}

/** Runs one step; the answer carries the cockpit afterwards, and the page's server-rendered slots are read again. */
export function useRotationStep(server: string) {
  const client = useQueryClient();
  const router = useRouter();
  return useMutation({
    mutationFn: ({ kind, step, authorityId }: { kind: AuthorityKind; step: StepId; authorityId: string | null }) =>
      fetchJson<{ view: RotationView }>(`${base(server)}/${kind}/${step}`, { method: "POST", body: { authorityId } }),
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
