"use client";

import { useState } from "react";

import type { BatchDeleteAnswer } from "@/lib/query/api";
import type { EntryFilters } from "@/lib/spire/types";

import { useEntryList } from "../use-entry-list";
import { useDeleteEntries } from "../use-entry-mutations";
import { downloadText } from "./download-text";
import { exportFilteredEntries } from "./export-entries";

type Result = BatchDeleteAnswer["results"][number];

/**
 * The bulk table's state: the filtered entries (paged), the selection, the export of the whole
 * filtered list and the batch delete of the selection (the failed IDs stay selected).
 */
export function useBulkEntries(server: string, filters: EntryFilters) {
  const query = useEntryList(server, filters);
  const remove = useDeleteEntries(server);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [confirming, setConfirming] = useState(false);
  const [results, setResults] = useState<Result[] | null>(null);
  const [exporting, setExporting] = useState<string | null>(null);
  const entries = query.data?.pages.flatMap((p) => p.entries) ?? [];
  const chosen = entries.filter((e) => selected.has(e.id));

  const toggle = (id: string, on: boolean) =>
    setSelected((s) => new Set(on ? [...s, id] : [...s].filter((x) => x !== id)));
  const selectAll = (on: boolean) => setSelected(new Set(on ? entries.map((x) => x.id) : []));

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

  const deleteChosen = () =>
    remove.mutate(
      chosen.map((e) => e.id),
      {
        onSuccess: (response) => {
          setResults(response.results);
          setSelected(new Set(response.results.filter((r) => r.status.code !== "ok").map((r) => r.id)));
          setConfirming(false);
        },
      },
    );

  return {
    query,
    remove,
    entries,
    chosen,
    selected,
    toggle,
    selectAll,
    confirming,
    setConfirming,
    results,
    failures: results?.filter((r) => r.status.code !== "ok") ?? [],
    exporting,
    exportAll,
    deleteChosen,
  };
}
