import "server-only";

import { k8sCall, type K8sClients } from "./client";
import { toPod } from "./mappers";
import { listAllPages } from "./paging";
import type { K8sPod } from "./types";

/** Pods of one namespace, optionally filtered by a label selector ("a=b,c=d"). */
export async function listPods(clients: K8sClients, namespace: string, labelSelector?: string): Promise<K8sPod[]> {
  const pods = await k8sCall(clients, `list pods in ${namespace}`, (options) =>
    listAllPages((cont, limit) =>
      clients.core.listNamespacedPod({ namespace, labelSelector, _continue: cont, limit }, options),
    ),
  );
  return pods.map(toPod);
}

/** Turns matchLabels into a label selector string. */
export function toLabelSelector(matchLabels: Record<string, string>): string {
  return Object.entries(matchLabels)
    .map(([key, value]) => `${key}=${value}`)
    .join(",");
}
