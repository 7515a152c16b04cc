import type { CompactEntryIndex } from "@/lib/entries/compact/compact-index";
import { MISSING_PARENT, NOT_ORPHAN } from "@/lib/entries/compact/derive-tree";
import type { Agent } from "@/lib/spire/types";

import type { CleanupReport, Finding } from "./cleanup-types";
import { findDuplicateSlots } from "./find-duplicate-slots";
import {
  addReason,
  DAY_MS,
  duplicateReason,
  entryExpiredReason,
  type EntryReasons,
  orphanReason,
  parentAgentReason,
} from "./stale-reasons";
import { entryFinding, type StaleOptions, staleReport } from "./stale-report";

/** The agents by node of their SPIFFE ID (the last of a repeated ID, as a map of the list keeps it). */
function agentsByNode(index: CompactEntryIndex): Map<number, Agent> {
  return new Map(index.agents.map((a) => [index.nodeOf(a.spiffeId), a]));
}

/**
 * `findStale` over the index in place: one pass over the live slots reading the columns (orphans
 * from the index's derived tree, parents' agents by node, expiry in ms, duplicates by signature
 * hash); an entry is built only for a slot with a finding. Same findings, same order.
 */
export function findStaleInIndex(index: CompactEntryIndex, options: StaleOptions): Omit<CleanupReport, "checkedAt"> {
  const c = index.columns;
  const { now, trustDomain } = options;
  const cutoff = now - options.agentExpiredDays * DAY_MS;
  const { orphanReason: orphanOf } = index.derived();
  const agentOf = agentsByNode(index);
  const duplicates = findDuplicateSlots(index);
  const entryFindings: Finding[] = [];
  // One map reused for every slot: `entryFinding` copies what it keeps.
  const reasons: EntryReasons = new Map();
  const add = (reason: [Finding["kind"], string]) => addReason(reasons, reason);
  for (let slot = 0; slot < c.slotCount; slot++) {
    if (!c.isLive(slot)) continue;
    reasons.clear();
    const orphan = orphanOf[slot] ?? NOT_ORPHAN;
    if (orphan !== NOT_ORPHAN) {
      const reason = orphan === MISSING_PARENT ? "missing-parent" : "unreachable";
      add(orphanReason(c.parentIdOf(slot), reason, trustDomain, options.evicted));
    }
    const parent = agentOf.get(c.parent.data[slot]!);
    const parentReason = parent ? parentAgentReason(parent, now, cutoff, options.agentExpiredDays) : null;
    if (parentReason) add(parentReason);
    if (c.expiresMs.data[slot]! <= now) add(entryExpiredReason(c.expiresAtOf(slot)!, now));
    const keeps = duplicates.get(slot);
    if (keeps) add(duplicateReason(keeps));
    if (reasons.size > 0) entryFindings.push(entryFinding(c.entryAt(slot), reasons, options.ownership));
  }
  return staleReport(options, entryFindings, index.agents);
}
