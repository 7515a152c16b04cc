import "server-only";

import type { ServerConfig } from "@/lib/config/schema";

import { callUnary, WALK_PAGE_SIZE, walkPages } from "./call";
import { toAgentFilter } from "./filters";
import { toAgent, toPbSpiffeId } from "./mappers";
import type { PbAgent } from "./proto-types";
import type { Agent, AgentFilters, Page } from "./types";

/** Fetches one page of attested agents matching `filters`. */
export async function listAgents(
  server: ServerConfig,
  filters: AgentFilters,
  page: { pageSize: number; pageToken?: string },
): Promise<Page<Agent>> {
  const response = await callUnary<{ agents: PbAgent[]; nextPageToken: string }>(server, "agent", "listAgents", {
    filter: toAgentFilter(filters),
    pageSize: page.pageSize,
    pageToken: page.pageToken ?? "",
  });
  return { items: response.agents.map(toAgent), nextPageToken: response.nextPageToken };
}

/** Fetches one agent by SPIFFE ID; an unknown agent is a 404 `not_found`. */
export async function getAgent(server: ServerConfig, spiffeId: string): Promise<Agent> {
  return toAgent(await callUnary<PbAgent>(server, "agent", "getAgent", { id: toPbSpiffeId(spiffeId) }));
}

/** Counts the agents matching `filters`. */
export async function countAgents(server: ServerConfig, filters: AgentFilters = {}): Promise<number> {
  const response = await callUnary<{ count: number }>(server, "agent", "countAgents", {
    filter: toAgentFilter(filters),
  });
  return response.count;
}

/** Walks every attested agent of the server. */
export async function listAllAgents(server: ServerConfig): Promise<Agent[]> {
  const all: Agent[] = [];
  const pages = walkPages((pageToken) =>
    callUnary<{ agents: PbAgent[]; nextPageToken: string }>(server, "agent", "listAgents", {
      pageSize: WALK_PAGE_SIZE,
      pageToken,
    }).then((r) => ({ items: r.agents, nextPageToken: r.nextPageToken })),
  );
  for await (const items of pages) for (const pb of items) all.push(toAgent(pb));
  return all;
}

/** Bans an agent: SPIRE stops renewing its SVID and refuses re-attestation until it is evicted. */
export async function banAgent(server: ServerConfig, spiffeId: string): Promise<void> {
  await callUnary(server, "agent", "banAgent", { id: toPbSpiffeId(spiffeId) });
}

/** Evicts (deletes) an agent; it must attest again to get an SVID. */
export async function deleteAgent(server: ServerConfig, spiffeId: string): Promise<void> {
  await callUnary(server, "agent", "deleteAgent", { id: toPbSpiffeId(spiffeId) });
}
