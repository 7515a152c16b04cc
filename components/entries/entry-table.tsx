"use client";

import { Badge } from "@/components/ui/badge";
import { PagedFooter } from "@/components/ui/paged-footer";
import { SelectorChips } from "@/components/ui/selector-chips";
import { SortableHead, sortRows, useSort } from "@/components/ui/sortable-head";
import { SpiffeId } from "@/components/ui/spiffe-id";
import { StatePanel } from "@/components/ui/state-panel";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { TimeText } from "@/components/ui/time-text";
import { controllerManagedReasons } from "@/lib/entries/controller-managed";
import { links } from "@/lib/links";
import { IndexBuildingError } from "@/lib/query/fetch-indexed";
import type { Entry, EntryFilters } from "@/lib/spire/types";

import { IndexProgressPanel } from "./index-progress-panel";
import { useEntryList } from "./use-entry-list";

type Column = "spiffeId" | "parentId" | "expires";
const sortValue: Record<Column, (e: Entry) => string | number> = {
  spiffeId: (e) => e.spiffeId,
  parentId: (e) => e.parentId,
  expires: (e) => (e.expiresAt ? Date.parse(e.expiresAt) : Number.MAX_SAFE_INTEGER),
};

/** The flat, paged list of one server's entries under the current filters; columns sort what is loaded. */
export function EntryTable({ server, filters }: { server: string; filters: EntryFilters }) {
  const query = useEntryList(server, filters);
  const { sort, toggle } = useSort<Column>();
  if (query.isPending && query.failureReason instanceof IndexBuildingError)
    return <IndexProgressPanel progress={query.failureReason.progress} />;
  if (query.isPending) return <StatePanel tone="loading" title="Loading entries…" />;
  if (query.isError)
    return (
      <StatePanel tone="error" title="Could not load entries">
        {query.error.message}
      </StatePanel>
    );
  const entries = query.data.pages.flatMap((page) => page.entries);
  if (entries.length === 0) return <StatePanel tone="empty" title="No entries match these filters." />;
  const now = query.dataUpdatedAt; // relative times are relative to when the list was read
  return (
    <Table
      caption={`Entries of ${server}`}
      layout="fixed"
      overflow="hidden"
      stack
      footer={
        <PagedFooter
          shown={entries.length}
          hasMore={query.hasNextPage}
          loading={query.isFetchingNextPage}
          onMore={() => void query.fetchNextPage()}
        />
      }
    >
      <TableHeader>
        <TableRow>
          <SortableHead column="spiffeId" label="SPIFFE ID" sort={sort} onSort={toggle} className="w-[32%] px-4" />
          <SortableHead column="parentId" label="Parent" sort={sort} onSort={toggle} className="w-[28%] px-4" />
          <TableHead className="px-4">Selectors</TableHead>
          <SortableHead column="expires" label="Flags" sort={sort} onSort={toggle} className="w-36 px-4" />
        </TableRow>
      </TableHeader>
      <TableBody>
        {sortRows(entries, sort, sortValue).map((entry) => (
          <TableRow key={entry.id} data-testid="entry-row">
            <TableCell className="px-4 text-xs" data-label="SPIFFE ID">
              <SpiffeId value={entry.spiffeId} href={links.entry(server, entry.id)} />
              <div className="font-mono text-[11px] text-slate-600">{entry.id}</div>
            </TableCell>
            <TableCell className="px-4 text-xs" data-label="Parent">
              <SpiffeId value={entry.parentId} label="parent ID" />
            </TableCell>
            <TableCell className="px-4" data-label="Selectors">
              <SelectorChips selectors={entry.selectors} />
            </TableCell>
            <TableCell className="space-y-1 space-x-1 px-4" data-label="Flags">
              {controllerManagedReasons(entry).length ? (
                <Badge tone="neutral" title={controllerManagedReasons(entry).join(" ")}>
                  controller
                </Badge>
              ) : null}
              {entry.admin ? <Badge tone="warn">admin</Badge> : null}
              {entry.downstream ? <Badge tone="info">downstream</Badge> : null}
              {entry.federatesWith.length ? <Badge title={entry.federatesWith.join(", ")}>federated</Badge> : null}
              {entry.expiresAt ? (
                <Badge tone={Date.parse(entry.expiresAt) - now < 86_400_000 ? "bad" : "neutral"}>
                  expires&nbsp;
                  <TimeText iso={entry.expiresAt} now={now} />
                </Badge>
              ) : null}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
