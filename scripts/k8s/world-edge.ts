// The second cluster, `edge`: its own etcd and kube-apiserver, no SPIRE server of its own — its
// k8s_psat agents attest to foo (foo's k8s_psat lists both clusters). Faults: the spire-agent
// pod on edge-node-2 never starts (no SPIRE agent from that node, yet an entry is parented to
// it), and pods with no identity: one mounting the agent socket and one the CSI volume with no entry,
// one whose entry is under another cluster's agent, one whose entry wants another service account.
import { applyAll, applyObject } from "./apply.ts";
import type { KubeTarget } from "./kube-http.ts";
import type { SeededWorld } from "./seed.ts";
import { crdManifests, waitEstablished } from "./seed-controller-manager.ts";
import type { NodeSpec } from "./topology.ts";
import { SPIRE_NAMESPACE } from "./topology.ts";
import { csiDriver, rbac } from "./world-cluster.ts";
import type { DeploymentWorkload } from "./world-deployment.ts";
import { seedDeployment } from "./world-deployment.ts";

export const EDGE_NODE_SELECTOR: Record<string, string> = { "spire.example.com/server": "foo" };

export const EDGE_NODES: readonly NodeSpec[] = [
  {
    name: "edge-node-1",
    ip: "10.1.0.11",
    zone: "edge-a",
    agentPod: "spire-agent-e3k8p",
    csiPod: "spiffe-csi-driver-e5r2m",
  },
  {
    name: "edge-node-2",
    ip: "10.1.0.12",
    zone: "edge-b",
    agentPod: "spire-agent-e7w4d",
    csiPod: "spiffe-csi-driver-e1n6z",
  },
];

export const EDGE_WORKLOADS: readonly DeploymentWorkload[] = [
  {
    namespace: "storefront",
    name: "storefront-cart-7b9d4-p2l6x",
    app: "storefront-cart",
    serviceAccount: "storefront-cart",
    node: "edge-node-1",
    mount: "csi",
  },
  {
    namespace: "storefront",
    name: "storefront-payments-8c5f2-j7q3r",
    app: "storefront-payments",
    serviceAccount: "storefront-payments",
    node: "edge-node-2",
    mount: "csi",
  },
  {
    namespace: "storefront",
    name: "storefront-legacy-4f6a9-z8v5n",
    app: "storefront-legacy",
    serviceAccount: "default",
    node: "edge-node-1",
    mount: "agent-socket",
  },
  {
    namespace: "storefront",
    name: "storefront-search-3d7e1-m5k2w",
    app: "storefront-search",
    serviceAccount: "storefront-search",
    node: "edge-node-1",
    mount: "csi",
  },
  {
    namespace: "storefront",
    name: "storefront-inventory-6a2c8-t9r4h",
    app: "storefront-inventory",
    serviceAccount: "storefront-inventory",
    node: "edge-node-1",
    mount: "csi",
  },
  {
    namespace: "storefront",
    name: "storefront-reviews-2b8f5-q1w7c",
    app: "storefront-reviews",
    serviceAccount: "storefront-reviews",
    node: "edge-node-1",
    mount: "csi",
  },
];

/** The faults of cluster edge, for the tests. */
export const EDGE_FAULTS = {
  /** Its spire-agent pod is stuck in ContainerCreating: no agent attests from this node. */
  stuckAgentNode: "edge-node-2",
  /** Has an entry in foo, parented to the agent edge-node-2 never got. */
  agentlessPod: { namespace: "storefront", name: "storefront-payments-8c5f2-j7q3r" },
  /** Mounts the agent socket; no entry and no ClusterSPIFFEID select it. */
  noIdentityPod: { namespace: "storefront", name: "storefront-legacy-4f6a9-z8v5n" },
  /** Mounts the CSI volume; no entry at all. */
  noEntryCsiPod: { namespace: "storefront", name: "storefront-reviews-2b8f5-q1w7c" },
  /** Its entry (ns and sa) is parented to foo's agent in cluster demo, not to edge-node-1's. */
  otherAgentPod: { namespace: "storefront", name: "storefront-search-3d7e1-m5k2w" },
  /** Its entry under edge-node-1's agent wants k8s:sa:inventory; the pod runs as storefront-inventory. */
  nearMissPod: { namespace: "storefront", name: "storefront-inventory-6a2c8-t9r4h", wrongSa: "inventory" },
} as const;

/** The ClusterSPIFFEID of edge's controller manager (it selects the cart pod). */
export const EDGE_SPIFFE_ID = "storefront-cart";

/** Seeds the whole edge cluster: RBAC, CSIDriver, the agents and CSI driver, workloads, CRDs and objects. */
export async function seedEdgeWorld(target: KubeTarget, now = new Date()): Promise<SeededWorld> {
  await applyAll(target, [...rbac(), csiDriver()]);
  const seeded = await seedDeployment(
    target,
    {
      namespace: SPIRE_NAMESPACE,
      nodes: EDGE_NODES,
      nodeOffset: 0,
      nodeSelector: EDGE_NODE_SELECTOR,
      server: false,
      stuckAgentNode: EDGE_FAULTS.stuckAgentNode,
      socketDir: "/run/spire/agent-sockets",
      workloads: EDGE_WORKLOADS,
    },
    now,
  );
  for (const crd of crdManifests()) {
    await applyObject(target, crd);
    await waitEstablished(target, crd.metadata.name);
  }
  await applyObject(target, {
    apiVersion: "spire.spiffe.io/v1alpha1",
    kind: "ClusterSPIFFEID",
    metadata: { name: EDGE_SPIFFE_ID },
    spec: {
      spiffeIDTemplate: "spiffe://{{ .TrustDomain }}/ns/{{ .PodMeta.Namespace }}/sa/{{ .PodSpec.ServiceAccountName }}",
      namespaceSelector: { matchLabels: { "kubernetes.io/metadata.name": "storefront" } },
      podSelector: { matchLabels: { app: "storefront-cart" } },
    },
    status: {
      stats: {
        namespacesSelected: 1,
        namespacesIgnored: 0,
        podsSelected: 1,
        podEntryRenderFailures: 0,
        entriesMasked: 0,
        entriesToSet: 1,
        entryFailures: 0,
      },
    },
  });
  return { nodeUids: seeded.nodeUids, agentPods: seeded.agentPods, podUids: seeded.podUids };
}
