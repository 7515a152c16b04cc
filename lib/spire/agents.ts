import "server-only";

import type { ServerConfig } from "@/lib/config/schema";

import { callUnary } from "./call";
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
