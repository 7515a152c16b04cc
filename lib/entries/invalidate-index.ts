import "server-only";

import type { EntryChange } from "./compact/compact-index";
import { applyEntryChange, refreshIndexAgents, requestIndexWalk } from "./entry-index-cache";
import { announceIndexChange } from "./index-broadcast";

/**
 * After entries were created, edited or deleted through the console: patches this replica's
 * index in place (the next tree request shows the change, no walk) and tells the other replicas
 * which entry IDs changed, so they read those entries again.
 */
export function recordEntryChanges(server: string, change: EntryChange): void {
  if (change.upserts.length === 0 && change.deletes.length === 0) return;
  applyEntryChange(server, change);
  announceIndexChange(server, { upserts: change.upserts.map((e) => e.id), deletes: [...change.deletes] });
}

/**
 * After a change whose outcome is unknown (SPIRE did not answer): walks the server again, here and on the other
 * replicas.
 */
export function recordUncertainChange(server: string): void {
  requestIndexWalk(server);
  announceIndexChange(server, { walk: true });
}

/**
 * After an agent was banned or evicted: reads the agents again (entries are not walked), here and on the other
 * replicas.
 */
export async function invalidateEntryIndex(server: string): Promise<void> {
  announceIndexChange(server, { agents: true });
  await refreshIndexAgents(server).catch((error: unknown) => {
    console.warn(`[index] could not read the agents of ${server} again`, error);
    requestIndexWalk(server);
  });
}
