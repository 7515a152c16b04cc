import "server-only";

import { k8sCall, type K8sClients } from "./client";
import { toDaemonSet } from "./mappers";
import { listAllPages } from "./paging";
import type { K8sDaemonSet } from "./types";

/** The DaemonSets called `name` in any namespace (finds every install of a component). */
export async function listDaemonSetsNamed(clients: K8sClients, names: readonly string[]): Promise<K8sDaemonSet[]> {
  const all = await k8sCall(clients, "list daemonsets", (options) =>
    listAllPages((cont, limit) => clients.apps.listDaemonSetForAllNamespaces({ _continue: cont, limit }, options)),
  );
  return all.map(toDaemonSet).filter((ds) => names.includes(ds.name));
}
