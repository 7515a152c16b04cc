import "server-only";

import { authorize } from "@/lib/auth/guard";
import type { ServerConfig } from "@/lib/config/schema";
import { readEntryIndex } from "@/lib/entries/entry-index-cache";
import type { SearchQuery } from "@/lib/schemas/search";
import { serverTrustDomain } from "@/lib/spire/trust-domain";

import { type AgentMatchField, searchAgents } from "./search-agents";

/** One found agent as the API answers it. */
export type AgentSearchResult = {
  spiffeId: string;
  attestationType: string;
  banned: boolean;
  field: AgentMatchField;
  match: string;
};

export type AgentSearchAnswer = {
  server: string;
  q: string;
  total: number;
  nextOffset: number | null;
  hits: AgentSearchResult[];
};

/** Searches one server's attested agents (ID, selectors, attestation type, serial), ranked and paged. */
export async function searchAgentIndex(server: ServerConfig, query: SearchQuery): Promise<AgentSearchAnswer> {
  await authorize("agents.read", { server: server.name });
  const index = await readEntryIndex(server, await serverTrustDomain(server));
  const found = searchAgents(index.agents, query.q, query);
  return {
    server: server.name,
    q: query.q,
    total: found.total,
    nextOffset: found.nextOffset,
    hits: found.hits.map(({ agent, field, match }) => ({
      spiffeId: agent.spiffeId,
      attestationType: agent.attestationType,
      banned: agent.banned,
      field,
      match,
    })),
  };
}
