// bar's SPIRE deployment in cluster demo (the federation article's topology): its own namespace
// `spire-bar`, its own nodes (demo-node-6/7, selected by label), k8s_psat agents of bar, and
// bar's workloads in `billing`. Faults: no spire-bundle ConfigMap in spire-bar (bar's bundle is
// never published), and a billing pod that mounts the CSI volume but has no entry.
import type { KubeTarget } from "./kube-http.ts";
import type { NodeSpec } from "./topology.ts";
import type { DeploymentWorkload, SeededDeployment } from "./world-deployment.ts";
import { seedDeployment } from "./world-deployment.ts";

export const BAR_NAMESPACE = "spire-bar";
export const BAR_NODE_SELECTOR: Record<string, string> = { "spire.example.com/server": "bar" };

export const BAR_NODES: readonly NodeSpec[] = [
  {
    name: "demo-node-6",
    ip: "10.0.0.16",
    zone: "demo-a",
    agentPod: "spire-agent-b4n7x",
    csiPod: "spiffe-csi-driver-b2q8w",
  },
  {
    name: "demo-node-7",
    ip: "10.0.0.17",
    zone: "demo-b",
    agentPod: "spire-agent-b9h3k",
    csiPod: "spiffe-csi-driver-b6t1v",
  },
];

export const BAR_WORKLOADS: readonly DeploymentWorkload[] = [
  {
    namespace: "billing",
    name: "billing-api-6d8f7-k2x9q",
    app: "billing-api",
    serviceAccount: "billing-api",
    node: "demo-node-6",
    mount: "csi",
  },
  {
    namespace: "billing",
    name: "billing-reports-59c7d-w4m8t",
    app: "billing-reports",
    serviceAccount: "billing-reports",
    node: "demo-node-7",
    mount: "csi",
  },
];

/** The faults of bar's deployment, for the tests. */
export const BAR_FAULTS = {
  /** bar's bundle is not published in its namespace. */
  missingBundle: { namespace: BAR_NAMESPACE, name: "spire-bundle" },
  /** Mounts the CSI volume; bar has no entry for it. */
  noIdentityPod: { namespace: "billing", name: "billing-reports-59c7d-w4m8t" },
} as const;

/** Seeds bar's deployment into cluster demo. */
export function seedBarDeployment(target: KubeTarget, now: Date): Promise<SeededDeployment> {
  return seedDeployment(
    target,
    {
      namespace: BAR_NAMESPACE,
      nodes: BAR_NODES,
      nodeOffset: 3,
      nodeSelector: BAR_NODE_SELECTOR,
      server: true,
      socketDir: "/run/spire/bar-agent-sockets",
      workloads: BAR_WORKLOADS,
    },
    now,
  );
}
