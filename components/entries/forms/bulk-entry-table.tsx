"use client";

import { useState } from "react";

import { ExportAsCodeLink } from "@/components/entries-as-code/export-as-code-link";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { PagedFooter } from "@/components/ui/paged-footer";
import { StatePanel } from "@/components/ui/state-panel";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { BatchDeleteAnswer } from "@/lib/query/api";
import type { EntryFilters } from "@/lib/spire/types";

import { useEntryList } from "../use-entry-list";
import { useDeleteEntries } from "../use-entry-mutations";
import { downloadText } from "./download-text";
import { exportFilteredEntries } from "./export-entries";

type Result = BatchDeleteAnswer["results"][number];

/** The filtered entries with checkboxes: export the whole filtered list, or delete the selected ones. */
export function BulkEntryTable({ server, filters }: { server: string; filters: EntryFilters }) {
  const query = useEntryList(server, filters);
  const remove = useDeleteEntries(server);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [confirming, setConfirming] = useState(false);
  const [results, setResults] = useState<Result[] | null>(null);
  const [exporting, setExporting] = useState<string | null>(null);
  const entries = query.data?.pages.flatMap((p) => p.entries) ?? [];
  const toggle = (id: string, on: boolean) =>
    setSelected((s) => new Set(on ? [...s, id] : [...s].filter((x) => x !== id)));

  async function exportAll() {
    setExporting("Exporting…");
    try {
      const { count, text } = await exportFilteredEntries(server, filters);
      downloadText(`entries-${server}.json`, text);
      setExporting(`Exported ${count} entries.`);
    } catch (error) {
      setExporting(`Export failed: ${(error as Error).message}`);
    }
  }

  if (query.isPending) return <StatePanel tone="loading" title="Loading entries…" />;
  if (query.isError)
    return (
      <StatePanel tone="error" title="Could not load entries">
        {query.error.message}
      </StatePanel>
    );
  const chosen = entries.filter((e) => selected.has(e.id));
  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-center gap-2">
        <Button variant="secondary" size="sm" onClick={() => void exportAll()}>
          Export filtered list (JSON)
        </Button>
        {chosen.length ? (
          <ExportAsCodeLink
            server={server}
            scope={{ ids: chosen.map((e) => e.id) }}
            label={`Export selected as code (${chosen.length})`}
          />
        ) : null}
        <Button variant="destructive" size="sm" disabled={chosen.length === 0} onClick={() => setConfirming(true)}>
          Delete selected ({chosen.length})
        </Button>
        {exporting ? (
          <span role="status" className="text-sm text-slate-600">
            {exporting}
          </span>
        ) : null}
        {results ? (
          <span role="status" data-testid="bulk-delete-summary" className="text-sm">
            {results.filter((r) => r.status.code === "ok").length} deleted,{" "}
            {results.filter((r) => r.status.code !== "ok").length} failed.
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
                  onChange={(e) => setSelected(new Set(e.target.checked ? entries.map((x) => x.id) : []))}
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
                    onChange={(x) => toggle(e.id, x.target.checked)}
                  />
                </TableCell>
                <TableCell className="truncate font-mono text-xs">{e.spiffeId}</TableCell>
                <TableCell className="truncate font-mono text-xs">{e.parentId}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      ) : null}
      {results?.some((r) => r.status.code !== "ok") ? (
        <ul className="space-y-1 text-sm" data-testid="bulk-delete-failures">
          {results
            .filter((r) => r.status.code !== "ok")
            .map((r) => (
              <li key={r.id}>
                <Badge tone="bad">{r.status.code}</Badge> <span className="font-mono text-xs">{r.id}</span>{" "}
                {r.status.message}
              </li>
            ))}
        </ul>
      ) : null}
      <ConfirmDialog
        open={confirming}
        title={`Delete ${chosen.length} entr${chosen.length === 1 ? "y" : "ies"}?`}
        confirmLabel={`Delete ${chosen.length}`}
        busyLabel="Deleting…"
        busy={remove.isPending}
        onCancel={() => setConfirming(false)}
        onConfirm={() =>
          remove.mutate(
            chosen.map((e) => e.id),
            {
              onSuccess: (response) => {
                setResults(response.results);
                setSelected(new Set(response.results.filter((r) => r.status.code !== "ok").map((r) => r.id)));
                setConfirming(false);
              },
            },
          )
        }
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
