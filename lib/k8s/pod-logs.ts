import "server-only";

import { ApiError } from "@/lib/api/api-error";

import { k8sCall, type K8sClients } from "./client";

export type PodLog = { available: true; text: string } | { available: false; reason: string };

/**
 * The last `tailLines` lines of a container's log. The API server can only serve logs by asking
 * the pod's kubelet; when it cannot (no kubelet, no permission, pod gone) the reason is returned.
 */
export async function readPodLogTail(
  clients: K8sClients,
  namespace: string,
  name: string,
  container: string,
  tailLines = 500,
): Promise<PodLog> {
  try {
    const text = await k8sCall(clients, `read the log of ${namespace}/${name}`, (options) =>
      clients.core.readNamespacedPodLog({ namespace, name, container, tailLines }, options),
    );
    return { available: true, text: String(text) };
  } catch (error) {
    if (error instanceof ApiError) return { available: false, reason: error.message };
    throw error;
  }
}
