import { rankAndPage, scoreFields, searchTerms } from "@/lib/listing/rank-text";
import type { Agent } from "@/lib/spire/types";

export type AgentMatchField = "spiffeId" | "selector" | "attestationType" | "serial";

/** One found agent, with the field that matched best and that field's text. */
export type AgentSearchHit = { agent: Agent; score: number; field: AgentMatchField; match: string };

/**
 * Finds agents by any part of their SPIFFE ID, selectors (node name, UID, CA fingerprint…),
 * attestation type or SVID serial number, ranked like `searchEntries`. Pure.
 */
export function searchAgents(
  agents: readonly Agent[],
  query: string,
  page: { offset: number; limit: number },
): { hits: AgentSearchHit[]; total: number; nextOffset: number | null } {
  const terms = searchTerms(query);
  if (terms.length === 0) return { hits: [], total: 0, nextOffset: null };
  const scored = agents.flatMap((agent) => {
    const found = scoreFields(
      [
        { field: "spiffeId" as const, text: agent.spiffeId, weight: 10 },
        ...agent.selectors.map((s) => ({ field: "selector" as const, text: `${s.type}:${s.value}`, weight: 6 })),
        { field: "attestationType" as const, text: agent.attestationType, weight: 3 },
        { field: "serial" as const, text: agent.x509SvidSerialNumber, weight: 3 },
      ],
      terms,
    );
    return found
      ? [{ item: { agent, field: found.field, match: found.text }, score: found.score, key: agent.spiffeId }]
      : [];
  });
  const ranked = rankAndPage(scored, page.offset, page.limit);
  return {
    hits: ranked.items.map(({ item, score }) => ({ ...item, score })),
    total: ranked.total,
    nextOffset: ranked.nextOffset,
  };
}
