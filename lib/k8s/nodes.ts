import "server-only";

import { k8sCall, type K8sClients } from "./client";
import { toNode } from "./mappers";
import { listAllPages } from "./paging";
import type { K8sNode } from "./types";

/** Every node of the cluster. */
export async function listNodes(clients: K8sClients): Promise<K8sNode[]> {
  const nodes = await k8sCall(clients, "list nodes", (options) =>
    listAllPages((cont, limit) => clients.core.listNode({ _continue: cont, limit }, options)),
  );
  return nodes.map(toNode);
}
