import type { K8sDaemonSet, K8sHostPath } from "@/lib/k8s/types";

import type { KubernetesProblem } from "./problems";

export type SocketCheck = { namespace: string; agentDir: string | null; csiDir: string | null; consistent: boolean };

const SOCKET_VOLUME = "spire-agent-socket-dir";

/** The hostPath the agent serves its Workload API socket in (the charts' spire-agent-socket-dir). */
export function agentSocketHostPath(ds: K8sDaemonSet): K8sHostPath | null {
  const paths = ds.template.hostPaths;
  return paths.find((h) => h.volume === SOCKET_VOLUME) ?? paths.find((h) => /socket/i.test(h.volume)) ?? null;
}

/** The hostPath the CSI driver exposes to workloads (its spire-agent-socket-dir volume). */
export function csiSocketHostPath(ds: K8sDaemonSet): K8sHostPath | null {
  const paths = ds.template.hostPaths;
  return paths.find((h) => h.volume === SOCKET_VOLUME) ?? paths.find((h) => /agent-socket/i.test(h.volume)) ?? null;
}

const normalize = (p: string) => p.replace(/\/+$/, "") || "/";

/**
 * The agent and the CSI driver must share one host directory: the driver bind-mounts it into
 * every workload, so a different path gives workloads an empty directory and no socket.
 */
export function checkSocketPaths(
  namespace: string,
  agent: K8sDaemonSet | null,
  csi: K8sDaemonSet | null,
): { check: SocketCheck; problems: KubernetesProblem[] } {
  const agentDir = agent ? (agentSocketHostPath(agent)?.path ?? null) : null;
  const csiDir = csi ? (csiSocketHostPath(csi)?.path ?? null) : null;
  const consistent = agentDir !== null && csiDir !== null && normalize(agentDir) === normalize(csiDir);
  const problems: KubernetesProblem[] = [];
  if (agent && csi && agentDir && csiDir && !consistent) {
    problems.push({
      id: `socket-mismatch:${namespace}`,
      severity: "error",
      area: "sockets",
      title: `Socket path mismatch in ${namespace}: the agent uses ${agentDir}, the CSI driver mounts ${csiDir}`,
      detail: `spire-agent serves the Workload API socket in host directory ${agentDir}, but spiffe-csi-driver's ${SOCKET_VOLUME} volume is ${csiDir}, so workloads get a directory without the socket.`,
      fix: `Use one host directory for both: set the ${SOCKET_VOLUME} hostPath of both DaemonSets to the same path (the charts default to /run/spire/agent-sockets).`,
    });
  } else if (agent && csi && (!agentDir || !csiDir)) {
    problems.push({
      id: `socket-unknown:${namespace}`,
      severity: "warning",
      area: "sockets",
      title: `Cannot tell which host directory ${!agentDir ? "the agent" : "the CSI driver"} in ${namespace} uses for the socket`,
      detail: `No hostPath volume named ${SOCKET_VOLUME} (or containing "socket") was found.`,
      fix: `Mount the agent socket directory as a hostPath volume named ${SOCKET_VOLUME} in both DaemonSets.`,
    });
  }
  return { check: { namespace, agentDir, csiDir, consistent }, problems };
}
