// Applies seed objects (server-side apply), then their status through /status. A pod
// whose immutable spec changed between versions of the seed is replaced.
import type { KubeTarget } from "./kube-http.ts";
import { applyAt, KubeHttpError, kubeRequest, objectPath } from "./kube-http.ts";
import type { SeedObject } from "./seed-types.ts";

const RESOURCES: Record<string, string> = {
  Namespace: "namespaces",
  ServiceAccount: "serviceaccounts",
  ClusterRole: "clusterroles",
  ClusterRoleBinding: "clusterrolebindings",
  Node: "nodes",
  CSIDriver: "csidrivers",
  CSINode: "csinodes",
  DaemonSet: "daemonsets",
  StatefulSet: "statefulsets",
  Pod: "pods",
  ConfigMap: "configmaps",
  Event: "events",
  CustomResourceDefinition: "customresourcedefinitions",
  ClusterSPIFFEID: "clusterspiffeids",
  ClusterStaticEntry: "clusterstaticentries",
  ClusterFederatedTrustDomain: "clusterfederatedtrustdomains",
};

export interface Applied {
  metadata: { name: string; namespace?: string; uid: string; generation?: number };
}

/** The REST path of a seed object. */
export function pathOf(obj: SeedObject): string {
  const resource = RESOURCES[obj.kind];
  if (!resource) throw new Error(`no REST resource known for kind ${obj.kind}`);
  return objectPath(obj.apiVersion, resource, obj.metadata.namespace ?? null, obj.metadata.name);
}

/** Applies the object (without status), then its status if it has one; returns the stored object. */
export async function applyObject(target: KubeTarget, obj: SeedObject): Promise<Applied> {
  const { status, ...manifest } = obj;
  const path = pathOf(obj);
  let applied: Applied;
  try {
    applied = await applyAt<Applied>(target, path, manifest);
  } catch (error) {
    if (!(obj.kind === "Pod" && error instanceof KubeHttpError && error.status === 422)) throw error;
    await kubeRequest(target, "DELETE", `${path}?gracePeriodSeconds=0`);
    applied = await applyAt<Applied>(target, path, manifest);
  }
  if (status) {
    const { name, namespace } = obj.metadata;
    await applyAt(target, `${path}/status`, {
      apiVersion: obj.apiVersion,
      kind: obj.kind,
      metadata: { name, namespace },
      status,
    });
  }
  return applied;
}

/** Applies objects one after another (order matters: namespaces before what lives in them). */
export async function applyAll(target: KubeTarget, objects: readonly SeedObject[]): Promise<Applied[]> {
  const applied: Applied[] = [];
  for (const obj of objects) applied.push(await applyObject(target, obj));
  return applied;
}
