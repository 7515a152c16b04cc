// One more SPIRE deployment as the charts install it, with its own namespace and nodes: used for
// bar's deployment in cluster demo (world-bar.ts) and for foo's agents in cluster edge
// (world-edge.ts). Server-side applied with fixed names, statuses included.
import type { Applied } from "./apply.ts";
import { applyAll, applyObject } from "./apply.ts";
import type { KubeTarget } from "./kube-http.ts";
import type { SeedObject } from "./seed-types.ts";
import type { NodeSpec } from "./topology.ts";
import { csiNodes, nodes } from "./world-cluster.ts";
import type { ContainerRun } from "./world-pods.ts";
import { pod } from "./world-pods.ts";
import { agentPodSpec, csiPodSpec, daemonSet, readyStatefulSetStatus, serverStatefulSet } from "./world-spire.ts";

/** A workload pod: it mounts the CSI driver's volume, or the agent socket's hostPath directory. */
export interface DeploymentWorkload {
  namespace: string;
  name: string;
  app: string;
  serviceAccount: string;
  node: string;
  mount: "csi" | "agent-socket";
}

export interface DeploymentSpec {
  namespace: string;
  nodes: readonly NodeSpec[];
  /** Keeps pod CIDRs and machine IDs apart from the cluster's other nodes. */
  nodeOffset: number;
  /** Labels of its nodes; also the nodeSelector of its DaemonSets. */
  nodeSelector: Record<string, string>;
  /** Runs its spire-server StatefulSet here; false: the server runs in another cluster. */
  server: boolean;
  /** The agent container of this node never starts (stuck in ContainerCreating). */
  stuckAgentNode?: string;
  socketDir: string;
  workloads: readonly DeploymentWorkload[];
}

export interface SeededDeployment {
  nodeUids: Record<string, string>;
  agentPods: { node: string; name: string; uid: string; namespace: string }[];
  podUids: Record<string, string>;
}

const privileged = {
  "pod-security.kubernetes.io/enforce": "privileged",
  "pod-security.kubernetes.io/enforce-version": "latest",
};

const revision = (name: string) => `${name}-5c4b8d7f9`;

/** Applies the deployment's nodes, namespaces, service accounts, StatefulSet, DaemonSets and pods. */
export async function seedDeployment(target: KubeTarget, d: DeploymentSpec, now: Date): Promise<SeededDeployment> {
  const ns = d.namespace;
  const workloadNamespaces = [...new Set(d.workloads.map((w) => w.namespace))];
  const accounts = [
    ...["default", "spire-server", "spire-agent", "spiffe-csi-driver"].map((name) => [ns, name]),
    ...d.workloads.flatMap((w) => [
      [w.namespace, "default"],
      [w.namespace, w.serviceAccount],
    ]),
  ];
  await applyAll(target, [
    { apiVersion: "v1", kind: "Namespace", metadata: { name: ns, labels: privileged } },
    // A hostPath mount is refused under `baseline`: such namespaces are left without enforcement.
    ...workloadNamespaces.map((name) => ({
      apiVersion: "v1",
      kind: "Namespace",
      metadata: {
        name,
        labels: d.workloads.some((w) => w.namespace === name && w.mount === "agent-socket")
          ? {}
          : { "pod-security.kubernetes.io/enforce": "baseline" },
      },
    })),
    ...[...new Set(accounts.map((a) => a.join("/")))].map((pair) => {
      const [namespace, name] = pair.split("/");
      return { apiVersion: "v1", kind: "ServiceAccount", metadata: { name: name!, namespace: namespace! } };
    }),
  ]);
  const appliedNodes = await applyAll(target, nodes(now, d.nodes, d.nodeOffset, d.nodeSelector));
  const nodeUids = new Map(appliedNodes.map((n) => [n.metadata.name, n.metadata.uid]));
  await applyAll(target, csiNodes(nodeUids, d.nodes));

  const agentSpec = { ...agentPodSpec(d.socketDir), nodeSelector: d.nodeSelector };
  const csiSpec = { ...csiPodSpec(d.socketDir), nodeSelector: d.nodeSelector };
  const agents = await applyObject(target, daemonSet(ns, "spire-agent", agentSpec));
  const csi = await applyObject(target, daemonSet(ns, "spiffe-csi-driver", csiSpec));
  const count = d.nodes.length;
  const agentsReady = count - (d.stuckAgentNode ? 1 : 0);
  await applyAll(target, [
    { ...daemonSet(ns, "spire-agent", agentSpec), status: dsStatus(agents, count, agentsReady) },
    { ...daemonSet(ns, "spiffe-csi-driver", csiSpec), status: dsStatus(csi, count, count) },
  ]);
  const podObjects: SeedObject[] = [];
  const first = d.nodes[0]!;
  if (d.server) podObjects.push(await serverPod(target, ns, first, now));
  const dsPod = (ds: Applied, name: string, spec: Record<string, unknown>, node: NodeSpec, run: ContainerRun) =>
    pod(
      {
        namespace: ns,
        name,
        nodeName: node.name,
        hostIP: node.ip,
        podIP: node.ip,
        labels: {
          "app.kubernetes.io/name": ds.metadata.name,
          "app.kubernetes.io/instance": "spire",
          "controller-revision-hash": revision(ds.metadata.name),
          "pod-template-generation": String(ds.metadata.generation ?? 1),
        },
        spec,
        owner: { apiVersion: "apps/v1", kind: "DaemonSet", name: ds.metadata.name, uid: ds.metadata.uid },
        containers: { [ds.metadata.name]: { run, restarts: 0 } },
        startedSecondsAgo: run === "creating" ? 1_200 : 86_400,
      },
      now,
    );
  for (const node of d.nodes) {
    podObjects.push(
      dsPod(agents, node.agentPod, agentSpec, node, node.name === d.stuckAgentNode ? "creating" : "running"),
      dsPod(csi, node.csiPod, csiSpec, node, "running"),
    );
  }
  d.workloads.forEach((w, index) => podObjects.push(workloadPod(w, d, index, now)));
  const applied = await applyAll(target, podObjects);
  const uidOf = (name: string) => applied.find((p) => p.metadata.name === name)!.metadata.uid;
  return {
    nodeUids: Object.fromEntries(nodeUids),
    agentPods: d.nodes.map((n) => ({ node: n.name, name: n.agentPod, uid: uidOf(n.agentPod), namespace: ns })),
    podUids: Object.fromEntries(d.workloads.map((w) => [w.name, uidOf(w.name)])),
  };
}

