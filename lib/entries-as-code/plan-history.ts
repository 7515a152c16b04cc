import "server-only";

import { authorize } from "@/lib/auth/guard";
import type { ServerConfig } from "@/lib/config/schema";

import { type PlanListItem, readPlan, readSavedPlans } from "./plan-store";
import type { Plan } from "./types";

/** A saved plan of `server` (404 when none); needs `entries.read` on the server. */
export async function loadPlan(server: ServerConfig, id: string): Promise<Plan> {
  await authorize("entries.read", { server: server.name });
  return readPlan(server, id);
}

/** The newest saved plans of `server`, optionally only some statuses (e.g. the applied ones). */
export async function listPlans(server: ServerConfig, statuses: string[], limit = 50): Promise<PlanListItem[]> {
  await authorize("entries.read", { server: server.name });
  return readSavedPlans(server, statuses, limit);
}
