// The seeded SPIRE-on-Kubernetes world: three nodes, the SPIRE components in `spire`, a
// broken copy in `spire-canary`, and workloads in two namespaces, with the faults below.

export interface NodeSpec {
  name: string;
  ip: string;
  zone: string;
  /** Suffixes of the DaemonSet pods on this node, fixed so seeding stays idempotent. */
  agentPod: string;
  csiPod: string;
}

export const NODES: readonly NodeSpec[] = [
  {
    name: "demo-node-1",
    ip: "10.0.0.11",
    zone: "demo-a",
    agentPod: "spire-agent-4kq9z",
    csiPod: "spiffe-csi-driver-2f8jd",
  },
  {
    name: "demo-node-2",
    ip: "10.0.0.12",
    zone: "demo-b",
    agentPod: "spire-agent-8mx2c",
    csiPod: "spiffe-csi-driver-9hbqs",
  },
  {
    name: "demo-node-3",
    ip: "10.0.0.13",
    zone: "demo-c",
    agentPod: "spire-agent-t7w5n",
    csiPod: "spiffe-csi-driver-xm4lr",
  },
];

export const SPIRE_NAMESPACE = "spire";
/** foo's agents and CSI driver run on the nodes labelled so (bar's deployment has nodes of its own). */
export const FOO_NODE_SELECTOR: Record<string, string> = { "spire.example.com/server": "foo" };
/** A second, broken install: PodSecurity `baseline` blocks its pods, and its socket paths disagree. */
export const CANARY_NAMESPACE = "spire-canary";
export const CSI_DRIVER = "csi.spiffe.io";
export const AGENT_AUDIENCE = "spire-server";

/** The faults built into the world, for the integration tests. */
export const FAULTS = {
  /** This node's spiffe-csi-driver container is in CrashLoopBackOff. */
  crashLoopNode: "demo-node-2",
  crashLoopRestarts: 14,
  /** This node's CSINode does not list csi.spiffe.io. */
  unregisteredNode: "demo-node-3",
  /** A workload pod on the unregistered node whose CSI volume fails to mount. */
  failedMountPod: { namespace: "payments", name: "payments-worker-5c8d7-qv6lx" },
  /** Agent socket hostPath vs the CSI driver's spire-agent-socket-dir in the canary install. */
  canaryAgentSocketDir: "/run/spire/sockets",
  socketDir: "/run/spire/agent-sockets",
} as const;

export interface WorkloadSpec {
  namespace: string;
  name: string;
  app: string;
  serviceAccount: string;
  node: string;
  csi: boolean;
  running: boolean;
}

export const WORKLOADS: readonly WorkloadSpec[] = [
  {
    namespace: "payments",
    name: "payments-api-7f9c6-h2k8d",
    app: "payments-api",
    serviceAccount: "payments-api",
    node: "demo-node-1",
    csi: true,
    running: true,
  },
  {
    namespace: "payments",
    name: FAULTS.failedMountPod.name,
    app: "payments-worker",
    serviceAccount: "payments-worker",
    node: FAULTS.unregisteredNode,
    csi: true,
    running: false,
  },
  {
    namespace: "web",
    name: "web-frontend-6b7d9-p4mzn",
    app: "web-frontend",
    serviceAccount: "web-frontend",
    node: "demo-node-2",
    csi: true,
    running: true,
  },
  {
    namespace: "web",
    name: "web-legacy-5d4f8-r9tqw",
    app: "web-legacy",
    serviceAccount: "default",
    node: "demo-node-1",
    csi: false,
    running: true,
  },
];
