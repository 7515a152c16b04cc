// SPIRE side of the spire-controller-manager world (issue 15): the entries the controller would
// have created on foo for scripts/k8s/controller-world.ts — one per web pod (k8s:pod-uid, parented
// to the k8s_psat agent of the pod's node), none for the api pod (its creation failed), one left
// over from a deleted pod, and the ClusterStaticEntry's entry — all named `scm.<uuid>`. Re-run on
// every `stack:up`: pods may have been replaced (new UIDs), so entries that differ are recreated.
import { createHash } from "node:crypto";

import {
  CM_ENTRY_PREFIX,
  CM_GONE_POD_NODE,
  CM_GONE_POD_UID,
  CM_NAMESPACE,
  CM_PODS,
  CM_STATIC_ENTRY,
} from "../k8s/controller-world.ts";
import { CLUSTER_NAME } from "../k8s/paths.ts";
import { seedControllerManager } from "../k8s/seed-controller-manager.ts";
import type { K8sStack } from "../k8s/up.ts";
import type { SpireBinaries } from "./build-spire.ts";
import { K8S_SERVER } from "./k8s-topology.ts";
import { say } from "./log.ts";
import type { StackPaths } from "./paths.ts";
import { getServerPaths } from "./paths.ts";
import { syncEntries, type WantedEntry } from "./sync-entries.ts";
import { getServerSpec } from "./topology.ts";

type Wanted = WantedEntry;

/** A stable `scm.<uuid>` ID for a name, so re-runs find their own entries. */
function entryId(name: string): string {
  const h = createHash("sha256").update(name).digest("hex");
  return `${CM_ENTRY_PREFIX}.${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** The entries the controller would hold, given each pod's UID and each node's UID. */
export function controllerEntries(
  td: string,
  podUids: ReadonlyMap<string, string>,
  nodeUids: Record<string, string>,
): Wanted[] {
  const agent = (node: string) => `spiffe://${td}/spire/agent/k8s_psat/${CLUSTER_NAME}/${nodeUids[node]}`;
  const wanted: Wanted[] = CM_PODS.filter((p) => p.entry && podUids.has(p.name)).map((p) => ({
    id: entryId(p.name),
    spiffeId: `spiffe://${td}/ns/${CM_NAMESPACE}/sa/${p.serviceAccount}`,
    parentId: agent(p.node),
    selectors: [`k8s:pod-uid:${podUids.get(p.name)}`],
  }));
  wanted.push({
    id: entryId("deleted-web-pod"),
    spiffeId: `spiffe://${td}/ns/${CM_NAMESPACE}/sa/web`,
    parentId: agent(CM_GONE_POD_NODE),
    selectors: [`k8s:pod-uid:${CM_GONE_POD_UID}`],
  });
  wanted.push({
    id: entryId(`static/${CM_STATIC_ENTRY.name}`),
    spiffeId: `spiffe://${td}${CM_STATIC_ENTRY.spiffePath}`,
    parentId: `spiffe://${td}${CM_STATIC_ENTRY.parentPath}`,
    selectors: CM_STATIC_ENTRY.selectors,
  });
  return wanted;
}

/** Seeds the controller manager's objects and the entries it would have made; does nothing without Kubernetes. */
export async function seedControllerWorld(
  k8s: K8sStack | null,
  paths: StackPaths,
  bin: SpireBinaries,
  partner: { trustDomain: string; bundleEndpointUrl: string },
): Promise<void> {
  if (!k8s) return;
  const td = getServerSpec(K8S_SERVER).trustDomain;
  const podUids = await seedControllerManager(k8s.admin, { trustDomain: td, partner });
  const wanted = controllerEntries(td, podUids, k8s.world.nodeUids);
  const sp = getServerPaths(paths, K8S_SERVER);
  const created = await syncEntries(bin, sp.socketPath, CM_ENTRY_PREFIX, wanted);
  say(
    `${K8S_SERVER}: controller-manager world: ${podUids.size} pods in ${CM_NAMESPACE}, CRDs and objects applied, ${created} entries (re)created`,
  );
}
