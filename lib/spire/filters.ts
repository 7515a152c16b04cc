import "server-only";

import { toPbSpiffeId } from "./mappers";
import type { AgentFilters, EntryFilters, SelectorMatchMode } from "./types";

const matchEnum: Record<SelectorMatchMode, string> = {
  exact: "MATCH_EXACT",
  subset: "MATCH_SUBSET",
  superset: "MATCH_SUPERSET",
  any: "MATCH_ANY",
};

/** The `filter` of ListEntries / CountEntries for the console's entry filters. */
export function toEntryFilter(filters: EntryFilters): Record<string, unknown> {
  const filter: Record<string, unknown> = {};
  if (filters.spiffeId) filter.bySpiffeId = toPbSpiffeId(filters.spiffeId);
  if (filters.parentId) filter.byParentId = toPbSpiffeId(filters.parentId);
  if (filters.selectors?.length) {
    filter.bySelectors = { selectors: filters.selectors, match: matchEnum[filters.match ?? "superset"] };
  }
  if (filters.federatesWith?.length) {
    filter.byFederatesWith = {
      trustDomains: filters.federatesWith,
      match: matchEnum[filters.federatesWithMatch ?? "superset"],
    };
  }
  if (filters.hint !== undefined) filter.byHint = { value: filters.hint };
  if (filters.downstream !== undefined) filter.byDownstream = { value: filters.downstream };
  return filter;
}

/**
 * SPIRE parses `by_expires_before` with the Go layout "2006-01-02 15:04:05 -0700 -07" and
 * silently ignores anything else, so the time is formatted exactly that way, in UTC.
 */
export function toSpireTime(iso: string): string {
  const [date, time] = new Date(iso).toISOString().split("T") as [string, string];
  return `${date} ${time.slice(0, 8)} +0000 +00`;
}

/** The `filter` of ListAgents / CountAgents for the console's agent filters. */
export function toAgentFilter(filters: AgentFilters): Record<string, unknown> {
  const filter: Record<string, unknown> = {};
  if (filters.attestationType) filter.byAttestationType = filters.attestationType;
  if (filters.banned !== undefined) filter.byBanned = { value: filters.banned };
  if (filters.canReattest !== undefined) filter.byCanReattest = { value: filters.canReattest };
  if (filters.expiresBefore) filter.byExpiresBefore = toSpireTime(filters.expiresBefore);
  if (filters.selectors?.length) {
    filter.bySelectorMatch = { selectors: filters.selectors, match: matchEnum[filters.match ?? "superset"] };
  }
  return filter;
}
