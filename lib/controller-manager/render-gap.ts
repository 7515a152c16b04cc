/** A pod the ClusterSPIFFEID selects but whose SPIFFE ID its template cannot render: it gets no entry. */
export type RenderFailureGap = {
  kind: "render-failure";
  pod: { namespace: string; name: string; uid: string };
  /** The template engine's error, e.g. `.PodMeta.Labels has no entry for key "team"`. */
  error: string;
  /** Why, for people: "pod shop/batch-1 lacks the label team that the template reads". */
  cause: string;
  /** What to do about it, with a command where there is one. */
  fix: string;
  /** A command that applies the fix, when the fix is one. */
  command: string | null;
};

const MISSING_KEY = /^\.(PodMeta|NodeMeta)\.(Labels|Annotations) has no entry for key "([^"]+)"$/;

/**
 * Turns a render failure of one selected pod into a gap with its cause and fix. A missing label
 * (the commonest: `index .PodMeta.Labels "team"` on a pod without `team`) names the label and the
 * `kubectl label` that adds it; anything else names the error and the template.
 */
export function renderFailureGap(
  object: string,
  pod: { namespace: string; name: string; uid: string; node: string | null },
  error: string,
): RenderFailureGap {
  const where = `${pod.namespace}/${pod.name}`;
  const base = {
    kind: "render-failure" as const,
    pod: { namespace: pod.namespace, name: pod.name, uid: pod.uid },
    error,
  };
  const missing = MISSING_KEY.exec(error);
  if (missing) {
    const [, meta, field, key] = missing;
    const onNode = meta === "NodeMeta";
    const holder = onNode ? `node ${pod.node ?? "(unscheduled)"}` : `pod ${where}`;
    const what = field === "Labels" ? "label" : "annotation";
    const verb = field === "Labels" ? "label" : "annotate";
    return {
      ...base,
      cause: `${holder} lacks the ${what} "${key}" that ${object}'s SPIFFE ID template reads, so spire-controller-manager renders no SPIFFE ID and creates no entry for the pod.`,
      fix:
        `Give ${holder} the ${what} "${key}" (for a pod, in its workload's pod template so new pods keep it), ` +
        `or narrow ${object}'s podSelector to pods that carry it.`,
      command: onNode
        ? `kubectl ${verb} node ${pod.node ?? "<node>"} ${key}=<value>`
        : `kubectl ${verb} pod -n ${pod.namespace} ${pod.name} ${key}=<value>`,
    };
  }
  return {
    ...base,
    cause: `${object}'s SPIFFE ID template cannot be rendered for pod ${where} (${error}), so it gets no entry.`,
    fix: `Change ${object}'s spiffeIDTemplate so it renders for every pod its selectors select, or narrow the selectors.`,
    command: null,
  };
}
