// Seeds the SPIRE-on-Kubernetes world into the local API server. Safe to run on every
// `stack:up`: everything is server-side applied with fixed names, statuses included.
import { say } from "../stack/log.ts";
import type { Applied } from "./apply.ts";
import { applyAll, applyObject } from "./apply.ts";
import type { KubeTarget } from "./kube-http.ts";
import { seedCanary, seedEvents } from "./seed-faults.ts";
import { dsStatus, withStatus } from "./seed-status.ts";
import type { SeedObject } from "./seed-types.ts";
import { CANARY_NAMESPACE, FAULTS, FOO_NODE_SELECTOR, NODES, SPIRE_NAMESPACE, WORKLOADS } from "./topology.ts";
import { BAR_NAMESPACE, BAR_NODES, seedBarDeployment } from "./world-bar.ts";
import { csiDriver, csiNodes, namespaces, nodes, rbac, serviceAccounts } from "./world-cluster.ts";
import { pod } from "./world-pods.ts";
import {
  agentPodSpec,
  bundleConfigMap,
  csiPodSpec,
  daemonSet,
  readyStatefulSetStatus,
  serverStatefulSet,
} from "./world-spire.ts";

export interface SeededWorld {
  nodeUids: Record<string, string>;
  /** The spire-agent pod on each node (k8s_psat tokens are bound to it); namespace default `spire`. */
  agentPods: { node: string; name: string; uid: string; namespace?: string }[];
  /** UIDs of the workload pods of further deployments (bar's in demo, edge's), by pod name. */
  podUids?: Record<string, string>;
}

/** foo's pod templates: on foo's nodes only (FOO_NODE_SELECTOR). */
const fooAgentSpec = () => ({ ...agentPodSpec(FAULTS.socketDir), nodeSelector: FOO_NODE_SELECTOR });
const fooCsiSpec = () => ({ ...csiPodSpec(FAULTS.socketDir), nodeSelector: FOO_NODE_SELECTOR });

const owner = (kind: string, applied: Applied) => ({
  apiVersion: "apps/v1",
  kind,
  name: applied.metadata.name,
  uid: applied.metadata.uid,
});

