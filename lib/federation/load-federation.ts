import "server-only";

import { userMessage } from "@/lib/api/user-message";
import { authorize, readableServers } from "@/lib/auth/guard";
import type { ServerConfig } from "@/lib/config/schema";
import { federatingEntries } from "@/lib/entries/compact/read-entries";
import { readEntryIndex } from "@/lib/entries/entry-index-cache";
import {
  buildFederationGraph,
  countFederatesWith,
  type FederationGraph,
  type ServerFederationInput,
} from "@/lib/federation/build-graph";
import { configuredServers } from "@/lib/servers/resolve-server";
import { listFederatedBundles } from "@/lib/spire/bundles";
import { listFederationRelationships } from "@/lib/spire/federation";
import { serverTrustDomain } from "@/lib/spire/trust-domain";

import { lastRefreshes } from "./refresh-log";

/** What one server says about its federation; a server that cannot be read is reported, not dropped. */
export async function readServerFederation(server: ServerConfig): Promise<ServerFederationInput> {
  try {
    const trustDomain = await serverTrustDomain(server);
    const [relationships, bundles, index] = await Promise.all([
      listFederationRelationships(server),
      listFederatedBundles(server),
      readEntryIndex(server, trustDomain),
    ]);
    return {
      server: server.name,
      trustDomain,
      error: null,
      relationships,
      bundles,
      federatesWithCounts: countFederatesWith(federatingEntries(index)),
      lastRefreshes: lastRefreshes(server.name),
    };
  } catch (error) {
    const trustDomain = server.trustDomain ?? server.name;
    return {
      server: server.name,
      trustDomain,
      error: userMessage(error, `reading federation on ${server.name}`),
      relationships: [],
      bundles: [],
      federatesWithCounts: {},
    };
  }
}

/** The federation graph across every server the caller may read. */
export async function getFederationGraph(): Promise<FederationGraph> {
  await authorize("federation.read");
  const servers = await readableServers(configuredServers(), "federation.read");
  return buildFederationGraph(await Promise.all(servers.map(readServerFederation)));
}
