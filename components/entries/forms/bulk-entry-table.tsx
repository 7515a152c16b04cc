"use client";

import { ExportAsCodeLink } from "@/components/entries-as-code/export-as-code-link";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { PagedFooter } from "@/components/ui/paged-footer";
import { StatePanel } from "@/components/ui/state-panel";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { EntryFilters } from "@/lib/spire/types";

import { useBulkEntries } from "./use-bulk-entries";

/** The filtered entries with checkboxes: export the whole filtered list, or delete the selected ones. */
export function BulkEntryTable({ server, filters }: { server: string; filters: EntryFilters }) {
  const bulk = useBulkEntries(server, filters);
  const { query, remove, entries, chosen, selected, results, failures, exporting } = bulk;

  if (query.isPending) return <StatePanel tone="loading" title="Loading entries…" />;
  if (query.isError)
    return (
      <StatePanel tone="error" title="Could not load entries">
        {query.error.message}
      </StatePanel>
    );
  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-center gap-2">
        <Button variant="secondary" size="sm" onClick={() => void bulk.exportAll()}>
          Export filtered list (JSON)
        </Button>
        {chosen.length ? (
          <ExportAsCodeLink
            server={server}
            scope={{ ids: chosen.map((e) => e.id) }}
            label={`Export selected as code (${chosen.length})`}
          />
        ) : null}
        <Button variant="destructive" size="sm" disabled={chosen.length === 0} onClick={() => bulk.setConfirming(true)}>
          Delete selected ({chosen.length})
        </Button>
        {exporting ? (
          <span role="status" className="text-sm text-slate-600">
            {exporting}
          </span>
        ) : null}
        {results ? (
          <span role="status" data-testid="bulk-delete-summary" className="text-sm">
            {results.filter((r) => r.status.code === "ok").length} deleted, {failures.length} failed.
          </span>
        ) : null}
      </div>
      {entries.length === 0 ? <StatePanel tone="empty" title="No entries match these filters." /> : null}
      {entries.length ? (
        <Table
          caption="Entries matching the filters"
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
              <TableHead className="w-10">
                <input
                  type="checkbox"
                  aria-label="Select all shown entries"
                  checked={chosen.length === entries.length}
                  onChange={(e) => bulk.selectAll(e.target.checked)}
                />
              </TableHead>
              <TableHead>SPIFFE ID</TableHead>
              <TableHead>Parent</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {entries.map((e) => (
              <TableRow key={e.id} data-testid="bulk-row">
                <TableCell>
                  <input
                    type="checkbox"
                    aria-label={`Select ${e.spiffeId} (${e.id})`}
                    checked={selected.has(e.id)}
                    onChange={(x) => bulk.toggle(e.id, x.target.checked)}
                  />
                </TableCell>
                <TableCell className="truncate font-mono text-xs">{e.spiffeId}</TableCell>
                <TableCell className="truncate font-mono text-xs">{e.parentId}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      ) : null}
      {failures.length ? (
        <ul className="space-y-1 text-sm" data-testid="bulk-delete-failures">
          {failures.map((r) => (
            <li key={r.id}>
              <Badge tone="bad">{r.status.code}</Badge> <span className="font-mono text-xs">{r.id}</span>{" "}
              {r.status.message}
            </li>
          ))}
        </ul>
      ) : null}
      <ConfirmDialog
        open={bulk.confirming}
        title={`Delete ${chosen.length} entr${chosen.length === 1 ? "y" : "ies"}?`}
        confirmLabel={`Delete ${chosen.length}`}
        busyLabel="Deleting…"
        busy={remove.isPending}
        onCancel={() => bulk.setConfirming(false)}
        onConfirm={bulk.deleteChosen}
      >
        <p>
          Workloads matching these entries stop receiving their SVIDs once the agents sync. Entries parented to them
          lose their parent.
        </p>
        <ul
          tabIndex={0}
          aria-label="Entries to delete"
          className="max-h-48 overflow-auto rounded border border-slate-200 bg-slate-50 px-3 py-2 font-mono text-xs"
        >
          {chosen.map((e) => (
            <li key={e.id}>{e.spiffeId}</li>
          ))}
        </ul>
        {remove.error ? (
          <p role="alert" className="text-red-700">
            {remove.error.message}
          </p>
        ) : null}
      </ConfirmDialog>
    </div>
  );
}
