import { EntryFilterForm } from "@/components/entries/entry-filter-form";
import { EntryTable } from "@/components/entries/entry-table";
import { StatePanel } from "@/components/ui/state-panel";
import { selectedServerName } from "@/lib/config/selected-server";
import { entryListQuerySchema, searchParamsToObject } from "@/lib/schemas/list-queries";

export const metadata = { title: "Entries" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function EntriesPage({ searchParams }: Props) {
  const server = await selectedServerName(searchParams);
  const raw = new URLSearchParams();
  for (const [key, value] of Object.entries(await searchParams)) {
    if (key === "server" || value === undefined) continue;
    for (const v of Array.isArray(value) ? value : [value]) raw.append(key, v);
  }
  const parsed = entryListQuerySchema.safeParse(searchParamsToObject(raw));
  return (
    <div className="space-y-4">
      <h1 className="text-xl font-semibold">Entries</h1>
      <EntryFilterForm />
      {parsed.success ? (
        <EntryTable
          server={server}
          filters={{
            spiffeId: parsed.data.spiffeId,
            parentId: parsed.data.parentId,
            selectors: parsed.data.selector,
            match: parsed.data.match,
            federatesWith: parsed.data.federatesWith,
            hint: parsed.data.hint,
          }}
        />
      ) : (
        <StatePanel tone="error" title="These filters are not valid">
          {parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}
        </StatePanel>
      )}
    </div>
  );
}
