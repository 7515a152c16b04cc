import "server-only";

import type { K8sClients } from "./client";
import { listSpireObjects, read } from "./spire-custom-objects";
import type { K8sClusterFederatedTrustDomain } from "./types";

function toFederatedTrustDomain(item: Record<string, unknown>): K8sClusterFederatedTrustDomain {
  const spec = read.object(item.spec);
  const profile = read.object(spec.bundleEndpointProfile);
  return {
    name: read.string(read.object(item.metadata).name) ?? "",
    spec: {
      trustDomain: read.string(spec.trustDomain) ?? "",
      bundleEndpointURL: read.string(spec.bundleEndpointURL) ?? "",
      profile: read.string(profile.type) ?? "",
      endpointSpiffeId: read.string(profile.endpointSPIFFEID),
      className: read.string(spec.className),
    },
  };
}

/** Every ClusterFederatedTrustDomain, or null when the CRD is not installed. */
export async function listClusterFederatedTrustDomains(
  clients: K8sClients,
): Promise<K8sClusterFederatedTrustDomain[] | null> {
  const items = await listSpireObjects(clients, "clusterfederatedtrustdomains");
  return items && items.map(toFederatedTrustDomain).sort((a, b) => a.name.localeCompare(b.name));
}
