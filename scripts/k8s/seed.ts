// Seeds the SPIRE-on-Kubernetes world into the local API server. Safe to run on every
// `stack:up`: everything is server-side applied with fixed names, statuses included.
import { say } from "../stack/log.ts";
import type { Applied } from "./apply.ts";
import { applyAll, applyObject } from "./apply.ts";
import type { KubeTarget } from "./kube-http.ts";
import { KubeHttpError, kubeRequest } from "./kube-http.ts";
import type { SeedObject } from "./seed-types.ts";
import { CANARY_NAMESPACE, FAULTS, NODES, SPIRE_NAMESPACE, WORKLOADS } from "./topology.ts";
import { csiDriver, csiNodes, namespaces, nodes, rbac, serviceAccounts } from "./world-cluster.ts";
import { event } from "./world-events.ts";
import { pod } from "./world-pods.ts";
import { agentPodSpec, bundleConfigMap, csiPodSpec, daemonSet, serverStatefulSet } from "./world-spire.ts";

export interface SeededWorld {
  nodeUids: Record<string, string>;
  /** The spire-agent pod on each node (k8s_psat tokens are bound to it). */
  agentPods: { node: string; name: string; uid: string }[];
}

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
  const agents = await applyObject(target, daemonSet(SPIRE_NAMESPACE, "spire-agent", agentPodSpec(FAULTS.socketDir)));
  const csi = await applyObject(target, daemonSet(SPIRE_NAMESPACE, "spiffe-csi-driver", csiPodSpec(FAULTS.socketDir)));
  const revision = (name: string) => `${name}-7d9f8b6c5`;
  await applyObject(
    target,
    withStatus(serverStatefulSet(SPIRE_NAMESPACE), {
      observedGeneration: server.metadata.generation,
      replicas: 1,
      readyReplicas: 1,
      currentReplicas: 1,
      updatedReplicas: 1,
      availableReplicas: 1,
      currentRevision: revision("spire-server"),
      updateRevision: revision("spire-server"),
      collisionCount: 0,
    }),
  );
  await applyObject(
    target,
    withStatus(daemonSet(SPIRE_NAMESPACE, "spire-agent", agentPodSpec(FAULTS.socketDir)), dsStatus(agents, 3, 3, 3)),
  );
  await applyObject(
    target,
    withStatus(daemonSet(SPIRE_NAMESPACE, "spiffe-csi-driver", csiPodSpec(FAULTS.socketDir)), dsStatus(csi, 3, 3, 2)),
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
          spec: agentPodSpec(FAULTS.socketDir),
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
          spec: csiPodSpec(FAULTS.socketDir),
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
  say(
    `seeded the Kubernetes world: ${NODES.length} nodes, ${appliedPods.length} pods, namespaces ${SPIRE_NAMESPACE} and ${CANARY_NAMESPACE}`,
  );
  return { nodeUids: Object.fromEntries(nodeUids), agentPods };
}

/** Writes (or refreshes) the spire-bundle ConfigMap with the server's trust bundle. */
export async function seedBundle(target: KubeTarget, bundlePem: string): Promise<void> {
  await applyObject(target, bundleConfigMap(SPIRE_NAMESPACE, bundlePem));
}

function withStatus(obj: SeedObject, status: Record<string, unknown>): SeedObject {
  return { ...obj, status };
}

function dsStatus(ds: Applied, desired: number, current: number, ready: number): Record<string, unknown> {
  return {
    observedGeneration: ds.metadata.generation,
    desiredNumberScheduled: desired,
    currentNumberScheduled: current,
    updatedNumberScheduled: current,
    numberReady: ready,
    numberAvailable: ready,
    ...(desired - ready > 0 ? { numberUnavailable: desired - ready } : {}),
    numberMisscheduled: 0,
  };
}

