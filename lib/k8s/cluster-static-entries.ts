import "server-only";

import type { K8sClients } from "./client";
import { listSpireObjects, read } from "./spire-custom-objects";
import type { K8sClusterStaticEntry } from "./types";

function toClusterStaticEntry(item: Record<string, unknown>): K8sClusterStaticEntry {
  const spec = read.object(item.spec);
  const status = item.status === undefined ? null : read.object(item.status);
  return {
    name: read.string(read.object(item.metadata).name) ?? "",
    spec: {
      spiffeID: read.string(spec.spiffeID) ?? "",
      parentID: read.string(spec.parentID) ?? "",
      selectors: read.strings(spec.selectors),
      federatesWith: read.strings(spec.federatesWith),
      dnsNames: read.strings(spec.dnsNames),
      hint: read.string(spec.hint),
      admin: read.boolean(spec.admin),
      downstream: read.boolean(spec.downstream),
      className: read.string(spec.className),
    },
    status: status && {
      rendered: read.boolean(status.rendered),
      masked: read.boolean(status.masked),
      set: read.boolean(status.set),
    },
  };
}

/** Every ClusterStaticEntry, or null when the CRD is not installed. */
export async function listClusterStaticEntries(clients: K8sClients): Promise<K8sClusterStaticEntry[] | null> {
  const items = await listSpireObjects(clients, "clusterstaticentries");
  return items && items.map(toClusterStaticEntry).sort((a, b) => a.name.localeCompare(b.name));
}
