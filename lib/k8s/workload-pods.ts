import "server-only";

import type { V1Container, V1ContainerStatus, V1Pod } from "@kubernetes/client-node";

import { k8sCall, type K8sClients } from "./client";
import { listAllPages } from "./paging";
import type { WorkloadContainer, WorkloadPod } from "./types";

function toContainer(c: V1Container, status: V1ContainerStatus | undefined, init: boolean): WorkloadContainer {
  return {
    name: c.name,
    init,
    specImage: c.image ?? "",
    status: status
      ? { image: status.image ?? "", imageID: status.imageID ?? "", running: Boolean(status.state?.running) }
      : null,
    env: Object.fromEntries((c.env ?? []).filter((e) => e.value !== undefined).map((e) => [e.name, e.value!])),
    mounts: (c.volumeMounts ?? []).map((m) => ({ volume: m.name, mountPath: m.mountPath })),
  };
}

/** The parts of a pod the k8s workload attestor reads (spec, labels, owners, container statuses). */
export function toWorkloadPod(pod: V1Pod): WorkloadPod {
  const statusOf = (list: V1ContainerStatus[] | undefined, name: string) => list?.find((s) => s.name === name);
  return {
    namespace: pod.metadata?.namespace ?? "",
    name: pod.metadata?.name ?? "",
    uid: pod.metadata?.uid ?? "",
    nodeName: pod.spec?.nodeName ?? null,
    serviceAccount: pod.spec?.serviceAccountName ?? "default",
    phase: pod.status?.phase ?? "Unknown",
    labels: pod.metadata?.labels ?? {},
    owners: (pod.metadata?.ownerReferences ?? []).map((o) => ({ kind: o.kind, name: o.name, uid: o.uid })),
    containers: [
      ...(pod.spec?.initContainers ?? []).map((c) =>
        toContainer(c, statusOf(pod.status?.initContainerStatuses, c.name), true),
      ),
      ...(pod.spec?.containers ?? []).map((c) =>
        toContainer(c, statusOf(pod.status?.containerStatuses, c.name), false),
      ),
    ],
    volumes: (pod.spec?.volumes ?? []).map((v) => ({
      name: v.name,
      csiDriver: v.csi?.driver ?? null,
      hostPath: v.hostPath?.path ?? null,
    })),
  };
}

/** Every pod of the cluster, as the troubleshooter models it. */
export async function listWorkloadPods(clients: K8sClients): Promise<WorkloadPod[]> {
  const pods = await k8sCall(clients, "list pods in all namespaces", (options) =>
    listAllPages((cont, limit) => clients.core.listPodForAllNamespaces({ _continue: cont, limit }, options)),
  );
  return pods.map(toWorkloadPod);
}

/** The pods scheduled on one node (all namespaces), as the troubleshooter models them. */
export async function listWorkloadPodsOnNode(clients: K8sClients, node: string): Promise<WorkloadPod[]> {
  const fieldSelector = `spec.nodeName=${node}`;
  const pods = await k8sCall(clients, `list pods on node ${node}`, (options) =>
    listAllPages((cont, limit) =>
      clients.core.listPodForAllNamespaces({ _continue: cont, limit, fieldSelector }, options),
    ),
  );
  return pods.map(toWorkloadPod);
}

/** One pod (404 `not_found` when it does not exist). */
export async function getWorkloadPod(clients: K8sClients, namespace: string, name: string): Promise<WorkloadPod> {
  return toWorkloadPod(
    await k8sCall(clients, `read pod ${namespace}/${name}`, (options) =>
      clients.core.readNamespacedPod({ namespace, name }, options),
    ),
  );
}
