import "server-only";

import { ApiError } from "@/lib/api/api-error";
import { loadConfig } from "@/lib/config/load-config";
import type { ServerConfig } from "@/lib/config/schema";
import {
  buildFederationGraph,
  countFederatesWith,
  type FederationGraph,
  type ServerFederationInput,
} from "@/lib/federation/build-graph";

import { listFederatedBundles } from "@/lib/spire/bundles";
import { getEntryIndex } from "@/lib/entries/entry-index-cache";
import { listFederationRelationships } from "@/lib/spire/federation";
import { serverTrustDomain } from "@/lib/spire/trust-domain";

/** The configured servers, or an ApiError when there is no valid config. */
export function configuredServers(): ServerConfig[] {
  const state = loadConfig();
  if (state.status === "unconfigured") throw new ApiError("not_configured", "No SPIRE servers are configured.");
  if (state.status === "invalid") throw new ApiError("not_configured", state.message);
  return state.config.servers;
}

function message(error: unknown): string {
  return error instanceof ApiError ? error.message : "Unexpected error while reading the server.";
}

/** What one server says about its federation; a server that cannot be read is reported, not dropped. */
export async function readServerFederation(server: ServerConfig): Promise<ServerFederationInput> {
  try {
    const trustDomain = await serverTrustDomain(server);
    const [relationships, bundles, index] = await Promise.all([
      listFederationRelationships(server),
      listFederatedBundles(server),
      getEntryIndex(server, trustDomain),
    ]);
    return {
      server: server.name,
      trustDomain,
      error: null,
      relationships,
      bundles,
      federatesWithCounts: countFederatesWith(index.entries),
    };
  } catch (error) {
    const trustDomain = server.trustDomain ?? server.name;
    return {
      server: server.name,
      trustDomain,
      error: message(error),
      relationships: [],
      bundles: [],
      federatesWithCounts: {},
    };
  }
}

/** The federation graph across every configured server. */
export async function getFederationGraph(): Promise<FederationGraph> {
  return buildFederationGraph(await Promise.all(configuredServers().map(readServerFederation)));
}
