import type { WorkloadPod } from "@/lib/k8s/types";

/** A pod on a node that reaches the SPIRE agent's Workload API, and through which kind of volume. */
export type NodeWorkload = {
  namespace: string;
  name: string;
  phase: string;
  serviceAccount: string;
  via: "csi" | "hostPath";
};

const trim = (path: string) => path.replace(/\/+$/, "");

/**
 * The pods (of one node's list) that use the Workload API: a container mounts a volume of the CSI
 * driver, or a hostPath of the agent's socket directory. SPIRE's own DaemonSet pods (the agent and
 * the CSI driver, which serve the socket) are left out. Sorted by namespace and name. Pure.
 */
export function podsUsingWorkloadApi(
  pods: readonly WorkloadPod[],
  how: { driverName: string; agentSocketDir: string | null; spireDaemonSets: readonly string[] },
): NodeWorkload[] {
  const spire = new Set(how.spireDaemonSets);
  const found: NodeWorkload[] = [];
  for (const pod of pods) {
    if (pod.owners.some((o) => o.kind === "DaemonSet" && spire.has(o.name))) continue;
    const mounted = new Set(pod.containers.flatMap((c) => c.mounts.map((m) => m.volume)));
    const volumes = pod.volumes.filter((v) => mounted.has(v.name));
    const csi = volumes.some((v) => v.csiDriver === how.driverName);
    const socketDir = how.agentSocketDir;
    const host = socketDir !== null && volumes.some((v) => v.hostPath !== null && trim(v.hostPath) === trim(socketDir));
    if (!csi && !host) continue;
    const { namespace, name, phase, serviceAccount } = pod;
    found.push({ namespace, name, phase, serviceAccount, via: csi ? "csi" : "hostPath" });
  }
  return found.sort((a, b) => a.namespace.localeCompare(b.namespace) || a.name.localeCompare(b.name));
}
