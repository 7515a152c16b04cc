import "server-only";

import { readAffectedPods } from "@/lib/cleanup/read-affected-pods";
import type { ServerConfig } from "@/lib/config/schema";
import type { CompactEntryIndex } from "@/lib/entries/compact/compact-index";
import { nodeAliases } from "@/lib/entries/compact/read-entries";
import type { Entry } from "@/lib/spire/types";

import type { PlannedChange, PlanRisk } from "./types";

/** Above this many deletes the pods are not looked up (the mass-delete guard speaks for them). */
const MAX_DELETES_CHECKED = 500;

/**
 * A risk per deleted entry whose identity running pods hold today (from the configured cluster,
 * as the clean-up finds them). Nothing when Kubernetes is not configured, not readable by the
 * principal, or serves another server.
 */
export async function readPodRisks(
  server: ServerConfig,
  trustDomain: string,
  index: CompactEntryIndex,
  changes: readonly PlannedChange[],
): Promise<PlanRisk[]> {
  const removed = changes.flatMap((c) => (c.action === "delete" && c.before ? [c.before] : []));
  if (removed.length === 0 || removed.length > MAX_DELETES_CHECKED) return [];
  const { pods } = await readAffectedPods(server, trustDomain, removed, {
    aliases: nodeAliases(index),
    agents: index.agents,
  });
  const byEntry = new Map<string, string[]>();
  for (const pod of pods ?? [])
    byEntry.set(pod.entryId, [...(byEntry.get(pod.entryId) ?? []), `${pod.namespace}/${pod.name}`]);
  return removed.flatMap((entry: Entry) => {
    const names = [...new Set(byEntry.get(entry.id) ?? [])];
    if (names.length === 0) return [];
    const shown = names.slice(0, 5).join(", ") + (names.length > 5 ? ` and ${names.length - 5} more` : "");
    return [
      {
        kind: "removes-pod-identity" as const,
        entryId: entry.id,
        spiffeId: entry.spiffeId,
        message: `Running pods hold this identity today and would lose it: ${shown}.`,
      },
    ];
  });
}
