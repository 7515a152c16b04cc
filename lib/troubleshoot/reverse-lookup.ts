import { selectorKey, selectorSet } from "@/lib/entries/match-selectors";
import type { WorkloadPod } from "@/lib/k8s/types";
import type { Entry, Selector } from "@/lib/spire/types";

import { compareEntry, type ServingParent } from "./match-entries";
import type { ContainerSelectors } from "./workload-selectors";

export type PodCandidate = {
  pod: Pick<WorkloadPod, "namespace" | "name" | "nodeName">;
  containers: ContainerSelectors[];
  parents: ServingParent[];
};

export type ReverseHit = {
  namespace: string;
  name: string;
  node: string | null;
  container: string;
  missing: Selector[];
  parentOk: boolean;
  differences: { expected: string; actual: string[] }[];
};

export type ReverseLookup = { matches: ReverseHit[]; closest: ReverseHit[] };

/**
 * Which pods (containers) an entry would match today: its selectors ⊆ the container's attestor
 * selectors and its parent serves the pod's node. When none do, the closest containers (fewest
 * missing selectors, then a serving parent), with what differs.
 */
export function reverseLookup(entry: Entry, pods: readonly PodCandidate[], limit = 5): ReverseLookup {
  const hits: ReverseHit[] = [];
  for (const { pod, containers, parents } of pods) {
    const parentIds = new Set(parents.map((p) => p.spiffeId));
    for (const c of containers) {
      const keys = selectorSet(c.selectors);
      const cmp = compareEntry(entry, keys, parentIds);
      const attr = (s: Selector) => s.value.split(":")[0];
      hits.push({
        namespace: pod.namespace,
        name: pod.name,
        node: pod.nodeName,
        container: c.container,
        missing: cmp.missing,
        parentOk: cmp.underParent,
        differences: cmp.missing.map((m) => ({
          expected: selectorKey(m),
          actual: c.selectors.filter((s) => s.type === m.type && attr(s) === attr(m)).map(selectorKey),
        })),
      });
    }
  }
  const matches = hits.filter((h) => h.missing.length === 0 && h.parentOk && entry.selectors.length > 0);
  const closest = matches.length
    ? []
    : hits
        .filter((h) => h.missing.length < entry.selectors.length)
        .sort(
          (a, b) =>
            a.missing.length - b.missing.length ||
            Number(b.parentOk) - Number(a.parentOk) ||
            `${a.namespace}/${a.name}`.localeCompare(`${b.namespace}/${b.name}`),
        )
        .slice(0, limit);
  return { matches, closest };
}
