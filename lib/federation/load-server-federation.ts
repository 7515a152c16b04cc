import "server-only";

import { authorize } from "@/lib/auth/guard";
import type { ServerConfig } from "@/lib/config/schema";
import { getBundle, listFederatedBundles } from "@/lib/spire/bundles";
import { listFederationRelationships } from "@/lib/spire/federation";
import type { Bundle, FederationRelationship } from "@/lib/spire/types";

/** The trust bundle one server publishes for its own trust domain. */
export async function getServerBundle(server: ServerConfig): Promise<Bundle> {
  await authorize("federation.read", { server: server.name });
  return getBundle(server);
}

/** One server's federation relationships. */
export async function listServerFederations(server: ServerConfig): Promise<FederationRelationship[]> {
  await authorize("federation.read", { server: server.name });
  return listFederationRelationships(server);
}

/** The bundles one server holds for the other trust domains it federates with. */
export async function listServerFederatedBundles(server: ServerConfig): Promise<Bundle[]> {
  await authorize("federation.read", { server: server.name });
  return listFederatedBundles(server);
}
