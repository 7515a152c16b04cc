import "server-only";

import { k8sCall, type K8sClients } from "./client";
import { toNamespace } from "./mappers";
import { listAllPages } from "./paging";
import type { K8sNamespace } from "./types";

/** Every namespace with its labels (PodSecurity levels live there). */
export async function listNamespaces(clients: K8sClients): Promise<K8sNamespace[]> {
  const namespaces = await k8sCall(clients, "list namespaces", (options) =>
    listAllPages((cont, limit) => clients.core.listNamespace({ _continue: cont, limit }, options)),
  );
  return namespaces.map(toNamespace);
}
