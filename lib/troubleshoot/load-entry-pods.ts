import "server-only";

import { ApiError } from "@/lib/api/api-error";
import { entryWithId } from "@/lib/entries/compact/read-entries";
import { listWorkloadPods } from "@/lib/k8s/workload-pods";
import { pickServer } from "@/lib/servers/resolve-server";
import type { Entry } from "@/lib/spire/types";
import { agentForNode } from "@/lib/troubleshoot/diagnose-workload";
import { servingParents } from "@/lib/troubleshoot/match-entries";
import { type ReverseLookup, reverseLookup } from "@/lib/troubleshoot/reverse-lookup";
import { containerSelectors } from "@/lib/troubleshoot/workload-selectors";

import { loadClusterContext } from "./load-cluster-context";
import { loadSpireContext } from "./load-spire-context";

export type EntryReverseLookup = ReverseLookup & {
  server: string;
  entry: Pick<Entry, "id" | "spiffeId" | "parentId" | "selectors">;
  podsScanned: number;
};

/** Which pods of the cluster entry `id` of `server` matches today, or the closest ones. */
export async function lookupEntryPods(input: { server?: string; id: string }): Promise<EntryReverseLookup> {
  const cluster = await loadClusterContext();
  const spire = await loadSpireContext(pickServer(input.server, cluster.spireServer).name);
  const entry = entryWithId(spire.index, input.id);
  if (!entry) throw new ApiError("not_found", `Entry ${input.id} does not exist on ${spire.server}.`);
  const pods = await listWorkloadPods(cluster.clients);
  const candidates = pods.map((pod) => {
    const nodeUid = cluster.nodes.find((n) => n.name === pod.nodeName)?.uid ?? null;
    const agent = nodeUid ? agentForNode(spire.agents, nodeUid, cluster.psatCluster) : null;
    return {
      pod,
      containers: containerSelectors(pod).filter((c) => !c.init),
      parents: servingParents(agent, spire.entries.aliases, spire.trustDomain),
    };
  });
  const result = reverseLookup(entry, candidates);
  return {
    ...result,
    server: spire.server,
    entry: { id: entry.id, spiffeId: entry.spiffeId, parentId: entry.parentId, selectors: entry.selectors },
    podsScanned: pods.length,
  };
}
