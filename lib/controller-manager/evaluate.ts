import type { K8sClusterSpiffeId, K8sClusterStaticEntry, K8sNamespace, K8sNode } from "@/lib/k8s/types";
import type { WorkloadPod } from "@/lib/k8s/types";
import type { Entry } from "@/lib/spire/types";

import { selectorMisses } from "./label-selector";
import { type RenderFailureGap, renderFailureGap } from "./render-gap";
import { renderTemplate, type TemplateData, templatePattern } from "./render-template";

/** The cluster and SPIRE facts a ClusterSPIFFEID is evaluated against. */
export type ControllerWorld = {
  trustDomain: string;
  /** The cluster name in k8s_psat agent IDs. */
  clusterName: string;
  namespaces: K8sNamespace[];
  pods: WorkloadPod[];
  nodes: K8sNode[];
  /** Entries with a `k8s:pod-uid:` selector or a ClusterStaticEntry's SPIFFE ID (the loader picks only those). */
  entries: Entry[];
  ignoreNamespaces: string[];
};

export type SelectedPod = {
  namespace: string;
  name: string;
  uid: string;
  node: string | null;
  /** What the template renders for it, or why it cannot. */
  spiffeId: string | null;
  renderError: string | null;
  /** The agent that would receive its entry. */
  parentId: string | null;
  /** SPIRE entries that select exactly this pod (k8s:pod-uid). */
  entryIds: string[];
};

export type Gap =
  | RenderFailureGap
  | { kind: "pod-without-entry"; pod: { namespace: string; name: string; uid: string }; spiffeId: string }
  | { kind: "entry-without-pod"; entryId: string; spiffeId: string; podUid: string }
  | {
      kind: "entry-differs";
      entryId: string;
      pod: { namespace: string; name: string };
      expected: string;
      actual: string;
    };

export type SpiffeIdEvaluation = {
  namespacesSelected: string[];
  namespacesIgnored: string[];
  pods: SelectedPod[];
  /** Entries SPIRE holds for the object: its pods' entries and stale ones its template could have rendered. */
  entryIds: string[];
  gaps: Gap[];
};

const POD_UID = "pod-uid:";
export const podUidOf = (entry: Pick<Entry, "selectors">) =>
  entry.selectors.find((s) => s.type === "k8s" && s.value.startsWith(POD_UID))?.value.slice(POD_UID.length) ?? null;

function templateData(world: ControllerWorld, pod: WorkloadPod, node: K8sNode | undefined): TemplateData {
  return {
    TrustDomain: world.trustDomain,
    ClusterName: world.clusterName,
    ClusterDomain: "cluster.local",
    PodMeta: { Name: pod.name, Namespace: pod.namespace, UID: pod.uid, Labels: pod.labels },
    PodSpec: { ServiceAccountName: pod.serviceAccount, NodeName: pod.nodeName ?? "" },
    NodeMeta: { Name: node?.name ?? "", UID: node?.uid ?? "", Labels: node?.labels ?? {} },
  };
}

/**
 * Evaluates a ClusterSPIFFEID as spire-controller-manager would: its namespace selector over the
 * namespaces (minus ignored ones), its pod selector over their pods, the SPIFFE ID it renders for
 * each, the entries SPIRE holds for them (by k8s:pod-uid), and the gaps: a selected pod the template
 * cannot render for (with cause and fix), a selected pod without an entry, an entry whose pod no
 * longer exists, an entry whose SPIFFE ID differs from the template's.
 */
export function evaluateClusterSpiffeId(object: K8sClusterSpiffeId, world: ControllerWorld): SpiffeIdEvaluation {
  const matching = world.namespaces.filter(
    (ns) => selectorMisses(ns.labels, object.spec.namespaceSelector).length === 0,
  );
  const ignored = matching.filter((ns) => world.ignoreNamespaces.includes(ns.name)).map((ns) => ns.name);
  const selectedNs = new Set(matching.map((ns) => ns.name).filter((name) => !ignored.includes(name)));
  const byUid = new Map<string, Entry[]>();
  for (const entry of world.entries) {
    const uid = podUidOf(entry);
    if (uid) byUid.set(uid, [...(byUid.get(uid) ?? []), entry]);
  }
  const pods: SelectedPod[] = world.pods
    .filter((pod) => selectedNs.has(pod.namespace) && selectorMisses(pod.labels, object.spec.podSelector).length === 0)
    .sort((a, b) => `${a.namespace}/${a.name}`.localeCompare(`${b.namespace}/${b.name}`))
    .map((pod) => {
      const node = world.nodes.find((n) => n.name === pod.nodeName);
      const rendered = renderTemplate(object.spec.spiffeIDTemplate, templateData(world, pod, node));
      return {
        namespace: pod.namespace,
        name: pod.name,
        uid: pod.uid,
        node: pod.nodeName,
        spiffeId: "value" in rendered ? rendered.value : null,
        renderError: "error" in rendered ? rendered.error : null,
        parentId: node ? `spiffe://${world.trustDomain}/spire/agent/k8s_psat/${world.clusterName}/${node.uid}` : null,
        entryIds: (byUid.get(pod.uid) ?? []).map((e) => e.id),
      };
    });
  const gaps: Gap[] = [];
  for (const pod of pods) {
    if (pod.renderError) gaps.push(renderFailureGap(object.name, pod, pod.renderError));
    if (!pod.spiffeId) continue;
    const entries = byUid.get(pod.uid) ?? [];
    if (entries.length === 0) {
      gaps.push({
        kind: "pod-without-entry",
        pod: { namespace: pod.namespace, name: pod.name, uid: pod.uid },
        spiffeId: pod.spiffeId,
      });
    }
    for (const entry of entries) {
      if (entry.spiffeId !== pod.spiffeId) {
        gaps.push({
          kind: "entry-differs",
          entryId: entry.id,
          pod: { namespace: pod.namespace, name: pod.name },
          expected: pod.spiffeId,
          actual: entry.spiffeId,
        });
      }
    }
  }
  const podUids = new Set(world.pods.map((p) => p.uid));
  const pattern = templatePattern(
    object.spec.spiffeIDTemplate.replace(/\{\{-?\s*\.TrustDomain\s*-?\}\}/g, world.trustDomain),
  );
  const stale = world.entries.filter((e) => {
    const uid = podUidOf(e);
    return uid !== null && !podUids.has(uid) && pattern.test(e.spiffeId);
  });
  for (const entry of stale)
    gaps.push({ kind: "entry-without-pod", entryId: entry.id, spiffeId: entry.spiffeId, podUid: podUidOf(entry)! });
  return {
    namespacesSelected: [...selectedNs].sort(),
    namespacesIgnored: ignored.sort(),
    pods,
    entryIds: [...pods.flatMap((p) => p.entryIds), ...stale.map((e) => e.id)],
    gaps,
  };
}

const sortedSelectors = (selectors: readonly string[]) => [...selectors].sort().join(",");

/** The SPIRE entry a ClusterStaticEntry describes (same SPIFFE ID, parent and selectors), if SPIRE holds it. */
export function staticEntryMatch(object: K8sClusterStaticEntry, entries: readonly Entry[]): Entry | null {
  const wanted = sortedSelectors(object.spec.selectors);
  return (
    entries.find(
      (e) =>
        e.spiffeId === object.spec.spiffeID &&
        e.parentId === object.spec.parentID &&
        sortedSelectors(e.selectors.map((s) => `${s.type}:${s.value}`)) === wanted,
    ) ?? null
  );
}
