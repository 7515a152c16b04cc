// The SPIRE components as the SPIRE and SPIFFE CSI driver charts deploy them: the
// spire-server StatefulSet, the spire-agent and spiffe-csi-driver DaemonSets (with the
// charts' hostPath volumes), and the trust-bundle ConfigMap.
import { SPIRE_VERSION } from "../stack/paths.ts";
import type { SeedObject } from "./seed-types.ts";
import { CSI_DRIVER } from "./topology.ts";

const hostPath = (name: string, path: string, type: string) => ({ name, hostPath: { path, type } });

/** Pod template of spire-agent; `socketDir` is the hostPath the Workload API socket lives in. */
export function agentPodSpec(socketDir: string): Record<string, unknown> {
  return {
    serviceAccountName: "spire-agent",
    hostPID: true,
    hostNetwork: true,
    dnsPolicy: "ClusterFirstWithHostNet",
    containers: [
      {
        name: "spire-agent",
        image: `ghcr.io/spiffe/spire-agent:${SPIRE_VERSION}`,
        args: ["-config", "/run/spire/config/agent.conf"],
        volumeMounts: [
          { name: "spire-config", mountPath: "/run/spire/config", readOnly: true },
          { name: "spire-bundle", mountPath: "/run/spire/bundle", readOnly: true },
          { name: "spire-agent-socket-dir", mountPath: "/tmp/spire-agent/public" },
          { name: "spire-token", mountPath: "/var/run/secrets/tokens" },
        ],
      },
    ],
    volumes: [
      { name: "spire-config", configMap: { name: "spire-agent" } },
      { name: "spire-bundle", configMap: { name: "spire-bundle" } },
      hostPath("spire-agent-socket-dir", socketDir, "DirectoryOrCreate"),
      {
        name: "spire-token",
        projected: {
          sources: [
            { serviceAccountToken: { path: "spire-agent", expirationSeconds: 7200, audience: "spire-server" } },
          ],
        },
      },
    ],
  };
}

/** Pod template of the SPIFFE CSI driver; `socketDir` is its spire-agent-socket-dir hostPath. */
export function csiPodSpec(socketDir: string): Record<string, unknown> {
  return {
    serviceAccountName: "spiffe-csi-driver",
    containers: [
      {
        name: "spiffe-csi-driver",
        image: "ghcr.io/spiffe/spiffe-csi-driver:0.2.7",
        args: [
          "-workload-api-socket-dir",
          "/spire-agent-socket",
          "-plugin-name",
          CSI_DRIVER,
          "-csi-socket-path",
          "/spiffe-csi/csi.sock",
        ],
        env: [{ name: "MY_NODE_NAME", valueFrom: { fieldRef: { fieldPath: "spec.nodeName" } } }],
        securityContext: { readOnlyRootFilesystem: true, capabilities: { drop: ["all"] }, privileged: true },
        volumeMounts: [
          { name: "spire-agent-socket-dir", mountPath: "/spire-agent-socket", readOnly: true },
          { name: "spiffe-csi-socket-dir", mountPath: "/spiffe-csi" },
          { name: "mountpoint-dir", mountPath: "/var/lib/kubelet/pods", mountPropagation: "Bidirectional" },
        ],
      },
      {
        name: "node-driver-registrar",
        image: "registry.k8s.io/sig-storage/csi-node-driver-registrar:v2.13.0",
        args: [
          "-csi-address",
          "/spiffe-csi/csi.sock",
          "-kubelet-registration-path",
          `/var/lib/kubelet/plugins/${CSI_DRIVER}/csi.sock`,
          "-health-port",
          "9809",
        ],
        volumeMounts: [
          { name: "spiffe-csi-socket-dir", mountPath: "/spiffe-csi" },
          { name: "kubelet-plugin-registration-dir", mountPath: "/registration" },
        ],
      },
    ],
    volumes: [
      hostPath("spire-agent-socket-dir", socketDir, "DirectoryOrCreate"),
      hostPath("spiffe-csi-socket-dir", `/var/lib/kubelet/plugins/${CSI_DRIVER}`, "DirectoryOrCreate"),
      hostPath("mountpoint-dir", "/var/lib/kubelet/pods", "Directory"),
      hostPath("kubelet-plugin-registration-dir", "/var/lib/kubelet/plugins_registry", "Directory"),
    ],
  };
}

/** Pod template of spire-server. */
export function serverPodSpec(): Record<string, unknown> {
  return {
    serviceAccountName: "spire-server",
    containers: [
      {
        name: "spire-server",
        image: `ghcr.io/spiffe/spire-server:${SPIRE_VERSION}`,
        args: ["-config", "/run/spire/config/server.conf"],
        ports: [{ name: "grpc", containerPort: 8081 }],
        volumeMounts: [{ name: "spire-config", mountPath: "/run/spire/config", readOnly: true }],
      },
    ],
    volumes: [{ name: "spire-config", configMap: { name: "spire-server" } }],
  };
}

const appLabels = (name: string) => ({ "app.kubernetes.io/name": name, "app.kubernetes.io/instance": "spire" });

/** A DaemonSet whose pods run `podSpec`. */
export function daemonSet(namespace: string, name: string, podSpec: Record<string, unknown>): SeedObject {
  return {
    apiVersion: "apps/v1",
    kind: "DaemonSet",
    metadata: { name, namespace, labels: appLabels(name) },
    spec: {
      selector: { matchLabels: appLabels(name) },
      updateStrategy: { type: "RollingUpdate", rollingUpdate: { maxUnavailable: 1 } },
      template: { metadata: { labels: appLabels(name) }, spec: podSpec },
    },
  };
}

/** The spire-server StatefulSet (one replica). */
export function serverStatefulSet(namespace: string): SeedObject {
  return {
    apiVersion: "apps/v1",
    kind: "StatefulSet",
    metadata: { name: "spire-server", namespace, labels: appLabels("spire-server") },
    spec: {
      replicas: 1,
      serviceName: "spire-server",
      selector: { matchLabels: appLabels("spire-server") },
      template: { metadata: { labels: appLabels("spire-server") }, spec: serverPodSpec() },
    },
  };
}

/** The `spire-bundle` ConfigMap SPIRE's k8sbundle notifier keeps up to date. */
export function bundleConfigMap(namespace: string, bundlePem: string): SeedObject {
  return {
    apiVersion: "v1",
    kind: "ConfigMap",
    metadata: { name: "spire-bundle", namespace },
    data: { "bundle.crt": bundlePem },
  };
}

/** The status of a one-replica StatefulSet that is ready and rolled out at `revision`. */
export function readyStatefulSetStatus(generation: number | undefined, revision: string): Record<string, unknown> {
  return {
    observedGeneration: generation,
    replicas: 1,
    readyReplicas: 1,
    currentReplicas: 1,
    updatedReplicas: 1,
    availableReplicas: 1,
    currentRevision: revision,
    updateRevision: revision,
    collisionCount: 0,
  };
}
