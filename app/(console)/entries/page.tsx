import { EntryFilterForm } from "@/components/entries/entry-filter-form";
import { EntryTable } from "@/components/entries/entry-table";
import { ImportExportLink, NewEntryButton } from "@/components/entries/forms/new-entry-button";
import { EntryTree } from "@/components/entries/tree/entry-tree";
import { EntryViewToggle } from "@/components/entries/view-toggle";
import { StatePanel } from "@/components/ui/state-panel";
import { links } from "@/lib/links";
import { parseEntryPageFilters } from "@/lib/schemas/entry-page-params";
import { toUrlSearchParams } from "@/lib/schemas/query-string";

import { openServerPage } from "../_components/server-page";

export const metadata = { title: "Entries" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function EntriesPage({ searchParams }: Props) {
  const page = await openServerPage(searchParams, links.entries);
  if (!page.ok) return page.view;
  const { server } = page;
  const params = toUrlSearchParams(await searchParams);
  const view = params.get("view") === "table" ? "table" : "tree";
  const parsed = parseEntryPageFilters(params);
  return (
    <div className="space-y-4">
      <div className="flex items-center justify-between gap-3">
        <h1 className="text-xl font-semibold">Entries</h1>
        <div className="flex gap-2">
          <NewEntryButton server={server} />
          <ImportExportLink server={server} />
          <EntryViewToggle server={server} view={view} params={params} />
        </div>
      </div>
      <EntryFilterForm server={server} page="entries" />
      {!parsed.ok ? (
        <StatePanel tone="error" title="These filters are not valid">
          {parsed.message}
        </StatePanel>
      ) : view === "table" ? (
        <EntryTable server={server} filters={parsed.filters} />
      ) : (
        <EntryTree
          key={`${server}?${params.toString()}`}
          server={server}
          filters={parsed.filters}
          expand={params.getAll("expand")}
        />
      )}
    </div>
  );
}
