import Link from "next/link";

import { Badge } from "@/components/ui/badge";
import { formatAbsolute, formatDuration, formatRelative } from "@/lib/format/time";
import type { FederationEdge } from "@/lib/federation/build-graph";

import { RefreshBundleButton } from "./refresh-bundle-button";

/** One server's federation relationships: endpoint, profile, bundle state, CA expiry, entries, refresh. */
export function FederationTable({ server, edges }: { server: string; edges: FederationEdge[] }) {
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
      <table className="w-full text-sm">
        <thead className="bg-slate-50 text-left text-xs uppercase text-slate-500">
          <tr>
            <th className="px-4 py-2">Trust domain</th>
            <th className="px-4 py-2">Bundle endpoint</th>
            <th className="px-4 py-2">Profile</th>
            <th className="px-4 py-2">Bundle</th>
            <th className="px-4 py-2">Refresh hint</th>
            <th className="px-4 py-2">CA not after</th>
            <th className="px-4 py-2">Entries</th>
            <th className="px-4 py-2">
              <span className="sr-only">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {edges.map((row) => (
            <tr key={row.to} data-testid="federation-row" className="align-top">
              <td className="px-4 py-2 font-mono text-xs">{row.to}</td>
              <td className="px-4 py-2 font-mono text-xs">{row.bundleEndpointUrl}</td>
              <td className="px-4 py-2 text-xs">
                {row.profile}
                {row.endpointSpiffeId ? (
                  <div className="font-mono text-[11px] text-slate-500">{row.endpointSpiffeId}</div>
                ) : null}
              </td>
              <td className="px-4 py-2">
                {row.bundlePresent ? (
                  <Badge tone="good">present · seq {row.sequenceNumber}</Badge>
                ) : (
                  <Badge tone="bad">missing</Badge>
                )}
              </td>
              <td className="px-4 py-2 text-xs">{row.refreshHint ? formatDuration(row.refreshHint) : "–"}</td>
              <td className="px-4 py-2 text-xs" title={row.caNotAfter ? formatAbsolute(row.caNotAfter) : undefined}>
                {row.caNotAfter ? formatRelative(row.caNotAfter) : "–"}
              </td>
              <td className="px-4 py-2 text-xs">
                <Link
                  className="text-sky-800 hover:underline"
                  href={`/entries?server=${encodeURIComponent(server)}&view=table&federatesWith=${encodeURIComponent(row.to)}`}
                >
                  {row.entryCount}
                </Link>
              </td>
              <td className="px-4 py-2">
                <RefreshBundleButton server={server} trustDomain={row.to} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
