import type { WorkloadContainer, WorkloadPod } from "@/lib/k8s/types";

/** What the cluster says about the CSI driver on the pod's node (from the k8s analysis modules). */
export type CsiState = {
  driverName: string;
  /** The CSIDriver object exists and its spec is what the SPIFFE CSI driver needs. */
  driverHealthy: boolean;
  driverInstalled: boolean;
  /** csi.spiffe.io is listed in the node's CSINode; null when the node is unknown to the cluster. */
  registeredOnNode: boolean | null;
  /** The spiffe-csi-driver pod on the node is healthy; null when unknown. */
  podHealthy: boolean | null;
  /** The agent's socket host directory (spire-agent-socket-dir), for hostPath mounts. */
  agentSocketDir: string | null;
};

export type DeliveryIssue = {
  code:
    | "no-workload-api-volume"
    | "socket-outside-mount"
    | "csi-driver-missing"
    | "csi-not-registered"
    | "csi-pod-unhealthy"
    | "no-endpoint-env";
  blocking: boolean;
  title: string;
  fix: string;
};

export type Delivery = {
  via: "csi" | "host-path" | null;
  mountPath: string | null;
  endpointSocket: string | null;
  issues: DeliveryIssue[];
};

const trim = (p: string) => p.replace(/\/+$/, "") || "/";
const inside = (file: string, dir: string) => trim(file).startsWith(trim(dir) + "/");

/**
 * How the Workload API socket reaches `container`: a `csi.spiffe.io` inline volume (or a hostPath
 * of the agent's socket directory) mounted in it, `SPIFFE_ENDPOINT_SOCKET` pointing inside that
 * mount, and for CSI a driver that is installed, registered on the node and running there.
 */
export function checkDelivery(pod: WorkloadPod, container: WorkloadContainer, csi: CsiState): Delivery {
  const issues: DeliveryIssue[] = [];
  const mountOf = (volume: string) => container.mounts.find((m) => m.volume === volume)?.mountPath ?? null;
  const csiVolume = pod.volumes.find((v) => v.csiDriver === csi.driverName && mountOf(v.name));
  const hostVolume = pod.volumes.find(
    (v) =>
      v.hostPath &&
      mountOf(v.name) &&
      (csi.agentSocketDir ? trim(v.hostPath) === trim(csi.agentSocketDir) : /spire/.test(v.hostPath)),
  );
  const volume = csiVolume ?? hostVolume ?? null;
  const mountPath = volume ? mountOf(volume.name) : null;
  const raw = container.env.SPIFFE_ENDPOINT_SOCKET ?? null;
  const endpointSocket = raw ? raw.replace(/^unix:\/\//, "") : null;
  if (!volume) {
    issues.push({
      code: "no-workload-api-volume",
      blocking: true,
      title: `Container ${container.name} mounts no ${csi.driverName} volume and no hostPath to the agent socket, so it cannot reach the Workload API`,
      fix: `Add an inline volume {csi: {driver: ${csi.driverName}, readOnly: true}} mounted at /spiffe-workload-api and set SPIFFE_ENDPOINT_SOCKET=unix:///spiffe-workload-api/spire-agent.sock.`,
    });
  } else if (!endpointSocket) {
    issues.push({
      code: "no-endpoint-env",
      blocking: false,
      title: `SPIFFE_ENDPOINT_SOCKET is not set in ${container.name}`,
      fix: `Set SPIFFE_ENDPOINT_SOCKET=unix://${trim(mountPath!)}/spire-agent.sock, unless the workload passes the socket path in code.`,
    });
  } else if (!inside(endpointSocket, mountPath!)) {
    issues.push({
      code: "socket-outside-mount",
      blocking: true,
      title: `SPIFFE_ENDPOINT_SOCKET (${raw}) is not inside the mount ${mountPath}`,
      fix: `Set SPIFFE_ENDPOINT_SOCKET=unix://${trim(mountPath!)}/spire-agent.sock.`,
    });
  }
  if (csiVolume) {
    if (!csi.driverInstalled) {
      issues.push({
        code: "csi-driver-missing",
        blocking: true,
        title: `The CSIDriver ${csi.driverName} is not installed, so the kubelet refuses the volume`,
        fix: `Install the SPIFFE CSI driver chart.`,
      });
    } else if (csi.registeredOnNode === false) {
      issues.push({
        code: "csi-not-registered",
        blocking: true,
        title: `${csi.driverName} is not registered on node ${pod.nodeName}: the volume cannot be mounted there`,
        fix: `Fix node-driver-registrar in the spiffe-csi-driver pod on ${pod.nodeName} (see /kubernetes).`,
      });
    }
    if (csi.podHealthy === false) {
      issues.push({
        code: "csi-pod-unhealthy",
        blocking: true,
        title: `The spiffe-csi-driver pod on ${pod.nodeName} is not healthy`,
        fix: `Read its log (kubectl logs --previous); see the node table on /kubernetes.`,
      });
    }
  }
  return { via: csiVolume ? "csi" : hostVolume ? "host-path" : null, mountPath, endpointSocket, issues };
}
