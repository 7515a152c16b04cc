// The seeded faults the console must find beside foo's deployment: the canary install PodSecurity refuses,
// and the kubelet's events of a failed mount, a crash loop and an ordinary pull.
import type { Applied } from "./apply.ts";
import { applyAll, applyObject } from "./apply.ts";
import type { KubeTarget } from "./kube-http.ts";
import { KubeHttpError, kubeRequest } from "./kube-http.ts";
import { dsStatus, withStatus } from "./seed-status.ts";
import { CANARY_NAMESPACE, FAULTS, NODES, SPIRE_NAMESPACE } from "./topology.ts";
import { event } from "./world-events.ts";
import { agentPodSpec, csiPodSpec, daemonSet } from "./world-spire.ts";

/** The canary install: socket paths that disagree, and pods PodSecurity `baseline` refuses. */
export async function seedCanary(target: KubeTarget, now: Date): Promise<void> {
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

/** The kubelet's events of the seeded faults (and one ordinary event beside them). */
export async function seedEvents(target: KubeTarget, pods: Applied[], now: Date): Promise<void> {
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
