// SPIRE side of bar's deployment in demo and of cluster edge: the entries their workloads have.
// bar: billing-api (parented to bar's k8s_psat agent on its node, federating with foo), none for
// billing-reports. foo: storefront-cart under edge's agent, storefront-payments under the agent
// edge-node-2 never got, storefront-search under foo's agent in demo (not edge's), storefront-inventory
// under edge's agent with another service account; none for storefront-legacy and storefront-reviews.
// IDs `clusters.<name>`, kept in sync on every up.
import { EDGE_CLUSTER } from "../k8s/paths.ts";
import { BAR_WORKLOADS } from "../k8s/world-bar.ts";
import { EDGE_FAULTS, EDGE_WORKLOADS } from "../k8s/world-edge.ts";
import type { SpireBinaries } from "./build-spire.ts";
import type { K8sClusters } from "./k8s-hooks.ts";
import { say } from "./log.ts";
import type { StackPaths } from "./paths.ts";
import { getServerPaths } from "./paths.ts";
import { syncEntries, type WantedEntry } from "./sync-entries.ts";
import { getServerSpec } from "./topology.ts";

export const CLUSTER_ENTRY_PREFIX = "clusters";

const workload = (name: string, list: typeof BAR_WORKLOADS) => list.find((w) => w.name === name)!;

/** The entries of bar's and edge's workloads, by server. */
export function clusterEntries(
  agentIds: ReadonlyMap<string, string>,
  edgeNodeUids: Record<string, string>,
): Record<"foo" | "bar", WantedEntry[]> {
  const foo = getServerSpec("foo").trustDomain;
  const bar = getServerSpec("bar").trustDomain;
  const entry = (td: string, w: (typeof BAR_WORKLOADS)[number], parentId: string, federatesWith?: string[]) => ({
    id: `${CLUSTER_ENTRY_PREFIX}.${w.app}`,
    spiffeId: `spiffe://${td}/ns/${w.namespace}/sa/${w.serviceAccount}`,
    parentId,
    selectors: [`k8s:ns:${w.namespace}`, `k8s:sa:${w.serviceAccount}`],
    ...(federatesWith ? { federatesWith } : {}),
  });
  const nearMiss = (td: string, parentId: string) => {
    const w = workload(EDGE_FAULTS.nearMissPod.name, EDGE_WORKLOADS);
    const sa = EDGE_FAULTS.nearMissPod.wrongSa;
    return { ...entry(td, w, parentId), selectors: [`k8s:ns:${w.namespace}`, `k8s:sa:${sa}`] };
  };
  const agentlessParent = `spiffe://${foo}/spire/agent/k8s_psat/${EDGE_CLUSTER}/${edgeNodeUids[EDGE_FAULTS.stuckAgentNode]}`;
  return {
    bar: [entry(bar, workload("billing-api-6d8f7-k2x9q", BAR_WORKLOADS), agentIds.get("bar-k8s-agent-1")!, [foo])],
    foo: [
      entry(foo, workload("storefront-cart-7b9d4-p2l6x", EDGE_WORKLOADS), agentIds.get("foo-edge-agent-1")!),
      entry(foo, workload(EDGE_FAULTS.agentlessPod.name, EDGE_WORKLOADS), agentlessParent),
      entry(foo, workload(EDGE_FAULTS.otherAgentPod.name, EDGE_WORKLOADS), agentIds.get("foo-k8s-agent-1")!),
      nearMiss(foo, agentIds.get("foo-edge-agent-1")!),
    ],
  };
}

/** Creates (or re-creates) the cluster entries; does nothing without Kubernetes. */
export async function seedClusterEntries(
  k8s: K8sClusters | null,
  paths: StackPaths,
  bin: SpireBinaries,
  agentIds: ReadonlyMap<string, string>,
): Promise<void> {
  if (!k8s) return;
  const wanted = clusterEntries(agentIds, k8s.edge.world.nodeUids);
  for (const server of ["foo", "bar"] as const) {
    const created = await syncEntries(
      bin,
      getServerPaths(paths, server).socketPath,
      CLUSTER_ENTRY_PREFIX,
      wanted[server],
    );
    say(`${server}: ${wanted[server].length} entries of bar's and edge's workloads, ${created} (re)created`);
  }
}
