// The clean-up's findings computed the plain way, over a list of every entry: the specification that
// lib/cleanup/find-stale-in-index.ts (which reads the index in place) must answer exactly, and the
// "former way" the clean-up memory bench compares with.
import type { CleanupReport, Finding } from "@/lib/cleanup/cleanup-types";
import { findDuplicates } from "@/lib/cleanup/find-duplicates";
import {
  addReason,
  DAY_MS,
  duplicateReason,
  entryExpiredReason,
  type EntryReasons,
  orphanReason,
  parentAgentReason,
} from "@/lib/cleanup/stale-reasons";
import { entryFinding, type StaleOptions, staleReport } from "@/lib/cleanup/stale-report";
import { findOrphans } from "@/lib/entries/find-orphans";
import { serverSpiffeId } from "@/lib/schemas/spiffe-id";
import type { Agent, Entry } from "@/lib/spire/types";

export type StaleInput = StaleOptions & { entries: readonly Entry[]; agents: readonly Agent[] };

/** Why each entry is stale, by kind (an entry can be stale for several reasons). */
function entryReasons(input: StaleInput): Map<string, EntryReasons> {
  const { entries, agents, now, trustDomain } = input;
  const reasons = new Map<string, EntryReasons>();
  const add = (entry: Entry, reason: [Finding["kind"], string]) => {
    const map = reasons.get(entry.id) ?? new Map();
    addReason(map, reason);
    reasons.set(entry.id, map);
  };
  const agentById = new Map(agents.map((a) => [a.spiffeId, a]));
  const cutoff = now - input.agentExpiredDays * DAY_MS;
  for (const { entry, reason } of findOrphans(entries, serverSpiffeId(trustDomain), new Set(agentById.keys())))
    add(entry, orphanReason(entry.parentId, reason, trustDomain, input.evicted));
  for (const entry of entries) {
    const parent = agentById.get(entry.parentId);
    const parentReason = parent ? parentAgentReason(parent, now, cutoff, input.agentExpiredDays) : null;
    if (parentReason) add(entry, parentReason);
    if (entry.expiresAt && Date.parse(entry.expiresAt) <= now) add(entry, entryExpiredReason(entry.expiresAt, now));
  }
  for (const { entry, keeps } of findDuplicates(entries)) add(entry, duplicateReason(keeps));
  return reasons;
}

/**
 * Finds stale data on one server: orphan entries, entries whose parent agent is banned, gone or long
 * expired, expired entries, duplicates under different parents, and agents whose SVID expired more
 * than `agentExpiredDays` ago. Entries spire-controller-manager owns are set aside (with the reason)
 * unless `includeControllerOwned`: the controller would recreate or remove them itself. Pure; the
 * clean-up runs `findStaleInIndex`, which must answer exactly this over the index's entries.
 */
export function findStale(input: StaleInput): Omit<CleanupReport, "checkedAt"> {
  const byEntry = entryReasons(input);
  const entryFindings: Finding[] = [];
  for (const entry of input.entries) {
    const reasons = byEntry.get(entry.id);
    if (reasons) entryFindings.push(entryFinding(entry, reasons, input.ownership));
  }
  return staleReport(input, entryFindings, input.agents);
}
