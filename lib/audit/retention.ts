import "server-only";

import { getStore } from "@/lib/auth/console-store";
import { loadConfig } from "@/lib/config/load-config";
import type { AuditActor, AuditPrune, NewAuditRecord } from "@/lib/store/types";

import { replicaId } from "./replica";
import { ulid } from "./ulid";

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

/** The prune's own audit record: what it removed and where it moved the chain's anchor (audit:verify checks it). */
export function pruneRecord(prune: AuditPrune, cutoff: number, retentionDays: number, at: number): NewAuditRecord {
  return {
    id: ulid(),
    at,
    phase: "event",
    intentId: null,
    batchId: null,
    requestId: null,
    replicaId,
    actor: retentionActor,
    clientAddress: null,
    server: null,
    trustDomain: null,
    action: "audit.prune",
    target: { type: "audit", id: null, spiffeId: null },
    before: { anchor: prune.previousAnchor },
    after: { deleted: prune.deleted, olderThan: new Date(cutoff).toISOString(), retentionDays, anchor: prune.anchor },
    outcome: "ok",
    error: null,
  };
}

/**
 * Removes audit records older than `audit.retentionDays`, at most once a day across all replicas
 * (the store hands the run to one of them), and records the run itself in the same transaction.
 * Returns how many records were removed, or null when it was not this replica's turn.
 */
export async function pruneAuditLogIfDue(now = Date.now()): Promise<number | null> {
  const state = loadConfig();
  const days = state.status === "ok" ? state.config.audit.retentionDays : 365;
  const store = await getStore();
  if (!(await store.audit.claimPrune(now, DAY_MS))) return null;
  const cutoff = now - days * DAY_MS;
  const prune = await store.audit.pruneOlderThan(cutoff, (p) => pruneRecord(p, cutoff, days, Date.now()));
  return prune.deleted;
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
