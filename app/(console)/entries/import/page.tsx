import { EntryFilterForm } from "@/components/entries/entry-filter-form";
import { BulkEntryTable } from "@/components/entries/forms/bulk-entry-table";
import { ImportPanel } from "@/components/entries/forms/import-panel";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { StatePanel } from "@/components/ui/state-panel";
import { loadEntryFormContext } from "@/lib/entries/load-entry-form";
import { links } from "@/lib/links";
import { entryListQuerySchema } from "@/lib/schemas/list-queries";
import { readQuery } from "@/lib/schemas/query-string";

import { loadPagePart, PartProblem } from "../../_components/page-part";
import { openServerPage } from "../../_components/server-page";

export const metadata = { title: "Import, export and bulk delete" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function EntryImportPage({ searchParams }: Props) {
  const page = await openServerPage(searchParams, links.importEntries);
  if (!page.ok) return page.view;
  const { server, config, principal } = page;
  const raw = new URLSearchParams();
  for (const [key, value] of Object.entries(await searchParams)) {
    if (key === "server" || value === undefined) continue;
    for (const v of [value].flat()) raw.append(key, v);
  }
  const parsed = entryListQuerySchema.safeParse(readQuery(raw));
  const form = await loadPagePart(principal, "preparing the import", () => loadEntryFormContext(config));
  if (!form.ok) return <PartProblem title={`Cannot manage entries on '${server}'`} part={form} />;
  const { trustDomain } = form.data;
  return (
    <div className="space-y-6">
      <Breadcrumbs
        items={[{ label: `Entries of ${server}`, href: links.entries(server) }, { label: "Import and export" }]}
      />
      <h1 className="text-xl font-semibold">Import, export and bulk delete · {server}</h1>
      <ImportPanel server={server} trustDomain={trustDomain} />
      <section aria-labelledby="bulk-title" className="space-y-3">
        <h2 id="bulk-title" className="text-base font-semibold">
          Export or delete a filtered list
        </h2>
        <EntryFilterForm server={server} page="import" />
        {parsed.success ? (
          <BulkEntryTable
            server={server}
            filters={{
              spiffeId: parsed.data.spiffeId,
              parentId: parsed.data.parentId,
              selectors: parsed.data.selector,
              match: parsed.data.match,
              federatesWith: parsed.data.federatesWith,
              hint: parsed.data.hint,
              spiffeIdContains: parsed.data.spiffeIdContains,
            }}
          />
        ) : (
          <StatePanel tone="error" title="These filters are not valid">
            {parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}
          </StatePanel>
        )}
      </section>
    </div>
  );
}
