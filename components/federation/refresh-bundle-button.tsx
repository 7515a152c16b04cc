"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";

import { useAccess } from "@/components/auth/access-provider";
import { Button } from "@/components/ui/button";
import { fetchJson } from "@/lib/query/fetch-json";
import { expiryKeys, federationGraphKeys, federationKeys, overviewKeys } from "@/lib/query/keys";

/** Asks `server` to fetch `trustDomain`'s bundle now, then refreshes the federation views. */
export function RefreshBundleButton({ server, trustDomain }: { server: string; trustDomain: string }) {
  const allowed = useAccess("federation.refresh", server).allowed;
  const client = useQueryClient();
  const mutation = useMutation({
    mutationFn: () =>
      fetchJson<null>(
        `/api/servers/${encodeURIComponent(server)}/federations/${encodeURIComponent(trustDomain)}/refresh`,
        { method: "POST", body: {} },
      ),
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
      {mutation.isSuccess ? <span className="text-xs text-emerald-700">refreshed</span> : null}
    </span>
  );
}
