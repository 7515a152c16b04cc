import type { K8sEvent } from "@/lib/k8s/types";

import type { KubernetesProblem } from "./problems";

const byNewest = (a: K8sEvent, b: K8sEvent) => (b.lastSeen ?? "").localeCompare(a.lastSeen ?? "");

/** Warning events seen within `windowMs` of `now`, newest first, at most `limit`. */
export function recentWarnings(
  events: readonly K8sEvent[],
  now: number,
  windowMs = 24 * 3_600_000,
  limit = 50,
): K8sEvent[] {
  return events
    .filter((e) => e.type === "Warning" && (!e.lastSeen || now - Date.parse(e.lastSeen) <= windowMs))
    .sort(byNewest)
    .slice(0, limit);
}

/** FailedMount events that name the CSI driver, newest first. */
export function csiFailedMounts(events: readonly K8sEvent[], driverName: string): K8sEvent[] {
  return events.filter((e) => e.reason === "FailedMount" && e.message.includes(driverName)).sort(byNewest);
}

/** One problem per workload pod whose CSI volume fails to mount, with the likely cause. */
export function failedMountProblems(events: readonly K8sEvent[], driverName: string): KubernetesProblem[] {
  return events.map((e) => {
    const unregistered = e.message.includes("not found in the list of registered CSI drivers");
    const where = e.host ? ` on node ${e.host}` : "";
    return {
      id: `failed-mount:${e.namespace}/${e.involved.name}`,
      ...(e.host ? { node: e.host } : {}),
      severity: "error" as const,
      area: "events" as const,
      title: `Pod ${e.namespace}/${e.involved.name} cannot mount its ${driverName} volume${where}`,
      detail: `${e.message} (${e.count}×)`,
      fix: unregistered
        ? `The kubelet${where} has no ${driverName} registration: check that the spiffe-csi-driver pod${where} runs and that node-driver-registrar's -kubelet-registration-path and the plugins_registry hostPath match the kubelet's directories.`
        : `Read the spiffe-csi-driver logs${where}; the pod starts once the volume mounts.`,
    };
  });
}
