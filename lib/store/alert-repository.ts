import "server-only";

import type { AlertRule, AlertSilence, AlertSink, AlertState, DeliveryAttempt } from "@/lib/alerts/types";

import type { SqlExecutor } from "./driver";
import { jsonTable } from "./json-table";
import { parseJson } from "./parse-json";
import type { AlertRepository } from "./types";

type BodyRow = { body: string };

/** The alert engine's tables; one SQL text serves both back-ends. */
export function createAlertRepository(db: SqlExecutor): AlertRepository {
  return {
    rules: jsonTable<AlertRule>(db, "alert_rules"),
    sinks: jsonTable<AlertSink>(db, "alert_sinks"),
    silences: jsonTable<AlertSilence>(db, "alert_silences"),
    async states() {
      const rows = await db.query<BodyRow>("SELECT body FROM alert_states ORDER BY fingerprint");
      return rows.map((r) => parseJson(r.body, null) as AlertState | null).filter((s) => s !== null);
    },
    async putState(next, expected, at) {
      const body = JSON.stringify(next);
      if (!expected) {
        const sql = `INSERT INTO alert_states (fingerprint, status, last_sent_at, body, updated_at)
          VALUES ($1, $2, $3, $4, $5) ON CONFLICT (fingerprint) DO NOTHING`;
        return (await db.execute(sql, [next.fingerprint, next.status, next.lastSentAt, body, at])) > 0;
      }
      const sql = `UPDATE alert_states SET status = $1, last_sent_at = $2, body = $3, updated_at = $4
        WHERE fingerprint = $5 AND status = $6 AND COALESCE(last_sent_at, -1) = $7`;
      const params = [next.status, next.lastSentAt, body, at, next.fingerprint, expected.status];
      return (await db.execute(sql, [...params, expected.lastSentAt ?? -1])) > 0;
    },
    async pruneResolved(before) {
      return db.execute("DELETE FROM alert_states WHERE status = 'resolved' AND updated_at < $1", [before]);
    },
    async addAttempt(attempt) {
      await db.execute("INSERT INTO alert_deliveries (id, at, sink_id, body) VALUES ($1, $2, $3, $4)", [
        attempt.id,
        attempt.at,
        attempt.sinkId,
        JSON.stringify(attempt),
      ]);
    },
    async attempts(limit) {
      const rows = await db.query<BodyRow>("SELECT body FROM alert_deliveries ORDER BY at DESC, id DESC LIMIT $1", [
        limit,
      ]);
      return rows.map((r) => parseJson(r.body, null) as DeliveryAttempt | null).filter((a) => a !== null);
    },
    async pruneAttempts(before) {
      return db.execute("DELETE FROM alert_deliveries WHERE at < $1", [before]);
    },
  };
}
