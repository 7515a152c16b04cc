import type { WorkloadPod } from "@/lib/k8s/types";

/** What a suppression rule hides in one cluster: every pod of a namespace, or every pod carrying a label. */
export type SuppressionMatch = { kind: "namespace"; namespace: string } | { kind: "label"; key: string; value: string };

/** A stored rule that hides pods of one cluster from the list of workloads with no identity. */
export type IdentitySuppression = SuppressionMatch & {
  id: string;
  cluster: string;
  /** Why the pods need no identity, in the words of whoever added the rule. */
  reason: string;
  createdBy: string;
  createdAt: number;
};

/** The rule in a few words: `namespace kube-system` or `label app=legacy`. */
export function describeSuppression(rule: SuppressionMatch): string {
  return rule.kind === "namespace" ? `namespace ${rule.namespace}` : `label ${rule.key}=${rule.value}`;
}

/** Whether a rule of `cluster` hides the pod (a rule of another cluster never does). */
export function suppresses(
  rule: Pick<IdentitySuppression, "cluster"> & SuppressionMatch,
  cluster: string,
  pod: Pick<WorkloadPod, "namespace" | "labels">,
): boolean {
  if (rule.cluster !== cluster) return false;
  if (rule.kind === "namespace") return pod.namespace === rule.namespace;
  return Object.hasOwn(pod.labels, rule.key) && pod.labels[rule.key] === rule.value;
}

/**
 * Splits a cluster's pods into those shown and those a rule hides, each hidden pod with the IDs of the
 * rules that hide it (a pod two rules cover is hidden once, by both).
 */
export function applySuppressions<P extends Pick<WorkloadPod, "namespace" | "labels">>(
  cluster: string,
  pods: readonly P[],
  rules: readonly IdentitySuppression[],
): { shown: P[]; suppressed: (P & { suppressedBy: string[] })[] } {
  const shown: P[] = [];
  const suppressed: (P & { suppressedBy: string[] })[] = [];
  for (const pod of pods) {
    const by = rules.filter((r) => suppresses(r, cluster, pod)).map((r) => r.id);
    if (by.length) suppressed.push({ ...pod, suppressedBy: by });
    else shown.push(pod);
  }
  return { shown, suppressed };
}
