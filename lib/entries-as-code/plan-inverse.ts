import type { Entry } from "@/lib/spire/types";

import { declareEntry } from "./declared-entry";
import { massDeleteGuard } from "./mass-delete-guard";
import { diffEntry, summaryLine } from "./plan-entry-changes";
import type { Plan, PlannedChange } from "./types";

/** One applied change and the entry as SPIRE answered (null for a delete). */
export type AppliedChange = { change: PlannedChange; after: Entry | null };

/**
 * The plan that undoes an apply: each created entry deleted, each updated entry set back, each
 * deleted entry created again with its ID, pinned to the revisions the apply produced. Pure.
 */
export function planInverse(of: Plan, applied: readonly AppliedChange[], id: string, now: number): Plan {
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
  const count = (action: string) => changes.filter((c) => c.action === action).length;
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
    unmanaged: [],
    risks: [],
    guard: massDeleteGuard(summary.delete, changes.length, {
      maxCount: of.guard.maxCount,
      maxPercent: of.guard.maxPercent,
    }),
    pinned,
    inverseOf: of.id,
    status: "planned",
    appliedAt: null,
  };
}
