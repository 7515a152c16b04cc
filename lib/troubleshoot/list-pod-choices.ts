import "server-only";

import { ApiError } from "@/lib/api/api-error";
import { userMessage } from "@/lib/api/user-message";
import { authorize } from "@/lib/auth/guard";
import { resolveK8sClusters } from "@/lib/k8s/config";
import { listWorkloadPods } from "@/lib/k8s/workload-pods";

import { loadClusterContext, loadServingContext } from "./load-cluster-context";

export type PodChoice = {
  /** The pod's cluster (part of its address: cluster/namespace/name). */
  cluster: string;
  namespace: string;
  name: string;
  node: string | null;
  serviceAccount: string;
  phase: string;
  /** The SPIRE server whose agents serve the pod's node, when the config names it. */
  spireServer: string | null;
};

/** Every pod of every configured cluster for the picker, and the clusters that could not be read. */
export async function listPodsEverywhere(): Promise<{ pods: PodChoice[]; unreachable: string[] }> {
  await authorize("troubleshoot.read");
  const all = resolveK8sClusters();
  if (all.status !== "ok") {
    await loadClusterContext(); // throws the not-configured error
    return { pods: [], unreachable: [] };
  }
  const results = await Promise.all(
    all.clusters.map(async (cluster) => {
      try {
        if (cluster.status !== "ok") throw new Error(cluster.message);
        return { pods: await podsOf(cluster.name), problem: null };
      } catch (error) {
        return { pods: [], problem: `${cluster.name}: ${userMessage(error, `listing the pods of ${cluster.name}`)}` };
      }
    }),
  );
  const pods = results.flatMap((r) => r.pods);
  const unreachable = results.flatMap((r) => (r.problem ? [r.problem] : []));
  return { pods, unreachable };
}

async function podsOf(cluster: string): Promise<PodChoice[]> {
  const ctx = await loadClusterContext(cluster);
  const pods = await listWorkloadPods(ctx.clients);
  const servers = new Map<string | null, string | null>();
  for (const node of new Set(pods.map((p) => p.nodeName))) {
    servers.set(node, (await loadServingContext(cluster, node)).spireServer ?? null);
  }
  return pods
    .map((p) => ({
      cluster,
      namespace: p.namespace,
      name: p.name,
      node: p.nodeName,
      serviceAccount: p.serviceAccount,
      phase: p.phase,
      spireServer: servers.get(p.nodeName) ?? null,
    }))
    .sort((a, b) => a.namespace.localeCompare(b.namespace) || a.name.localeCompare(b.name));
}

/** Every pod of every reachable cluster, for the picker and the search (sorted by cluster, namespace and name). */
export async function listPodChoices(): Promise<PodChoice[]> {
  const { pods, unreachable } = await listPodsEverywhere();
  if (pods.length === 0 && unreachable.length > 0) throw new ApiError("unavailable", unreachable.join("; "));
  return pods;
}
