import "server-only";

import { k8sCall, type K8sClients } from "./client";
import { toEvent } from "./mappers";
import { listAllPages } from "./paging";
import type { K8sEvent } from "./types";

/** Warning events of one namespace. */
export async function listWarningEvents(clients: K8sClients, namespace: string): Promise<K8sEvent[]> {
  const events = await k8sCall(clients, `list events in ${namespace}`, (options) =>
    listAllPages((cont, limit) =>
      clients.core.listNamespacedEvent({ namespace, fieldSelector: "type=Warning", _continue: cont, limit }, options),
    ),
  );
  return events.map(toEvent);
}

/** FailedMount events in every namespace (the CSI driver's failures show on workload pods). */
export async function listFailedMountEvents(clients: K8sClients): Promise<K8sEvent[]> {
  const events = await k8sCall(clients, "list FailedMount events", (options) =>
    listAllPages((cont, limit) =>
      clients.core.listEventForAllNamespaces({ fieldSelector: "reason=FailedMount", _continue: cont, limit }, options),
    ),
  );
  return events.map(toEvent);
}
