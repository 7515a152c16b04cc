import "server-only";

import { auditError, recordEvent, toAuditActor } from "@/lib/audit/write-audit";
import { runWithAuth } from "@/lib/auth/request-context";
import type { EntrySetConfig } from "@/lib/config/entry-sets-schema";
import type { ServerConfig } from "@/lib/config/schema";
import { applyPlan } from "@/lib/entries-as-code/apply-plan";
import type { Plan } from "@/lib/entries-as-code/types";
import { countEntrySetAutoApply } from "@/lib/metrics/record";

import type { AutoApplyRecord } from "./drift-state";
import { planAsConsole, type ReadSet } from "./plan-entry-set";
import { systemRequestAuth } from "./system-principal";

/** Why the console will not apply this drift by itself, or null when it may. */
export function autoApplyRefusal(read: ReadSet, plan: Plan): string | null {
  if (!read.principal.bindings[0]?.spiffeIdPrefixes?.length) {
    return "autoApply needs spec.owns.spiffeIdPrefixes: the console's own principal is limited to them";
  }
  if (plan.guard.tripped) return `the mass-delete guard holds: ${plan.guard.message ?? "too many deletes"}`;
  return null;
}

/**
 * Applies a drifted set as the console's own principal, with the same guards as a person's apply
 * (never past the mass-delete guard, every row through the write check), and records the run in
 * the audit log as `entrySet.autoApply` (each change is audited by the apply with the plan ID).
 */
export async function autoApplySet(
  set: EntrySetConfig,
  server: ServerConfig,
  read: ReadSet,
  refreshed: Plan,
): Promise<AutoApplyRecord> {
  const at = new Date().toISOString();
  const target = { type: "entry-set", id: set.name, spiffeId: null };
  const actor = toAuditActor(read.principal);
  const refusal = autoApplyRefusal(read, refreshed);
  if (refusal) {
    await recordEvent(
      { action: "entrySet.autoApply", server, target, after: { summary: refreshed.summary } },
      { outcome: "denied", error: { code: "failed_precondition", message: refusal } },
      actor,
    );
    countEntrySetAutoApply(set.name, set.server, "refused");
    return { at, planId: "", outcome: "refused", message: refusal };
  }
  let planId = "";
  try {
    const plan = await planAsConsole(set, server, read, true);
    planId = plan.id;
    const result = await runWithAuth(systemRequestAuth(read.principal), () => applyPlan(server, plan.id));
    const message = `${plan.summaryLine}: ${result.summary.ok} applied, ${result.summary.failed} failed`;
    await recordEvent(
      {
        action: "entrySet.autoApply",
        server,
        target,
        after: { planId, summary: plan.summary, result: result.summary },
      },
      result.ok ? { outcome: "ok" } : { outcome: "error", error: { code: "internal", message } },
      actor,
    );
    countEntrySetAutoApply(set.name, set.server, result.ok ? "applied" : "failed");
    return { at, planId, outcome: result.ok ? "applied" : "failed", message };
  } catch (error) {
    const problem = auditError(error);
    await recordEvent(
      { action: "entrySet.autoApply", server, target, after: { planId: planId || null } },
      { outcome: "error", error: problem },
      actor,
    );
    countEntrySetAutoApply(set.name, set.server, "failed");
    return { at, planId, outcome: "failed", message: problem.message };
  }
}
