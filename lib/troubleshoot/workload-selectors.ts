import type { WorkloadContainer, WorkloadPod } from "@/lib/k8s/types";
import type { Selector } from "@/lib/spire/types";

export type ContainerSelectors = {
  container: string;
  init: boolean;
  /** Pod-level plus this container's selectors: what the attestor returns when this container calls. */
  selectors: Selector[];
  /** Where image selectors differ from what the spec suggests, in one sentence; null when they don't. */
  imageNote: string | null;
};

const k8s = (value: string): Selector => ({ type: "k8s", value });

function imageIds(statuses: readonly WorkloadContainer["status"][]): string[] {
  const ids = new Set<string>();
  for (const s of statuses) {
    if (!s) continue;
    if (s.image) ids.add(s.image);
    if (s.imageID) ids.add(s.imageID);
  }
  return [...ids];
}

/**
 * The pod-level selectors SPIRE's k8s workload attestor produces (v1.15,
 * getSelectorValuesFromPodInfo): sa, ns, node-name, pod-uid, pod-name, image counts, pod-image /
 * pod-init-image from the kubelet's container statuses (image and imageID, not the spec),
 * pod-label per label, pod-owner and pod-owner-uid per owner reference. ns-label selectors need
 * the attestor's namespace-label option and are not modelled.
 */
export function podSelectors(pod: WorkloadPod): Selector[] {
  const reported = (init: boolean) => pod.containers.filter((c) => c.init === init && c.status).map((c) => c.status);
  return [
    k8s(`sa:${pod.serviceAccount}`),
    k8s(`ns:${pod.namespace}`),
    k8s(`node-name:${pod.nodeName ?? ""}`),
    k8s(`pod-uid:${pod.uid}`),
    k8s(`pod-name:${pod.name}`),
    k8s(`pod-image-count:${reported(false).length}`),
    k8s(`pod-init-image-count:${reported(true).length}`),
    ...imageIds(reported(false)).map((i) => k8s(`pod-image:${i}`)),
    ...imageIds(reported(true)).map((i) => k8s(`pod-init-image:${i}`)),
    ...Object.entries(pod.labels).map(([key, value]) => k8s(`pod-label:${key}:${value}`)),
    ...pod.owners.flatMap((o) => [k8s(`pod-owner:${o.kind}:${o.name}`), k8s(`pod-owner-uid:${o.kind}:${o.uid}`)]),
  ];
}

function imageNote(c: WorkloadContainer): string | null {
  if (!c.status) {
    return `The kubelet has not reported container ${c.name} yet, so it cannot call the Workload API and has no container-image selectors (the attestor uses status.containerStatuses[].image/imageID, not the spec).`;
  }
  if (c.status.image && c.status.image !== c.specImage) {
    return `The kubelet reports image ${c.status.image} for ${c.name} while the spec says ${c.specImage}; image selectors must use what the kubelet reports (${c.status.image} or ${c.status.imageID || "its imageID"}).`;
  }
  if (!c.status.imageID)
    return `The kubelet has not reported an imageID for ${c.name} yet; only k8s:container-image:${c.status.image} is produced.`;
  return null;
}

/**
 * Per container, the full selector set the attestor returns when that container calls the
 * Workload API (the attestor identifies the calling container): pod selectors plus
 * container-name and container-image (image and imageID from the container's status).
 */
export function containerSelectors(pod: WorkloadPod): ContainerSelectors[] {
  const base = podSelectors(pod);
  return pod.containers.map((c) => ({
    container: c.name,
    init: c.init,
    selectors: [
      ...base,
      k8s(`container-name:${c.name}`),
      ...imageIds([c.status]).map((i) => k8s(`container-image:${i}`)),
    ],
    imageNote: imageNote(c),
  }));
}
