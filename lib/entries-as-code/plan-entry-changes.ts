import { controllerManagedReasons } from "@/lib/entries/controller-managed";
import { type CaWindow, checkX509SvidTtl } from "@/lib/expiry/ttl-cap";
import type { Entry } from "@/lib/spire/types";

import { canonicalEntry, comparedFields, entryKey } from "./declared-entry";
import { massDeleteGuard, type MassDeleteLimits } from "./mass-delete-guard";
import type { DeclaredEntry, EntrySetOwns, FieldChange, PlannedChange, PlanRisk, PlanSummary } from "./types";

/** What the plan may know about the live server, gathered once (the compact index, bundles, the CA). */
export type LiveView = {
  /** The live entry with this ID, or null. */
  byId(id: string): Entry | null;
  /** The live entry with SPIRE's key (SPIFFE ID, parent, selectors), or null. */
  byKey(key: string): Entry | null;
  /** Live entries in the file's scope (owned ID prefix or SPIFFE-ID prefixes). */
  inScope: readonly Entry[];
  /** IDs of live entries whose parent ID is `spiffeId`. */
  childrenOf(spiffeId: string): readonly string[];
  federatedTrustDomains: ReadonlySet<string>;
  activeCa: CaWindow | null;
  now: number;
};

export type PlanInput = {
  entries: readonly DeclaredEntry[];
  prune: boolean;
  /** The mass-delete guard's limits (config `entriesAsCode`); absent: 100 entries, 10%. */
  limits?: Partial<MassDeleteLimits>;
};

export type ComputedPlan = {
  summary: PlanSummary;
  summaryLine: string;
  changes: PlannedChange[];
  unmanaged: { id: string; spiffeId: string }[];
  risks: PlanRisk[];
  guard: ReturnType<typeof massDeleteGuard>;
  pinned: Record<string, number>;
};

/** True when a live entry is in the scope a file owns. An empty scope owns nothing beyond the file's entries. */
export function inOwnedScope(entry: { id: string; spiffeId: string }, owns: EntrySetOwns): boolean {
  if (owns.entryIdPrefix && entry.id.startsWith(owns.entryIdPrefix)) return true;
  return (owns.spiffeIdPrefixes ?? []).some((prefix) => entry.spiffeId.startsWith(prefix));
}

/** The fields of `declared` that differ from `live`, each before → after. */
export function diffEntry(live: Entry, declared: DeclaredEntry): FieldChange[] {
  const before = canonicalEntry(live);
  const after = canonicalEntry(declared);
  return comparedFields.flatMap((field) =>
    JSON.stringify(before[field]) === JSON.stringify(after[field])
      ? []
      : [{ field, before: before[field], after: after[field] }],
  );
}

/** "3 to add, 1 to change, 0 to delete" (and the unmanaged count when there are some). */
export function summaryLine(summary: PlanSummary): string {
  const line = `${summary.create} to add, ${summary.update} to change, ${summary.delete} to delete`;
  return summary.unmanaged ? `${line}; ${summary.unmanaged} unmanaged in scope` : line;
}

/**
 * Compares the declared entries with the live ones. Each declared entry is matched by its ID when
 * it has one, else by SPIRE's key; matched ones are updated field by field or left unchanged, the
 * rest created. In-scope live entries the file leaves out are unmanaged, or deleted with `prune`.
 * Entries spire-controller-manager owns are never changed (flagged instead). Pure.
 */
