import "server-only";

import { authorize } from "@/lib/auth/guard";
import { listWorkloadPods } from "@/lib/k8s/workload-pods";

import { loadClusterContext } from "./load-cluster-context";

export type PodChoice = { namespace: string; name: string; node: string | null; serviceAccount: string; phase: string };

/** Every pod of the cluster, for the picker (sorted by namespace and name). */
export async function listPodChoices(): Promise<PodChoice[]> {
  await authorize("troubleshoot.read");
  const cluster = await loadClusterContext();
  const pods = await listWorkloadPods(cluster.clients);
  return pods
    .map((p) => ({
      namespace: p.namespace,
      name: p.name,
      node: p.nodeName,
      serviceAccount: p.serviceAccount,
      phase: p.phase,
    }))
    .sort((a, b) => a.namespace.localeCompare(b.namespace) || a.name.localeCompare(b.name));
}
