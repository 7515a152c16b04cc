import "server-only";

import { getStore } from "@/lib/auth/console-store";
import { loadConfig } from "@/lib/config/load-config";
import type { AuditActor } from "@/lib/store/types";

import { recordEvent } from "./write-audit";

const DAY_MS = 86_400_000;

/** The console itself, as the actor of its daily retention run. */
const retentionActor: AuditActor = {
  kind: "system",
  method: "retention",
  issuer: "spire-console",
  subject: "audit-retention",
  name: "audit retention (daily)",
  groups: [],
  tokenId: null,
};

/**
 * Removes audit records older than `audit.retentionDays`, at most once a day across all replicas
 * (the store hands the run to one of them), and records the run itself. Returns how many records
 * were removed, or null when it was not this replica's turn.
 */
export async function pruneAuditLogIfDue(now = Date.now()): Promise<number | null> {
  const state = loadConfig();
  const days = state.status === "ok" ? state.config.audit.retentionDays : 365;
  const store = await getStore();
  if (!(await store.audit.claimPrune(now, DAY_MS))) return null;
  const cutoff = now - days * DAY_MS;
  const deleted = await store.audit.pruneOlderThan(cutoff);
  await recordEvent(
    {
      action: "audit.prune",
      target: { type: "audit", id: null, spiffeId: null },
      after: { deleted, olderThan: new Date(cutoff).toISOString(), retentionDays: days },
    },
    { outcome: "ok" },
    retentionActor,
  );
  return deleted;
}

/** Checks hourly whether the daily retention run is due (started once per process). */
export function startAuditRetention(): void {
  const globalForRetention = globalThis as typeof globalThis & { __spireAuditRetention?: NodeJS.Timeout };
  if (globalForRetention.__spireAuditRetention) return;
  const run = () =>
    void pruneAuditLogIfDue().catch((error: unknown) => console.error("[audit] retention run failed", error));
  setTimeout(run, 60_000).unref();
  globalForRetention.__spireAuditRetention = setInterval(run, 3_600_000).unref();
}
