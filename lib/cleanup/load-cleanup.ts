import "server-only";

import { getStore } from "@/lib/auth/console-store";
import { authorize } from "@/lib/auth/guard";
import type { ServerConfig } from "@/lib/config/schema";
import { controllerOwnership } from "@/lib/controller-manager/ownership";
import type { CompactEntryIndex } from "@/lib/entries/compact/compact-index";
import { dropCachedIndex, readEntryIndex } from "@/lib/entries/entry-index-cache";
import { serverTrustDomain } from "@/lib/spire/trust-domain";

import type { CleanupReport } from "./cleanup-types";
import { findStaleInIndex } from "./find-stale-in-index";
import { missingAgentParents } from "./missing-agent-parents";

export type CleanupOptions = { agentExpiredDays: number; includeControllerOwned: boolean };

/**
 * The findings, and the index they were found in (its entries and agents, read in place: look entries
 * up by ID or slot, never copy them all).
 */
export type CleanupState = { report: CleanupReport; index: CompactEntryIndex };

/** Agents the console evicted (from the audit log), for the missing parents of `entries`; at most 50 looked up. */
async function evictedAgents(server: string, parents: string[]): Promise<Map<string, { at: string; by: string }>> {
  const found = new Map<string, { at: string; by: string }>();
  try {
    const store = await getStore();
    for (const parent of parents.slice(0, 50)) {
      const [record] = await store.audit.list(
        { server, action: "agent.evict", targetId: parent, outcome: "ok", phases: ["result"] },
        { limit: 1 },
      );
      if (record) found.set(parent, { at: new Date(record.at).toISOString(), by: record.actor?.name ?? "someone" });
    }
  } catch (error) {
    console.error("[cleanup] cannot read the audit log for evicted agents", error);
  }
  return found;
}

/**
 * Finds the stale entries and agents of one server from its entry index (`fresh`: walked again
 * first, as the dry run and the apply do, so they never act on a cached view).
 */
export async function readCleanupState(
  server: ServerConfig,
  options: CleanupOptions,
  fresh = false,
): Promise<CleanupState> {
  const trustDomain = await serverTrustDomain(server);
  if (fresh) dropCachedIndex(server.name);
  const index = await readEntryIndex(server, trustDomain);
  const [evicted, ownership] = await Promise.all([
    evictedAgents(server.name, missingAgentParents(index)),
    controllerOwnership(server, trustDomain),
  ]);
  const found = findStaleInIndex(index, {
    server: server.name,
    trustDomain,
    now: Date.now(),
    agentExpiredDays: options.agentExpiredDays,
    evicted,
    ownership,
    includeControllerOwned: options.includeControllerOwned,
  });
  return { report: { ...found, checkedAt: new Date(index.builtAt).toISOString() }, index };
}

/** The clean-up's findings for one server (read-only). */
export async function loadCleanup(server: ServerConfig, options: CleanupOptions): Promise<CleanupReport> {
  await authorize("entries.read", { server: server.name });
  await authorize("agents.read", { server: server.name });
  return (await readCleanupState(server, options)).report;
}
