import "server-only";

import { ApiError } from "@/lib/api/api-error";

import { k8sCall, type K8sClients } from "./client";
import { toCsiDriver, toCsiNode } from "./mappers";
import { listAllPages } from "./paging";
import type { K8sCsiDriver, K8sCsiNode } from "./types";

/** The CSIDriver object called `name`, or null when it is not installed. */
export async function getCsiDriver(clients: K8sClients, name: string): Promise<K8sCsiDriver | null> {
  try {
    return toCsiDriver(
      await k8sCall(clients, `read csidriver ${name}`, (options) => clients.storage.readCSIDriver({ name }, options)),
    );
  } catch (error) {
    if (error instanceof ApiError && error.code === "not_found") return null;
    throw error;
  }
}

/** Every CSINode (one per node whose kubelet registered any CSI driver, or none). */
export async function listCsiNodes(clients: K8sClients): Promise<K8sCsiNode[]> {
  const nodes = await k8sCall(clients, "list csinodes", (options) =>
    listAllPages((cont, limit) => clients.storage.listCSINode({ _continue: cont, limit }, options)),
  );
  return nodes.map(toCsiNode);
}
