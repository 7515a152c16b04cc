import type { Entry } from "@/lib/spire/types";

import { declareEntry } from "./declared-entry";
import { massDeleteGuard } from "./mass-delete-guard";
import { diffEntry, summaryLine } from "./plan-entry-changes";
import type { FederationChange, FederationPlan, Plan, PlannedChange } from "./types";

/** One applied change and the entry as SPIRE answered (null for a delete). */
export type AppliedChange = { change: PlannedChange; after: Entry | null };

/** The reverse of one applied relationship change: a create deleted, an update set back, a delete made again. */
function reverseFederation(change: FederationChange): FederationChange {
  const action = change.action === "create" ? "delete" : change.action === "delete" ? "create" : "update";
  return {
    action,
    trustDomain: change.trustDomain,
    before: change.after,
    after: change.before,
    fields: change.fields.map((f) => ({ field: f.field, before: f.after, after: f.before })),
  };
}

/**
 * The federation part of the undo plan, pinned to what the apply left (so a later edit makes the
 * undo answer 409); undefined when the apply changed no relationship.
 */
function inverseFederation(applied: readonly FederationChange[]): FederationPlan | undefined {
  if (applied.length === 0) return undefined;
  const pinned: FederationPlan["pinned"] = {};
  for (const change of applied) pinned[change.trustDomain] = change.after;
  return { changes: applied.map(reverseFederation), unchanged: 0, unmanaged: [], pinned };
}

/**
 * The plan that undoes an apply: each created entry deleted, each updated entry set back, each
 * deleted entry created again with its ID, pinned to the revisions the apply produced; likewise
 * for the federation relationships the apply changed (`federationApplied`). Pure.
 */
export function planInverse(
  of: Plan,
  applied: readonly AppliedChange[],
  id: string,
  now: number,
  federationApplied: readonly FederationChange[] = [],
): Plan {
  const changes: PlannedChange[] = applied.flatMap(({ change, after }): PlannedChange[] => {
    if (change.action === "create" && after) {
      return [
        {
          action: "delete",
          entryId: after.id,
          spiffeId: after.spiffeId,
          before: after,
          after: null,
          fields: [],
          revisionNumber: after.revisionNumber,
        },
      ];
    }
    if (change.action === "update" && after && change.before) {
      const restore = declareEntry(change.before);
      return [
        {
          action: "update",
          entryId: after.id,
          spiffeId: after.spiffeId,
          before: after,
          after: restore,
          fields: diffEntry(after, restore),
          revisionNumber: after.revisionNumber,
        },
      ];
    }
    if (change.action === "delete" && change.before) {
      const restore = declareEntry(change.before);
      return [
        {
          action: "create",
          entryId: restore.id ?? null,
          spiffeId: restore.spiffeId,
          before: null,
          after: restore,
          fields: [],
          revisionNumber: null,
        },
      ];
    }
    return [];
  });
  const federation = inverseFederation(federationApplied);
  const count = (action: string) =>
    changes.filter((c) => c.action === action).length +
    (federation?.changes.filter((c) => c.action === action).length ?? 0);
  const summary = {
    create: count("create"),
    update: count("update"),
    delete: count("delete"),
    unchanged: 0,
    unmanaged: 0,
  };
  const pinned: Record<string, number> = {};
  for (const c of changes) if (c.entryId && c.revisionNumber !== null) pinned[c.entryId] = c.revisionNumber;
  return {
    id,
    server: of.server,
    createdAt: now,
    createdBy: of.createdBy,
    source: { name: `undo ${of.id}` },
    owns: {},
    prune: false,
    summary,
    summaryLine: summaryLine(summary),
    changes,
    ...(federation ? { federation } : {}),
    unmanaged: [],
    risks: [],
    guard: massDeleteGuard(changes.filter((c) => c.action === "delete").length, changes.length, {
      maxCount: of.guard.maxCount,
      maxPercent: of.guard.maxPercent,
    }),
    pinned,
    inverseOf: of.id,
    status: "planned",
    appliedAt: null,
  };
}
