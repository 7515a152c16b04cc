import "server-only";

import { authorize } from "@/lib/auth/guard";
import type { ServerConfig } from "@/lib/config/schema";
import { readEntryIndex } from "@/lib/entries/entry-index-cache";
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

/** One agent by its SPIFFE ID, read fresh from SPIRE (404 when it does not exist). */
export async function getAgentById(server: ServerConfig, agentId: string): Promise<Agent> {
  await authorize("agents.read", { server: server.name });
  return getAgent(server, agentId);
}

/** One agent (fresh from SPIRE) and the entries that target it (first 500 of each group). */
export async function getAgentDetail(server: ServerConfig, agentId: string): Promise<AgentDetail> {
  await authorize("agents.read", { server: server.name });
  const [agent, index] = await Promise.all([
    getAgent(server, agentId),
    serverTrustDomain(server).then((td) => readEntryIndex(server, td)),
  ]);
  const { aliases, coverage } = index.aliases();
  const aliasEntries = aliases.filter((alias) => (coverage.agentsByAlias.get(alias.id) ?? []).includes(agentId));
  /** The first 500 entries parented to a SPIFFE ID (built from the index) and how many there are. */
  const childrenOf = (spiffeId: string) => {
    const node = index.nodeOf(spiffeId);
    const slots = node >= 0 ? index.children.list(node) : new Int32Array(0);
    return {
      entries: Array.from(slots.subarray(0, LIMIT), (slot) => index.columns.entryAt(slot)),
      total: slots.length,
    };
  };
  const direct = childrenOf(agentId);
  return {
    agent,
    direct: direct.entries,
    directTotal: direct.total,
    viaAliases: aliasEntries.map((alias) => ({ alias, ...childrenOf(alias.spiffeId) })),
  };
}
