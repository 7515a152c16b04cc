import "server-only";

import { X509Certificate } from "node:crypto";

import type {
  CoreV1Event,
  V1ContainerStatus,
  V1CSIDriver,
  V1CSINode,
  V1DaemonSet,
  V1Namespace,
  V1Node,
  V1Pod,
  V1PodSpec,
  V1StatefulSet,
} from "@kubernetes/client-node";

import type {
  K8sCertificate,
  K8sContainerState,
  K8sCsiDriver,
  K8sCsiNode,
  K8sDaemonSet,
  K8sEvent,
  K8sNamespace,
  K8sNode,
  K8sPod,
  K8sPodTemplate,
  K8sStatefulSet,
} from "./types";

const iso = (value: Date | string | undefined | null): string | null => {
  if (!value) return null;
  const date = value instanceof Date ? value : new Date(value);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
};

/** The security-relevant summary of a pod spec. */
export function toPodTemplate(spec: V1PodSpec | undefined): K8sPodTemplate {
  const containers = [...(spec?.initContainers ?? []), ...(spec?.containers ?? [])];
  return {
    serviceAccount: spec?.serviceAccountName ?? null,
    hostNetwork: spec?.hostNetwork ?? false,
    hostPID: spec?.hostPID ?? false,
    hostIPC: spec?.hostIPC ?? false,
    privilegedContainers: containers.filter((c) => c.securityContext?.privileged).map((c) => c.name),
    hostPaths: (spec?.volumes ?? [])
      .filter((v) => v.hostPath)
      .map((v) => ({ volume: v.name, path: v.hostPath!.path, type: v.hostPath!.type ?? null })),
    csiDrivers: (spec?.volumes ?? []).flatMap((v) => (v.csi ? [v.csi.driver] : [])),
    ...(spec?.nodeSelector && Object.keys(spec.nodeSelector).length > 0 ? { nodeSelector: spec.nodeSelector } : {}),
  };
}

function toContainerState(status: V1ContainerStatus): K8sContainerState {
  const { running, waiting, terminated } = status.state ?? {};
  const last = status.lastState?.terminated;
  return {
    name: status.name,
    ready: status.ready,
    restartCount: status.restartCount,
    state: running ? "running" : waiting ? "waiting" : terminated ? "terminated" : "unknown",
    reason: waiting?.reason ?? terminated?.reason ?? null,
    message: waiting?.message ?? terminated?.message ?? null,
    lastTermination: last
      ? { reason: last.reason ?? null, exitCode: last.exitCode, message: last.message ?? null }
      : null,
  };
}

/** A pod as plain data: phase, readiness, restarts, container states, owner, security summary. */
export function toPod(pod: V1Pod): K8sPod {
  const containers = (pod.status?.containerStatuses ?? []).map(toContainerState);
  const owner = pod.metadata?.ownerReferences?.find((o) => o.controller) ?? pod.metadata?.ownerReferences?.[0];
  return {
    namespace: pod.metadata?.namespace ?? "",
    name: pod.metadata?.name ?? "",
    uid: pod.metadata?.uid ?? "",
    nodeName: pod.spec?.nodeName ?? null,
    phase: pod.status?.phase ?? "Unknown",
    labels: pod.metadata?.labels ?? {},
    ready: pod.status?.conditions?.some((c) => c.type === "Ready" && c.status === "True") ?? false,
    restarts: containers.reduce((sum, c) => sum + c.restartCount, 0),
    containers,
    owner: owner ? { kind: owner.kind, name: owner.name } : null,
    template: toPodTemplate(pod.spec),
    createdAt: iso(pod.metadata?.creationTimestamp),
  };
}

/** A DaemonSet with its selector, pod template summary and status numbers. */
export function toDaemonSet(ds: V1DaemonSet): K8sDaemonSet {
  const s = ds.status;
  return {
    namespace: ds.metadata?.namespace ?? "",
    name: ds.metadata?.name ?? "",
    generation: ds.metadata?.generation ?? 0,
    selector: ds.spec?.selector.matchLabels ?? {},
    template: toPodTemplate(ds.spec?.template.spec),
    status: {
      desired: s?.desiredNumberScheduled ?? 0,
      current: s?.currentNumberScheduled ?? 0,
      ready: s?.numberReady ?? 0,
      available: s?.numberAvailable ?? 0,
      updated: s?.updatedNumberScheduled ?? 0,
      misscheduled: s?.numberMisscheduled ?? 0,
      unavailable: s?.numberUnavailable ?? 0,
      observedGeneration: s?.observedGeneration ?? 0,
    },
  };
}

