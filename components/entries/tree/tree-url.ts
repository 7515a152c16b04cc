import type { EntryFilters } from "@/lib/spire/types";

/** The list API's filter parameters (shared by the tree, orphan and list routes). */
export function filterParams(filters: EntryFilters): URLSearchParams {
  const params = new URLSearchParams();
  if (filters.spiffeId) params.set("spiffeId", filters.spiffeId);
  if (filters.parentId) params.set("parentId", filters.parentId);
  for (const s of filters.selectors ?? []) params.append("selector", `${s.type}:${s.value}`);
  if (filters.selectors?.length && filters.match) params.set("match", filters.match);
  for (const td of filters.federatesWith ?? []) params.append("federatesWith", td);
  if (filters.hint) params.set("hint", filters.hint);
  return params;
}

/** URL of one page of a tree level (`parent` null = the root) or of the Orphans group. */
export function treeLevelUrl(server: string, filters: EntryFilters, parent: string | null, orphans: boolean, offset: number, limit: number): string {
  const params = filterParams(filters);
  if (parent && !orphans) params.set("parent", parent);
  params.set("offset", String(offset));
  params.set("limit", String(limit));
  const path = orphans ? "entries/orphans" : "entries/tree";
  return `/api/servers/${encodeURIComponent(server)}/${path}?${params.toString()}`;
}
