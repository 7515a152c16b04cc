import { toSpireDataFile } from "@/lib/entries/import-export";
import { fetchEntryListPage } from "@/lib/query/api";
import type { Entry, EntryFilters } from "@/lib/spire/types";

/** Reads every page of the filtered list (500 at a time) and returns it as a `-data` export file. */
export async function exportFilteredEntries(
  server: string,
  filters: EntryFilters,
): Promise<{ count: number; text: string }> {
  const entries: Entry[] = [];
  let token = "";
  do {
    const page = await fetchEntryListPage(server, filters, token, 500);
    entries.push(...page.entries);
    token = page.nextPageToken;
  } while (token);
  return { count: entries.length, text: toSpireDataFile(entries) };
}
