import "server-only";

import type { SqlExecutor } from "./driver";
import { parseJson } from "./parse-json";
import type { PlanRecord, PlanRepository } from "./types";

type PlanRow = {
  id: string;
  server: string;
  created_at: number;
  status: string;
  applied_at: number | null;
  body?: string;
  result: string | null;
};

function toRecord(row: PlanRow): Omit<PlanRecord, "body"> & { body?: unknown } {
  return {
    id: row.id,
    server: row.server,
    createdAt: Number(row.created_at),
    status: row.status,
    appliedAt: row.applied_at === null ? null : Number(row.applied_at),
    ...(row.body === undefined ? {} : { body: parseJson(row.body, null) }),
    result: row.result === null ? null : parseJson(row.result, null),
  };
}

/** Saved entries-as-code plans; one SQL text serves both back-ends. */
export function createPlanRepository(db: SqlExecutor): PlanRepository {
  return {
    async save(plan) {
      await db.execute(
        `INSERT INTO entry_plans (id, server, created_at, status, applied_at, body, result)
          VALUES ($1, $2, $3, $4, NULL, $5, NULL)`,
        [plan.id, plan.server, plan.createdAt, plan.status, JSON.stringify(plan.body)],
      );
    },
    async get(server, id) {
      const rows = await db.query<PlanRow>(
        "SELECT id, server, created_at, status, applied_at, body, result FROM entry_plans WHERE id = $1 AND server = $2",
        [id, server],
      );
      return rows[0] ? (toRecord(rows[0]) as PlanRecord) : null;
    },
    async transition(id, from, to, at, result) {
      const json = result === undefined ? null : JSON.stringify(result);
      const changed = await db.execute(
        `UPDATE entry_plans SET status = $1, applied_at = $2, result = COALESCE($3, result)
          WHERE id = $4 AND status = $5`,
        [to, at, json, id, from],
      );
      return changed > 0;
    },
    async list(server, statuses, limit) {
      const placeholders = statuses.map((_, i) => `$${i + 3}`).join(", ");
      const rows = await db.query<PlanRow>(
        `SELECT id, server, created_at, status, applied_at, result FROM entry_plans
          WHERE server = $1 ${statuses.length ? `AND status IN (${placeholders})` : ""}
          ORDER BY created_at DESC, id DESC LIMIT $2`,
        [server, limit, ...statuses],
      );
      return rows.map((row) => toRecord(row) as Omit<PlanRecord, "body">);
    },
  };
}
