"use client";

import { useQuery } from "@tanstack/react-query";

import { Badge } from "@/components/ui/badge";
import { StatePanel } from "@/components/ui/state-panel";
import { fetchJson } from "@/lib/query/fetch-json";
import { federationKeys } from "@/lib/query/keys";
import { formatAbsolute, formatRelative } from "@/lib/format/time";
import type { FederationRelationship } from "@/lib/spire/types";

/** Earliest not-after among a bundle's X.509 authorities. */
function earliestNotAfter(relationship: FederationRelationship): string | null {
  const times = (relationship.bundle?.x509Authorities ?? []).map((a) => a.notAfter).filter((t): t is string => t !== null);
  return times.sort()[0] ?? null;
}

/** One server's federation relationships and the bundles it holds for them. */
export function FederationTable({ server }: { server: string }) {
  const query = useQuery({
    queryKey: federationKeys.relationships(server),
    queryFn: () => fetchJson<{ federations: FederationRelationship[] }>(`/api/servers/${encodeURIComponent(server)}/federations`),
    refetchInterval: 30_000,
  });
  if (query.isPending) return <StatePanel tone="loading" title="Loading federation relationships…" />;
  if (query.isError) return <StatePanel tone="error" title="Could not load federation">{query.error.message}</StatePanel>;
  const rows = query.data.federations;
  if (rows.length === 0) return <StatePanel tone="empty" title="This server federates with no other trust domain." />;
  return (
    <div className="overflow-hidden rounded-lg border border-slate-200 bg-white">
      <table className="w-full text-sm">
        <thead className="bg-slate-50 text-left text-xs uppercase text-slate-500">
          <tr>
            <th className="px-4 py-2">Trust domain</th>
            <th className="px-4 py-2">Bundle endpoint</th>
            <th className="px-4 py-2">Profile</th>
            <th className="px-4 py-2">Bundle</th>
            <th className="px-4 py-2">CA not after</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.map((row) => {
            const notAfter = earliestNotAfter(row);
            return (
              <tr key={row.trustDomain} data-testid="federation-row">
                <td className="px-4 py-2 font-mono text-xs">{row.trustDomain}</td>
                <td className="px-4 py-2 font-mono text-xs">{row.bundleEndpointUrl}</td>
                <td className="px-4 py-2 text-xs">
                  {row.profile.type}
                  {row.profile.type === "https_spiffe" ? <div className="font-mono text-[11px] text-slate-500">{row.profile.endpointSpiffeId}</div> : null}
                </td>
                <td className="px-4 py-2">
                  {row.bundle ? <Badge tone="good">present · seq {row.bundle.sequenceNumber}</Badge> : <Badge tone="bad">missing</Badge>}
                </td>
                <td className="px-4 py-2 text-xs" title={notAfter ? formatAbsolute(notAfter) : undefined}>
                  {notAfter ? formatRelative(notAfter) : "–"}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