export function planEntryChanges(input: PlanInput, live: LiveView): ComputedPlan {
  const changes: PlannedChange[] = [];
  const risks: PlanRisk[] = [];
  const matched = new Set<string>();
  let unchanged = 0;
  for (const declared of input.entries) {
    const current = declared.id ? live.byId(declared.id) : live.byKey(entryKey(declared));
    if (current) matched.add(current.id);
    if (current && controllerManagedReasons(current).length > 0) {
      risks.push(controllerRisk(current));
      continue;
    }
    if (!current) {
      changes.push({
        action: "create",
        entryId: declared.id ?? null,
        spiffeId: declared.spiffeId,
        before: null,
        after: declared,
        fields: [],
        revisionNumber: null,
      });
      continue;
    }
    const fields = diffEntry(current, declared);
    if (fields.length === 0) {
      unchanged += 1;
      continue;
    }
    changes.push({
      action: "update",
      entryId: current.id,
      spiffeId: current.spiffeId,
      before: current,
      after: declared,
      fields,
      revisionNumber: current.revisionNumber,
    });
  }
  const unmanaged: { id: string; spiffeId: string }[] = [];
  const deleting = new Set<string>();
  for (const entry of live.inScope) {
    if (matched.has(entry.id)) continue;
    if (controllerManagedReasons(entry).length > 0) continue;
    if (!input.prune) {
      unmanaged.push({ id: entry.id, spiffeId: entry.spiffeId });
      continue;
    }
    deleting.add(entry.id);
    changes.push({
      action: "delete",
      entryId: entry.id,
      spiffeId: entry.spiffeId,
      before: entry,
      after: null,
      fields: [],
      revisionNumber: entry.revisionNumber,
    });
  }
  for (const change of changes) risks.push(...risksOf(change, live, deleting));
  const summary: PlanSummary = {
    create: changes.filter((c) => c.action === "create").length,
    update: changes.filter((c) => c.action === "update").length,
    delete: deleting.size,
    unchanged,
    unmanaged: unmanaged.length,
  };
  const scopeSize = new Set([...matched, ...live.inScope.map((e) => e.id)]).size;
  const pinned: Record<string, number> = {};
  for (const change of changes)
    if (change.entryId && change.revisionNumber !== null) pinned[change.entryId] = change.revisionNumber;
  return {
    summary,
    summaryLine: summaryLine(summary),
    changes,
    unmanaged,
    risks,
    guard: massDeleteGuard(deleting.size, scopeSize, input.limits),
    pinned,
  };
}

function controllerRisk(entry: Entry): PlanRisk {
  return {
    kind: "controller-owned",
    entryId: entry.id,
    spiffeId: entry.spiffeId,
    message: `Left alone: spire-controller-manager owns this entry. ${controllerManagedReasons(entry)[0]}`,
  };
}

function flagRisk(change: PlannedChange, field: "admin" | "downstream"): PlanRisk | null {
  const was = change.before?.[field] ?? false;
  const will = change.action === "delete" ? false : (change.after?.[field] ?? false);
  if (was === will) return null;
  const what = field === "admin" ? "admin (may call the server's admin API)" : "downstream (may mint SVIDs below it)";
  return {
    kind: will ? `${field}-set` : `${field}-cleared`,
    entryId: change.entryId,
    spiffeId: change.spiffeId,
    message: will ? `Makes this identity ${what}.` : `Takes ${what} away from this identity.`,
  };
}

function risksOf(change: PlannedChange, live: LiveView, deleting: ReadonlySet<string>): PlanRisk[] {
  const risks = [flagRisk(change, "admin"), flagRisk(change, "downstream")].filter((r) => r !== null);
  const at = { entryId: change.entryId, spiffeId: change.spiffeId };
  if (change.after) {
    for (const td of canonicalEntry(change.after).federatesWith) {
      if (!live.federatedTrustDomains.has(td)) {
        risks.push({
          kind: "federates-without-bundle",
          ...at,
          message: `Federates with ${td}, but the server holds no bundle for it: SPIRE refuses the entry.`,
        });
      }
    }
    const ttl = change.after.x509SvidTtl ?? 0;
    const check = live.activeCa ? checkX509SvidTtl(ttl, live.activeCa, live.now) : null;
    if (check && check.status !== "ok") risks.push({ kind: "ttl-above-ca", ...at, message: check.explanation });
  }
  if (change.action === "delete" && change.before) {
    const children = live.childrenOf(change.before.spiffeId).filter((id) => !deleting.has(id) && id !== change.entryId);
    if (children.length > 0) {
      risks.push({
        kind: "orphans-children",
        ...at,
        message: `${children.length} entr${children.length === 1 ? "y is" : "ies are"} parented to this SPIFFE ID and would lose their parent.`,
      });
    }
  }
  return risks;
}
