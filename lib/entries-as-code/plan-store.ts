import "server-only";

import { ApiError } from "@/lib/api/api-error";
import { getStore } from "@/lib/auth/console-store";
import type { ServerConfig } from "@/lib/config/schema";

import type { ApplyResult, Plan, PlanStatus } from "./types";

/** A plan in a list: without its changes and unmanaged entries, with how its apply ended. */
export type PlanListItem = Omit<Plan, "changes" | "unmanaged"> & { result: ApplyResult["summary"] | null };

/** Saves a new plan (status `planned`). */
export async function savePlan(plan: Plan): Promise<void> {
  const store = await getStore();
  await store.plans.save({
    id: plan.id,
    server: plan.server,
    createdAt: plan.createdAt,
    status: "planned",
    body: plan,
  });
}

/** The saved plan `id` of `server` with its current status; 404 when there is none. */
export async function readPlan(server: ServerConfig, id: string): Promise<Plan> {
  const record = await (await getStore()).plans.get(server.name, id);
  if (!record || typeof record.body !== "object" || record.body === null) {
    throw new ApiError("not_found", `No plan ${id} on server ${server.name}.`);
  }
  return { ...(record.body as Plan), status: record.status as PlanStatus, appliedAt: record.appliedAt };
}

/** Moves a plan from one status to the next; false when another apply moved it first. */
export async function movePlan(id: string, from: string, to: string, result?: ApplyResult): Promise<boolean> {
  return (await getStore()).plans.transition(id, from, to, Date.now(), result);
}

/** The newest plans of `server` (optionally only some statuses), for the history of applied plans. */
export async function readSavedPlans(server: ServerConfig, statuses: string[], limit: number): Promise<PlanListItem[]> {
  const store = await getStore();
  const rows = await store.plans.list(server.name, statuses, limit);
  const plans = await Promise.all(rows.map((row) => store.plans.get(server.name, row.id)));
  return plans.flatMap((record) => {
    if (!record) return [];
    const { changes: _changes, unmanaged: _unmanaged, ...rest } = record.body as Plan;
    const result = record.result as ApplyResult | null;
    return [
      { ...rest, status: record.status as PlanStatus, appliedAt: record.appliedAt, result: result?.summary ?? null },
    ];
  });
}