/** A StatefulSet with its replica counts and current/update revisions. */
export function toStatefulSet(sts: V1StatefulSet): K8sStatefulSet {
  const s = sts.status;
  return {
    namespace: sts.metadata?.namespace ?? "",
    name: sts.metadata?.name ?? "",
    generation: sts.metadata?.generation ?? 0,
    replicas: sts.spec?.replicas ?? 1,
    selector: sts.spec?.selector.matchLabels ?? {},
    status: {
      ready: s?.readyReplicas ?? 0,
      current: s?.currentReplicas ?? 0,
      updated: s?.updatedReplicas ?? 0,
      available: s?.availableReplicas ?? 0,
      currentRevision: s?.currentRevision ?? null,
      updateRevision: s?.updateRevision ?? null,
      observedGeneration: s?.observedGeneration ?? 0,
    },
  };
}

/** A node: name, UID, Ready condition, internal IP, kubelet version. */
export function toNode(node: V1Node): K8sNode {
  return {
    name: node.metadata?.name ?? "",
    uid: node.metadata?.uid ?? "",
    labels: node.metadata?.labels ?? {},
    ready: node.status?.conditions?.some((c) => c.type === "Ready" && c.status === "True") ?? false,
    internalIP: node.status?.addresses?.find((a) => a.type === "InternalIP")?.address ?? null,
    kubeletVersion: node.status?.nodeInfo?.kubeletVersion ?? null,
    createdAt: iso(node.metadata?.creationTimestamp),
  };
}

/** A CSIDriver's spec fields the SPIFFE CSI driver depends on. */
export function toCsiDriver(driver: V1CSIDriver): K8sCsiDriver {
  return {
    name: driver.metadata?.name ?? "",
    attachRequired: driver.spec.attachRequired ?? null,
    podInfoOnMount: driver.spec.podInfoOnMount ?? null,
    volumeLifecycleModes: driver.spec.volumeLifecycleModes ?? [],
    fsGroupPolicy: driver.spec.fsGroupPolicy ?? null,
  };
}

/** A CSINode: the CSI drivers registered by the node's kubelet. */
export function toCsiNode(csiNode: V1CSINode): K8sCsiNode {
  return {
    name: csiNode.metadata?.name ?? "",
    drivers: (csiNode.spec.drivers ?? []).map((d) => ({ name: d.name, nodeID: d.nodeID })),
  };
}

/** An event (core/v1) with its involved object, count and last-seen time. */
export function toEvent(event: CoreV1Event): K8sEvent {
  return {
    namespace: event.metadata.namespace ?? "",
    name: event.metadata.name ?? "",
    type: event.type ?? "Normal",
    reason: event.reason ?? "",
    message: event.message ?? "",
    involved: { kind: event.involvedObject.kind ?? "", name: event.involvedObject.name ?? "" },
    count: event.count ?? event.series?.count ?? 1,
    lastSeen:
      iso(event.lastTimestamp) ?? iso(event.eventTime as Date | undefined) ?? iso(event.metadata.creationTimestamp),
    source: event.source?.component ?? event.reportingComponent ?? "",
    host: event.source?.host ?? null,
  };
}

/** A namespace with its labels. */
export function toNamespace(ns: V1Namespace): K8sNamespace {
  return { name: ns.metadata?.name ?? "", labels: ns.metadata?.labels ?? {} };
}

/** Every certificate in a PEM text (unparseable blocks are skipped). */
export function toCertificates(pem: string): K8sCertificate[] {
  const blocks = pem.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g) ?? [];
  return blocks.flatMap((block) => {
    try {
      const cert = new X509Certificate(block);
      return [
        {
          subject: cert.subject.replace(/\n/g, ", "),
          notAfter: iso(cert.validTo),
          fingerprint: cert.fingerprint256.replace(/:/g, "").toLowerCase(),
        },
      ];
    } catch {
      return [];
    }
  });
}
