import Link from "next/link";

import { Badge } from "@/components/ui/badge";
import { SpiffeId } from "@/components/ui/spiffe-id";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { TimeText } from "@/components/ui/time-text";
import type { FederationEdge } from "@/lib/federation/build-graph";
import { formatDuration } from "@/lib/format/time";
import { links } from "@/lib/links";

import { FreshnessCell } from "./freshness-cell";
import { RefreshBundleButton } from "./refresh-bundle-button";

/** The last refresh asked for from the console: when, and the error if it failed. */
function LastRefresh({ row, now }: { row: FederationEdge; now: number }) {
  const last = row.lastRefresh;
  if (!last)
    return (
      <span className="text-slate-600">
        not from here{row.refreshHint ? ` (refresh hint ${formatDuration(row.refreshHint)})` : ""}
      </span>
    );
  return (
    <span data-testid="last-refresh" data-ok={last.ok}>
      <TimeText iso={last.at} now={now} /> {last.ok ? <Badge tone="good">ok</Badge> : <Badge tone="bad">failed</Badge>}
      {last.error ? <span className="mt-0.5 block break-words text-red-800">{last.error}</span> : null}
    </span>
  );
}

/** One server's federation relationships: endpoint, profile, bundle state, CA expiry, entries, last refresh. */
export function FederationTable({ server, edges, now }: { server: string; edges: FederationEdge[]; now: number }) {
  return (
    <Table caption={`Federation relationships of ${server}`} stack>
      <TableHeader>
        <TableRow>
          <TableHead className="px-4">Trust domain</TableHead>
          <TableHead className="px-4">Bundle endpoint</TableHead>
          <TableHead className="px-4">Bundle</TableHead>
          <TableHead className="px-4">CA expires</TableHead>
          <TableHead className="px-4">Entries</TableHead>
          <TableHead className="px-4">Freshness</TableHead>
          <TableHead className="px-4">Last refresh</TableHead>
          <TableHead className="px-4">
            <span className="sr-only">Actions</span>
          </TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {edges.map((row) => (
          <TableRow key={row.to} data-testid="federation-row">
            <TableCell className="px-4 font-mono text-xs" data-label="Trust domain">
              {row.to}
            </TableCell>
            <TableCell className="max-w-64 px-4 text-xs" data-label="Bundle endpoint">
              <span className="block font-mono break-all">{row.bundleEndpointUrl}</span>
              <span className="text-slate-600">{row.profile}</span>
              {row.endpointSpiffeId ? (
                <SpiffeId value={row.endpointSpiffeId} copy={false} className="text-[11px] text-slate-600" />
              ) : null}
            </TableCell>
            <TableCell className="px-4" data-label="Bundle">
              {row.bundlePresent ? (
                <Badge tone="good">present · seq {row.sequenceNumber}</Badge>
              ) : (
                <Badge tone="bad">missing</Badge>
              )}
            </TableCell>
            <TableCell className="px-4 text-xs" data-label="CA expires">
              {row.caNotAfter ? <TimeText iso={row.caNotAfter} now={now} /> : "–"}
            </TableCell>
            <TableCell className="px-4 text-xs" data-label="Entries">
              <Link
                className="text-sky-800 hover:underline"
                href={links.entries(server, { view: "table", federatesWith: row.to })}
                aria-label={`${row.entryCount} entries federating with ${row.to}`}
              >
                {row.entryCount}
              </Link>
            </TableCell>
            <TableCell className="min-w-48 px-4 text-xs" data-label="Freshness">
              <FreshnessCell f={row.freshness} now={now} />
            </TableCell>
            <TableCell className="px-4 text-xs" data-label="Last refresh">
              <LastRefresh row={row} now={now} />
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
