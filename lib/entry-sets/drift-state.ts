import type { Plan, PlannedChange, PlanSummary } from "@/lib/entries-as-code/types";

/** How a watched set compares with its server. */
export type DriftState = "pending" | "in-sync" | "drifted" | "unmanaged" | "error";

/** The kinds of drift the gauge counts: entries to create, to change, to delete (prune), and unmanaged ones. */
export const driftKinds = ["create", "update", "delete", "unmanaged"] as const;
export type DriftKind = (typeof driftKinds)[number];

/** The last autoApply of a set. */
export type AutoApplyRecord = {
  /** ISO time. */
  at: string;
  planId: string;
  outcome: "applied" | "failed" | "refused";
  message: string;
};

/** One watched set as `GET /api/entry-sets` answers it. */
export type EntrySetStatus = {
  name: string;
  server: string;
  path: string;
  interval: number;
  autoApply: boolean;
  state: DriftState;
  /** The last plan (refresh only): when it ran and how long it took. */
  lastRun: { at: string; durationMs: number } | null;
  error: { code: string; message: string } | null;
  /** The files read, relative to the set's path. */
  files: string[];
  counts: PlanSummary;
  summaryLine: string | null;
  /** What differs (creates, updates with their fields, deletes); unchanged entries are left out. */
  changes: PlannedChange[];
  unmanaged: { id: string; spiffeId: string }[];
  /** Whether applying the drift would trip the mass-delete guard, and why. */
  guard: { tripped: boolean; message: string | null } | null;
  lastApply: AutoApplyRecord | null;
};

export const emptyCounts: PlanSummary = { create: 0, update: 0, delete: 0, unchanged: 0, unmanaged: 0 };

/** A set's state from its plan: drifted when anything would change, else unmanaged when in-scope entries are undeclared. */
export function driftStateOf(summary: PlanSummary): Exclude<DriftState, "pending" | "error"> {
  if (summary.create + summary.update + summary.delete > 0) return "drifted";
  if (summary.unmanaged > 0) return "unmanaged";
  return "in-sync";
}

/** The gauge's value per kind of drift. */
export function driftGaugeValues(summary: PlanSummary): Record<DriftKind, number> {
  return { create: summary.create, update: summary.update, delete: summary.delete, unmanaged: summary.unmanaged };
}

/** A set's status after a plan (refresh only). */
export function statusFromPlan(base: EntrySetStatus, plan: Plan, at: Date, durationMs: number): EntrySetStatus {
  return {
    ...base,
    state: driftStateOf(plan.summary),
    lastRun: { at: at.toISOString(), durationMs },
    error: null,
    counts: plan.summary,
    summaryLine: plan.summaryLine,
    changes: plan.changes,
    unmanaged: plan.unmanaged,
    guard: { tripped: plan.guard.tripped, message: plan.guard.message },
  };
}

/** A set's status after a run that failed (unreadable files, an invalid document, the server unreachable). */
export function statusFromError(
  base: EntrySetStatus,
  error: { code: string; message: string },
  at: Date,
  durationMs: number,
): EntrySetStatus {
  return { ...base, state: "error", lastRun: { at: at.toISOString(), durationMs }, error };
}
