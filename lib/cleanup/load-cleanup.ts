import "server-only";

import { getStore } from "@/lib/auth/console-store";
import { authorize } from "@/lib/auth/guard";
import type { ServerConfig } from "@/lib/config/schema";
import { controllerOwnership } from "@/lib/controller-manager/ownership";
import { allEntries } from "@/lib/entries/compact/read-entries";
import { dropCachedIndex, readEntryIndex } from "@/lib/entries/entry-index-cache";
import { serverTrustDomain } from "@/lib/spire/trust-domain";
import type { Agent, Entry } from "@/lib/spire/types";

import type { CleanupReport } from "./cleanup-types";
import { findStale } from "./find-stale";

export type CleanupOptions = { agentExpiredDays: number; includeControllerOwned: boolean };

/** What the clean-up is decided from: every entry and agent, and the findings. */
export type CleanupState = { report: CleanupReport; entries: Entry[]; agents: Agent[] };

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
  // Clean-up reasons over every entry at once (duplicates, orphans): a full copy for this request.
  const entries = allEntries(index);
  const agentIds = new Set(index.agents.map((a) => a.spiffeId));
  const agentPrefix = `spiffe://${trustDomain}/spire/agent/`;
  const missingAgents = [
    ...new Set(entries.map((e) => e.parentId).filter((p) => p.startsWith(agentPrefix) && !agentIds.has(p))),
  ];
  const [evicted, ownership] = await Promise.all([
    evictedAgents(server.name, missingAgents),
    controllerOwnership(server, trustDomain),
  ]);
  const found = findStale({
    server: server.name,
    trustDomain,
    entries,
    agents: index.agents,
    now: Date.now(),
    agentExpiredDays: options.agentExpiredDays,
    evicted,
    ownership,
    includeControllerOwned: options.includeControllerOwned,
  });
  return { report: { ...found, checkedAt: new Date(index.builtAt).toISOString() }, entries, agents: index.agents };
}

/** The clean-up's findings for one server (read-only). */
export async function loadCleanup(server: ServerConfig, options: CleanupOptions): Promise<CleanupReport> {
  await authorize("entries.read", { server: server.name });
  await authorize("agents.read", { server: server.name });
  return (await readCleanupState(server, options)).report;
}
