"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";

import { useAccess } from "@/components/auth/access-provider";
import { Button } from "@/components/ui/button";
import { useToast } from "@/components/ui/toaster";
import type { FederationGraph } from "@/lib/federation/build-graph";
import { links } from "@/lib/links";
import { refreshFederatedBundle } from "@/lib/query/api-changes";
import { expiryKeys, federationGraphKeys, federationKeys, overviewKeys } from "@/lib/query/keys";

/**
 * Asks `server` to fetch `trustDomain`'s bundle now, then refreshes the federation views and says
 * what happened in a toast: the bundle's sequence number before and after, or the error.
 */
export function RefreshBundleButton({ server, trustDomain }: { server: string; trustDomain: string }) {
  const allowed = useAccess("federation.refresh", server).allowed;
  const client = useQueryClient();
  const toast = useToast();
  const sequence = () =>
    client
      .getQueryData<FederationGraph>(federationGraphKeys.all)
      ?.edges.find((e) => e.server === server && e.to === trustDomain)?.sequenceNumber ?? null;
  const mutation = useMutation({
    mutationFn: async () => {
      const before = sequence();
      await refreshFederatedBundle(server, trustDomain);
      return before;
    },
    onSuccess: async (before) => {
      await client.refetchQueries({ queryKey: federationGraphKeys.all });
      const after = sequence();
      toast({
        title: `Refreshed ${trustDomain}'s bundle on ${server}`,
        description:
          after === null
            ? "The server holds no bundle for it yet."
            : before === after
              ? `Sequence ${after}, unchanged: the bundle was already current.`
              : `Sequence ${before ?? "none"} → ${after}.`,
        link: { href: links.federation(server), label: "Federation" },
      });
    },
    onError: (error) =>
      toast({ tone: "error", title: `Refreshing ${trustDomain} on ${server} failed`, description: error.message }),
    onSettled: () =>
      Promise.all(
        [federationGraphKeys.all, federationKeys.all(server), expiryKeys.all, overviewKeys.all].map((queryKey) =>
          client.invalidateQueries({ queryKey }),
        ),
      ),
  });
  if (!allowed) return null;
  return (
    <span className="inline-flex flex-col items-start gap-1">
      <Button size="sm" variant="secondary" onClick={() => mutation.mutate()} disabled={mutation.isPending}>
        {mutation.isPending ? "Refreshing…" : "Refresh now"}
        <span className="sr-only">
          : {trustDomain} bundle on {server}
        </span>
      </Button>
      {mutation.isError ? (
        <span role="alert" className="text-xs text-red-700">
          {mutation.error.message}
        </span>
      ) : null}
    </span>
  );
}
