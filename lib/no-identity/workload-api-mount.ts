import type { WorkloadPod } from "@/lib/k8s/types";

/** How a pod reaches a SPIRE agent's Workload API: the SPIFFE CSI driver's volume or the agent socket's host dir. */
export type WorkloadApiMount =
  { kind: "csi"; volume: string; driver: string } | { kind: "agent-socket"; volume: string; path: string };

const normalize = (p: string) => p.replace(/\/+$/, "") || "/";

/** Whether a hostPath exposes `socketDir`: the directory itself, one below it, or one above it. */
function exposes(hostPath: string, socketDir: string): boolean {
  const [h, d] = [normalize(hostPath), normalize(socketDir)];
  return h === d || d.startsWith(`${h === "/" ? "" : h}/`) || h.startsWith(`${d}/`);
}

/**
 * The pod's volume that gives it the Workload API, or null: an inline CSI volume of one of `csiDrivers`
 * (`csi.spiffe.io`), else a hostPath volume over one of the agents' socket directories.
 */
export function workloadApiMount(
  pod: Pick<WorkloadPod, "volumes">,
  csiDrivers: readonly string[],
  socketDirs: readonly string[],
): WorkloadApiMount | null {
  for (const v of pod.volumes) {
    if (v.csiDriver && csiDrivers.includes(v.csiDriver)) return { kind: "csi", volume: v.name, driver: v.csiDriver };
  }
  for (const v of pod.volumes) {
    const path = v.hostPath;
    if (path && socketDirs.some((dir) => exposes(path, dir))) return { kind: "agent-socket", volume: v.name, path };
  }
  return null;
}
