import type { EntryFilters } from "@/lib/spire/types";

/** Entry filters as the query parameters every entry route reads (list, tree, orphans). */
export function entryFilterParams(filters: EntryFilters): URLSearchParams {
  const params = new URLSearchParams();
  if (filters.spiffeId) params.set("spiffeId", filters.spiffeId);
  if (filters.parentId) params.set("parentId", filters.parentId);
  for (const s of filters.selectors ?? []) params.append("selector", `${s.type}:${s.value}`);
  if (filters.selectors?.length && filters.match) params.set("match", filters.match);
  for (const td of filters.federatesWith ?? []) params.append("federatesWith", td);
  if (filters.hint) params.set("hint", filters.hint);
  if (filters.spiffeIdContains) params.set("spiffeIdContains", filters.spiffeIdContains);
  return params;
}
