import type { Agent, Entry } from "@/lib/spire/types";

import { isSelectorSubset, selectorSet } from "./match-selectors";

/** Which agents each node alias covers, and which aliases each agent belongs to. */
export type AliasCoverage = {
  /** Alias entry ID → SPIFFE IDs of the agents it covers. */
  agentsByAlias: Map<string, string[]>;
  /** Agent SPIFFE ID → the alias entries that cover it. */
  aliasesByAgent: Map<string, Entry[]>;
};

/**
 * A node alias covers an agent when the alias has selectors and every one of them is among the
 * agent's selectors (SPIRE then issues the alias's SPIFFE ID to that agent as well).
 */
export function aliasCoversAgent(alias: Pick<Entry, "selectors">, agent: Pick<Agent, "selectors">): boolean {
  return alias.selectors.length > 0 && isSelectorSubset(alias.selectors, agent.selectors);
}

/** Coverage of every alias (entries parented to the server) over every agent. */
export function computeAliasCoverage(aliases: readonly Entry[], agents: readonly Agent[]): AliasCoverage {
  const agentsByAlias = new Map<string, string[]>();
  const aliasesByAgent = new Map<string, Entry[]>();
  const agentSets = agents.map((agent) => ({ agent, keys: selectorSet(agent.selectors) }));
  for (const alias of aliases) {
    if (alias.selectors.length === 0) continue;
    const covered: string[] = [];
    for (const { agent, keys } of agentSets) {
      if (!isSelectorSubset(alias.selectors, keys)) continue;
      covered.push(agent.spiffeId);
      const list = aliasesByAgent.get(agent.spiffeId) ?? [];
      list.push(alias);
      aliasesByAgent.set(agent.spiffeId, list);
    }
    agentsByAlias.set(alias.id, covered);
  }
  return { agentsByAlias, aliasesByAgent };
}
