import type { EntryFilters } from "@/lib/spire/types";

import { entryListQuerySchema, toEntryFilters } from "./list-queries";
import { readQuery } from "./query-string";

/** Keys of the Entries page URL that are not filters. */
const pageKeys = ["server", "view", "expand"];

/** The entry filters of the entries page URL, parsed with the list API's schema. */
export function parseEntryPageFilters(
  params: URLSearchParams,
): { ok: true; filters: EntryFilters } | { ok: false; message: string } {
  const filterOnly = new URLSearchParams([...params].filter(([key]) => !pageKeys.includes(key)));
  const parsed = entryListQuerySchema.safeParse(readQuery(filterOnly));
  if (!parsed.success) {
    return { ok: false, message: parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ") };
  }
  return { ok: true, filters: toEntryFilters(parsed.data) };
}