async function serverPod(target: KubeTarget, ns: string, node: NodeSpec, now: Date): Promise<SeedObject> {
  const sts = await applyObject(target, serverStatefulSet(ns));
  await applyObject(target, {
    ...serverStatefulSet(ns),
    status: readyStatefulSetStatus(sts.metadata.generation, revision("spire-server")),
  });
  return pod(
    {
      namespace: ns,
      name: "spire-server-0",
      nodeName: node.name,
      hostIP: node.ip,
      podIP: node.ip.replace(/^10\.\d+\.0\./, "10.245.0."),
      labels: {
        "app.kubernetes.io/name": "spire-server",
        "app.kubernetes.io/instance": "spire",
        "statefulset.kubernetes.io/pod-name": "spire-server-0",
        "controller-revision-hash": revision("spire-server"),
      },
      spec: (serverStatefulSet(ns).spec as { template: { spec: Record<string, unknown> } }).template.spec,
      owner: { apiVersion: "apps/v1", kind: "StatefulSet", name: "spire-server", uid: sts.metadata.uid },
      containers: {},
      startedSecondsAgo: 2 * 86_400,
    },
    now,
  );
}

function workloadPod(w: DeploymentWorkload, d: DeploymentSpec, index: number, now: Date): SeedObject {
  const node = d.nodes.find((n) => n.name === w.node)!;
  const csi = w.mount === "csi";
  const volume = csi
    ? { name: "spiffe-workload-api", csi: { driver: "csi.spiffe.io", readOnly: true } }
    : { name: "spiffe-workload-api", hostPath: { path: d.socketDir, type: "Directory" } };
  return pod(
    {
      namespace: w.namespace,
      name: w.name,
      nodeName: node.name,
      hostIP: node.ip,
      podIP: `10.246.${d.nodeOffset}.${20 + index}`,
      labels: { app: w.app, "app.kubernetes.io/name": w.app },
      spec: {
        serviceAccountName: w.serviceAccount,
        containers: [
          {
            name: w.app,
            image: `registry.example.com/${w.app}:3.1.0`,
            env: [{ name: "SPIFFE_ENDPOINT_SOCKET", value: "unix:///spiffe-workload-api/spire-agent.sock" }],
            volumeMounts: [{ name: "spiffe-workload-api", mountPath: "/spiffe-workload-api", readOnly: true }],
          },
        ],
        volumes: [volume],
      },
      containers: { [w.app]: { run: "running", restarts: 0 } },
      startedSecondsAgo: 43_200,
    },
    now,
  );
}

function dsStatus(ds: Applied, desired: number, ready: number): Record<string, unknown> {
  return {
    observedGeneration: ds.metadata.generation,
    desiredNumberScheduled: desired,
    currentNumberScheduled: desired,
    updatedNumberScheduled: desired,
    numberReady: ready,
    numberAvailable: ready,
    ...(desired - ready > 0 ? { numberUnavailable: desired - ready } : {}),
    numberMisscheduled: 0,
  };
}
