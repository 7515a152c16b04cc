import "server-only";

import { ApiError } from "@/lib/api/api-error";
import type { WorkloadPod } from "@/lib/k8s/types";
import { getWorkloadPod } from "@/lib/k8s/workload-pods";
import { links } from "@/lib/links";
import { pickServer } from "@/lib/servers/resolve-server";
import type { Selector } from "@/lib/spire/types";
import { checkDelivery } from "@/lib/troubleshoot/check-delivery";
import { diagnoseWorkload, type Diagnosis } from "@/lib/troubleshoot/diagnose-workload";
import { suggestEntry } from "@/lib/troubleshoot/suggest-entry";
import { type ContainerSelectors, containerSelectors } from "@/lib/troubleshoot/workload-selectors";

import { csiStateOn, loadClusterContext, loadServingContext } from "./load-cluster-context";
import { loadControllerFacts } from "./load-controller-facts";
import { loadSpireContext } from "./load-spire-context";

export type ContainerDiagnosis = Omit<ContainerSelectors, "selectors"> & { verdict: Diagnosis["verdict"]["status"] };

export type PodDiagnosis = {
  /** Where the pod runs: its cluster, and the SPIRE deployment (and server) whose agents serve its node. */
  cluster: { name: string; deployment: string; spireServer: string | null };
  pod: Pick<WorkloadPod, "namespace" | "name" | "uid" | "nodeName" | "serviceAccount" | "phase" | "labels" | "owners">;
  node: { name: string | null; uid: string | null };
  /** Every container with its verdict; the attestor answers for the container that calls. */
  containers: ContainerDiagnosis[];
  container: string;
  imageNote: string | null;
  diagnosis: Diagnosis;
};

/**
 * Diagnoses one pod: its attestor selectors per container, the agent on its node, the entries
 * that match or nearly match, the Workload API delivery path and a verdict, for `container` (or
 * the first app container) with a verdict line for each of the others.
 */
export async function diagnosePod(input: {
  server?: string;
  namespace: string;
  name: string;
  container?: string;
  /** The pod's cluster (default: the first configured). */
  cluster?: string;
  now?: number;
}): Promise<PodDiagnosis> {
  const now = input.now ?? Date.now();
  const first = await loadClusterContext(input.cluster);
  const pod = await getWorkloadPod(first.clients, input.namespace, input.name);
  const cluster = await loadServingContext(input.cluster, pod.nodeName);
  const server = pickServer(input.server, cluster.spireServer).name;
  const spire = await loadSpireContext(server);
  const controller = await loadControllerFacts(spire.server, pod.uid);
  const node = cluster.nodes.find((n) => n.name === pod.nodeName) ?? null;
  const csi = csiStateOn(cluster, pod.nodeName);
  const perContainer = containerSelectors(pod).filter((c) => !c.init);
  if (perContainer.length === 0)
    throw new ApiError("invalid_argument", `Pod ${pod.namespace}/${pod.name} has no containers.`);
  const run = (c: ContainerSelectors) => {
    const container = pod.containers.find((x) => x.name === c.container && !x.init)!;
    return diagnoseWorkload({
      server: spire.server,
      trustDomain: spire.trustDomain,
      selectors: c.selectors,
      agentRef: { nodeName: pod.nodeName ?? "(unscheduled)", nodeUid: node?.uid ?? null, cluster: cluster.psatCluster },
      agents: spire.agents,
      entries: spire.entries,
      federatedBundles: spire.federatedBundles,
      activeCa: spire.activeCa,
      nodeUids: new Set(cluster.nodes.map((n) => n.uid)),
      delivery: checkDelivery(pod, container, csi),
      suggestion: suggestEntry(pod, spire.trustDomain),
      now,
      returnTo: links.troubleshootPod(spire.server, pod.namespace, pod.name, c.container, input.cluster),
      controller,
    });
  };
  const chosen = perContainer.find((c) => c.container === input.container) ?? perContainer[0]!;
  if (input.container && chosen.container !== input.container)
    throw new ApiError("not_found", `Pod ${pod.namespace}/${pod.name} has no container '${input.container}'.`);
  const results = perContainer.map((c) => ({ c, d: c === chosen ? null : run(c) }));
  const diagnosis = run(chosen);
  const { containers: _containers, volumes: _volumes, ...summary } = pod;
  return {
    cluster: { name: cluster.cluster, deployment: cluster.deployment, spireServer: cluster.spireServer ?? null },
    pod: summary,
    node: { name: pod.nodeName, uid: node?.uid ?? null },
    containers: results.map(({ c, d }) => ({
      container: c.container,
      init: c.init,
      imageNote: c.imageNote,
      verdict: (d ?? diagnosis).verdict.status,
    })),
    container: chosen.container,
    imageNote: chosen.imageNote,
    diagnosis,
  };
}

/** Diagnoses a selector set as served by one agent (no Kubernetes needed; no delivery check). */
export async function diagnoseSelectors(input: {
  server?: string;
  selectors: Selector[];
  agentId: string;
  now?: number;
}): Promise<Diagnosis> {
  const spire = await loadSpireContext(pickServer(input.server).name);
  return diagnoseWorkload({
    server: spire.server,
    trustDomain: spire.trustDomain,
    selectors: input.selectors,
    agentRef: { spiffeId: input.agentId },
    agents: spire.agents,
    entries: spire.entries,
    federatedBundles: spire.federatedBundles,
    activeCa: spire.activeCa,
    nodeUids: null,
    delivery: null,
    suggestion: null,
    now: input.now ?? Date.now(),
  });
}
