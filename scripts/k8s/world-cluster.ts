// Cluster-scoped part of the seeded world: namespaces (with PodSecurity labels), service
// accounts, RBAC for the console and for spire-server, nodes, the CSIDriver and CSINodes.
import { KUBE_VERSION } from "./paths.ts";
import { TOKEN_USERS } from "./pki.ts";
import type { SeedObject } from "./seed-types.ts";
import type { NodeSpec } from "./topology.ts";
import {
  CANARY_NAMESPACE,
  CSI_DRIVER,
  FAULTS,
  FOO_NODE_SELECTOR,
  NODES,
  SPIRE_NAMESPACE,
  WORKLOADS,
} from "./topology.ts";

const podSecurity = (level: string) => ({
  "pod-security.kubernetes.io/enforce": level,
  "pod-security.kubernetes.io/enforce-version": "latest",
  "pod-security.kubernetes.io/warn": level,
  "pod-security.kubernetes.io/audit": level,
});

/** Namespaces: `spire` privileged (its pods need hostPath and privileged), `spire-canary` baseline. */
export function namespaces(): SeedObject[] {
  const workloadNamespaces = [...new Set(WORKLOADS.map((w) => w.namespace))];
  return [
    { apiVersion: "v1", kind: "Namespace", metadata: { name: SPIRE_NAMESPACE, labels: podSecurity("privileged") } },
    { apiVersion: "v1", kind: "Namespace", metadata: { name: CANARY_NAMESPACE, labels: podSecurity("baseline") } },
    ...workloadNamespaces.map((name) => ({
      apiVersion: "v1",
      kind: "Namespace",
      metadata: { name, labels: { "pod-security.kubernetes.io/enforce": "baseline" } },
    })),
  ];
}

/** Service accounts of the SPIRE components and of every workload (the ServiceAccount admission plugin needs them). */
export function serviceAccounts(): SeedObject[] {
  const pairs = new Set<string>();
  for (const ns of [SPIRE_NAMESPACE, CANARY_NAMESPACE]) {
    for (const sa of ["default", "spire-server", "spire-agent", "spiffe-csi-driver"]) pairs.add(`${ns}/${sa}`);
  }
  for (const w of WORKLOADS) {
    pairs.add(`${w.namespace}/default`);
    pairs.add(`${w.namespace}/${w.serviceAccount}`);
  }
  return [...pairs].map((pair) => {
    const [namespace, name] = pair.split("/");
    return { apiVersion: "v1", kind: "ServiceAccount", metadata: { name: name!, namespace: namespace! } };
  });
}

const rule = (apiGroups: string[], resources: string[], verbs: string[]) => ({ apiGroups, resources, verbs });

/** RBAC: a read-only role for the console and the k8s_psat role for spire-server. */
export function rbac(): SeedObject[] {
  const read = ["get", "list", "watch"];
  const binding = (name: string, user: string) => ({
    apiVersion: "rbac.authorization.k8s.io/v1",
    kind: "ClusterRoleBinding",
    metadata: { name },
    roleRef: { apiGroup: "rbac.authorization.k8s.io", kind: "ClusterRole", name },
    subjects: [{ apiGroup: "rbac.authorization.k8s.io", kind: "User", name: user }],
  });
  return [
    {
      apiVersion: "rbac.authorization.k8s.io/v1",
      kind: "ClusterRole",
      metadata: { name: "spire-console-reader" },
      rules: [
        rule([""], ["nodes", "pods", "namespaces", "events", "configmaps", "serviceaccounts"], read),
        rule(["apps"], ["daemonsets", "statefulsets", "deployments"], read),
        rule(["storage.k8s.io"], ["csidrivers", "csinodes"], read),
        rule(["events.k8s.io"], ["events"], read),
        rule(["spire.spiffe.io"], ["clusterspiffeids", "clusterstaticentries", "clusterfederatedtrustdomains"], read),
      ],
    },
    binding("spire-console-reader", TOKEN_USERS.console[0]),
    {
      apiVersion: "rbac.authorization.k8s.io/v1",
      kind: "ClusterRole",
      metadata: { name: "spire-server-psat" },
      rules: [rule(["authentication.k8s.io"], ["tokenreviews"], ["create"]), rule([""], ["pods", "nodes"], ["get"])],
    },
    binding("spire-server-psat", TOKEN_USERS.spireServer[0]),
  ];
}

