import type { K8sPod } from "@/lib/k8s/types";

/** What `kubectl get pod` would print in STATUS: a waiting/terminated reason, else the phase. */
export function podStatusText(pod: K8sPod): string {
  const waiting = pod.containers.find((c) => c.state === "waiting" && c.reason);
  if (waiting?.reason) return waiting.reason;
  const terminated = pod.containers.find((c) => c.state === "terminated" && c.reason);
  if (terminated?.reason) return terminated.reason;
  return pod.phase;
}

/** A pod as one cell of a table: status text, readiness, restarts. */
export type PodCell = { name: string; status: string; ready: boolean; restarts: number; healthy: boolean };

/** Summarizes a pod for display; healthy means Running and Ready. */
export function toPodCell(pod: K8sPod): PodCell {
  const status = podStatusText(pod);
  return {
    name: pod.name,
    status,
    ready: pod.ready,
    restarts: pod.restarts,
    healthy: pod.phase === "Running" && pod.ready,
  };
}

/** True when every label of `selector` is on the pod (an empty selector matches nothing). */
export function matchesSelector(pod: K8sPod, selector: Record<string, string>): boolean {
  const entries = Object.entries(selector);
  return entries.length > 0 && entries.every(([key, value]) => pod.labels[key] === value);
}
