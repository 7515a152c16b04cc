import "server-only";

import { ApiError } from "@/lib/api/api-error";
import { ulid } from "@/lib/audit/ulid";
import { recordEvent, withAuditBatch } from "@/lib/audit/write-audit";
import type { ServerConfig } from "@/lib/config/schema";
import { authorizeEntryWrite } from "@/lib/entries/entry-write-check";
import { getEntry } from "@/lib/spire/entries";

import { applyFederationChanges, authorizeFederation, refuseIfFederationStale } from "./apply-federation";
import { applyCreates, applyDeletes, applyUpdates, createInput, type RowOutcome, updateFields } from "./apply-rows";
import { planInverse } from "./plan-inverse";
import { movePlan, readPlan, savePlan } from "./plan-store";
import type { ApplyOptions, ApplyResult, FederationChange, Plan } from "./types";

const READ_CONCURRENCY = 32;

/** The revision of each entry now (null when it does not exist), read 32 at a time. */
async function currentRevisions(server: ServerConfig, ids: string[]): Promise<Map<string, number | null>> {
  const revisions = new Map<string, number | null>();
  for (let i = 0; i < ids.length; i += READ_CONCURRENCY) {
    const batch = ids.slice(i, i + READ_CONCURRENCY);
    const read = await Promise.all(
      batch.map((id) =>
        getEntry(server, id).then(
          (entry) => entry.revisionNumber,
          (error: unknown) => {
            if (error instanceof ApiError && error.code === "not_found") return null;
            throw error;
          },
        ),
      ),
    );
    batch.forEach((id, n) => revisions.set(id, read[n]!));
  }
  return revisions;
}

/**
 * The one entry write check (role, scope, entry bounds, powerful identities) on every row before
 * anything is sent, so a refused row refuses the whole plan instead of half-applying it. The write
 * functions the rows go through check again, at write time.
 */
async function authorizeEveryRow(server: ServerConfig, plan: Plan): Promise<void> {
  const of = (action: string) => plan.changes.filter((c) => c.action === action);
  const rows = of("create").map((c) => createInput(c.after!));
  if (rows.length > 0) await authorizeEntryWrite(server, { kind: "create", rows });
  for (const change of of("update")) {
    const current = change.before!;
    await authorizeEntryWrite(server, { kind: "update", current, result: { ...current, ...updateFields(change) } });
  }
  const entries = of("delete").map((c) => c.before!);
  if (entries.length > 0) await authorizeEntryWrite(server, { kind: "delete", entries });
}

/** 409 naming every entry the plan touches that changed (or appeared, or vanished) since it was made. */
async function refuseIfStale(server: ServerConfig, plan: Plan): Promise<void> {
  const createIds = plan.changes.flatMap((c) => (c.action === "create" && c.entryId ? [c.entryId] : []));
  const now = await currentRevisions(server, [...Object.keys(plan.pinned), ...createIds]);
  const details: { path: string; message: string }[] = [];
  for (const [id, revision] of Object.entries(plan.pinned)) {
    const current = now.get(id);
    if (current === null) details.push({ path: id, message: "was deleted since the plan was made" });
    else if (current !== revision) details.push({ path: id, message: `changed: revision ${revision}, now ${current}` });
  }
  for (const id of createIds)
    if (now.get(id) !== null) details.push({ path: id, message: "was created since the plan was made" });
  if (details.length > 0) {
    const names = details
      .slice(0, 5)
      .map((d) => d.path)
      .join(", ");
    const more = details.length > 5 ? ` and ${details.length - 5} more` : "";
    throw new ApiError(
      "conflict",
      `${details.length} entr${details.length === 1 ? "y" : "ies"} changed since plan ${plan.id} was made (${names}${more}); nothing was applied. Plan again.`,
      details,
    );
  }
}

/** The plan's relationship changes that SPIRE accepted (their rows carry the trust domain). */
function appliedFederationChanges(plan: Plan, results: ApplyResult["results"]): FederationChange[] {
  const ok = new Set(results.filter((r) => r.trustDomain && r.status.code === "ok").map((r) => r.trustDomain));
  return (plan.federation?.changes ?? []).filter((c) => ok.has(c.trustDomain));
}

/**
 * Applies exactly the saved plan `planId`: refused with 409 when anything it touches changed since
 * (nothing is sent), with 412 when the mass-delete guard trips and `allowMassDelete` is not set,
 * with 403 when any row is outside the principal's write scope. Then creates, updates and deletes
 * through the console's entry write path (the one write check, audit per change, in batch =
 * plan ID), with a result per row, and saves the inverse plan. Audited as `plan.apply`.
 */
export async function applyPlan(
  server: ServerConfig,
  planId: string,
  options: ApplyOptions = {},
): Promise<ApplyResult> {
  const plan = await readPlan(server, planId);
  if (plan.status !== "planned") {
    throw new ApiError("conflict", `Plan ${planId} was already ${plan.status}: plan again to apply the file.`);
  }
  if (plan.guard.tripped && !options.allowMassDelete) {
    throw new ApiError("failed_precondition", plan.guard.message ?? "The mass-delete guard refuses this plan.");
  }
  await authorizeEveryRow(server, plan);
  await authorizeFederation(server, plan);
  await refuseIfStale(server, plan);
  await refuseIfFederationStale(server, plan);
  if (!(await movePlan(planId, "planned", "applying"))) {
    throw new ApiError("conflict", `Plan ${planId} is being applied by another request.`);
  }
  const rows = plan.changes.map((change, index) => ({ index, change }));
  const outcomes: RowOutcome[] = await withAuditBatch(planId, async () => [
    ...(await applyCreates(
      server,
      rows.filter((r) => r.change.action === "create"),
    )),
    ...(await applyUpdates(
      server,
      rows.filter((r) => r.change.action === "update"),
    )),
    ...(await applyDeletes(
      server,
      rows.filter((r) => r.change.action === "delete"),
    )),
    ...(await applyFederationChanges(server, plan, rows.length)),
  ]);
  const results = outcomes.map((o) => o.result).sort((a, b) => a.index - b.index);
  const okCount = results.filter((r) => r.status.code === "ok").length;
  const applied = outcomes.flatMap((o) => (o.applied ? [o.applied] : []));
  const federationApplied = appliedFederationChanges(plan, results);
  const inverse =
    applied.length + federationApplied.length > 0
      ? planInverse(plan, applied, ulid(), Date.now(), federationApplied)
      : null;
  if (inverse) await savePlan(inverse);
  const result: ApplyResult = {
    planId,
    ok: okCount === results.length,
    summary: { ok: okCount, failed: results.length - okCount },
    results,
    inversePlanId: inverse?.id ?? null,
  };
  const status = result.ok ? "applied" : okCount > 0 ? "partial" : "failed";
  await movePlan(planId, "applying", status, result);
  await recordEvent(
    {
      action: "plan.apply",
      server,
      target: { type: "plan", id: planId, spiffeId: null },
      after: {
        summary: plan.summaryLine,
        sourceRevision: options.sourceRevision ?? plan.source?.revision ?? null,
        inversePlanId: result.inversePlanId,
        ...result.summary,
      },
    },
    result.ok
      ? { outcome: "ok" }
      : {
          outcome: "error",
          error: { code: "partial", message: `${result.summary.failed} of ${results.length} changes failed` },
        },
  );
  return result;
}
