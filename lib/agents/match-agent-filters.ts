import { idContains } from "@/lib/entries/match-entry-filters";
import { matchSelectors } from "@/lib/entries/match-selectors";
import type { Agent, AgentFilters } from "@/lib/spire/types";

/** Whether `agent` passes `filters` as SPIRE's ListAgents filter would, plus "SPIFFE ID contains". */
export function matchesAgentFilters(agent: Agent, filters: AgentFilters): boolean {
  if (filters.attestationType && agent.attestationType !== filters.attestationType) return false;
  if (filters.banned !== undefined && agent.banned !== filters.banned) return false;
  if (filters.canReattest !== undefined && agent.canReattest !== filters.canReattest) return false;
  if (filters.expiresBefore) {
    if (!agent.x509SvidExpiresAt || Date.parse(agent.x509SvidExpiresAt) >= Date.parse(filters.expiresBefore))
      return false;
  }
  if (filters.selectors?.length && !matchSelectors(agent.selectors, filters.selectors, filters.match ?? "superset"))
    return false;
  return idContains(agent.spiffeId, filters.spiffeIdContains);
}