/** Applies the whole world; returns the node UIDs and agent pods. */
export async function seedWorld(target: KubeTarget, now = new Date()): Promise<SeededWorld> {
  await applyAll(target, [...namespaces(), ...serviceAccounts(), ...rbac(), csiDriver()]);
  const appliedNodes = await applyAll(target, nodes(now));
  const nodeUids = new Map(appliedNodes.map((n) => [n.metadata.name, n.metadata.uid]));
  await applyAll(target, csiNodes(nodeUids));

  const server = await applyObject(target, serverStatefulSet(SPIRE_NAMESPACE));
  const agents = await applyObject(target, daemonSet(SPIRE_NAMESPACE, "spire-agent", fooAgentSpec()));
  const csi = await applyObject(target, daemonSet(SPIRE_NAMESPACE, "spiffe-csi-driver", fooCsiSpec()));
  const revision = (name: string) => `${name}-7d9f8b6c5`;
  await applyObject(
    target,
    withStatus(
      serverStatefulSet(SPIRE_NAMESPACE),
      readyStatefulSetStatus(server.metadata.generation, revision("spire-server")),
    ),
  );
  await applyObject(
    target,
    withStatus(daemonSet(SPIRE_NAMESPACE, "spire-agent", fooAgentSpec()), dsStatus(agents, 3, 3, 3)),
  );
  await applyObject(
    target,
    withStatus(daemonSet(SPIRE_NAMESPACE, "spiffe-csi-driver", fooCsiSpec()), dsStatus(csi, 3, 3, 2)),
  );

  const agentPods: SeededWorld["agentPods"] = [];
  const podObjects: SeedObject[] = [
    pod(
      {
        namespace: SPIRE_NAMESPACE,
        name: "spire-server-0",
        nodeName: NODES[0]!.name,
        hostIP: NODES[0]!.ip,
        podIP: "10.244.0.10",
        labels: {
          "app.kubernetes.io/name": "spire-server",
          "app.kubernetes.io/instance": "spire",
          "statefulset.kubernetes.io/pod-name": "spire-server-0",
          "controller-revision-hash": revision("spire-server"),
        },
        spec: (serverStatefulSet(SPIRE_NAMESPACE).spec as { template: { spec: Record<string, unknown> } }).template
          .spec,
        owner: owner("StatefulSet", server),
        containers: {},
        startedSecondsAgo: 2 * 86_400,
      },
      now,
    ),
  ];
  for (const node of NODES) {
    const dsLabels = (name: string, ds: Applied) => ({
      "app.kubernetes.io/name": name,
      "app.kubernetes.io/instance": "spire",
      "controller-revision-hash": revision(name),
      "pod-template-generation": String(ds.metadata.generation ?? 1),
    });
    podObjects.push(
      pod(
        {
          namespace: SPIRE_NAMESPACE,
          name: node.agentPod,
          nodeName: node.name,
          hostIP: node.ip,
          podIP: node.ip,
          labels: dsLabels("spire-agent", agents),
          spec: fooAgentSpec(),
          owner: owner("DaemonSet", agents),
          containers: {},
          startedSecondsAgo: 2 * 86_400,
        },
        now,
      ),
    );
    const crashing = node.name === FAULTS.crashLoopNode;
    podObjects.push(
      pod(
        {
          namespace: SPIRE_NAMESPACE,
          name: node.csiPod,
          nodeName: node.name,
          hostIP: node.ip,
          podIP: node.ip,
          labels: dsLabels("spiffe-csi-driver", csi),
          spec: fooCsiSpec(),
          owner: owner("DaemonSet", csi),
          containers: crashing ? { "spiffe-csi-driver": { run: "crashloop", restarts: FAULTS.crashLoopRestarts } } : {},
          startedSecondsAgo: 2 * 86_400,
        },
        now,
      ),
    );
  }
  WORKLOADS.forEach((w, index) => {
    const node = NODES.find((n) => n.name === w.node)!;
    const volumes = w.csi ? [{ name: "spiffe-workload-api", csi: { driver: "csi.spiffe.io", readOnly: true } }] : [];
    const mounts = w.csi ? [{ name: "spiffe-workload-api", mountPath: "/spiffe-workload-api", readOnly: true }] : [];
    podObjects.push(
      pod(
        {
          namespace: w.namespace,
          name: w.name,
          nodeName: node.name,
          hostIP: node.ip,
          podIP: `10.244.${NODES.indexOf(node)}.${20 + index}`,
          labels: { app: w.app, "app.kubernetes.io/name": w.app },
          spec: {
            serviceAccountName: w.serviceAccount,
            containers: [
              {
                name: w.app,
                image: `registry.example.com/${w.app}:1.4.2`,
                env: w.csi
                  ? [{ name: "SPIFFE_ENDPOINT_SOCKET", value: "unix:///spiffe-workload-api/spire-agent.sock" }]
                  : [],
                volumeMounts: mounts,
              },
            ],
            volumes,
          },
          containers: { [w.app]: { run: w.running ? "running" : "creating", restarts: 0 } },
          startedSecondsAgo: w.running ? 86_400 : 1_800,
        },
        now,
      ),
    );
  });
  const appliedPods = await applyAll(target, podObjects);
  for (const node of NODES) {
    const applied = appliedPods.find((p) => p.metadata.name === node.agentPod)!;
    agentPods.push({ node: node.name, name: node.agentPod, uid: applied.metadata.uid });
  }

  await seedCanary(target, now);
  await seedEvents(target, appliedPods, now);
  const bar = await seedBarDeployment(target, now);
  say(
    `seeded the Kubernetes world: ${NODES.length} + ${BAR_NODES.length} nodes, ${appliedPods.length} pods, namespaces ${SPIRE_NAMESPACE}, ${CANARY_NAMESPACE} and ${BAR_NAMESPACE}`,
  );
  return {
    nodeUids: { ...Object.fromEntries(nodeUids), ...bar.nodeUids },
    agentPods: [...agentPods, ...bar.agentPods],
    podUids: bar.podUids,
  };
}

/** Writes (or refreshes) the spire-bundle ConfigMap with the server's trust bundle. */
export async function seedBundle(target: KubeTarget, bundlePem: string): Promise<void> {
  await applyObject(target, bundleConfigMap(SPIRE_NAMESPACE, bundlePem));
}
