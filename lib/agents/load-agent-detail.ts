import "server-only";

import { authorize } from "@/lib/auth/guard";
import type { ServerConfig } from "@/lib/config/schema";
import { getEntryIndex } from "@/lib/entries/entry-index-cache";
import { getAgent } from "@/lib/spire/agents";
import { serverTrustDomain } from "@/lib/spire/trust-domain";
import type { Agent, Entry } from "@/lib/spire/types";

const LIMIT = 500;

/** An agent with the entries it is entitled to: parented to it directly, and through node aliases. */
export type AgentDetail = {
  agent: Agent;
  direct: Entry[];
  directTotal: number;
  viaAliases: { alias: Entry; entries: Entry[]; total: number }[];
};

/** One agent (fresh from SPIRE) and the entries that target it (first 500 of each group). */
export async function getAgentDetail(server: ServerConfig, agentId: string): Promise<AgentDetail> {
  await authorize("agents.read", { server: server.name });
  const [agent, index] = await Promise.all([
    getAgent(server, agentId),
    serverTrustDomain(server).then((td) => getEntryIndex(server, td)),
  ]);
  const direct = index.childrenOf.get(agentId) ?? [];
  const aliasEntries = (index.aliases ?? []).filter((alias) =>
    (index.coverage.agentsByAlias.get(alias.id) ?? []).includes(agentId),
  );
  return {
    agent,
    direct: direct.slice(0, LIMIT),
    directTotal: direct.length,
    viaAliases: aliasEntries.map((alias) => {
      const entries = index.childrenOf.get(alias.spiffeId) ?? [];
      return { alias, entries: entries.slice(0, LIMIT), total: entries.length };
    }),
  };
}
