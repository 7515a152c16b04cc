import "server-only";

import type { ServerConfig } from "@/lib/config/schema";
import type { EntryInputContext } from "@/lib/schemas/entry-input";
import { listFederatedBundles } from "@/lib/spire/bundles";
import { serverTrustDomain } from "@/lib/spire/trust-domain";

/**
 * What entry validation needs to know about the server: its trust domain and, when asked, its
 * federated bundles. Assumes the caller is authorized to write entries on `server` (the entry routes' withApi).
 */
export async function readEntryInputContext(server: ServerConfig, withBundles: boolean): Promise<EntryInputContext> {
  const [trustDomain, bundles] = await Promise.all([
    serverTrustDomain(server),
    withBundles ? listFederatedBundles(server) : null,
  ]);
  return { trustDomain, federatedTrustDomains: bundles?.map((b) => b.trustDomain), now: Date.now() };
}
