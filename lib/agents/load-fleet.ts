import "server-only";

import { authorize } from "@/lib/auth/guard";
import type { ServerConfig } from "@/lib/config/schema";
import { readEntryIndex } from "@/lib/entries/entry-index-cache";
import { agentRenewalContext } from "@/lib/expiry/agent-renewal";
import { thresholdsFromConfig } from "@/lib/expiry/classify-expiry";
import { configuredExpiry } from "@/lib/expiry/load-expiry";
import type { FleetQuery } from "@/lib/schemas/fleet";
import { serverTrustDomain } from "@/lib/spire/trust-domain";

import { agentCluster } from "./agent-cluster";
import { expiryBucket, type FleetAgent, type FleetSummary, matchesFleetFilters, summarizeFleet } from "./fleet";
import { versionSkew } from "./version-skew";

/** The fleet's health and one page of its agents under the filters. */
export type FleetPage = {
  summary: FleetSummary;
  agents: FleetAgent[];
  /** How many agents pass the filters (the list pages through them). */
  total: number;
  offset: number;
  checkedAt: string;
};

/**
 * The Agents page of one server: the whole fleet's health (every agent, from the cached entry
 * index) and one page of the agents that pass the filters, each with its entries count. Expiring
 * counts only agents that will not renew in time (`agentSvidUrgency`, as the Expiry page judges).
 */
export async function loadFleet(server: ServerConfig, query: FleetQuery): Promise<FleetPage> {
  await authorize("agents.read", { server: server.name });
  const index = await readEntryIndex(server, await serverTrustDomain(server));
  const now = Date.now();
  const { coverage } = index.aliases();
  const { offset, limit, ...filters } = query;
  const windows = configuredExpiry();
  const thresholds = thresholdsFromConfig(windows);
  const renewal = agentRenewalContext(index.agents, index.agentsReadAt);
  const all: FleetAgent[] = index.agents.map((agent) => ({
    ...agent,
    skew: versionSkew(agent.agentVersion, server.version),
    expiry: expiryBucket(agent, renewal, now, thresholds),
    entriesCount: index.childCount(agent.spiffeId),
    aliasCount: coverage.aliasesByAgent.get(agent.spiffeId)?.length ?? 0,
    cluster: agentCluster(agent),
  }));
  const matching = all.filter((agent) => matchesFleetFilters(agent, filters));
  return {
    summary: summarizeFleet(index.agents, server.version ?? null, now, renewal, windows),
    agents: matching.slice(offset, offset + limit),
    total: matching.length,
    offset,
    checkedAt: new Date(index.builtAt).toISOString(),
  };
}