/** The canary install: socket paths that disagree, and pods PodSecurity `baseline` refuses. */
async function seedCanary(target: KubeTarget, now: Date): Promise<void> {
  const agentSpec = agentPodSpec(FAULTS.canaryAgentSocketDir);
  const agents = await applyObject(target, daemonSet(CANARY_NAMESPACE, "spire-agent", agentSpec));
  const csi = await applyObject(target, daemonSet(CANARY_NAMESPACE, "spiffe-csi-driver", csiPodSpec(FAULTS.socketDir)));
  await applyObject(
    target,
    withStatus(daemonSet(CANARY_NAMESPACE, "spire-agent", agentSpec), dsStatus(agents, 3, 0, 0)),
  );
  await applyObject(
    target,
    withStatus(daemonSet(CANARY_NAMESPACE, "spiffe-csi-driver", csiPodSpec(FAULTS.socketDir)), dsStatus(csi, 3, 0, 0)),
  );
  for (const [ds, spec, suffix] of [
    [agents, agentSpec, "w2f7k"],
    [csi, csiPodSpec(FAULTS.socketDir), "k9d3m"],
  ] as const) {
    const name = `${ds.metadata.name}-${suffix}`;
    // The API server's own refusal (dry run), as the DaemonSet controller would have met it.
    const refusal = await kubeRequest(target, "POST", `/api/v1/namespaces/${CANARY_NAMESPACE}/pods?dryRun=All`, {
      apiVersion: "v1",
      kind: "Pod",
      metadata: { name, namespace: CANARY_NAMESPACE },
      spec: { ...spec, nodeName: NODES[0]!.name },
    }).then(
      () => null,
      (error: unknown) => (error instanceof KubeHttpError ? error.message.replace(/^POST \S+: \d+ /, "") : null),
    );
    await applyObject(
      target,
      event(
        {
          namespace: CANARY_NAMESPACE,
          name: `${ds.metadata.name}.failedcreate`,
          type: "Warning",
          reason: "FailedCreate",
          message: `Error creating: ${refusal ?? `pods "${name}" is forbidden: violates PodSecurity "baseline:latest"`}`,
          involved: { apiVersion: "apps/v1", kind: "DaemonSet", name: ds.metadata.name, uid: ds.metadata.uid },
          component: "daemonset-controller",
          count: 27,
          firstSecondsAgo: 3_600,
        },
        now,
      ),
    );
  }
}

async function seedEvents(target: KubeTarget, pods: Applied[], now: Date): Promise<void> {
  const uid = (name: string) => pods.find((p) => p.metadata.name === name)?.metadata.uid;
  const crashNode = NODES.find((n) => n.name === FAULTS.crashLoopNode)!;
  const mountPod = FAULTS.failedMountPod;
  await applyAll(target, [
    event(
      {
        namespace: mountPod.namespace,
        name: `${mountPod.name}.failedmount`,
        type: "Warning",
        reason: "FailedMount",
        message: `MountVolume.SetUp failed for volume "spiffe-workload-api" : kubernetes.io/csi: mounter.SetUpAt failed to get CSI client: driver name csi.spiffe.io not found in the list of registered CSI drivers`,
        involved: { apiVersion: "v1", kind: "Pod", name: mountPod.name, uid: uid(mountPod.name) },
        component: "kubelet",
        host: FAULTS.unregisteredNode,
        count: 15,
        firstSecondsAgo: 1_800,
      },
      now,
    ),
    event(
      {
        namespace: SPIRE_NAMESPACE,
        name: `${crashNode.csiPod}.backoff`,
        type: "Warning",
        reason: "BackOff",
        message: `Back-off restarting failed container spiffe-csi-driver in pod ${crashNode.csiPod}_${SPIRE_NAMESPACE}(${uid(crashNode.csiPod)})`,
        involved: {
          apiVersion: "v1",
          kind: "Pod",
          name: crashNode.csiPod,
          uid: uid(crashNode.csiPod),
          fieldPath: "spec.containers{spiffe-csi-driver}",
        },
        component: "kubelet",
        host: crashNode.name,
        count: 61,
        firstSecondsAgo: 5_400,
      },
      now,
    ),
    event(
      {
        namespace: SPIRE_NAMESPACE,
        name: "spire-server-0.pulled",
        type: "Normal",
        reason: "Pulled",
        message: 'Container image "ghcr.io/spiffe/spire-server:1.15.3" already present on machine',
        involved: {
          apiVersion: "v1",
          kind: "Pod",
          name: "spire-server-0",
          uid: uid("spire-server-0"),
          fieldPath: "spec.containers{spire-server}",
        },
        component: "kubelet",
        host: NODES[0]!.name,
        count: 1,
        firstSecondsAgo: 7_200,
      },
      now,
    ),
  ]);
}
