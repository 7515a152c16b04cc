import "server-only";

import { userMessage } from "@/lib/api/user-message";
import { allows } from "@/lib/auth/guard";
import type { ServerConfig } from "@/lib/config/schema";
import { listWorkloadPods } from "@/lib/k8s/workload-pods";
import { configuredServers } from "@/lib/servers/resolve-server";
import type { Agent, Entry } from "@/lib/spire/types";
import { agentForNode } from "@/lib/troubleshoot/diagnose-workload";
import { loadClusterContext } from "@/lib/troubleshoot/load-cluster-context";
import { servingParents } from "@/lib/troubleshoot/match-entries";
import { reverseLookup } from "@/lib/troubleshoot/reverse-lookup";
import { containerSelectors } from "@/lib/troubleshoot/workload-selectors";

import type { BlastRadius } from "./cleanup-types";

type Pods = Pick<BlastRadius, "pods" | "podsReason">;

/**
 * The pods whose containers `removed` entries match today (they would lose that identity), where
 * the cluster's SPIRE server is `server` (`serving`: its agents and node aliases, which decide the
 * parents serving each pod). Says why not when Kubernetes is not configured, not
 * readable by the user, or serves another server. Never throws.
 */
export async function readAffectedPods(
  server: ServerConfig,
  trustDomain: string,
  removed: readonly Entry[],
  serving: { aliases: readonly Entry[]; agents: readonly Agent[] },
): Promise<Pods> {
  if (removed.length === 0) return { pods: [], podsReason: null };
  if (!(await allows("kubernetes.read"))) return { pods: null, podsReason: "You may not read Kubernetes." };
  try {
    const cluster = await loadClusterContext();
    const clusterServer = cluster.spireServer ?? configuredServers()[0]?.name;
    if (clusterServer !== server.name) {
      return {
        pods: null,
        podsReason: `The configured cluster's SPIRE server is ${clusterServer}, not ${server.name}.`,
      };
    }
    const workloads = await listWorkloadPods(cluster.clients);
    const candidates = workloads.map((pod) => {
      const nodeUid = cluster.nodes.find((n) => n.name === pod.nodeName)?.uid ?? null;
      const agent = nodeUid ? agentForNode(serving.agents, nodeUid, cluster.psatCluster) : null;
      return {
        pod,
        containers: containerSelectors(pod).filter((c) => !c.init),
        parents: servingParents(agent, serving.aliases, trustDomain),
      };
    });
    const pods = removed.flatMap((entry) =>
      reverseLookup(entry, candidates).matches.map((hit) => ({
        entryId: entry.id,
        namespace: hit.namespace,
        name: hit.name,
        container: hit.container,
      })),
    );
    return { pods, podsReason: null };
  } catch (error) {
    return { pods: null, podsReason: userMessage(error, "reading the cluster's pods") };
  }
}