/**
 * Ready nodes with realistic node info: by default the three of foo's deployment; `offset` keeps
 * the pod CIDRs and machine IDs of a further list apart, `labels` are added to each.
 */
export function nodes(
  now: Date,
  list: readonly NodeSpec[] = NODES,
  offset = 0,
  labels: Record<string, string> = FOO_NODE_SELECTOR,
): SeedObject[] {
  const since = new Date(now.getTime() - 3 * 86_400_000).toISOString().replace(/\.\d+Z$/, "Z");
  const heartbeat = now.toISOString().replace(/\.\d+Z$/, "Z");
  return list.map((node, i) => ({
    apiVersion: "v1",
    kind: "Node",
    metadata: {
      name: node.name,
      labels: {
        ...labels,
        "kubernetes.io/hostname": node.name,
        "kubernetes.io/os": "linux",
        "kubernetes.io/arch": "amd64",
        "topology.kubernetes.io/zone": node.zone,
      },
    },
    spec: { podCIDR: `10.244.${i + offset}.0/24`, podCIDRs: [`10.244.${i + offset}.0/24`] },
    status: {
      capacity: { cpu: "4", memory: "16384Mi", pods: "110", "ephemeral-storage": "100Gi" },
      allocatable: { cpu: "3800m", memory: "15360Mi", pods: "110", "ephemeral-storage": "95Gi" },
      conditions: [
        {
          type: "MemoryPressure",
          status: "False",
          reason: "KubeletHasSufficientMemory",
          message: "kubelet has sufficient memory available",
          lastHeartbeatTime: heartbeat,
          lastTransitionTime: since,
        },
        {
          type: "DiskPressure",
          status: "False",
          reason: "KubeletHasNoDiskPressure",
          message: "kubelet has no disk pressure",
          lastHeartbeatTime: heartbeat,
          lastTransitionTime: since,
        },
        {
          type: "PIDPressure",
          status: "False",
          reason: "KubeletHasSufficientPID",
          message: "kubelet has sufficient PID available",
          lastHeartbeatTime: heartbeat,
          lastTransitionTime: since,
        },
        {
          type: "Ready",
          status: "True",
          reason: "KubeletReady",
          message: "kubelet is posting ready status",
          lastHeartbeatTime: heartbeat,
          lastTransitionTime: since,
        },
      ],
      addresses: [
        { type: "InternalIP", address: node.ip },
        { type: "Hostname", address: node.name },
      ],
      daemonEndpoints: { kubeletEndpoint: { Port: 10250 } },
      nodeInfo: {
        machineID: `${i + offset + 1}`.padStart(32, "a"),
        systemUUID: `0000000${i + offset + 1}-0000-4000-8000-00000000000${i + offset + 1}`,
        bootID: `b00700${i + offset + 1}0-0000-4000-8000-000000000000`,
        kernelVersion: "6.12.38+deb13-amd64",
        osImage: "Debian GNU/Linux 13 (trixie)",
        containerRuntimeVersion: "containerd://2.1.4",
        kubeletVersion: `v${KUBE_VERSION}`,
        kubeProxyVersion: "",
        operatingSystem: "linux",
        architecture: "amd64",
      },
    },
  }));
}

/** The CSIDriver exactly as the SPIFFE CSI driver's chart installs it. */
export function csiDriver(): SeedObject {
  return {
    apiVersion: "storage.k8s.io/v1",
    kind: "CSIDriver",
    metadata: { name: CSI_DRIVER },
    spec: { attachRequired: false, podInfoOnMount: true, fsGroupPolicy: "None", volumeLifecycleModes: ["Ephemeral"] },
  };
}

/** CSINodes: csi.spiffe.io registered on every node except the unregistered one. */
export function csiNodes(nodeUids: Map<string, string>, list: readonly NodeSpec[] = NODES): SeedObject[] {
  return list.map((node) => ({
    apiVersion: "storage.k8s.io/v1",
    kind: "CSINode",
    metadata: {
      name: node.name,
      ownerReferences: [{ apiVersion: "v1", kind: "Node", name: node.name, uid: nodeUids.get(node.name)! }],
    },
    spec: { drivers: node.name === FAULTS.unregisteredNode ? [] : [{ name: CSI_DRIVER, nodeID: node.name }] },
  }));
}
