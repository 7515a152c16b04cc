import "server-only";

import { ApiError } from "@/lib/api/api-error";

import { k8sCall, type K8sClients } from "./client";
import { toStatefulSet } from "./mappers";
import type { K8sStatefulSet } from "./types";

/** One StatefulSet, or null when it does not exist. */
export async function getStatefulSet(
  clients: K8sClients,
  namespace: string,
  name: string,
): Promise<K8sStatefulSet | null> {
  try {
    const sts = await k8sCall(clients, `read statefulset ${namespace}/${name}`, (options) =>
      clients.apps.readNamespacedStatefulSet({ namespace, name }, options),
    );
    return toStatefulSet(sts);
  } catch (error) {
    if (error instanceof ApiError && error.code === "not_found") return null;
    throw error;
  }
}
