import Link from "next/link";

import { Badge } from "@/components/ui/badge";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { FederationEdge } from "@/lib/federation/build-graph";
import { formatAbsolute, formatDuration, formatRelative } from "@/lib/format/time";
import { links } from "@/lib/links";

import { RefreshBundleButton } from "./refresh-bundle-button";

/** One server's federation relationships: endpoint, profile, bundle state, CA expiry, entries, refresh. */
export function FederationTable({ server, edges }: { server: string; edges: FederationEdge[] }) {
  return (
    <Table caption={`Federation relationships of ${server}`}>
      <TableHeader>
        <TableRow>
          <TableHead className="px-4">Trust domain</TableHead>
          <TableHead className="px-4">Bundle endpoint</TableHead>
          <TableHead className="px-4">Profile</TableHead>
          <TableHead className="px-4">Bundle</TableHead>
          <TableHead className="px-4">Refresh hint</TableHead>
          <TableHead className="px-4">CA not after</TableHead>
          <TableHead className="px-4">Entries</TableHead>
          <TableHead className="px-4">
            <span className="sr-only">Actions</span>
          </TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {edges.map((row) => (
          <TableRow key={row.to} data-testid="federation-row">
            <TableCell className="px-4 font-mono text-xs">{row.to}</TableCell>
            <TableCell className="px-4 font-mono text-xs">{row.bundleEndpointUrl}</TableCell>
            <TableCell className="px-4 text-xs">
              {row.profile}
              {row.endpointSpiffeId ? (
                <div className="font-mono text-[11px] text-slate-500">{row.endpointSpiffeId}</div>
              ) : null}
            </TableCell>
            <TableCell className="px-4">
              {row.bundlePresent ? (
                <Badge tone="good">present · seq {row.sequenceNumber}</Badge>
              ) : (
                <Badge tone="bad">missing</Badge>
              )}
            </TableCell>
            <TableCell className="px-4 text-xs">{row.refreshHint ? formatDuration(row.refreshHint) : "–"}</TableCell>
            <TableCell className="px-4 text-xs" title={row.caNotAfter ? formatAbsolute(row.caNotAfter) : undefined}>
              {row.caNotAfter ? formatRelative(row.caNotAfter) : "–"}
            </TableCell>
            <TableCell className="px-4 text-xs">
              <Link
                className="text-sky-800 hover:underline"
                href={links.entries(server, { view: "table", federatesWith: row.to })}
                aria-label={`${row.entryCount} entries federating with ${row.to}`}
              >
                {row.entryCount}
              </Link>
            </TableCell>
            <TableCell className="px-4">
              <RefreshBundleButton server={server} trustDomain={row.to} />
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
