"use client";

import { Badge } from "@/components/ui/badge";
import { PagedFooter } from "@/components/ui/paged-footer";
import { SelectorChips } from "@/components/ui/selector-chips";
import { StatePanel } from "@/components/ui/state-panel";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { controllerManagedReasons } from "@/lib/entries/controller-managed";
import { formatAbsolute, formatRelative } from "@/lib/format/time";
import type { EntryFilters } from "@/lib/spire/types";

import { useEntryList } from "./use-entry-list";

/** The flat, paged list of one server's entries under the current filters. */
export function EntryTable({ server, filters }: { server: string; filters: EntryFilters }) {
  const query = useEntryList(server, filters);
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
          <TableHead className="w-[30%] px-4">SPIFFE ID</TableHead>
          <TableHead className="w-[28%] px-4">Parent</TableHead>
          <TableHead className="px-4">Selectors</TableHead>
          <TableHead className="w-32 px-4">Flags</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {entries.map((entry) => (
          <TableRow key={entry.id} data-testid="entry-row">
            <TableCell className="truncate px-4 font-mono text-xs" title={entry.spiffeId}>
              {entry.spiffeId}
              <div className="text-[11px] text-slate-500">{entry.id}</div>
            </TableCell>
            <TableCell className="truncate px-4 font-mono text-xs" title={entry.parentId}>
              {entry.parentId}
            </TableCell>
            <TableCell className="px-4">
              <SelectorChips selectors={entry.selectors} />
            </TableCell>
            <TableCell className="space-x-1 space-y-1 px-4">
              {controllerManagedReasons(entry).length ? (
                <Badge tone="neutral" title={controllerManagedReasons(entry).join(" ")}>
                  controller
                </Badge>
              ) : null}
              {entry.admin ? <Badge tone="warn">admin</Badge> : null}
              {entry.downstream ? <Badge tone="info">downstream</Badge> : null}
              {entry.federatesWith.length ? <Badge title={entry.federatesWith.join(", ")}>federated</Badge> : null}
              {entry.expiresAt ? (
                <Badge
                  tone={Date.parse(entry.expiresAt) - now < 86_400_000 ? "bad" : "neutral"}
                  title={formatAbsolute(entry.expiresAt)}
                >
                  expires {formatRelative(entry.expiresAt, now)}
                </Badge>
              ) : null}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
