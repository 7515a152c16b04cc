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
import { resolveK8sClusters } from "@/lib/k8s/config";
import { configuredServers } from "@/lib/servers/resolve-server";
import { listFederatedBundles } from "@/lib/spire/bundles";
import { listFederationRelationships } from "@/lib/spire/federation";
import { serverTrustDomain } from "@/lib/spire/trust-domain";

import { judgeServerFederation } from "./read-federation-freshness";
import { lastRefreshes } from "./refresh-log";
import { placeServers, type ServerPlacement } from "./server-placement";

/** What one server says about its federation; a server that cannot be read is reported, not dropped. */
export async function readServerFederation(server: ServerConfig): Promise<ServerFederationInput> {
  try {
    const trustDomain = await serverTrustDomain(server);
    const [relationships, bundles, index] = await Promise.all([
      listFederationRelationships(server),
      listFederatedBundles(server),
      readEntryIndex(server, trustDomain),
    ]);
    const freshness = await judgeServerFederation(server, relationships, bundles);
    return {
      server: server.name,
      trustDomain,
      error: null,
      relationships,
      bundles,
      federatesWithCounts: countFederatesWith(federatingEntries(index)),
      lastRefreshes: lastRefreshes(server.name),
      freshness,
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
  const graph = buildFederationGraph(await Promise.all(servers.map(readServerFederation)));
  const placed = serverPlacements();
  return { ...graph, nodes: graph.nodes.map((n) => ({ ...n, runsIn: n.server ? (placed[n.server] ?? []) : [] })) };
}

/** Where each configured server runs, from the clusters whose configuration can be used. */
function serverPlacements(): Record<string, ServerPlacement[]> {
  const all = resolveK8sClusters();
  if (all.status !== "ok") return {};
  const usable = all.clusters.flatMap((c) => (c.status === "ok" ? [c] : []));
  return placeServers(usable, configuredServers()[0]?.name);
}
