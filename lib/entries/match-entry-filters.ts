import type { Entry, EntryFilters } from "@/lib/spire/types";

import { matchSelectors, matchStrings } from "./match-selectors";

/** True when no filter is set (the whole tree is shown). */
export function isEmptyFilter(filters: EntryFilters): boolean {
  return !(
    filters.spiffeId ||
    filters.parentId ||
    filters.selectors?.length ||
    filters.federatesWith?.length ||
    filters.hint !== undefined ||
    filters.downstream !== undefined ||
    filters.spiffeIdContains
  );
}

/** Whether `id` contains `part`, ignoring case (an empty part is contained in every ID). */
export function idContains(id: string, part: string | undefined): boolean {
  return !part || id.toLowerCase().includes(part.toLowerCase());
}

/**
 * Whether `entry` passes `filters` exactly as SPIRE's ListEntries filter would: IDs compared
 * whole, selectors and federatesWith with their match mode (default superset), hint exact; plus
 * the console's own "SPIFFE ID contains" (any case).
 */
export function matchesEntryFilters(entry: Entry, filters: EntryFilters): boolean {
  if (filters.spiffeId && entry.spiffeId !== filters.spiffeId) return false;
  if (filters.parentId && entry.parentId !== filters.parentId) return false;
  if (filters.selectors?.length && !matchSelectors(entry.selectors, filters.selectors, filters.match ?? "superset"))
    return false;
  if (
    filters.federatesWith?.length &&
    !matchStrings(entry.federatesWith, filters.federatesWith, filters.federatesWithMatch ?? "superset")
  ) {
    return false;
  }
  if (filters.hint !== undefined && entry.hint !== filters.hint) return false;
  if (filters.downstream !== undefined && entry.downstream !== filters.downstream) return false;
  return idContains(entry.spiffeId, filters.spiffeIdContains);
}
