import { serverApiPath } from "@/lib/query/api";
import { entryFilterParams } from "@/lib/query/entry-filter-params";
import type { EntryFilters } from "@/lib/spire/types";

/** URL of one page of a tree level (`parent` null = the root) or of the Orphans group. */
export function treeLevelUrl(
  server: string,
  filters: EntryFilters,
  parent: string | null,
  orphans: boolean,
  offset: number,
  limit: number,
): string {
  const params = entryFilterParams(filters);
  if (parent && !orphans) params.set("parent", parent);
  params.set("offset", String(offset));
  params.set("limit", String(limit));
  const path = orphans ? "entries/orphans" : "entries/tree";
  return serverApiPath(server, `/${path}?${params.toString()}`);
}
