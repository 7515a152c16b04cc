"use client";

import { Badge } from "@/components/ui/badge";
import { PagedFooter } from "@/components/ui/paged-footer";
import { SelectorChips } from "@/components/ui/selector-chips";
import { StatePanel } from "@/components/ui/state-panel";
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
  const now = Date.now();
  return (
    <div className="overflow-hidden rounded-lg border border-slate-200 bg-white">
      <table className="w-full table-fixed text-sm">
        <thead className="bg-slate-50 text-left text-xs uppercase text-slate-500">
          <tr>
            <th className="w-[30%] px-4 py-2">SPIFFE ID</th>
            <th className="w-[28%] px-4 py-2">Parent</th>
            <th className="px-4 py-2">Selectors</th>
            <th className="w-32 px-4 py-2">Flags</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {entries.map((entry) => (
            <tr key={entry.id} data-testid="entry-row" className="align-top">
              <td className="truncate px-4 py-2 font-mono text-xs" title={entry.spiffeId}>
                {entry.spiffeId}
                <div className="text-[11px] text-slate-400">{entry.id}</div>
              </td>
              <td className="truncate px-4 py-2 font-mono text-xs" title={entry.parentId}>
                {entry.parentId}
              </td>
              <td className="px-4 py-2">
                <SelectorChips selectors={entry.selectors} />
              </td>
              <td className="space-x-1 space-y-1 px-4 py-2">
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
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <PagedFooter
        shown={entries.length}
        hasMore={query.hasNextPage}
        loading={query.isFetchingNextPage}
        onMore={() => query.fetchNextPage()}
      />
    </div>
  );
}
